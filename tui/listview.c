/* tui/listview.c - one list view for every list of records. */
#include "listview.h"

#include "core/access.h"

#include "app.h"
#include "core/xalloc.h"
#include "filter.h"

#include <stdio.h>
#include <string.h>

/* ---- a source over one of the register's lists ---- */

static const void *filter_of(const struct view *v)
{
	const struct listview *lv = v->priv;
	return (const char *)v->priv + lv->spec->filter;
}

static bool reg_page_of(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct view *v = ctx;
	const struct reg_list *rl = ((struct listview *)v->priv)->spec->list;
	return rl->page(&v->app->reg, filter_of(v), from, dir, inclusive, limit, out, n) == DB_OK;
}

static bool reg_count_of(void *ctx, int *n)
{
	struct view *v = ctx;
	const struct reg_list *rl = ((struct listview *)v->priv)->spec->list;
	return rl->count(&v->app->reg, filter_of(v), n) == DB_OK;
}

void lv_init(struct listview *lv, const struct listview_spec *spec, void *ctx)
{
	memset(lv, 0, sizeof *lv);
	lv->spec = spec;
	if (spec->list) {
		lv->ops = (struct list_ops){ spec->list->row_size, reg_page_of, reg_count_of, spec->list->free_row,
					     spec->list->copy_key };
		list_init(&lv->list, &lv->ops, ctx);
	} else {
		list_init(&lv->list, spec->source, ctx);
	}
}

void lv_free(struct listview *lv)
{
	list_free(&lv->list);
	x_free(&lv->filter_text);
}

/* After a list operation: report a failed query once. */
static void checked(struct listview *lv, const struct view *v)
{
	if (lv->list.failed) {
		app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
		lv->list.failed = false;
	}
}

static bool can_select(const struct listview *lv, const void *row)
{
	return !row || !lv->spec->selectable || lv->spec->selectable(row);
}

/* Off a row that cannot be selected (a heading): on in the direction
 * of the move, else back. */
static void settle(struct listview *lv, int dir)
{
	for (int pass = 0; pass < 2; pass++, dir = -dir)
		for (int guard = 0; guard < 64 && !can_select(lv, list_selected(&lv->list)); guard++) {
			int before = list_position(&lv->list);
			list_move(&lv->list, dir);
			if (list_position(&lv->list) == before)
				break;
		}
}

static bool has_title(const struct listview *lv)
{
	return lv->spec->title || lv->spec->title_text;
}

static int title_rows(const struct listview *lv)
{
	return has_title(lv) ? 2 : 1;
}

void lv_resize(struct listview *lv, struct view *v, struct rect r)
{
	list_set_height(&lv->list, r.h - title_rows(lv));
	if (!lv->loaded) {
		lv->loaded = true;
		list_reset(&lv->list);
		settle(lv, 1);
		if (lv->spec->start)
			lv->spec->start(v);
	}
	checked(lv, v);
}

void lv_reset(struct listview *lv, struct view *v)
{
	lv->loaded = true;
	list_reset(&lv->list);
	settle(lv, 1);
	if (lv->spec->start)
		lv->spec->start(v);
	checked(lv, v);
}

void lv_reload(struct listview *lv, struct view *v)
{
	if (!lv->loaded)
		return; /* read when it is first laid out */
	list_reload(&lv->list);
	settle(lv, 1);
	checked(lv, v);
}

void lv_goto(struct listview *lv, struct view *v, const void *row, int pos)
{
	lv->loaded = true;
	list_goto(&lv->list, row, pos);
	settle(lv, 1);
	checked(lv, v);
}

static void draw_row(struct listview *lv, const struct view *v, const void *row, int y, int x, int w,
		     const struct table_col *cols, const struct table_layout *l, bool selected)
{
	struct cells c;
	memset(&c, 0, sizeof c);
	lv->spec->cells(v, row, &c);
	attr_t a = selected ? draw_attr(C_SELECTED) : draw_attr(c.color) | c.attr;
	table_draw_row(y, x, w, l, cols, c.text, a);
	if (lv->spec->decorate)
		lv->spec->decorate(v, row, y, x, w, l, a);
	for (int i = 0; i < TABLE_MAX_COLS; i++)
		x_free(&c.own[i]);
}

