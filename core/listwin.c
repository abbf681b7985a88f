/* core/listwin.c - the paged list window. */
#include "listwin.h"

#include "xalloc.h"

#include <string.h>

#define ROW(l, i) ((void *)((l)->rows + (size_t)(i) * (l)->ops->row_size))

void list_init(struct list *l, const struct list_ops *ops, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->ops = ops;
	l->ctx = ctx;
	l->cap = 1;
	l->rows = x_calloc(1, ops->row_size);
}

static void free_rows(struct list *l)
{
	for (int i = 0; i < l->nrows; i++)
		l->ops->free_row(ROW(l, i));
	l->nrows = 0;
}

void list_free(struct list *l)
{
	if (!l->ops)
		return;
	free_rows(l);
	x_free(&l->rows);
}

void *list_row(const struct list *l, int i)
{
	return i >= 0 && i < l->nrows ? ROW(l, i) : NULL;
}

void *list_selected(const struct list *l)
{
	return list_row(l, l->sel);
}

int list_position(const struct list *l)
{
	return l->nrows ? l->top_index + l->sel + 1 : 0;
}

static void clamp(struct list *l)
{
	if (l->top_index < 0 || l->nrows == 0)
		l->top_index = 0;
	if (l->sel >= l->nrows)
		l->sel = l->nrows - 1;
	if (l->sel < 0)
		l->sel = 0;
}

/* Fill the window from row `top` (inclusive; NULL: the start), then,
 * if the end of the list leaves room, pull earlier rows in.  top must
 * not point into the window, which is emptied first. */
static void fill_from(struct list *l, const void *top)
{
	free_rows(l);
	if (!l->ops->page(l->ctx, top, 1, true, l->cap, l->rows, &l->nrows)) {
		l->failed = true;
		l->nrows = 0;
		clamp(l);
		return;
	}
	if (l->nrows < l->cap && l->top_index > 0) {
		int want = l->cap - l->nrows, got = 0;
		unsigned char *extra = x_calloc((size_t)want, l->ops->row_size);
		if (l->ops->page(l->ctx, l->nrows ? ROW(l, 0) : NULL, -1, false, want, extra, &got) && got > 0) {
			size_t rs = l->ops->row_size;
			memmove(l->rows + (size_t)got * rs, l->rows, (size_t)l->nrows * rs);
			memcpy(l->rows, extra, (size_t)got * rs);
			l->nrows += got;
			l->sel += got;
			l->top_index -= got;
		}
		x_free(&extra);
	}
	clamp(l);
}

void list_first(struct list *l)
{
	l->top_index = 0;
	l->sel = 0;
	fill_from(l, NULL);
}

void list_last(struct list *l)
{
	free_rows(l);
	if (!l->ops->page(l->ctx, NULL, -1, false, l->cap, l->rows, &l->nrows)) {
		l->failed = true;
		l->nrows = 0;
	}
	l->top_index = l->total - l->nrows;
	l->sel = l->nrows ? l->nrows - 1 : 0;
	clamp(l);
}

void list_reset(struct list *l)
{
	l->failed = false;
	if (!l->ops->count(l->ctx, &l->total)) {
		l->failed = true;
		l->total = 0;
	}
	list_first(l);
}

/* Refill the window starting at its row `row`, copied first since the
 * refill frees the window. */
static void refill_at(struct list *l, int row)
{
	if (l->nrows == 0) {
		list_first(l);
		return;
	}
	void *keep = x_calloc(1, l->ops->row_size);
	l->ops->copy_row(keep, ROW(l, row));
	l->top_index += row;
	l->sel -= row;
	fill_from(l, keep);
	l->ops->free_row(keep);
	x_free(&keep);
}

/* A window at the start of the list: rows that came before its first
 * one (a visit just saved, newest first) come into view above, the
 * selection staying on its row and on the screen. */
static void pull_new_first_rows(struct list *l)
{
	if (l->top_index != 0 || l->nrows == 0 || l->failed)
		return;
	unsigned char *extra = x_calloc((size_t)l->cap, l->ops->row_size);
	int got = 0;
	if (l->ops->page(l->ctx, ROW(l, 0), -1, false, l->cap, extra, &got) && got > 0) {
		size_t rs = l->ops->row_size;
		/* As many as fit above the selection, the nearest ones; the
		 * others stay above the window. */
		int room = l->cap - 1 - l->sel, shown = got < room ? got : room;
		for (int i = 0; i < got - shown; i++)
			l->ops->free_row(extra + (size_t)i * rs);
		/* The window keeps cap rows: those pushed off its end go. */
		int keep = l->nrows + shown > l->cap ? l->cap - shown : l->nrows;
		for (int i = keep; i < l->nrows; i++)
			l->ops->free_row(ROW(l, i));
		memmove(l->rows + (size_t)shown * rs, l->rows, (size_t)keep * rs);
		memcpy(l->rows, extra + (size_t)(got - shown) * rs, (size_t)shown * rs);
		l->nrows = keep + shown;
		l->sel += shown;
		l->top_index = got - shown;
	}
	x_free(&extra);
	clamp(l);
}

