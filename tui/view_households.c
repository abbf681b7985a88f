/* tui/view_households.c - the household register: the list, searched as
 * the clerk types, and on a wide screen the selected household beside
 * it.  The list is paged from the register (tui/listview.c), so memory
 * does not grow with the register; search results are paged by their
 * rank. */
#include "core/codes.h"
#include "core/access.h"
#include "app.h"

#include "core/lineedit.h"
#include "core/xalloc.h"
#include "edit.h"
#include "forms.h"
#include "hh_detail.h"
#include "listview.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct households {
	struct listview lv;        /* first: the list actions work on it */
	struct hh_filter filter;
	struct lineedit query;     /* what the user typed after / */
	bool searching;            /* the search line has the keyboard */
	bool ranked;               /* the list shows search results, best first */
	struct search_result found;
	struct hh_detail preview;  /* the selected household, on a wide screen */
};

static struct households *hh_of(const struct view *v)
{
	return v->priv;
}

/* ---- the list's source: the register under the current filter ---- */

/* Ranked results are paged by their position, kept in the row's key
 * as "#000123"; the key's id stays the household's. */
static int ranked_pos(const struct hh_row *r)
{
	return r && r->key.sort_key && r->key.sort_key[0] == '#' ? atoi(r->key.sort_key + 1) : -1;
}

static bool ranked_page(struct view *v, const struct hh_row *from, int dir, bool inclusive, int limit,
			struct hh_row *out, int *n)
{
	const struct search_result *res = &hh_of(v)->found;
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
	enum db_status s = reg_rows(&v->app->reg, ids, end - start, out, n);
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

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct view *v = ctx;
	const struct hh_row *f = from;
	if (hh_of(v)->ranked)
		return ranked_page(v, f, dir, inclusive, limit, out, n);
	return reg_page(&v->app->reg, &hh_of(v)->filter, f ? &f->key : NULL, dir, inclusive, limit, out, n) ==
	       DB_OK;
}

static bool src_count(void *ctx, int *n)
{
	struct view *v = ctx;
	if (hh_of(v)->ranked) {
		*n = hh_of(v)->found.n;
		return true;
	}
	return reg_count(&v->app->reg, &hh_of(v)->filter, n) == DB_OK;
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

/* ---- the rows ---- */

static const struct table_col cols[] = {
	{ N_("Compound"), 10, 3, TEXT_LEFT, 0, NULL, 6 },
	{ N_("No."),       9, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Head"),      8, 0, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Ppl"),       4, 2, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("Kind"),      8, 4, TEXT_LEFT, 0, NULL, 4 },
	{ N_("Phone"),    12, 5, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Tags"),      8, 1, TEXT_LEFT, 1, NULL, 0 },
};

/* Why a ranked row is listed: its entry in the results. */
static const struct found *found_of(const struct households *hh, const struct hh_row *r)
{
	int pos = hh->ranked ? ranked_pos(r) : -1;
	return pos >= 0 && pos < hh->found.n ? &hh->found.items[pos] : NULL;
}

/* Who matched, with the relation: 欧阳娜娜(配偶). */
static char *who_matched(const struct found *fd)
{
	if (!fd || !fd->name[0])
		return NULL;
	if (fd->former)
		return x_asprintf(_("%s(former name)"), fd->name);
	if (strcmp(fd->relation, "户主") == 0 || !fd->relation[0])
		return x_strdup(fd->name);
	return x_asprintf("%s(%s)", fd->name, relation_word(fd->relation));
}

static void cells(const struct view *v, const void *row, struct cells *c)
{
	const struct hh_row *r = row;
	snprintf(c->buf[1], sizeof c->buf[1], "%s%s%s%s%s", r->building, r->unit[0] ? "-" : "", r->unit,
		 r->room[0] ? "-" : "", r->room);
	snprintf(c->buf[3], sizeof c->buf[3], "%d", r->members);
	c->own[2] = who_matched(found_of(hh_of(v), r));
	const char *text[] = { r->compound, c->buf[1], c->own[2] ? c->own[2] : r->head, c->buf[3], r->kind,
			       r->phone, r->tags };
	memcpy(c->text, text, sizeof text);
	c->color = strcmp(r->status, "在住") != 0 ? C_DIM : C_NORMAL;
}

static void columns(const struct view *v, struct table_col *c)
{
	if (hh_of(v)->ranked) {
		c[2].title = N_("Name"); /* who matched, not always the head */
		c[2].width = 14;         /* with the relation: 欧阳娜娜(配偶) */
	}
}

/* Mark the characters of a found name that the query matched. */
static void decorate(const struct view *v, const void *row, int y, int x, int w, const struct table_layout *l,
		     attr_t a)
{
	(void)w;
	const struct found *fd = found_of(hh_of(v), row);
	if (!fd || !fd->name[0] || fd->first < 0 || fd->last < fd->first || l->w[2] <= 0)
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
		if (to <= l->w[2]) {
			char *seg = x_strndup(fd->name + bo[fd->first], bo[fd->last + 1] - bo[fd->first]);
			draw_text(y, x + l->x[2] + from, to - from, seg, a | A_BOLD | A_UNDERLINE, TEXT_LEFT);
			x_free(&seg);
		}
	}
	x_free(&bo);
	x_free(&co);
}

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.source = &source,
	.cells = cells,
	.columns = columns,
	.decorate = decorate,
	.empty = N_("The register is empty. Run `juwei demo` to create a demo community."),
	.empty_filtered = N_("No household matches this search. Esc clears it."),
};

