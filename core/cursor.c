/* core/cursor.c - the selection in a list held in memory. */
#include "cursor.h"

static bool can(const struct cursor *c, int i)
{
	return i >= 0 && i < c->n && (!c->selectable || c->selectable(c->ctx, i));
}

/* Keep the selection inside the window, and a heading just above the
 * first selectable row of its group with it. */
static void show(struct cursor *c)
{
	if (c->sel >= 0) {
		if (c->sel < c->top)
			c->top = c->sel;
		if (c->sel >= c->top + c->height)
			c->top = c->sel - c->height + 1;
		if (c->sel > 0 && c->sel - 1 < c->top && !can(c, c->sel - 1) && c->height > 1)
			c->top = c->sel - 1;
	}
	int max = c->n - c->height;
	if (c->top > max)
		c->top = max;
	if (c->top < 0)
		c->top = 0;
}

/* The nearest selectable row from i going dir, else the other way. */
static int nearest(const struct cursor *c, int i, int dir)
{
	for (int j = i; j >= 0 && j < c->n; j += dir)
		if (can(c, j))
			return j;
	for (int j = i - dir; j >= 0 && j < c->n; j -= dir)
		if (can(c, j))
			return j;
	return -1;
}

void cursor_init(struct cursor *c)
{
	*c = (struct cursor){ .sel = -1, .height = 1 };
}

void cursor_count(struct cursor *c, int n)
{
	c->n = n < 0 ? 0 : n;
	int at = c->sel < 0 ? 0 : c->sel >= c->n ? c->n - 1 : c->sel;
	c->sel = nearest(c, at, 1);
	show(c);
}

void cursor_height(struct cursor *c, int h)
{
	c->height = h < 1 ? 1 : h;
	show(c);
}

void cursor_move(struct cursor *c, int delta)
{
	if (c->sel < 0 || delta == 0)
		return;
	int dir = delta > 0 ? 1 : -1, to = c->sel;
	for (int k = 0; k < (delta > 0 ? delta : -delta); k++) {
		int j = to + dir;
		while (j >= 0 && j < c->n && !can(c, j))
			j += dir;
		if (j < 0 || j >= c->n)
			break;
		to = j;
	}
	c->sel = to;
	show(c);
	if (dir < 0 && nearest(c, 0, 1) == to && to < c->height)
		c->top = 0; /* at the first row: show the headings above it too */
}

void cursor_page(struct cursor *c, int dir)
{
	cursor_move(c, dir * c->height);
}

void cursor_first(struct cursor *c)
{
	c->sel = nearest(c, 0, 1);
	c->top = 0;
	show(c);
}

void cursor_last(struct cursor *c)
{
	c->sel = nearest(c, c->n - 1, -1);
	show(c);
}

bool cursor_select(struct cursor *c, int i)
{
	if (!can(c, i))
		return false;
	c->sel = i;
	show(c);
	return true;
}

void cursor_scroll(struct cursor *c, int delta)
{
	c->top += delta;
	int sel = c->sel;
	c->sel = -1;
	show(c);
	c->sel = sel;
}

bool cursor_act(struct cursor *c, enum action a, bool scroll)
{
	int big = c->n + c->height;
	switch (a) {
	case ACT_MOVE_UP:   scroll ? cursor_scroll(c, -1) : cursor_move(c, -1); return true;
	case ACT_MOVE_DOWN: scroll ? cursor_scroll(c, 1) : cursor_move(c, 1); return true;
	case ACT_PAGE_UP:   scroll ? cursor_scroll(c, -c->height) : cursor_page(c, -1); return true;
	case ACT_PAGE_DOWN: scroll ? cursor_scroll(c, c->height) : cursor_page(c, 1); return true;
	case ACT_MOVE_FIRST: scroll ? cursor_scroll(c, -big) : cursor_first(c); return true;
	case ACT_MOVE_LAST:  scroll ? cursor_scroll(c, big) : cursor_last(c); return true;
	default: return false;
	}
}
