/* tui/view_households.c - the household register: list, detail, search.
 *
 * The list is the shared paged window of core/listwin.c over the register's
 * queries, so memory does not grow with the register. */
#include "app.h"

#include "core/date.h"
#include "core/visit.h"
#include "core/lineedit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "forms.h"
#include "core/listwin.h"
#include "core/mediation.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct hh_view {
	struct hh_filter filter;
	struct lineedit query; /* what the user typed after / */
	bool searching;      /* the search prompt has the keyboard */
	struct list list;    /* the visible window of the register */
	struct household detail;
	int64_t detail_id;   /* 0: nothing loaded */
	bool detail_ok;
	bool detail_full;    /* detail as a full screen */
	int detail_scroll;
	int detail_lines;    /* lines the detail had when last drawn */
	int detail_h;        /* height it had */
	int msel;            /* full detail: -1 the household, else a member */
	int64_t pinned;      /* full detail of this household, opened from elsewhere */
	int from_section;    /* where it was opened from */
	int member_line0;    /* detail line of the first member */
	struct visit_row *visits; /* the detail's household's visits, newest first */
	int n_visits;
	struct case_row *cases;   /* the mediation cases its residents are parties to */
	int n_cases;
	char *last_visit, *next_due;
	bool failed;         /* a query failed: the empty list is not news */
	bool ranked;         /* the list shows search results, best first */
	struct search_result found;
	int list_y, list_x, list_w; /* where the rows were drawn */
};

static const struct table_col list_cols[] = {
	{ N_("Compound"), 10, 3, TEXT_LEFT, 0 },
	{ N_("No."),       9, 0, TEXT_LEFT, 0 },
	{ N_("Head"),      8, 0, TEXT_LEFT, 0 },
	{ N_("Ppl"),       4, 2, TEXT_RIGHT, 0 },
	{ N_("Kind"),      8, 4, TEXT_LEFT, 0 },
	{ N_("Phone"),    12, 5, TEXT_LEFT, 0 },
	{ N_("Tags"),      8, 1, TEXT_LEFT, 1 },
};

static const struct table_col member_cols[] = {
	{ N_("Relation"),  8, 0, TEXT_LEFT, 0 },
	{ N_("Name"),     10, 0, TEXT_LEFT, 0 },
	{ N_("Sex"),       4, 1, TEXT_LEFT, 0 },
	{ N_("Age"),       4, 1, TEXT_RIGHT, 0 },
	{ N_("ID number"),18, 2, TEXT_LEFT, 0 },
	{ N_("Phone"),    12, 3, TEXT_LEFT, 0 },
	{ N_("Status"),    4, 4, TEXT_LEFT, 0 },
	{ N_("Tags"),      6, 5, TEXT_LEFT, 1 },
};

static const struct table_col visit_cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0 },
	{ N_("Method"),    8, 2, TEXT_LEFT, 0 },
	{ N_("Purpose"),  12, 1, TEXT_LEFT, 0 },
	{ N_("Staff"),     8, 3, TEXT_LEFT, 0 },
	{ N_("Findings"), 10, 0, TEXT_LEFT, 1 },
};

/* A query failed: say so in the status line (SQLite's own words for
 * the detail) and keep the list as it is. */
static void report(struct app *app)
{
	app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
}

/* ---- the list's source: the register under the current filter ---- */

/* Ranked results are paged by their position, kept in the row's key
 * as "#000123"; the key's id stays the household's. */
static int ranked_pos(const struct hh_row *r)
{
	return r && r->key.sort_key && r->key.sort_key[0] == '#' ? atoi(r->key.sort_key + 1) : -1;
}

