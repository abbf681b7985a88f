/* tui/table.h - column layout by display width, shared by every list.
 *
 * Columns are data: a title, a width in display columns, a priority
 * (0 is kept longest when space runs short), an alignment, and a short
 * title for when the column is narrower than its title.  One
 * column may be flexible and takes what is left.  Cells are fitted
 * with core/text, so every row lines up at the same columns whatever
 * mix of Chinese and Latin text it holds. */
#ifndef JUWEI_TABLE_H
#define JUWEI_TABLE_H

#include <curses.h>

#include "core/text.h"

struct table_col {
	const char *title; /* msgid */
	int width;         /* columns; the minimum for the flexible one */
	int prio;
	enum text_align align;
	int flex;          /* 1: takes the remaining width */
	const char *brief; /* msgid of a shorter title, for a column narrower than title (NULL: none) */
	int grow;          /* columns more it takes on a wide screen (0: none; a date never needs more) */
};

#define TABLE_MAX_COLS 16

struct table_layout {
	int n;
	int x[TABLE_MAX_COLS]; /* offset from the table's left edge */
	int w[TABLE_MAX_COLS]; /* 0 when the column is hidden */
};

/* Lay out cols in total width w (one space between columns).  With
 * TABLE_WIDE_SPARE columns or more to spare, the columns that may grow
 * widen as well as the flexible one. */
#define TABLE_WIDE_SPARE 30
/* Lay out cols in total width w (one space between columns). */
void table_layout(const struct table_col *cols, int n, int w, struct table_layout *out);
void table_draw_header(int y, int x, int w, const struct table_col *cols,
		       const struct table_layout *l, attr_t attr);
/* cells[i] is the text of column i (NULL is empty). */
void table_draw_row(int y, int x, int w, const struct table_layout *l,
		    const struct table_col *cols, const char *const *cells, attr_t attr);

#endif
