/* tui/view_today.c - Today (今日): mediation cases at or past their time
 * limit, meetings whose decisions wait for publication or follow-up,
 * households overdue for a visit, visits planned for today, follow-ups
 * not done; each under its heading.  Enter opens the case, the meeting
 * or the household, F7 logs a visit at once; F3 narrows by grid and
 * tag; F9 opens the settings. */
#include "core/access.h"
#include "app.h"

#include "core/mediation.h"
#include "core/meeting.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "filter.h"
#include "form.h"
#include "forms.h"
#include "listview.h"
#include "views.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Rows read of each list: a screenful or two; the counts are whole. */
#define TODAY_ROWS 100

enum { LIST_CASES, LIST_MEETINGS, LIST_OVERDUE, LIST_PLANNED, LIST_FOLLOWUP, LISTS };

/* A row of the list: a heading (row -1) or row `row` of list `list`. */
struct item {
	int index;
	int list;
	int row;
};

struct today_view {
	struct listview lv;     /* first: the list actions work on it */
	struct today data;
	struct case_row *cases; /* open cases from day 25 on */
	int n_cases;
	struct meeting_row *meetings; /* decisions to publish or to follow up */
	int n_meetings, follow_days;
	bool loaded;
	struct item *items;
	int n_items;
	struct { int64_t grid, tag; } filter;
};

enum { A_HOUSEHOLD = NEED_VIEW(0) };

static struct today_view *tv_of(const struct view *v)
{
	return v->priv;
}

static struct today_row *rows_of(const struct today_view *tv, int list, int *n)
{
	switch (list) {
	case LIST_CASES: *n = tv->n_cases; return NULL;
	case LIST_MEETINGS: *n = tv->n_meetings; return NULL;
	case LIST_OVERDUE: *n = tv->data.n_overdue; return tv->data.overdue;
	case LIST_PLANNED: *n = tv->data.n_planned; return tv->data.planned;
	default: *n = tv->data.n_followups; return tv->data.followups;
	}
}

/* ---- the list's source: the items in memory ---- */

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	const struct today_view *tv = tv_of(ctx);
	const struct item *f = from;
	struct item *o = out;
	int start, end;
	if (dir > 0) {
		start = !f ? 0 : inclusive ? f->index : f->index + 1;
		end = start + limit < tv->n_items ? start + limit : tv->n_items;
	} else {
		end = !f ? tv->n_items : f->index;
		start = end - limit > 0 ? end - limit : 0;
	}
	*n = 0;
	for (int i = start; i < end; i++)
		o[(*n)++] = tv->items[i];
	return true;
}

static bool src_count(void *ctx, int *n)
{
	*n = tv_of(ctx)->n_items;
	return true;
}

static void src_free(void *row)
{
	(void)row;
}

static void src_copy(void *dst, const void *src)
{
	*(struct item *)dst = *(const struct item *)src;
}

static const struct list_ops source = {
	.row_size = sizeof(struct item),
	.page = src_page,
	.count = src_count,
	.free_row = src_free,
	.copy_row = src_copy,
};

/* ---- reading ---- */

static void unload(struct today_view *tv)
{
	today_free(&tv->data);
	for (int i = 0; i < tv->n_cases; i++)
		case_row_free(&tv->cases[i]);
	x_free(&tv->cases);
	tv->n_cases = 0;
	for (int i = 0; i < tv->n_meetings; i++)
		meeting_row_free(&tv->meetings[i]);
	x_free(&tv->meetings);
	tv->n_meetings = 0;
	x_free(&tv->items);
	tv->n_items = 0;
}