/* ---- layout: the list, and the selected household beside it ---- */

static bool wide(const struct view *v)
{
	return v->app->cols >= WIDE_COLS;
}

static struct rect list_rect(const struct view *v)
{
	struct rect r = v->r;
	if (wide(v)) {
		int lw = (r.w * 11) / 20;
		r.w = lw < 56 ? 56 : lw;
	}
	return r;
}

/* On a wide screen the selected household shows beside the list. */
static void sync_preview(struct view *v)
{
	struct households *hh = hh_of(v);
	const struct hh_row *r = lv_selected(&hh->lv);
	int64_t id = wide(v) && r ? r->key.id : 0;
	if (id != hh->preview.id)
		hh_detail_load(&hh->preview, v->app, id);
}

static void hh_draw(struct view *v)
{
	struct households *hh = hh_of(v);
	struct rect lr = list_rect(v);
	lv_draw(&hh->lv, v, lr);
	if (wide(v)) {
		struct rect r = v->r;
		draw_clear(r.y, r.x + lr.w, r.h, 2);
		hh_detail_draw(&hh->preview, v->app, (struct rect){ r.y, r.x + lr.w + 2, r.h, r.w - lr.w - 2 }, 0, -2);
	}
}

static void hh_resize(struct view *v)
{
	lv_resize(&hh_of(v)->lv, v, list_rect(v));
	sync_preview(v);
}

/* ---- the search ---- */

/* Run the search again (the text changed, or another session saved). */
static void research(struct view *v)
{
	struct households *hh = hh_of(v);
	search_result_free(&hh->found);
	hh->ranked = hh->filter.kind == HH_TEXT || hh->filter.kind == HH_DIGITS;
	if (hh->ranked && reg_search(&v->app->reg, &hh->filter, &hh->found) != DB_OK)
		app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
}

static void refilter(struct view *v)
{
	struct households *hh = hh_of(v);
	reg_filter(&v->app->reg, hh->query.buf, &hh->filter);
	lv_set_filter_text(&hh->lv, hh->query.buf);
	research(v);
	lv_reset(&hh->lv, v);
	sync_preview(v);
}

static void typed(struct view *v, enum le_result r)
{
	if (r == LE_TOO_LONG)
		app_message(v->app, true, "%s", _("The search text is too long."));
	else if (r == LE_CHANGED)
		refilter(v);
}

/* The search line edits as a shell's does (the keymap's "edit" keys);
 * Enter keeps the search, Esc drops it.  Up, Down and the page keys
 * still move the list underneath. */
static int hh_key(struct view *v, int key)
{
	struct households *hh = hh_of(v);
	if (!hh->searching)
		return NOT_HANDLED;
	enum le_result r;
	if (key == JK_ENTER) {
		hh->searching = false;
		if (hh->lv.list.total == 0)
			app_message(v->app, false, "%s", _("Nothing found."));
	} else if (key == JK_ESC) {
		hh->searching = false;
		le_set(&hh->query, "");
		refilter(v);
	} else if (edit_line(v->app, &hh->query, key, &r)) {
		typed(v, r);
	} else {
		return NOT_HANDLED;
	}
	return REDRAW;
}

static void hh_paste(struct view *v, const char *text)
{
	struct households *hh = hh_of(v);
	if (hh->searching)
		typed(v, le_insert(&hh->query, text));
}

static struct lineedit *hh_prompt(const struct view *v)
{
	struct households *hh = hh_of(v);
	return hh->searching ? &hh->query : NULL;
}

