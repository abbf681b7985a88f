/* tui/view_today.c - Today (今日): mediation cases at or past their time
 * limit, households overdue for a visit, visits planned for today,
 * follow-ups not done.  Enter opens the case or the household, F7 logs
 * a visit at once; F3 narrows by grid and tag; F9 opens the
 * settings (vocabularies and tag intervals). */
#include "app.h"

#include "core/mediation.h"
#include "core/meeting.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "table.h"

#include <stdio.h>
#include <string.h>

/* Rows read of each list: a screenful or two; the counts are whole. */
#define TODAY_ROWS 100

enum { LIST_CASES, LIST_MEETINGS, LIST_OVERDUE, LIST_PLANNED, LIST_FOLLOWUP };

struct item {
	int list;   /* LIST_* */
	int row;    /* -1: the list's heading */
};

struct today_view {
	struct today data;
	struct case_row *cases; /* open cases from day 25 on */
	int n_cases;
	struct meeting_row *meetings; /* decisions to publish or to follow up */
	int n_meetings, follow_days;
	bool loaded;
	struct item *items;
	int n_items;
	int sel, top, height;
	int64_t grid, tag;
	char *grid_name, *tag_name;
};

static const struct table_col cols[] = {
	{ N_("Address"),  20, 0, TEXT_LEFT, 0 },
	{ N_("Head"),      8, 1, TEXT_LEFT, 0 },
	{ N_("Tags"),     10, 3, TEXT_LEFT, 0 },
	{ N_("Details"),  12, 2, TEXT_LEFT, 1 },
};

static struct today_row *rows_of(struct today_view *tv, int list, int *n)
{
	switch (list) {
	case LIST_CASES: *n = tv->n_cases; return NULL;
	case LIST_MEETINGS: *n = tv->n_meetings; return NULL;
	case LIST_OVERDUE: *n = tv->data.n_overdue; return tv->data.overdue;
	case LIST_PLANNED: *n = tv->data.n_planned; return tv->data.planned;
	default: *n = tv->data.n_followups; return tv->data.followups;
	}
}

static const struct case_row *selected_case(const struct today_view *tv)
{
	if (tv->sel < 0 || tv->sel >= tv->n_items || tv->items[tv->sel].row < 0 ||
	    tv->items[tv->sel].list != LIST_CASES)
		return NULL;
	return &tv->cases[tv->items[tv->sel].row];
}

static const struct meeting_row *selected_meeting(const struct today_view *tv)
{
	if (tv->sel < 0 || tv->sel >= tv->n_items || tv->items[tv->sel].row < 0 ||
	    tv->items[tv->sel].list != LIST_MEETINGS)
		return NULL;
	return &tv->meetings[tv->items[tv->sel].row];
}

static void free_cases(struct today_view *tv)
{
	for (int i = 0; i < tv->n_cases; i++)
		case_row_free(&tv->cases[i]);
	x_free(&tv->cases);
	tv->n_cases = 0;
	for (int i = 0; i < tv->n_meetings; i++)
		meeting_row_free(&tv->meetings[i]);
	x_free(&tv->meetings);
	tv->n_meetings = 0;
}

static const struct today_row *selected_row(struct today_view *tv, int *list)
{
	if (tv->sel < 0 || tv->sel >= tv->n_items || tv->items[tv->sel].row < 0 ||
	    tv->items[tv->sel].list == LIST_CASES || tv->items[tv->sel].list == LIST_MEETINGS)
		return NULL;
	int n;
	struct today_row *rows = rows_of(tv, tv->items[tv->sel].list, &n);
	*list = tv->items[tv->sel].list;
	return &rows[tv->items[tv->sel].row];
}

