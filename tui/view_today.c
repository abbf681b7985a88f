/* tui/view_today.c - Today (今日): mediation cases at or past their time
 * limit, meetings whose decisions wait for publication or follow-up,
 * visits planned for today, planned visits missed, follow-ups not done,
 * and every household overdue for a visit, the most urgent first; each
 * under its heading.  It opens on the most urgent household.  Enter
 * opens the case, the meeting or the household, F7 logs a visit at
 * once and the selection stays in its place (on the next household);
 * F3 narrows by grid and tag; F9 opens the settings. */
#include "core/access.h"
#include "app.h"

#include "core/mediation.h"
#include "core/meeting.h"
#include "core/rules.h"
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

/* The lists under their headings, in their order on the screen: those
 * of households are Today's lists (enum today_list) from L_PLANNED on,
 * paged from the register; the cases and meetings near their limits
 * are few and read whole. */
enum { L_CASES, L_MEETINGS, L_PLANNED, L_MISSED, L_FOLLOWUP, L_OVERDUE, LISTS };

static enum today_list db_list(int list)
{
	return (enum today_list)(list - L_PLANNED);
}

/* A row of the list: the heading of list `list` (row -1), case or
 * meeting number `row`, or a household r of a list of households. */
struct item {
	int list;
	int row;
	struct today_row r;
};

struct today_view {
	struct listview lv;     /* first: the list actions work on it */
	struct today_query q;
	int counts[TODAY_LISTS];
	struct case_row *cases; /* open cases from day 25 on */
	int n_cases;
	struct meeting_row *meetings; /* decisions to publish or to follow up */
	int n_meetings, follow_days;
	bool loaded;
	struct { int64_t grid, tag; } filter;
};

enum { A_HOUSEHOLD = NEED_VIEW(0) };

static struct today_view *tv_of(const struct view *v)
{
	return v->priv;
}

/* How many rows list has, and whether it shows (its heading even when
 * empty, except for cases, meetings and missed plans). */
static int size_of(const struct today_view *tv, int list)
{
	return list == L_CASES ? tv->n_cases : list == L_MEETINGS ? tv->n_meetings : tv->counts[db_list(list)];
}

static bool shown(const struct today_view *tv, int list)
{
	return (list != L_CASES && list != L_MEETINGS && list != L_MISSED) || size_of(tv, list) > 0;
}

/* The next (dir > 0) or previous list shown after `list`; -1 or LISTS
 * when none. */
static int next_list(const struct today_view *tv, int list, int dir)
{
	do
		list += dir;
	while (list >= 0 && list < LISTS && !shown(tv, list));
	return list;
}

/* The position of the heading of list in the whole list (or of the end
 * for LISTS). */
static int offset_of(const struct today_view *tv, int list)
{
	int at = 0;
	for (int l = 0; l < list; l++)
		if (shown(tv, l))
			at += 1 + size_of(tv, l);
	return at;
}

static void item_free(void *row)
{
	struct item *it = row;
	if (it->list >= L_PLANNED)
		today_row_free(&it->r);
}

static void item_copy(void *dst, const void *src)
{
	const struct item *s = src;
	struct item *d = dst;
	*d = *s;
	if (s->list >= L_PLANNED && s->row >= 0)
		today_row_copy(&d->r, &s->r);
}

static bool same_item(const struct item *a, const struct item *b)
{
	if (a->list != b->list || (a->row < 0) != (b->row < 0))
		return false;
	if (a->list < L_PLANNED)
		return a->row == b->row;
	return a->row < 0 || (a->r.household_id == b->r.household_id && a->r.visit_id == b->r.visit_id);
}

/* ---- the list's source: the headings and the rows of each list ---- */

/* Rows of one list in list order: after (dir > 0) or before `from`
 * (one of its rows; NULL: from its start or its end). */