static bool ranked_page(struct app *app, const struct hh_row *from, int dir, bool inclusive,
			int limit, struct hh_row *out, int *n)
{
	const struct search_result *res = &app->hh->found;
	int pos = ranked_pos(from), start, end;
	if (dir > 0) {
		start = pos < 0 ? 0 : inclusive ? pos : pos + 1;
		end = start + limit < res->n ? start + limit : res->n;
	} else {
		end = pos < 0 ? res->n : pos;
		start = end - limit > 0 ? end - limit : 0;
	}
	*n = 0;
	if (end <= start)
		return true;
	int64_t *ids = x_malloc((size_t)(end - start) * sizeof *ids);
	for (int i = start; i < end; i++)
		ids[i - start] = res->items[i].household_id;
	enum db_status s = reg_rows(&app->reg, ids, end - start, out, n);
	x_free(&ids);
	if (s != DB_OK)
		return false;
	/* Key each row by its place in the results (none are left out
	 * unless deleted meanwhile: then the places close up). */
	for (int k = 0, i = start; k < *n; k++, i++) {
		while (i < end && res->items[i].household_id != out[k].key.id)
			i++;
		x_free(&out[k].key.sort_key);
		out[k].key.sort_key = x_asprintf("#%06d", i);
	}
	return true;
}

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit,
		     void *out, int *n)
{
	struct app *app = ctx;
	const struct hh_row *f = from;
	if (app->hh->ranked)
		return ranked_page(app, f, dir, inclusive, limit, out, n);
	return reg_page(&app->reg, &app->hh->filter, f ? &f->key : NULL, dir, inclusive,
			limit, out, n) == DB_OK;
}

static bool src_count(void *ctx, int *n)
{
	struct app *app = ctx;
	if (app->hh->ranked) {
		*n = app->hh->found.n;
		return true;
	}
	return reg_count(&app->reg, &app->hh->filter, n) == DB_OK;
}

static void src_free(void *row)
{
	hh_row_free(row);
}

/* The list only needs a row's key to page from it. */
static void src_copy(void *dst, const void *src)
{
	struct hh_row *d = dst;
	memset(d, 0, sizeof *d);
	hh_key_copy(&d->key, &((const struct hh_row *)src)->key);
}

static const struct list_ops source = {
	.row_size = sizeof(struct hh_row),
	.page = src_page,
	.count = src_count,
	.free_row = src_free,
	.copy_row = src_copy,
};

/* After a list operation: report a failed query once. */
static void checked(struct app *app)
{
	struct hh_view *hv = app->hh;
	if (hv->list.failed) {
		report(app);
		hv->failed = true;
		hv->list.failed = false;
	}
}

/* Run the search again (the text changed, or another session saved). */
static void research(struct app *app)
{
	struct hh_view *hv = app->hh;
	search_result_free(&hv->found);
	hv->ranked = hv->filter.kind == HH_TEXT || hv->filter.kind == HH_DIGITS;
	if (hv->ranked && reg_search(&app->reg, &hv->filter, &hv->found) != DB_OK) {
		report(app);
		hv->failed = true;
	}
}

static void refilter(struct app *app)
{
	struct hh_view *hv = app->hh;
	reg_filter(&app->reg, hv->query.buf, &hv->filter);
	hv->failed = false;
	research(app);
	list_reset(&hv->list);
	checked(app);
}

/* Why a ranked row is listed: its entry in the results. */
static const struct found *found_of(const struct hh_view *hv, const struct hh_row *r)
{
	int pos = hv->ranked ? ranked_pos(r) : -1;
	return pos >= 0 && pos < hv->found.n ? &hv->found.items[pos] : NULL;
}

static const struct hh_row *selected(const struct hh_view *hv)
{
	return list_selected(&hv->list);
}

static void free_visits(struct hh_view *hv)
{
	for (int i = 0; i < hv->n_visits; i++)
		visit_row_free(&hv->visits[i]);
	x_free(&hv->visits);
	hv->n_visits = 0;
	for (int i = 0; i < hv->n_cases; i++)
		case_row_free(&hv->cases[i]);
	x_free(&hv->cases);
	hv->n_cases = 0;
	x_free(&hv->last_visit);
	x_free(&hv->next_due);
}

/* Visits shown in the detail, newest first. */
#define DETAIL_VISITS 12