void lv_draw(struct listview *lv, const struct view *v, struct rect r)
{
	const struct listview_spec *s = lv->spec;
	draw_clear(r.y, r.x, r.h, r.w);
	int y = r.y, x = r.x + (has_title(lv) ? 1 : 0), w = r.w - (has_title(lv) ? 1 : 0);
	if (has_title(lv)) {
		char title[256] = "";
		if (s->title)
			s->title(v, title, sizeof title);
		else
			filter_title(lv, _(s->title_text), title, sizeof title);
		draw_text(y++, x, w - 1, title, A_BOLD, TEXT_LEFT);
	}
	struct table_col cols[TABLE_MAX_COLS];
	memcpy(cols, s->cols, (size_t)s->n_cols * sizeof *cols);
	if (s->columns)
		s->columns(v, cols);
	struct table_layout l;
	table_layout(cols, s->n_cols, w, &l);
	table_draw_header(y++, x, w, cols, &l, draw_attr(C_TITLE));
	lv->rows = (struct rect){ y, x, r.h - title_rows(lv), w };
	for (int i = 0; i < lv->rows.h; i++) {
		const void *row = list_row(&lv->list, i);
		if (row)
			draw_row(lv, v, row, y + i, x, w, cols, &l, i == lv->list.sel && can_select(lv, row));
	}
	if (lv->list.total == 0) {
		const char *msg = lv->filter_text ? s->empty_filtered : s->empty;
		/* A 网格员 in no grid sees nothing: say why, not "empty". */
		if (access_scoped(&v->app->reg.acc) && v->app->reg.acc.n_grids == 0)
			msg = N_("You work in no grid yet, so no household is shown: the 主任 gives you one "
				 "(今日 F6, 工作人员).");
		if (msg)
			draw_wrapped(y + 1, r.x + 2, r.w - 4, 3, _(msg), A_BOLD);
	}
}

void *lv_selected(const struct listview *lv)
{
	void *row = list_selected(&lv->list);
	return can_select(lv, row) ? row : NULL;
}

unsigned lv_state(const struct listview *lv)
{
	return (lv_selected(lv) ? NEED_ROW : 0) | (lv->filter_text ? NEED_FILTER : 0);
}

void lv_status(const struct listview *lv, char *buf, int size)
{
	if (lv->spec->count)
		snprintf(buf, (size_t)size, _(lv->spec->count), list_position(&lv->list), lv->list.total);
}

void lv_set_filter_text(struct listview *lv, const char *text)
{
	x_free(&lv->filter_text);
	lv->filter_text = text && *text ? x_strdup(text) : NULL;
}

int lv_mouse(struct listview *lv, struct view *v, int y, int x, enum mouse_event ev)
{
	switch (ev) {
	case MOUSE_WHEEL_UP:
		return lv_run_move(v, ACT_MOVE_UP);
	case MOUSE_WHEEL_DOWN:
		return lv_run_move(v, ACT_MOVE_DOWN);
	case MOUSE_CLICK:
		if (x < lv->rows.x || x >= lv->rows.x + lv->rows.w || y < lv->rows.y)
			return DONE;
		if (can_select(lv, list_row(&lv->list, y - lv->rows.y)))
			list_select(&lv->list, y - lv->rows.y);
		return REDRAW;
	}
	return DONE;
}

/* ---- as a view's operations (its private state starts with it) ---- */

static struct listview *lv_of(const struct view *v)
{
	return v->priv;
}

int lv_run_move(struct view *v, enum action a)
{
	struct listview *lv = lv_of(v);
	list_act(&lv->list, a);
	settle(lv, a == ACT_MOVE_UP || a == ACT_PAGE_UP || a == ACT_MOVE_LAST ? -1 : 1);
	checked(lv, v);
	return REDRAW;
}

int lv_run_filter(struct view *v, enum action a)
{
	(void)a;
	if (lv_of(v)->spec->filter_form)
		filter_open(v, lv_of(v)->spec->filter_form);
	return REDRAW;
}

int lv_run_clear(struct view *v, enum action a)
{
	(void)a;
	struct listview *lv = lv_of(v);
	memset((char *)v->priv + lv->spec->filter, 0, lv->spec->filter_size);
	if (lv->spec->clear_filter)
		lv->spec->clear_filter(v);
	lv_set_filter_text(lv, NULL);
	lv_reset(lv, v);
	return REDRAW;
}

bool lv_view_open(struct view *v, const void *arg)
{
	(void)arg;
	lv_init(lv_of(v), v->ops->data, v);
	return true;
}

void lv_view_close(struct view *v)
{
	lv_free(lv_of(v));
}

unsigned lv_view_state(const struct view *v)
{
	return lv_state(lv_of(v));
}

void lv_view_status(const struct view *v, char *buf, int size)
{
	lv_status(lv_of(v), buf, size);
}

void lv_view_resize(struct view *v)
{
	lv_resize(lv_of(v), v, v->r);
}

void lv_view_reload(struct view *v)
{
	lv_reload(lv_of(v), v);
}

void lv_view_draw(struct view *v)
{
	lv_draw(lv_of(v), v, v->r);
}

int lv_view_mouse(struct view *v, int y, int x, enum mouse_event ev)
{
	return lv_mouse(lv_of(v), v, y, x, ev);
}