static bool rows_of(struct view *v, int list, const struct item *from, int dir, bool inclusive, int limit,
		    struct item *out, int *n)
{
	struct today_view *tv = tv_of(v);
	*n = 0;
	if (limit <= 0)
		return true;
	if (list < L_PLANNED) {
		int size = size_of(tv, list), start, end;
		if (dir > 0) {
			start = !from ? 0 : inclusive ? from->row : from->row + 1;
			end = start + limit < size ? start + limit : size;
		} else {
			end = !from ? size : inclusive ? from->row + 1 : from->row;
			start = end - limit > 0 ? end - limit : 0;
		}
		for (int i = start; i < end; i++)
			out[(*n)++] = (struct item){ list, i, { 0 } };
		return true;
	}
	struct today_row *rows = x_calloc((size_t)limit, sizeof *rows);
	int got = 0;
	bool ok = reg_today_page(&v->app->reg, &tv->q, db_list(list), from ? &from->r : NULL, dir, inclusive, limit,
				 rows, &got) == DB_OK;
	for (int i = 0; i < got; i++)
		out[(*n)++] = (struct item){ list, 0, rows[i] };
	x_free(&rows);
	return ok;
}

static struct item heading_of(int list)
{
	return (struct item){ list, -1, { 0 } };
}

static void reverse(struct item *it, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct item t = it[i];
		it[i] = it[j];
		it[j] = t;
	}
}

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct view *v = ctx;
	const struct today_view *tv = tv_of(v);
	const struct item *f = from;
	struct item *o = out;
	*n = 0;
	bool ok = true;
	if (dir > 0) {
		int list = f ? f->list : next_list(tv, -1, 1);
		bool head = !f || (f->row < 0 && inclusive);
		const struct item *key = f && f->row >= 0 ? f : NULL;
		while (ok && list < LISTS && *n < limit) {
			int got = 0;
			if (head)
				o[(*n)++] = heading_of(list);
			ok = rows_of(v, list, key, 1, key && inclusive, limit - *n, o + *n, &got);
			*n += got;
			key = NULL;
			head = true;
			list = next_list(tv, list, 1);
		}
		return ok;
	}
	/* Backwards: gathered nearest first, then put in list order. */
	int list = f ? f->list : next_list(tv, LISTS, -1);
	const struct item *key = f && f->row >= 0 ? f : NULL;
	if (f && f->row < 0) {
		if (inclusive)
			o[(*n)++] = heading_of(list);
		list = next_list(tv, list, -1);
	}
	while (ok && list >= 0 && *n < limit) {
		int got = 0;
		ok = rows_of(v, list, key, -1, key && inclusive, limit - *n, o + *n, &got);
		reverse(o + *n, got);
		*n += got;
		if (*n < limit)
			o[(*n)++] = heading_of(list);
		key = NULL;
		list = next_list(tv, list, -1);
	}
	reverse(o, *n);
	return ok;
}

static bool src_count(void *ctx, int *n)
{
	*n = offset_of(tv_of(ctx), LISTS);
	return true;
}

static const struct list_ops source = {
	.row_size = sizeof(struct item),
	.page = src_page,
	.count = src_count,
	.free_row = item_free,
	.copy_row = item_copy,
};

/* ---- reading ---- */

static void unload(struct today_view *tv)
{
	memset(tv->counts, 0, sizeof tv->counts);
	for (int i = 0; i < tv->n_cases; i++)
		case_row_free(&tv->cases[i]);
	x_free(&tv->cases);
	tv->n_cases = 0;
	for (int i = 0; i < tv->n_meetings; i++)
		meeting_row_free(&tv->meetings[i]);
	x_free(&tv->meetings);
	tv->n_meetings = 0;
}

/* What an item stands for: a household, a case or a meeting; 0 for a
 * heading. */
static int64_t id_of(const struct today_view *tv, const struct item *it)
{
	if (!it || it->row < 0)
		return 0;
	if (it->list == L_CASES)
		return tv->cases[it->row].id;
	if (it->list == L_MEETINGS)
		return tv->meetings[it->row].id;
	return it->r.household_id;
}

/* Count the lists again and read the cases and meetings; the rows of
 * households are read as they come into view. */