void today_view_reload(struct app *app)
{
	struct today_view *tv = app->today_v;
	if (!tv)
		return;
	int64_t keep = 0;
	int keep_list = 0;
	const struct today_row *r = selected_row(tv, &keep_list);
	if (r)
		keep = r->household_id;
	int64_t keep_case = 0;
	const struct case_row *kc = selected_case(tv);
	if (kc)
		keep_case = kc->id;
	today_free(&tv->data);
	free_cases(tv);
	x_free(&tv->items);
	tv->n_items = 0;
	tv->loaded = reg_today(&app->reg, app->today, tv->grid, tv->tag, TODAY_ROWS, &tv->data) == DB_OK &&
		     reg_cases_overdue(&app->reg, app->today, &tv->cases, &tv->n_cases) == DB_OK &&
		     reg_meetings_due(&app->reg, app->today, &tv->meetings, &tv->n_meetings, &tv->follow_days) == DB_OK;
	if (!tv->loaded) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		return;
	}
	app->due_count = tv->grid || tv->tag ? app->due_count : tv->data.all_overdue;
	int total = 5 + tv->n_cases + tv->n_meetings + tv->data.n_overdue + tv->data.n_planned + tv->data.n_followups;
	tv->items = x_calloc((size_t)total, sizeof *tv->items);
	for (int list = LIST_CASES; list <= LIST_FOLLOWUP; list++) {
		int n;
		rows_of(tv, list, &n);
		if ((list == LIST_CASES || list == LIST_MEETINGS) && n == 0)
			continue; /* no heading for cases or meetings when none is due */
		tv->items[tv->n_items++] = (struct item){ list, -1 };
		for (int i = 0; i < n; i++)
			tv->items[tv->n_items++] = (struct item){ list, i };
	}
	/* Stay on the same case or household when it is still listed. */
	tv->sel = -1;
	for (int i = 0; i < tv->n_items && keep_case; i++)
		if (tv->items[i].row >= 0 && tv->items[i].list == LIST_CASES && tv->cases[tv->items[i].row].id == keep_case)
			tv->sel = i;
	for (int i = 0; i < tv->n_items && keep; i++) {
		int n;
		struct today_row *rows = rows_of(tv, tv->items[i].list, &n);
		if (tv->items[i].row >= 0 && tv->items[i].list >= LIST_OVERDUE && tv->items[i].list == keep_list &&
		    rows[tv->items[i].row].household_id == keep)
			tv->sel = i;
	}
	if (tv->sel < 0)
		for (int i = 0; i < tv->n_items && tv->sel < 0; i++)
			if (tv->items[i].row >= 0)
				tv->sel = i;
}

/* The counts in the section column, without the lists. */
void today_count(struct app *app)
{
	struct today t;
	if (reg_today(&app->reg, app->today, 0, 0, 0, &t) == DB_OK) {
		app->due_count = t.all_overdue;
		today_free(&t);
	}
}

struct today_view *today_view_new(struct app *app)
{
	struct today_view *tv = x_calloc(1, sizeof *tv);
	tv->sel = -1;
	app->today_v = tv;
	return tv;
}

void today_view_free(struct today_view **ptv)
{
	struct today_view *tv = *ptv;
	if (!tv)
		return;
	today_free(&tv->data);
	free_cases(tv);
	x_free(&tv->items);
	x_free(&tv->grid_name);
	x_free(&tv->tag_name);
	x_free(ptv);
}

