/* core/cursor.h - the selection in a list held in memory.
 *
 * Which row is chosen and which is at the top of the window, kept in
 * view; a page is the visible height, as in the paged lists of
 * core/listwin.h.  Rows a predicate refuses (the headings of Today and
 * of the settings) are stepped over.  A list with no selection (a page
 * of text) scrolls with cursor_scroll().  No curses here. */
#ifndef JUWEI_CURSOR_H
#define JUWEI_CURSOR_H

#include <stdbool.h>

#include "action.h"

struct cursor {
	int sel;      /* the selected row; -1 when none can be */
	int top;      /* the first row shown */
	int n;        /* rows */
	int height;   /* rows shown; at least 1 */
	/* May row i be selected?  NULL: every row. */
	bool (*selectable)(const void *ctx, int i);
	const void *ctx;
};

/* An empty list one row high. */
void cursor_init(struct cursor *c);
/* The list has n rows now: the selection stays (clamped, on a row that
 * may be selected). */
void cursor_count(struct cursor *c, int n);
/* The window shows h rows now. */
void cursor_height(struct cursor *c, int h);

void cursor_move(struct cursor *c, int delta);
/* By the visible height: dir 1 down, -1 up. */
void cursor_page(struct cursor *c, int dir);
void cursor_first(struct cursor *c);
void cursor_last(struct cursor *c);
/* Select row i (a mouse click); false when it may not be. */
bool cursor_select(struct cursor *c, int i);
/* Move the window by delta rows without a selection (a page of text). */
void cursor_scroll(struct cursor *c, int delta);
/* The moving actions (up, down, a page, first, last); false for any
 * other.  With scroll, they move the window instead of a selection. */
bool cursor_act(struct cursor *c, enum action a, bool scroll);

#endif