static void make_items(struct today_view *tv)
{
	int total = LISTS + tv->n_cases + tv->n_meetings + tv->data.n_overdue + tv->data.n_planned +
		    tv->data.n_followups;
	tv->items = x_calloc((size_t)total, sizeof *tv->items);
	for (int list = LIST_CASES; list < LISTS; list++) {
		int n;
		rows_of(tv, list, &n);
		if ((list == LIST_CASES || list == LIST_MEETINGS) && n == 0)
			continue; /* no heading for cases or meetings when none is due */
		tv->items[tv->n_items] = (struct item){ tv->n_items, list, -1 };
		tv->n_items++;
		for (int i = 0; i < n; i++, tv->n_items++)
			tv->items[tv->n_items] = (struct item){ tv->n_items, list, i };
	}
}

/* What an item stands for: a household (with its list), a case or a
 * meeting; 0 for a heading. */
static int64_t id_of(const struct today_view *tv, const struct item *it)
{
	int n;
	if (!it || it->row < 0)
		return 0;
	if (it->list == LIST_CASES)
		return tv->cases[it->row].id;
	if (it->list == LIST_MEETINGS)
		return tv->meetings[it->row].id;
	return rows_of(tv, it->list, &n)[it->row].household_id;
}

static bool load(struct view *v)
{
	struct today_view *tv = tv_of(v);
	struct app *app = v->app;
	unload(tv);
	tv->loaded = reg_today(&app->reg, app->today, tv->filter.grid, tv->filter.tag, TODAY_ROWS, &tv->data) == DB_OK &&
		     reg_cases_overdue(&app->reg, app->today, &tv->cases, &tv->n_cases) == DB_OK &&
		     reg_meetings_due(&app->reg, app->today, &tv->meetings, &tv->n_meetings, &tv->follow_days) == DB_OK;
	if (!tv->loaded) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		unload(tv);
		return false;
	}
	if (!tv->filter.grid && !tv->filter.tag)
		app->due_count = tv->data.all_overdue;
	make_items(tv);
	return true;
}

/* Read again; stay on the same case or household when it is still
 * listed, else at the same place. */
static void td_reload(struct view *v)
{
	struct today_view *tv = tv_of(v);
	const struct item *sel = lv_selected(&tv->lv);
	struct item keep = sel ? *sel : (struct item){ list_position(&tv->lv.list) - 1, -1, -1 };
	int64_t keep_id = id_of(tv, sel);
	int top = tv->lv.list.top_index, rows = tv->lv.list.cap;
	load(v);
	int at = keep.index < tv->n_items ? keep.index : tv->n_items - 1;
	for (int i = 0; keep_id && i < tv->n_items; i++)
		if (tv->items[i].list == keep.list && id_of(tv, &tv->items[i]) == keep_id)
			at = i;
	if (at < 0) {
		lv_reset(&tv->lv, v);
		return;
	}
	/* The window where it was, when the item is still inside it; else
	 * from the heading above it, when it is the first of its list. */
	int from = at >= top && at < top + rows && top < tv->n_items ? top
		 : at > 0 && tv->items[at - 1].row < 0 ? at - 1 : at;
	lv_goto(&tv->lv, v, &tv->items[from], from);
	list_select(&tv->lv.list, at - tv->lv.list.top_index);
}

/* ---- drawing ---- */

static const struct table_col cols[] = {
	{ N_("Address"),  20, 0, TEXT_LEFT, 0, NULL },
	{ N_("Head"),      8, 1, TEXT_LEFT, 0, NULL },
	{ N_("Tags"),     10, 3, TEXT_LEFT, 0, NULL },
	{ N_("Details"),  12, 2, TEXT_LEFT, 1, NULL },
};

static void heading(const struct today_view *tv, int list, char *buf, size_t size)
{
	int shown, all;
	rows_of(tv, list, &shown);
	if (list == LIST_CASES) {
		snprintf(buf, size, _("Mediation cases at or past their one-month limit: %d"), shown);
		return;
	}
	if (list == LIST_MEETINGS) {
		snprintf(buf, size, _("Meetings awaiting publication or follow-up: %d"), shown);
		return;
	}
	all = list == LIST_OVERDUE ? tv->data.all_overdue : list == LIST_PLANNED ? tv->data.all_planned
										 : tv->data.all_followups;
	const char *name = list == LIST_OVERDUE ? _("Overdue for a visit")
			 : list == LIST_PLANNED ? _("Visits planned for today") : _("Follow-ups to do");
	if (shown < all)
		snprintf(buf, size, _("%s: %d (the first %d shown)"), name, all, shown);
	else
		snprintf(buf, size, _("%s: %d"), name, all);
}