static void heading(struct today_view *tv, int list, char *buf, size_t size)
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
	all = list == LIST_OVERDUE ? tv->data.all_overdue
	    : list == LIST_PLANNED ? tv->data.all_planned : tv->data.all_followups;
	const char *name = list == LIST_OVERDUE ? _("Overdue for a visit")
			 : list == LIST_PLANNED ? _("Visits planned for today") : _("Follow-ups to do");
	if (shown < all)
		snprintf(buf, size, _("%s: %d (the first %d shown)"), name, all, shown);
	else
		snprintf(buf, size, _("%s: %d"), name, all);
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct today_view *tv = app->today_v;
	if (!tv->loaded)
		today_view_reload(app);
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	char title[256];
	snprintf(title, sizeof title, _("Today %s"), app->today);
	if (tv->grid_name || tv->tag_name)
		snprintf(title + strlen(title), sizeof title - strlen(title), _("   filter: %s %s"),
			 tv->grid_name ? tv->grid_name : "", tv->tag_name ? tv->tag_name : "");
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	struct table_layout l;
	table_layout(cols, (int)ARRAY_SIZE(cols), w - 1, &l);
	table_draw_header(y + 1, x + 1, w - 1, cols, &l, draw_attr(C_TITLE));
	int body = h - 2;
	tv->height = body;
	if (tv->sel >= 0 && tv->sel < tv->top)
		tv->top = tv->sel;
	if (tv->sel >= tv->top + body)
		tv->top = tv->sel - body + 1;
	if (tv->top > 0 && tv->sel > 0 && tv->items[tv->sel - 1].row < 0 && tv->sel - 1 < tv->top)
		tv->top = tv->sel - 1; /* keep a list's heading with its first row */
	for (int i = 0; i < body && tv->top + i < tv->n_items; i++) {
		const struct item *it = &tv->items[tv->top + i];
		int ry = y + 2 + i;
		if (it->row < 0) {
			char buf[256];
			heading(tv, it->list, buf, sizeof buf);
			draw_text(ry, x + 1, w - 2, buf, A_BOLD, TEXT_LEFT);
			continue;
		}
		attr_t a = tv->top + i == tv->sel ? draw_attr(C_SELECTED) : A_NORMAL;
		if (it->list == LIST_CASES) {
			const struct case_row *c = &tv->cases[it->row];
			char number[48], detail[128];
			snprintf(number, sizeof number, _("%d No.%d"), c->year, c->seq);
			enum case_limit lim = case_limit_of(c->state, c->accepted, app->today);
			snprintf(detail, sizeof detail, lim == CASE_OVERDUE ? _("day %d, overdue (%s)")
				 : _("day %d, limit near (%s)"), case_day(c->accepted, app->today), c->state);
			char *what = x_asprintf("%s %s", number, c->type);
			const char *cells[] = { what, c->mediator, c->parties, detail };
			table_draw_row(ry, x + 1, w - 1, &l, cols, cells, a);
			x_free(&what);
			continue;
		}
		if (it->list == LIST_MEETINGS) {
			const struct meeting_row *m = &tv->meetings[it->row];
			char detail[160];
			if (strcmp(m->state, "决议") == 0)
				snprintf(detail, sizeof detail, _("%s, decisions not yet published"), m->state);
			else
				snprintf(detail, sizeof detail, _("%s, no follow-up for %d days"), m->state, tv->follow_days);
			const char *cells[] = { m->title, m->date, m->kind, detail };
			table_draw_row(ry, x + 1, w - 1, &l, cols, cells, a);
			continue;
		}
		int n;
		const struct today_row *r = &rows_of(tv, it->list, &n)[it->row];
		char detail[512];
		if (it->list == LIST_OVERDUE)
			snprintf(detail, sizeof detail, r->days < 0 ? _("never visited")
				 : _("%d days overdue, last %s"), r->days, r->detail);
		else if (it->list == LIST_PLANNED)
			snprintf(detail, sizeof detail, _("planned for %s"), r->detail);
		else
			snprintf(detail, sizeof detail, "%s", r->detail);
		const char *cells[] = { r->address, r->head, r->tags, detail };
		table_draw_row(ry, x + 1, w - 1, &l, cols, cells, a);
	}
	if (tv->loaded && tv->n_items == 3 && tv->data.all_overdue + tv->data.all_planned + tv->data.all_followups == 0)
		draw_wrapped(y + 8, x + 2, w - 4, 2, _("Nothing is due today."), A_BOLD);
}

static void step_sel(struct today_view *tv, int delta)
{
	int i = tv->sel;
	int step = delta > 0 ? 1 : -1;
	for (int k = 0; k < (delta > 0 ? delta : -delta); k++) {
		int j = i + step;
		while (j >= 0 && j < tv->n_items && tv->items[j].row < 0)
			j += step;
		if (j < 0 || j >= tv->n_items)
			break;
		i = j;
	}
	tv->sel = i;
}

/* ---- the filter, as a small form ---- */

struct filter_ctx {
	struct vocab *grids, *tags;
	int n_grids, n_tags;
};

static void free_filter(void *p)
{
	struct filter_ctx *c = p;
	vocab_free(&c->grids, &c->n_grids);
	vocab_free(&c->tags, &c->n_tags);
	x_free(&c);
}

static enum db_status apply_filter(struct app *app, struct form *f)
{
	struct today_view *tv = app->today_v;
	tv->grid = form_field(f, "grid")->link_id;
	tv->tag = form_field(f, "tag")->link_id;
	x_free(&tv->grid_name);
	x_free(&tv->tag_name);
	if (tv->grid)
		tv->grid_name = x_strdup(form_get(f, "grid"));
	if (tv->tag)
		tv->tag_name = x_strdup(form_get(f, "tag"));
	tv->loaded = false;
	app_message(app, false, "%s", tv->grid || tv->tag ? _("The list is narrowed; Esc shows all again.")
						      : _("The list shows all again."));
	return DB_OK;
}