static void load_detail(struct app *app)
{
	struct hh_view *hv = app->hh;
	const struct hh_row *r = selected(hv);
	int64_t id = hv->pinned ? hv->pinned : r ? r->key.id : 0;
	if (id == hv->detail_id)
		return;
	free_visits(hv);
	if (hv->detail_ok)
		household_free(&hv->detail);
	hv->detail_ok = false;
	hv->detail_id = id;
	hv->detail_scroll = 0;
	hv->msel = -1;
	if (!id)
		return;
	enum db_status s = reg_household(&app->reg, id, &hv->detail);
	if (s == DB_OK)
		hv->detail_ok = true;
	if (s == DB_OK)
		s = reg_household_visits(&app->reg, id, app->today, DETAIL_VISITS, &hv->visits, &hv->n_visits,
					 &hv->last_visit, &hv->next_due);
	if (s == DB_OK)
		s = reg_cases_of_household(&app->reg, id, &hv->cases, &hv->n_cases);
	else if (s == DB_ERR_NOTFOUND)
		app_message(app, true, "%s", _("This household was deleted by another session."));
	else
		report(app);
}

void hh_view_show(struct app *app, int64_t id)
{
	struct hh_view *hv = app->hh;
	hv->from_section = app->section;
	app->section = 0;
	hv->pinned = id;
	hv->detail_full = true;
	hv->detail_id = 0;
	hv->detail_scroll = 0;
	load_detail(app);
	hv->msel = -1;
}

struct hh_view *hh_view_new(struct app *app)
{
	struct hh_view *hv = x_calloc(1, sizeof *hv);
	app->hh = hv;
	le_init(&hv->query, 40);
	list_init(&hv->list, &source, app);
	refilter(app);
	return hv;
}

void hh_view_free(struct hh_view **phv)
{
	struct hh_view *hv = *phv;
	if (!hv)
		return;
	list_free(&hv->list);
	le_free(&hv->query);
	search_result_free(&hv->found);
	free_visits(hv);
	if (hv->detail_ok)
		household_free(&hv->detail);
	x_free(phv);
}

/* ---- drawing ---- */

static bool wide(const struct app *app)
{
	return app->cols >= WIDE_COLS;
}

/* Mark the characters of a found name that the query matched. */
static void highlight(int y, int x, int w, const struct found *fd, attr_t a)
{
	if (fd->first < 0 || fd->last < fd->first)
		return;
	char *clean = text_sanitize(fd->name, (size_t)-1);
	bool same = strcmp(clean, fd->name) == 0;
	x_free(&clean);
	if (!same)
		return; /* the shown text differs from the name: no columns to trust */
	size_t *bo;
	int *co;
	size_t n = text_offsets(fd->name, &bo, &co);
	if ((size_t)fd->last < n) {
		int from = co[fd->first], to = co[fd->last + 1];
		if (to <= w) {
			char *seg = x_strndup(fd->name + bo[fd->first], bo[fd->last + 1] - bo[fd->first]);
			draw_text(y, x + from, to - from, seg, a | A_BOLD | A_UNDERLINE, TEXT_LEFT);
			x_free(&seg);
		}
	}
	x_free(&bo);
	x_free(&co);
}