static const char *hh_scope(const struct view *v)
{
	return hh_of(v)->searching ? "search" : "households";
}

/* ---- actions ---- */

static int run_move(struct view *v, enum action a)
{
	lv_run_move(v, a);
	sync_preview(v);
	return REDRAW;
}

static int64_t selected_id(const struct view *v)
{
	const struct hh_row *r = lv_selected(&hh_of(v)->lv);
	return r ? r->key.id : 0;
}

static int run_open(struct view *v, enum action a)
{
	(void)a;
	hh_view_show(v->app, selected_id(v));
	return REDRAW;
}

static int run_search(struct view *v, enum action a)
{
	(void)a;
	hh_of(v)->searching = true;
	return REDRAW;
}

static int run_new(struct view *v, enum action a)
{
	(void)a;
	forms_household(v->app, 0);
	return REDRAW;
}

static int run_edit(struct view *v, enum action a)
{
	(void)a;
	forms_household(v->app, selected_id(v));
	return REDRAW;
}

static int run_visit(struct view *v, enum action a)
{
	(void)a;
	forms_visit(v->app, selected_id(v), 0, 0);
	return REDRAW;
}

static int run_import(struct view *v, enum action a)
{
	(void)a;
	forms_import(v->app);
	return REDRAW;
}

static int run_export(struct view *v, enum action a)
{
	(void)a;
	forms_export(v->app);
	return REDRAW;
}

/* Esc drops a search that was kept. */
static int run_clear(struct view *v, enum action a)
{
	(void)a;
	le_set(&hh_of(v)->query, "");
	refilter(v);
	return REDRAW;
}

static const struct action_row actions[] = {
	VIEW_MOVES(run_move),
	{ ACT_OPEN, run_open, NEED_ROW, NULL },
	{ ACT_SEARCH, run_search, 0, NULL },
	{ ACT_NEW, run_new, NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_EDIT, run_edit, NEED_ROW | NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_VISIT, run_visit, NEED_ROW | NEED_PERM(P_VISIT_WRITE), NULL },
	{ ACT_IMPORT, run_import, NEED_PERM(P_IMPORT), NULL },
	{ ACT_EXPORT, run_export, NEED_PERM(P_EXPORT), NULL },
	{ ACT_BACK, run_clear, NEED_FILTER, NULL },
	VIEW_END,
};

static void hh_status(const struct view *v, char *buf, int size)
{
	const struct households *hh = hh_of(v);
	int pos = list_position(&hh->lv.list), total = hh->lv.list.total;
	if (hh->query.len && hh->found.more)
		snprintf(buf, (size_t)size, _("\"%s\": %d/%d+ households"), hh->query.buf, pos, total);
	else if (hh->query.len)
		snprintf(buf, (size_t)size, _("\"%s\": %d/%d households"), hh->query.buf, pos, total);
	else
		snprintf(buf, (size_t)size, _("%d/%d households"), pos, total);
}

static int hh_mouse(struct view *v, int y, int x, enum mouse_event ev)
{
	int r = lv_mouse(&hh_of(v)->lv, v, y, x, ev);
	sync_preview(v);
	return r;
}

/* Another session saved: search again, count again and fill the window
 * from the same top row, so the clerk keeps their place. */
static void hh_reload(struct view *v)
{
	struct households *hh = hh_of(v);
	if (hh->ranked)
		research(v); /* the same places, in the new results */
	lv_reload(&hh->lv, v);
	hh->preview.id = -1; /* read it again */
	sync_preview(v);
}

static bool hh_open(struct view *v, const void *arg)
{
	(void)arg;
	struct households *hh = hh_of(v);
	lv_init(&hh->lv, &spec, v);
	le_init(&hh->query, 40);
	reg_filter(&v->app->reg, "", &hh->filter);
	return true;
}

static void hh_close(struct view *v)
{
	struct households *hh = hh_of(v);
	lv_free(&hh->lv);
	le_free(&hh->query);
	search_result_free(&hh->found);
	hh_detail_free(&hh->preview);
}

const struct view_ops households_view = {
	.name = "households",
	.scope = "households",
	.priv_size = sizeof(struct households),
	.open = hh_open,
	.close = hh_close,
	.resize = hh_resize,
	.draw = hh_draw,
	.key = hh_key,
	.actions = actions,
	.state = lv_view_state,
	.current_scope = hh_scope,
	.status = hh_status,
	.prompt = hh_prompt,
	.reload = hh_reload,
	.mouse = hh_mouse,
	.paste = hh_paste,
};