static void case_cells(const struct view *v, const struct case_row *c, struct cells *cl)
{
	const char *today = v->app->today;
	enum case_limit lim = case_limit_of(c->state, c->accepted, today);
	snprintf(cl->buf[3], sizeof cl->buf[3], lim == CASE_OVERDUE ? _("day %d, overdue (%s)")
		 : _("day %d, limit near (%s)"), case_day(c->accepted, today), c->state);
	char number[48];
	snprintf(number, sizeof number, _("%d No.%d"), c->year, c->seq);
	cl->own[0] = x_asprintf("%s %s", number, c->type);
	const char *text[] = { cl->own[0], c->mediator, c->parties, cl->buf[3] };
	memcpy(cl->text, text, sizeof text);
}

static void meeting_cells(const struct today_view *tv, const struct meeting_row *m, struct cells *cl)
{
	if (strcmp(m->state, "决议") == 0)
		cl->own[3] = x_asprintf(_("%s, decisions not yet published"), m->state);
	else
		cl->own[3] = x_asprintf(_("%s, no follow-up for %d days"), m->state, tv->follow_days);
	const char *text[] = { m->title, m->date, m->kind, cl->own[3] };
	memcpy(cl->text, text, sizeof text);
}

static void cells(const struct view *v, const void *row, struct cells *cl)
{
	const struct today_view *tv = tv_of(v);
	const struct item *it = row;
	if (it->row < 0)
		return; /* a heading: drawn by decorate */
	if (it->list == LIST_CASES) {
		case_cells(v, &tv->cases[it->row], cl);
		return;
	}
	if (it->list == LIST_MEETINGS) {
		meeting_cells(tv, &tv->meetings[it->row], cl);
		return;
	}
	int n;
	const struct today_row *r = &rows_of(tv, it->list, &n)[it->row];
	if (it->list == LIST_OVERDUE)
		cl->own[3] = r->days < 0 ? x_strdup(_("never visited"))
					 : x_asprintf(_("%d days overdue, last %s"), r->days, r->detail);
	else if (it->list == LIST_PLANNED)
		cl->own[3] = x_asprintf(_("planned for %s"), r->detail);
	const char *text[] = { r->address, r->head, r->tags, cl->own[3] ? cl->own[3] : r->detail };
	memcpy(cl->text, text, sizeof text);
}

static void decorate(const struct view *v, const void *row, int y, int x, int w, const struct table_layout *l,
		     attr_t a)
{
	(void)l;
	(void)a;
	const struct item *it = row;
	if (it->row >= 0)
		return;
	char buf[256];
	heading(tv_of(v), it->list, buf, sizeof buf);
	draw_text(y, x, w - 1, buf, A_BOLD, TEXT_LEFT);
}

static bool selectable(const void *row)
{
	return ((const struct item *)row)->row >= 0;
}

static void title(const struct view *v, char *buf, int size)
{
	char t[64];
	snprintf(t, sizeof t, _("Today %s"), v->app->today);
	filter_title(&tv_of(v)->lv, t, buf, size);
}

/* ---- the filter ---- */

static const struct filter_field filter_fields[] = {
	{ "grid", N_("Grid"), FILTER_VOCAB, VOCAB_GRID, NULL },
	{ "tag",  N_("Tag"),  FILTER_RHYTHM, VOCAB_TAG, NULL },
};

static void filter_get(const struct view *v, struct kv *values)
{
	filter_put_id(values, "grid", tv_of(v)->filter.grid);
	filter_put_id(values, "tag", tv_of(v)->filter.tag);
}