static void draw_list(struct app *app, int y, int x, int h, int w)
{
	struct hh_view *hv = app->hh;
	struct table_layout l;
	struct table_col cols[ARRAY_SIZE(list_cols)];
	memcpy(cols, list_cols, sizeof cols);
	if (hv->ranked) {
		cols[2].title = N_("Name"); /* who matched, not always the head */
		cols[2].width = 14;         /* with the relation: 欧阳娜娜(配偶) */
	}
	table_layout(cols, (int)ARRAY_SIZE(cols), w, &l);
	table_draw_header(y, x, w, cols, &l, draw_attr(C_TITLE));
	int cap = h - 1;
	hv->list_y = y + 1;
	hv->list_x = x;
	hv->list_w = w;
	list_set_height(&hv->list, cap); /* keeps the selection in view */
	checked(app);
	for (int i = 0; i < cap; i++) {
		const struct hh_row *r = list_row(&hv->list, i);
		if (!r) {
			draw_blank(y + 1 + i, x, w, A_NORMAL);
			continue;
		}
		char num[48], ppl[16];
		snprintf(num, sizeof num, "%s%s%s%s%s", r->building, r->unit[0] ? "-" : "",
			 r->unit, r->room[0] ? "-" : "", r->room);
		snprintf(ppl, sizeof ppl, "%d", r->members);
		const struct found *fd = found_of(hv, r);
		char *who = NULL;
		if (fd && fd->name[0])
			who = fd->former ? x_asprintf(_("%s(former name)"), fd->name)
			    : strcmp(fd->relation, "户主") == 0 || !fd->relation[0]
				? x_strdup(fd->name) : x_asprintf("%s(%s)", fd->name, fd->relation);
		const char *cells[] = { r->compound, num, who ? who : r->head, ppl, r->kind, r->phone, r->tags };
		attr_t a = i == hv->list.sel ? draw_attr(C_SELECTED)
			 : strcmp(r->status, "在住") != 0 ? draw_attr(C_DIM) : A_NORMAL;
		table_draw_row(y + 1 + i, x, w, &l, cols, cells, a);
		if (fd && who && l.w[2] > 0)
			highlight(y + 1 + i, x + l.x[2], l.w[2], fd, a);
		x_free(&who);
	}
	if (hv->list.nrows == 0 && !hv->failed) {
		const char *msg = hv->filter.kind == HH_ALL
			? _("The register is empty. Run `juwei demo` to create a demo community.")
			: _("No household matches this search. Esc clears it.");
		draw_wrapped(y + 2, x + 2, w - 4, 3, msg, A_BOLD);
	}
}

/* Append "label value   " to sb when value is not empty. */
static void pair(struct strbuf *sb, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (sb->len)
		sb_adds(sb, "   ");
	sb_adds(sb, label);
	sb_adds(sb, " ");
	sb_adds(sb, value);
}

/* Draw one line of the detail if it is inside the scrolled window. */
static void dline(int *line, int y, int x, int h, int w, int scroll, const char *s, attr_t a)
{
	int row = *line - scroll;
	if (row >= 0 && row < h)
		draw_text(y + row, x, w, s, a, TEXT_LEFT);
	(*line)++;
}

