/* tui/view_cases.c - people's mediation (调解): the case list, newest
 * first, narrowed by year, state, type, mediator or overdue (F3), with
 * each open case's day counter.  Enter opens a case (tui/view_case.c),
 * F5 registers one. */
#include "core/access.h"
#include "app.h"

#include "core/mediation.h"
#include "core/xalloc.h"
#include "filter.h"
#include "form.h"
#include "forms.h"
#include "listview.h"
#include "views.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct cases {
	struct listview lv;   /* first: the list actions work on it */
	struct case_filter filter;
};

static struct cases *cv_of(const struct view *v)
{
	return v->priv;
}

static const struct table_col cols[] = {
	{ N_("Number"),      12, 0, TEXT_LEFT, 0, NULL, 10 },
	{ N_("Accepted"),    10, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Type"),         8, 1, TEXT_LEFT, 0, NULL, 8 },
	{ N_("Parties"),     12, 2, TEXT_LEFT, 2, NULL, 0 },
	{ N_("Mediator"),     6, 3, TEXT_LEFT, 0, N_("Med."), 2 },
	{ N_("State"),        8, 0, TEXT_LEFT, 0, NULL, 2 },
	{ N_("Day"),          4, 0, TEXT_RIGHT, 0, NULL, 0 },
};

static void cells(const struct view *v, const void *row, struct cells *c)
{
	const struct case_row *r = row;
	const char *today = v->app->today;
	snprintf(c->buf[6], sizeof c->buf[6], "%d", case_day(r->accepted, *r->closed ? r->closed : today));
	/* The year and number say which case it is; the whole number (with
	 * the committee's name) is in the case. */
	snprintf(c->buf[0], sizeof c->buf[0], _("%d No.%d"), r->year, r->seq);
	const char *text[] = { c->buf[0], r->accepted, r->type, r->parties, r->mediator, r->state, c->buf[6] };
	memcpy(c->text, text, sizeof text);
	enum case_limit lim = case_limit_of(r->state, r->accepted, today);
	c->color = lim == CASE_OVERDUE ? C_ERROR : C_NORMAL;
	c->attr = lim != CASE_IN_TIME ? A_BOLD : 0;
}

/* ---- the filter ---- */

static const struct filter_field filter_fields[] = {
	{ "year",     N_("Year"),            FILTER_YEAR,      0, NULL },
	{ "state",    N_("State"),           FILTER_CHOICE,    0, case_states },
	{ "type",     N_("Type of dispute"), FILTER_VOCAB_ALL, VOCAB_DISPUTE, NULL },
	{ "mediator", N_("Mediator"),        FILTER_VOCAB_ALL, VOCAB_STAFF, NULL },
	{ "overdue",  N_("Overdue only"),    FILTER_YESNO,     0, NULL },
};

static void filter_get(const struct view *v, struct kv *values)
{
	const struct case_filter *f = &cv_of(v)->filter;
	filter_put_int(values, "year", f->year);
	filter_put_text(values, "state", f->state);
	filter_put_id(values, "type", f->type);
	filter_put_id(values, "mediator", f->mediator);
	filter_put_yes(values, "overdue", f->overdue);
}

static void filter_set(struct view *v, const struct form *form)
{
	struct case_filter *f = &cv_of(v)->filter;
	memset(f, 0, sizeof *f);
	f->year = form_int(form, "year") > 0 ? form_int(form, "year") : 0;
	snprintf(f->state, sizeof f->state, "%s", form_get(form, "state"));
	f->type = form_id(form, "type");
	f->mediator = form_id(form, "mediator");
	f->overdue = form_yes(form, "overdue") > 0;
	snprintf(f->today, sizeof f->today, "%s", v->app->today);
}

static const struct filter_spec list_filter = {
	.title = N_("Narrow the case list (empty: all)"),
	.fields = filter_fields,
	.n = (int)ARRAY_SIZE(filter_fields),
	.get = filter_get,
	.set = filter_set,
};

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.list = &case_list,
	.filter = offsetof(struct cases, filter),
	.cells = cells,
	.title_text = N_("Mediation cases"),
	.empty = N_("No mediation case yet. F5 registers one."),
	.empty_filtered = N_("No case matches. Esc clears the filter."),
	.count = N_("%d/%d cases"),
	.filter_form = &list_filter,
	.filter_size = sizeof(((struct cases *)0)->filter),
};

/* ---- actions ---- */

static int run_open(struct view *v, enum action a)
{
	(void)a;
	const struct case_row *r = lv_selected(&cv_of(v)->lv);
	cases_view_show(v->app, r->id);
	return REDRAW;
}

static int run_new(struct view *v, enum action a)
{
	(void)a;
	forms_case_new(v->app);
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	LISTVIEW_FILTER,
	{ ACT_OPEN, run_open, NEED_ROW, NULL },
	{ ACT_NEW, run_new, NEED_PERM(P_CASE_WRITE), NULL },
	VIEW_END,
};

const struct view_ops cases_view = {
	.name = "cases",
	.scope = "cases",
	.priv_size = sizeof(struct cases),
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