static void filter_set(struct view *v, const struct form *f)
{
	tv_of(v)->filter.grid = form_id(f, "grid");
	tv_of(v)->filter.tag = form_id(f, "tag");
	load(v);
}

static const struct filter_spec list_filter = {
	.title = N_("Narrow Today (empty: all)"),
	.fields = filter_fields,
	.n = (int)ARRAY_SIZE(filter_fields),
	.get = filter_get,
	.set = filter_set,
};

static void clear_filter(struct view *v)
{
	load(v);
}

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.source = &source,
	.cells = cells,
	.title = title,
	.decorate = decorate,
	.selectable = selectable,
	.filter = offsetof(struct today_view, filter),
	.filter_size = sizeof(((struct today_view *)0)->filter),
	.filter_form = &list_filter,
	.clear_filter = clear_filter,
};

static void td_draw(struct view *v)
{
	struct today_view *tv = tv_of(v);
	lv_draw(&tv->lv, v, v->r);
	if (tv->loaded && tv->n_items == 3 && tv->data.all_overdue + tv->data.all_planned + tv->data.all_followups == 0)
		draw_wrapped(v->r.y + 8, v->r.x + 2, v->r.w - 4, 2, _("Nothing is due today."), A_BOLD);
}

/* ---- actions ---- */

static const struct item *selected(const struct view *v)
{
	return lv_selected(&tv_of(v)->lv);
}

static int run_open(struct view *v, enum action a)
{
	(void)a;
	const struct item *it = selected(v);
	int64_t id = id_of(tv_of(v), it);
	if (it->list == LIST_CASES)
		cases_view_show(v->app, id);
	else if (it->list == LIST_MEETINGS)
		meetings_view_show(v->app, id);
	else
		hh_view_show(v->app, id);
	return REDRAW;
}

static int run_visit(struct view *v, enum action a)
{
	(void)a;
	const struct item *it = selected(v);
	int n;
	const struct today_row *r = &rows_of(tv_of(v), it->list, &n)[it->row];
	forms_visit(v->app, r->household_id, 0, it->list == LIST_FOLLOWUP ? r->visit_id : 0);
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	LISTVIEW_FILTER,
	{ ACT_OPEN, run_open, NEED_ROW, NULL },
	{ ACT_VISIT, run_visit, A_HOUSEHOLD | NEED_PERM(P_VISIT_WRITE), NULL },
	VIEW_END,
};

static unsigned td_state(const struct view *v)
{
	const struct item *it = selected(v);
	bool household = it && it->list >= LIST_OVERDUE;
	return lv_state(&tv_of(v)->lv) | (household ? A_HOUSEHOLD : 0);
}

static void td_status(const struct view *v, char *buf, int size)
{
	const struct today_view *tv = tv_of(v);
	snprintf(buf, (size_t)size, _("%d overdue, %d planned, %d follow-ups"), tv->data.all_overdue,
		 tv->data.all_planned, tv->data.all_followups);
}

static bool td_open(struct view *v, const void *arg)
{
	(void)arg;
	lv_init(&tv_of(v)->lv, &spec, v);
	return true;
}

static void td_close(struct view *v)
{
	struct today_view *tv = tv_of(v);
	lv_free(&tv->lv);
	unload(tv);
}

static void td_resize(struct view *v)
{
	struct today_view *tv = tv_of(v);
	if (!tv->loaded)
		load(v);
	lv_resize(&tv->lv, v, v->r);
}

const struct view_ops today_view = {
	.name = "today",
	.scope = "today",
	.priv_size = sizeof(struct today_view),
	.open = td_open,
	.close = td_close,
	.resize = td_resize,
	.draw = td_draw,
	.actions = actions,
	.state = td_state,
	.status = td_status,
	.reload = td_reload,
	.mouse = lv_view_mouse,
};

/* The counts in the section column, without the lists. */
void today_count(struct app *app)
{
	struct today t;
	if (reg_today(&app->reg, app->today, 0, 0, 0, &t) == DB_OK) {
		app->due_count = t.all_overdue;
		today_free(&t);
	}
}