static void draw_detail(struct app *app, int y, int x, int h, int w)
{
	struct hh_view *hv = app->hh;
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	load_detail(app);
	if (!hv->detail_ok)
		return;
	struct household *d = &hv->detail;
	int line = 0, sc = hv->detail_scroll;
	char *addr = hh_address(&d->row);
	dline(&line, y, x, h, w, sc, addr,
	      hv->detail_full && hv->msel < 0 ? draw_attr(C_SELECTED) | A_BOLD : A_BOLD);
	x_free(&addr);

	struct strbuf sb = STRBUF_INIT;
	pair(&sb, _("Head"), d->row.head);
	pair(&sb, _("Grid"), d->grid);
	pair(&sb, _("Kind"), d->row.kind);
	pair(&sb, _("Status"), d->row.status);
	dline(&line, y, x, h, w, sc, sb.buf ? sb.buf : "", A_NORMAL);
	sb_free(&sb);
	pair(&sb, _("Phone"), d->row.phone);
	pair(&sb, _("Reg. no."), d->reg_no);
	pair(&sb, _("Tenure"), d->tenure);
	if (sb.len)
		dline(&line, y, x, h, w, sc, sb.buf, A_NORMAL);
	sb_free(&sb);
	if (d->row.tags[0]) {
		pair(&sb, _("Tags"), d->row.tags);
		dline(&line, y, x, h, w, sc, sb.buf, A_NORMAL);
		sb_free(&sb);
	}
	if (d->notes[0]) {
		/* Notes may have several lines: each on its own. */
		char *notes = x_strdup(d->notes);
		bool first = true;
		for (char *p = notes, *nl; p; p = nl ? nl + 1 : NULL, first = false) {
			nl = strchr(p, '\n');
			if (nl)
				*nl = '\0';
			if (first)
				pair(&sb, _("Notes"), p);
			else
				sb_addf(&sb, "%*s%s", text_width(_("Notes")) + 1, "", p);
			dline(&line, y, x, h, w, sc, sb.buf ? sb.buf : "", A_NORMAL);
			sb_free(&sb);
		}
		x_free(&notes);
	}
	line++;
	char title[128];
	snprintf(title, sizeof title, _("Members (%d living)"), d->row.members);
	dline(&line, y, x, h, w, sc, title, A_BOLD);

	struct table_layout l;
	table_layout(member_cols, (int)ARRAY_SIZE(member_cols), w, &l);
	if (line - sc >= 0 && line - sc < h)
		table_draw_header(y + line - sc, x, w, member_cols, &l, draw_attr(C_TITLE));
	line++;
	hv->member_line0 = line;
	for (int i = 0; i < d->n_members; i++, line++) {
		const struct member *m = &d->members[i];
		if (line - sc < 0 || line - sc >= h)
			continue;
		char age[16] = "";
		int a = date_age(m->birth_date, app->today);
		if (a >= 0)
			snprintf(age, sizeof age, "%d", a);
		char *masked = id_mask(m->id_number);
		const char *cells[] = { m->relation, m->name, m->sex, age, masked,
					m->phone, m->status, m->tags };
		bool living = strcmp(m->status, "在住") == 0;
		attr_t ma = hv->detail_full && hv->msel == i ? draw_attr(C_SELECTED)
			  : living ? A_NORMAL : draw_attr(C_DIM);
		table_draw_row(y + line - sc, x, w, &l, member_cols, cells, ma);
		x_free(&masked);
	}
	/* Visits: the rhythm, then the latest ones. */
	line++;
	struct strbuf vs = STRBUF_INIT;
	sb_adds(&vs, _("Visits"));
	bool rhythm = hv->next_due && hv->next_due[0];
	if (hv->last_visit && hv->last_visit[0]) {
		sb_addf(&vs, _("   last %s"), hv->last_visit);
		if (rhythm)
			sb_addf(&vs, strcmp(hv->next_due, app->today) < 0 ? _("   overdue since %s")
				     : _("   next due %s"), hv->next_due);
	} else {
		/* Never visited: due at once when its tags ask for visits. */
		sb_adds(&vs, rhythm ? _("   never visited: due now") : _("   never visited"));
	}
	dline(&line, y, x, h, w, sc, vs.buf, A_BOLD);
	sb_free(&vs);
	struct table_layout vl;
	table_layout(visit_cols, (int)ARRAY_SIZE(visit_cols), w, &vl);
	if (hv->n_visits) {
		if (line - sc >= 0 && line - sc < h)
			table_draw_header(y + line - sc, x, w, visit_cols, &vl, draw_attr(C_TITLE));
		line++;
	}
	for (int i = 0; i < hv->n_visits; i++, line++) {
		const struct visit_row *v = &hv->visits[i];
		if (line - sc < 0 || line - sc >= h)
			continue;
		const char *cells[] = { v->date, v->method, v->purpose, v->staff, v->findings };
		table_draw_row(y + line - sc, x, w, &vl, visit_cols, cells, A_NORMAL);
	}
	/* Mediation cases its residents are parties to (open them in 3 调解). */
	if (hv->n_cases) {
		line++;
		if (line - sc >= 0 && line - sc < h)
			draw_text(y + line - sc, x, w, _("Mediation cases"), A_BOLD, TEXT_LEFT);
		line++;
	}
	for (int i = 0; i < hv->n_cases; i++, line++) {
		const struct case_row *c = &hv->cases[i];
		if (line - sc < 0 || line - sc >= h)
			continue;
		char *s = x_asprintf("%s  %s  %s  %s  %s", c->case_no, c->accepted, c->type, c->state, c->parties);
		draw_text(y + line - sc, x, w, s, A_NORMAL, TEXT_LEFT);
		x_free(&s);
	}
	hv->detail_lines = line;
	hv->detail_h = h;
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct hh_view *hv = app->hh;
	if (hv->detail_full) {
		for (int r = 0; r < h; r++)
			draw_blank(y + r, x, w, A_NORMAL);
		draw_detail(app, y, x + 1, h, w - 2);
		return;
	}
	if (wide(app)) {
		int lw = (w * 11) / 20;
		if (lw < 56)
			lw = 56;
		draw_list(app, y, x, h, lw);
		for (int r = 0; r < h; r++)
			draw_blank(y + r, x + lw, 2, A_NORMAL);
		draw_detail(app, y, x + lw + 2, h, w - lw - 2);
	} else {
		draw_list(app, y, x, h, w);
	}
}