void list_reload(struct list *l)
{
	l->failed = false;
	if (!l->ops->count(l->ctx, &l->total)) {
		l->failed = true;
		l->total = 0;
	}
	refill_at(l, 0);
	pull_new_first_rows(l);
}

void list_goto(struct list *l, const void *row, int pos)
{
	l->failed = false;
	if (!l->ops->count(l->ctx, &l->total)) {
		l->failed = true;
		l->total = 0;
	}
	l->top_index = pos;
	l->sel = 0;
	fill_from(l, row);
}

void list_set_height(struct list *l, int cap)
{
	if (cap < 1)
		cap = 1;
	if (cap == l->cap)
		return;
	/* Keep the top row if the selection still fits below it, else
	 * start at the selection. */
	int row = l->sel < cap ? 0 : l->sel;
	void *keep = NULL;
	if (l->nrows) {
		keep = x_calloc(1, l->ops->row_size);
		l->ops->copy_row(keep, ROW(l, row));
		l->top_index += row;
		l->sel -= row;
	}
	free_rows(l);
	l->rows = x_realloc(l->rows, (size_t)cap * l->ops->row_size);
	memset(l->rows, 0, (size_t)cap * l->ops->row_size);
	l->cap = cap;
	fill_from(l, keep);
	if (keep) {
		l->ops->free_row(keep);
		x_free(&keep);
	}
}

/* Move the window by delta rows (+ down, - up), keeping the selection's
 * place in the window, as less and htop do for pages. */
static void scroll(struct list *l, int delta)
{
	if (l->nrows == 0 || delta == 0)
		return;
	int want = delta > 0 ? delta : -delta;
	if (want > l->cap)
		want = l->cap;
	size_t rs = l->ops->row_size;
	unsigned char *got_rows = x_calloc((size_t)want, rs);
	int got = 0;
	const void *edge = delta > 0 ? ROW(l, l->nrows - 1) : ROW(l, 0);
	if (!l->ops->page(l->ctx, edge, delta > 0 ? 1 : -1, false, want, got_rows, &got)) {
		l->failed = true;
		x_free(&got_rows);
		return;
	}
	if (got == 0) {
		/* Nothing beyond: land on the last or first row. */
		l->sel = delta > 0 ? l->nrows - 1 : 0;
		x_free(&got_rows);
		return;
	}
	int drop = got + l->nrows > l->cap ? got + l->nrows - l->cap : 0;
	if (delta > 0) {
		for (int i = 0; i < drop; i++)
			l->ops->free_row(ROW(l, i));
		memmove(l->rows, l->rows + (size_t)drop * rs, (size_t)(l->nrows - drop) * rs);
		l->nrows -= drop;
		memcpy(l->rows + (size_t)l->nrows * rs, got_rows, (size_t)got * rs);
		l->nrows += got;
		l->top_index += drop;
		if (want == 1)
			l->sel = l->nrows - 1;
	} else {
		for (int i = l->nrows - drop; i < l->nrows; i++)
			l->ops->free_row(ROW(l, i));
		l->nrows -= drop;
		memmove(l->rows + (size_t)got * rs, l->rows, (size_t)l->nrows * rs);
		memcpy(l->rows, got_rows, (size_t)got * rs);
		l->nrows += got;
		l->top_index -= got;
		if (want == 1)
			l->sel = 0;
	}
	clamp(l);
	x_free(&got_rows);
}

void list_move(struct list *l, int delta)
{
	int to = l->sel + delta;
	if (to >= 0 && to < l->nrows)
		l->sel = to;
	else
		scroll(l, delta);
}

void list_page(struct list *l, int dir)
{
	int before = l->top_index;
	scroll(l, dir * l->cap);
	if (l->top_index == before) /* at an end already */
		l->sel = dir > 0 ? l->nrows - 1 : 0;
}

void list_select(struct list *l, int i)
{
	if (i >= 0 && i < l->nrows)
		l->sel = i;
}

bool list_act(struct list *l, enum action a)
{
	switch (a) {
	case ACT_MOVE_DOWN: list_move(l, 1); return true;
	case ACT_MOVE_UP: list_move(l, -1); return true;
	case ACT_PAGE_DOWN: list_page(l, 1); return true;
	case ACT_PAGE_UP: list_page(l, -1); return true;
	case ACT_MOVE_FIRST: list_first(l); return true;
	case ACT_MOVE_LAST: list_last(l); return true;
	default: return false;
	}
}