static const struct form_ops filter_ops = {
	.save = apply_filter,
	.free_ctx = free_filter,
};

static void set_choices(struct ffield *ff, const struct vocab *v, int n, bool rhythm_only)
{
	const char **names = x_calloc((size_t)(n > 0 ? n : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (!rhythm_only || v[i].extra > 0) {
			names[k] = v[i].name;
			ids[k++] = v[i].id;
		}
	form_set_choices(ff, names, ids, k);
	x_free(&names);
	x_free(&ids);
}

static void open_filter(struct app *app)
{
	struct today_view *tv = app->today_v;
	struct filter_ctx *c = x_calloc(1, sizeof *c);
	reg_vocab(&app->reg, VOCAB_GRID, false, &c->grids, &c->n_grids);
	reg_vocab(&app->reg, VOCAB_TAG, false, &c->tags, &c->n_tags);
	struct form *f = form_new(&filter_ops, c, _("Narrow Today (empty: all)"));
	struct field_def gd = { "grid", N_("Grid"), FK_SELECT, 0, false, NULL };
	struct field_def td = { "tag", N_("Tag"), FK_SELECT, 0, false, NULL };
	set_choices(form_add(f, &gd), c->grids, c->n_grids, false);
	set_choices(form_add(f, &td), c->tags, c->n_tags, true);
	form_set(f, "grid", tv->grid_name ? tv->grid_name : "");
	form_set(f, "tag", tv->tag_name ? tv->tag_name : "");
	form_open(app, f);
}

static int action(struct app *app, enum action a)
{
	struct today_view *tv = app->today_v;
	int list;
	const struct today_row *r = selected_row(tv, &list);
	switch (a) {
	case ACT_MOVE_DOWN: step_sel(tv, 1); break;
	case ACT_MOVE_UP: step_sel(tv, -1); break;
	case ACT_PAGE_DOWN: step_sel(tv, tv->height > 1 ? tv->height - 1 : 1); break;
	case ACT_PAGE_UP: step_sel(tv, -(tv->height > 1 ? tv->height - 1 : 1)); break;
	case ACT_MOVE_FIRST: step_sel(tv, -tv->n_items); tv->top = 0; break;
	case ACT_MOVE_LAST: step_sel(tv, tv->n_items); break;
	case ACT_OPEN:
		if (r)
			hh_view_show(app, r->household_id);
		else if (selected_case(tv))
			cases_view_show(app, selected_case(tv)->id);
		else if (selected_meeting(tv))
			meetings_view_show(app, selected_meeting(tv)->id);
		break;
	case ACT_VISIT:
		if (r)
			forms_visit(app, r->household_id, 0, list == LIST_FOLLOWUP ? r->visit_id : 0);
		break;
	case ACT_SEARCH:
		open_filter(app);
		break;
	case ACT_BACK:
		if (!tv->grid && !tv->tag)
			return REDRAW_NONE;
		tv->grid = tv->tag = 0;
		x_free(&tv->grid_name);
		x_free(&tv->tag_name);
		tv->loaded = false;
		break;
	case ACT_SETTINGS:
		settings_open(app);
		break;
	default:
		return NOT_HANDLED;
	}
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	struct today_view *tv = app->today_v;
	int list;
	bool row = selected_row(tv, &list) != NULL;
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_MOVE_FIRST: case ACT_MOVE_LAST: case ACT_SEARCH: case ACT_SETTINGS:
		return true;
	case ACT_OPEN:
		return row || selected_case(tv) || selected_meeting(tv);
	case ACT_VISIT:
		return row;
	case ACT_BACK:
		return tv->grid || tv->tag;
	default:
		return false;
	}
}

static void status(const struct app *app, char *buf, int size)
{
	struct today_view *tv = app->today_v;
	snprintf(buf, (size_t)size, _("%d overdue, %d planned, %d follow-ups"), tv->data.all_overdue,
		 tv->data.all_planned, tv->data.all_followups);
}

static void reload(struct app *app)
{
	app->today_v->loaded = false;
}

const struct view_ops today_view = {
	.scope = "today",
	.draw = draw,
	.action = action,
	.supports = supports,
	.status = status,
	.reload = reload,
};