/* ---- input ---- */

/* The search prompt edits its line like a shell does: arrows, Home,
 * End, Backspace and Delete by whole characters, C-a C-e C-k C-u C-w.
 * Up, Down and the page keys still move the list underneath. */
static int search_key(struct app *app, int key)
{
	struct hh_view *hv = app->hh;
	if (!hv->searching)
		return NOT_HANDLED;
	struct lineedit *le = &hv->query;
	enum le_result r;
	switch (key) {
	case JK_ENTER:
		hv->searching = false;
		if (hv->list.total == 0)
			app_message(app, false, "%s", _("Nothing found."));
		return REDRAW_ALL;
	case JK_ESC:
		hv->searching = false;
		le_set(le, "");
		refilter(app);
		return REDRAW_ALL;
	case JK_LEFT: r = le_left(le); break;
	case JK_RIGHT: r = le_right(le); break;
	case JK_HOME: case 1: r = le_home(le); break;         /* C-a */
	case JK_END: case 5: r = le_end(le); break;           /* C-e */
	case JK_BACKSPACE: r = le_backspace(le); break;
	case JK_DELETE: r = le_delete(le); break;
	case 11: r = le_kill_end(le); break;                  /* C-k */
	case 21: r = le_kill_start(le); break;                /* C-u */
	case 23: r = le_kill_word(le); break;                 /* C-w */
	default:
		if (key < 0x20 || key >= JK_BASE || key == 0x7f)
			return NOT_HANDLED;
		char buf[5] = { 0 };
		buf[utf8_encode((uint32_t)key, buf)] = '\0';
		r = le_insert(le, buf);
		break;
	}
	if (r == LE_TOO_LONG)
		app_message(app, true, "%s", _("The search text is too long."));
	else if (r == LE_CHANGED)
		refilter(app);
	return REDRAW_ALL;
}

/* The selected member of the full detail, or NULL (the household). */
static const struct member *sel_member(const struct hh_view *hv)
{
	if (!hv->detail_ok || hv->msel < 0 || hv->msel >= hv->detail.n_members)
		return NULL;
	return &hv->detail.members[hv->msel];
}

/* Keep the selected line of the full detail on the screen. */
static void show_selected(struct hh_view *hv)
{
	int line = hv->msel < 0 ? 0 : hv->member_line0 + hv->msel;
	if (line < hv->detail_scroll || hv->msel < 0)
		hv->detail_scroll = hv->msel < 0 ? 0 : line;
	if (hv->detail_h > 0 && line >= hv->detail_scroll + hv->detail_h)
		hv->detail_scroll = line - hv->detail_h + 1;
}

