/* tui/draw.h - putting UTF-8 text on the screen by display columns.
 *
 * Every string drawn goes through core/text: sanitised (no control
 * character from the data reaches the terminal) and fitted to exactly
 * the columns given. */
#ifndef JUWEI_DRAW_H
#define JUWEI_DRAW_H

#include <curses.h>

#include "core/text.h"

enum color {
	C_NORMAL = 0,
	C_HEADER,    /* title bar */
	C_SELECTED,  /* the row under the cursor */
	C_KEYLABEL,  /* label in the F-key bar */
	C_SECTION,   /* the current section */
	C_TITLE,     /* column titles */
	C_ERROR,     /* messages about something that went wrong */
	C_DIM,       /* moved out, deceased */
	C_COUNT
};

void draw_init_colors(void);
/* The attribute of a colour role (with A_REVERSE/A_BOLD fallbacks on a
 * terminal without colours). */
attr_t draw_attr(enum color c);

/* Draw s at (y, x) in exactly cols columns (fitted, padded). */
void draw_text(int y, int x, int cols, const char *s, attr_t attr, enum text_align align);
/* Fill cols columns with spaces. */
void draw_blank(int y, int x, int cols, attr_t attr);
/* Wrap s into lines of at most cols columns, from row y, at most rows
 * lines; returns the number of lines used.  Wide characters are never
 * split; the last line ends with an ellipsis if text remains. */
int draw_wrapped(int y, int x, int cols, int rows, const char *s, attr_t attr);

/* A box of h rows and w columns at (y, x), its title in the top row. */
void draw_box(int y, int x, int h, int w, const char *title);
/* Blank a rectangle. */
void draw_clear(int y, int x, int h, int w);

#endif