static bool load(struct view *v)
{
	struct today_view *tv = tv_of(v);
	struct app *app = v->app;
	unload(tv);
	today_query_init(&tv->q, app->today, tv->filter.grid, tv->filter.tag);
	tv->loaded = reg_today_count(&app->reg, &tv->q, tv->counts) == DB_OK &&
		     reg_cases_overdue(&app->reg, app->today, &tv->cases, &tv->n_cases) == DB_OK &&
		     reg_meetings_due(&app->reg, app->today, &tv->meetings, &tv->n_meetings, &tv->follow_days) == DB_OK;
	if (!tv->loaded) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		unload(tv);
		return false;
	}
	if (!tv->filter.grid && !tv->filter.tag)
		app->due_count = tv->counts[TODAY_OVERDUE];
	return true;
}

/* Select item in the window, when it is there. */
static bool select_item(struct today_view *tv, const struct item *it)
{
	for (int i = 0; i < tv->lv.list.nrows; i++)
		if (same_item(list_row(&tv->lv.list, i), it)) {
			list_select(&tv->lv.list, i);
			return true;
		}
	return false;
}

/* Show item (at position pos of the whole list) selected on screen
 * line `line` of the list, as far as the rows above it allow. */
static void show_at(struct view *v, const struct item *it, int pos, int line)
{
	struct today_view *tv = tv_of(v);
	int got = 0;
	struct item *above = NULL;
	if (line > 0) {
		above = x_calloc((size_t)line, sizeof *above);
		if (!src_page(v, it, -1, false, line, above, &got))
			tv->lv.list.failed = true;
	}
	lv_goto(&tv->lv, v, got ? &above[0] : it, got ? pos - got : pos);
	select_item(tv, it);
	for (int i = 0; i < got; i++)
		item_free(&above[i]);
	x_free(&above);
}

/* The start: on the most urgent household, the first overdue one; the
 * window from the top when the lists above leave room for it. */
static void td_start(struct view *v)
{
	struct today_view *tv = tv_of(v);
	if (!tv->loaded || !tv->counts[TODAY_OVERDUE])
		return;
	int at = offset_of(tv, L_OVERDUE);
	struct item first;
	int got = 0;
	if (!rows_of(v, L_OVERDUE, NULL, 1, false, 1, &first, &got)) {
		tv->lv.list.failed = true;
		return;
	}
	if (!got)
		return;
	show_at(v, &first, at + 1, at + 1 < tv->lv.list.cap ? at + 1 : 1);
	item_free(&first);
}

/* Read again; stay on the same case or household when it is still in
 * its list, else at the same place in that list (the household after
 * it), on the same line of the screen. */
static void td_reload(struct view *v)
{
	struct today_view *tv = tv_of(v);
	const struct item *sel = tv->loaded ? lv_selected(&tv->lv) : NULL;
	if (!sel) {
		load(v);
		lv_reset(&tv->lv, v);
		return;
	}
	struct item keep;
	item_copy(&keep, sel);
	int64_t keep_id = id_of(tv, sel);
	int line = tv->lv.list.sel;
	int place = list_position(&tv->lv.list) - 1 - offset_of(tv, keep.list) - 1; /* within its list */
	if (!load(v)) {
		item_free(&keep);
		lv_reset(&tv->lv, v);
		return;
	}
	struct item at = { keep.list, -1, { 0 } };
	int size = size_of(tv, keep.list);
	if (place >= size)
		place = size - 1;
	if (keep.list < L_PLANNED) {
		for (int i = 0; i < size; i++)
			if (id_of(tv, &(struct item){ keep.list, i, { 0 } }) == keep_id)
				place = i;
		at.row = place;
	} else if (size > 0) {
		struct today_row r;
		int got = 0;
		if (reg_today_find(&v->app->reg, &tv->q, db_list(keep.list), keep.r.household_id,
				   keep.list == L_FOLLOWUP ? keep.r.visit_id : 0, &r) == DB_OK) {
			at = (struct item){ keep.list, 0, r };
		} else if (rows_of(v, keep.list, &keep, 1, true, 1, &at, &got) && got) {
			/* gone: the one after it takes its place */
		} else if (rows_of(v, keep.list, NULL, -1, false, 1, &at, &got) && got) {
			place = size - 1; /* it was the last */
		} else {
			at.row = -1;
		}
	}
	item_free(&keep);
	if (at.row < 0) {
		/* Its list is empty now: from its heading, or the start. */
		if (shown(tv, at.list)) {
			lv_goto(&tv->lv, v, &at, offset_of(tv, at.list));
		} else {
			lv_reset(&tv->lv, v);
		}
		return;
	}
	show_at(v, &at, offset_of(tv, at.list) + 1 + place, line);
	item_free(&at);
}