/* Keys on the household and its members (the full detail). */
static int member_action(struct app *app, enum action a)
{
	struct hh_view *hv = app->hh;
	const struct member *m = sel_member(hv);
	int64_t hh = hv->detail_ok ? hv->detail.row.key.id : 0;
	if (!hh)
		return REDRAW_NONE;
	switch (a) {
	case ACT_EDIT:
		if (m)
			forms_member(app, hh, m->id);
		else
			forms_household(app, hh);
		return REDRAW_ALL;
	case ACT_NEW:
		forms_member(app, hh, 0);
		return REDRAW_ALL;
	case ACT_TAGS:
		forms_tags(app, m ? "resident" : "household", m ? m->id : hh);
		return REDRAW_ALL;
	case ACT_VISIT:
		forms_visit(app, hh, 0, 0);
		return REDRAW_ALL;
	case ACT_MOVE_OUT: case ACT_DECEASED: case ACT_MAKE_HEAD:
		if (!m) {
			app_message(app, true, "%s", _("Select a member first (Up and Down)."));
			return REDRAW_ALL;
		}
		if (a == ACT_MOVE_OUT)
			forms_move_out(app, m->id);
		else if (a == ACT_DECEASED)
			forms_deceased(app, m->id);
		else
			forms_make_head(app, hh, m->id);
		return REDRAW_ALL;
	default:
		return NOT_HANDLED;
	}
}

static int action(struct app *app, enum action a)
{
	struct hh_view *hv = app->hh;
	if (hv->detail_full) {
		int max = hv->detail_lines - hv->detail_h;
		switch (a) {
		case ACT_BACK:
			hv->detail_full = false;
			if (hv->pinned) {
				/* Opened from another section: go back there. */
				hv->pinned = 0;
				app->section = hv->from_section;
			}
			return REDRAW_ALL;
		case ACT_MOVE_DOWN:
			if (hv->detail_ok && hv->msel + 1 < hv->detail.n_members)
				hv->msel++;
			show_selected(hv);
			return REDRAW_ALL;
		case ACT_MOVE_UP:
			if (hv->msel >= 0)
				hv->msel--;
			show_selected(hv);
			return REDRAW_ALL;
		case ACT_EDIT: case ACT_NEW: case ACT_TAGS: case ACT_VISIT:
		case ACT_MOVE_OUT: case ACT_DECEASED: case ACT_MAKE_HEAD:
			return member_action(app, a);
		case ACT_PAGE_DOWN:
			hv->detail_scroll += hv->detail_h - 1;
			if (hv->detail_scroll > max)
				hv->detail_scroll = max > 0 ? max : 0;
			return REDRAW_ALL;
		case ACT_PAGE_UP:
			hv->detail_scroll -= hv->detail_h - 1;
			if (hv->detail_scroll < 0)
				hv->detail_scroll = 0;
			return REDRAW_ALL;
		default:
			return NOT_HANDLED;
		}
	}
	if (list_act(&hv->list, a)) {
		checked(app);
		return REDRAW_ALL;
	}
	switch (a) {
	case ACT_OPEN:
		if (!selected(hv))
			return REDRAW_NONE;
		hv->detail_full = true;
		hv->detail_scroll = 0;
		break;
	case ACT_SEARCH:
		hv->searching = true;
		break;
	case ACT_NEW:
		forms_household(app, 0);
		break;
	case ACT_EDIT:
		if (!selected(hv))
			return REDRAW_NONE;
		forms_household(app, selected(hv)->key.id);
		break;
	case ACT_VISIT:
		if (!selected(hv))
			return REDRAW_NONE;
		forms_visit(app, selected(hv)->key.id, 0, 0);
		break;
	case ACT_IMPORT:
		forms_import(app);
		break;
	case ACT_EXPORT:
		forms_export(app);
		break;
	case ACT_BACK:
		if (hv->query.len) { /* Esc drops a search that was kept */
			le_set(&hv->query, "");
			refilter(app);
			break;
		}
		return REDRAW_NONE;
	default:
		return NOT_HANDLED;
	}
	checked(app);
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	const struct hh_view *hv = app->hh;
	if (hv->detail_full) {
		bool member = sel_member(hv) != NULL;
		switch (a) {
		case ACT_BACK: case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP:
		case ACT_PAGE_DOWN: case ACT_EDIT: case ACT_NEW: case ACT_TAGS: case ACT_VISIT:
			return true;
		case ACT_MOVE_OUT: case ACT_DECEASED: case ACT_MAKE_HEAD:
			return member;
		default:
			return false;
		}
	}
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_MOVE_FIRST: case ACT_MOVE_LAST: case ACT_OPEN: case ACT_SEARCH:
	case ACT_NEW: case ACT_IMPORT: case ACT_EXPORT:
		return true;
	case ACT_EDIT: case ACT_VISIT:
		return selected(hv) != NULL;
	case ACT_BACK: /* Esc drops a search that was kept */
		return hv->query.len > 0;
	default:
		return false;
	}
}

