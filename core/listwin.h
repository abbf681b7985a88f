/* core/listwin.h - a window of rows paged from the database by key.
 *
 * Every list screen (households now; visits, cases and meetings later)
 * uses this one window; the views in tui/ draw it (no curses here).
 * It holds only the rows that fit on the screen and asks its source
 * for more as the cursor moves, so memory does not grow with the
 * database.  The source pages by key in list order, in both
 * directions; the window keeps the position of its first row so the
 * status line can say "row n of N". */
#ifndef JUWEI_LISTWIN_H
#define JUWEI_LISTWIN_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"

struct list_ops {
	size_t row_size;
	/* Fill out with up to limit rows in list order: after `from`
	 * (dir > 0; with inclusive, from itself first) or before it
	 * (dir < 0).  from NULL means from the start (dir > 0) or the end
	 * (dir < 0).  False when the query failed. */
	bool (*page)(void *ctx, const void *from, int dir, bool inclusive,
		     int limit, void *out, int *n);
	/* How many rows the list has.  False when the query failed. */
	bool (*count)(void *ctx, int *n);
	void (*free_row)(void *row);
	/* A deep copy, to remember a row across a refill. */
	void (*copy_row)(void *dst, const void *src);
};

struct list {
	const struct list_ops *ops;
	void *ctx;
	unsigned char *rows; /* nrows rows of ops->row_size bytes */
	int nrows, cap;      /* cap: rows that fit on the screen */
	int top_index;       /* position of rows[0] in the whole list */
	int sel;             /* the selected row, within the window */
	int total;
	bool failed;         /* the last query failed */
};

void list_init(struct list *l, const struct list_ops *ops, void *ctx);
void list_free(struct list *l);

/* Count again and go to the first row (after the source's filter
 * changed). */
void list_reset(struct list *l);
/* Count again and refill from the same first row (another session
 * changed the data): the clerk keeps their place. */
void list_reload(struct list *l);
/* Count again and show the window from row (a row of the source, at
 * position pos of the whole list), selecting it. */
void list_goto(struct list *l, const void *row, int pos);
/* The screen has room for cap rows now; keep the selection in view. */
void list_set_height(struct list *l, int cap);

void list_first(struct list *l);
void list_last(struct list *l);
void list_move(struct list *l, int delta);   /* by rows */
void list_page(struct list *l, int dir);     /* by a screenful */
/* Select the i-th row of the window (a mouse click). */
void list_select(struct list *l, int i);
/* The moving actions (up, down, a page, first, last) on l; false for any
 * other action. */
bool list_act(struct list *l, enum action a);

/* Row i of the window, or NULL. */
void *list_row(const struct list *l, int i);
void *list_selected(const struct list *l);
/* 1-based position of the selection in the whole list; 0 when empty. */
int list_position(const struct list *l);

#endif