/* ---- drawing ---- */

static const struct table_col cols[] = {
	{ N_("Address"),  20, 0, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Head"),      8, 1, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Tags"),     10, 3, TEXT_LEFT, 0, NULL, 14 },
	{ N_("Details"),  12, 2, TEXT_LEFT, 1, NULL, 0 },
};

static void heading(const struct today_view *tv, int list, char *buf, size_t size)
{
	int n = size_of(tv, list);
	switch (list) {
	case L_CASES:
		snprintf(buf, size, _("Mediation cases at or past their one-month limit: %d"), n);
		break;
	case L_MEETINGS:
		snprintf(buf, size, _("Meetings awaiting publication or follow-up: %d"), n);
		break;
	case L_PLANNED:
		snprintf(buf, size, _("%s: %d"), _("Visits planned for today"), n);
		break;
	case L_MISSED:
		snprintf(buf, size, _("Missed: visits planned more than %d days ago: %d"), PLAN_MISSED_DAYS, n);
		break;
	case L_FOLLOWUP:
		snprintf(buf, size, _("%s: %d"), _("Follow-ups to do"), n);
		break;
	default:
		snprintf(buf, size, _("%s: %d"), _("Overdue for a visit"), n);
		break;
	}
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
	if (it->list == L_CASES) {
		case_cells(v, &tv->cases[it->row], cl);
		return;
	}
	if (it->list == L_MEETINGS) {
		meeting_cells(tv, &tv->meetings[it->row], cl);
		return;
	}
	const struct today_row *r = &it->r;
	if (it->list == L_OVERDUE)
		cl->own[3] = r->days < 0 ? x_strdup(_("never visited"))
					 : x_asprintf(_("%d days overdue, last %s"), r->days, r->detail);
	else if (it->list == L_PLANNED)
		cl->own[3] = x_asprintf(_("planned for %s"), r->detail);
	else if (it->list == L_MISSED)
		cl->own[3] = x_asprintf(_("planned for %s, %d days ago"), r->detail, r->days);
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
	.start = td_start,
};

static void td_draw(struct view *v)
{
	struct today_view *tv = tv_of(v);
	lv_draw(&tv->lv, v, v->r);
	int due = tv->n_cases + tv->n_meetings;
	for (int l = 0; l < TODAY_LISTS; l++)
		due += tv->counts[l];
	if (tv->loaded && !due)
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
	if (it->list == L_CASES)
		cases_view_show(v->app, id);
	else if (it->list == L_MEETINGS)
		meetings_view_show(v->app, id);
	else
		hh_view_show(v->app, id);
	return REDRAW;
}

static int run_visit(struct view *v, enum action a)
{
	(void)a;
	const struct item *it = selected(v);
	forms_visit(v->app, it->r.household_id, 0, it->list == L_FOLLOWUP ? it->r.visit_id : 0);
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
	bool household = it && it->list >= L_PLANNED;
	return lv_state(&tv_of(v)->lv) | (household ? A_HOUSEHOLD : 0);
}

static void td_status(const struct view *v, char *buf, int size)
{
	const struct today_view *tv = tv_of(v);
	snprintf(buf, (size_t)size, _("%d overdue, %d planned, %d missed, %d follow-ups"), tv->counts[TODAY_OVERDUE],
		 tv->counts[TODAY_PLANNED], tv->counts[TODAY_MISSED], tv->counts[TODAY_FOLLOWUP]);
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
	if (reg_today(&app->reg, app->today, 0, 0, 0, &t) == DB_OK) { /* counts only */
		app->due_count = t.all_overdue;
		today_free(&t);
	}
}