static const char *current_scope(const struct app *app)
{
	const struct hh_view *hv = app->hh;
	if (hv->searching)
		return "search";
	return hv->detail_full ? "detail" : "households";
}

static void status(const struct app *app, char *buf, int size)
{
	const struct hh_view *hv = app->hh;
	int pos = list_position(&hv->list);
	if (hv->query.len && hv->found.more)
		snprintf(buf, (size_t)size, _("\"%s\": %d/%d+ households"), hv->query.buf, pos, hv->list.total);
	else if (hv->query.len)
		snprintf(buf, (size_t)size, _("\"%s\": %d/%d households"), hv->query.buf, pos, hv->list.total);
	else
		snprintf(buf, (size_t)size, _("%d/%d households"), pos, hv->list.total);
}

static int mouse(struct app *app, int y, int x, enum mouse_event ev)
{
	struct hh_view *hv = app->hh;
	switch (ev) {
	case MOUSE_WHEEL_UP:
		return action(app, ACT_MOVE_UP);
	case MOUSE_WHEEL_DOWN:
		return action(app, ACT_MOVE_DOWN);
	case MOUSE_CLICK:
		if (hv->detail_full || x < hv->list_x || x >= hv->list_x + hv->list_w)
			return REDRAW_NONE;
		list_select(&hv->list, y - hv->list_y);
		return REDRAW_ALL;
	}
	return REDRAW_NONE;
}

/* Another session saved: count again and fill the window from the
 * same top row, so the clerk keeps their place. */
static void reload(struct app *app)
{
	struct hh_view *hv = app->hh;
	if (hv->ranked)
		research(app); /* the same places, in the new results */
	list_reload(&hv->list);
	checked(app);
	int msel = hv->msel, scroll = hv->detail_scroll;
	int64_t member = sel_member(hv) ? sel_member(hv)->id : 0;
	hv->detail_id = 0; /* load the detail again */
	free_visits(hv);
	if (hv->detail_ok)
		household_free(&hv->detail);
	hv->detail_ok = false;
	load_detail(app);
	/* Stay with the same member (the order may have changed with a
	 * new head), else at the same line. */
	if (hv->detail_ok) {
		hv->msel = msel < hv->detail.n_members ? msel : hv->detail.n_members - 1;
		for (int i = 0; member && i < hv->detail.n_members; i++)
			if (hv->detail.members[i].id == member)
				hv->msel = i;
		hv->detail_scroll = scroll;
		show_selected(hv);
	}
}

static void paste(struct app *app, const char *text)
{
	struct hh_view *hv = app->hh;
	if (!hv->searching)
		return;
	enum le_result r = le_insert(&hv->query, text);
	if (r == LE_TOO_LONG)
		app_message(app, true, "%s", _("The search text is too long."));
	else if (r == LE_CHANGED)
		refilter(app);
}

static struct lineedit *prompt(const struct app *app)
{
	return app->hh->searching ? &app->hh->query : NULL;
}

const struct view_ops households_view = {
	.scope = "households",
	.draw = draw,
	.action = action,
	.key = search_key,
	.supports = supports,
	.current_scope = current_scope,
	.status = status,
	.prompt = prompt,
	.reload = reload,
	.mouse = mouse,
	.paste = paste,
};

