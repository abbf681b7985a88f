/* tui/view_meetings.c - consultation meetings (议事): the list by date,
 * newest first, narrowed by state and dates (F3).  Enter opens a
 * meeting (tui/view_meeting.c), F5 plans one. */
#include "core/access.h"
#include "app.h"

#include "core/meeting.h"
#include "core/xalloc.h"
#include "filter.h"
#include "form.h"
#include "forms.h"
#include "listview.h"
#include "views.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct meetings {
	struct listview lv;   /* first: the list actions work on it */
	struct meeting_filter filter;
};

static struct meetings *mv_of(const struct view *v)
{
	return v->priv;
}

static const struct table_col cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Kind"),      8, 2, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Title"),    12, 1, TEXT_LEFT, 2, NULL, 0 },
	{ N_("Place"),     8, 3, TEXT_LEFT, 1, NULL, 6 },
	{ N_("Present"),   7, 0, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("State"),     8, 0, TEXT_LEFT, 0, NULL, 0 },
};

static void cells(const struct view *v, const void *row, struct cells *c)
{
	(void)v;
	const struct meeting_row *r = row;
	if (r->entitled >= 0)
		snprintf(c->buf[4], sizeof c->buf[4], "%d/%d", r->present, r->entitled);
	else
		snprintf(c->buf[4], sizeof c->buf[4], "%d", r->present);
	const char *text[] = { r->date, r->kind, r->title, r->place, c->buf[4], r->state };
	memcpy(c->text, text, sizeof text);
}

/* ---- the filter ---- */

static const struct filter_field filter_fields[] = {
	{ "state", N_("State"), FILTER_CHOICE, 0, meeting_states },
	{ "from",  N_("From"),  FILTER_DATE,   0, NULL },
	{ "to",    N_("To"),    FILTER_DATE,   0, NULL },
};

static void filter_get(const struct view *v, struct kv *values)
{
	const struct meeting_filter *f = &mv_of(v)->filter;
	filter_put_text(values, "state", f->state);
	filter_put_text(values, "from", f->from);
	filter_put_text(values, "to", f->to);
}

static void filter_set(struct view *v, const struct form *form)
{
	struct meeting_filter *f = &mv_of(v)->filter;
	memset(f, 0, sizeof *f);
	snprintf(f->state, sizeof f->state, "%s", form_get(form, "state"));
	snprintf(f->from, sizeof f->from, "%s", form_get(form, "from"));
	snprintf(f->to, sizeof f->to, "%s", form_get(form, "to"));
}

static const struct filter_spec list_filter = {
	.title = N_("Narrow the meeting list (empty: all)"),
	.fields = filter_fields,
	.n = (int)ARRAY_SIZE(filter_fields),
	.get = filter_get,
	.set = filter_set,
};

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.list = &meeting_list,
	.filter = offsetof(struct meetings, filter),
	.cells = cells,
	.title_text = N_("Consultation meetings"),
	.empty = N_("No meeting yet. F5 plans one."),
	.empty_filtered = N_("No meeting matches. Esc clears the filter."),
	.count = N_("%d/%d meetings"),
	.filter_form = &list_filter,
	.filter_size = sizeof(((struct meetings *)0)->filter),
};

/* ---- actions ---- */

static int run_open(struct view *v, enum action a)
{
	(void)a;
	const struct meeting_row *r = lv_selected(&mv_of(v)->lv);
	meetings_view_show(v->app, r->id);
	return REDRAW;
}

static int run_new(struct view *v, enum action a)
{
	(void)a;
	forms_meeting(v->app, 0);
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	LISTVIEW_FILTER,
	{ ACT_OPEN, run_open, NEED_ROW, NULL },
	{ ACT_NEW, run_new, NEED_PERM(P_MEETING_WRITE), NULL },
	VIEW_END,
};

const struct view_ops meetings_view = {
	.name = "meetings",
	.scope = "meetings",
	.priv_size = sizeof(struct meetings),
	.data = &spec,
	.open = lv_view_open,
	.close = lv_view_close,
	.resize = lv_view_resize,
	.draw = lv_view_draw,
	.actions = actions,
	.state = lv_view_state,
	.status = lv_view_status,
	.reload = lv_view_reload,
	.mouse = lv_view_mouse,
};
