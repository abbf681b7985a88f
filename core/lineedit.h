/* core/lineedit.h - a one-line text buffer edited by whole characters.
 *
 * The cursor moves over code points, never inside one; Backspace and
 * Delete remove whole characters; lengths are counted in characters
 * and an edit that would pass the maximum is refused, not cut.  The
 * view keeps the cursor inside a field of a given display width,
 * scrolling by display columns, so CJK text stays whole on screen.
 * No curses here: the tui draws what le_view() describes. */
#ifndef JUWEI_LINEEDIT_H
#define JUWEI_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "action.h"

struct lineedit {
	char *buf;      /* UTF-8, NUL-terminated, never NULL after le_init */
	size_t len;     /* bytes */
	size_t cap;
	size_t cur;     /* byte offset of the cursor, on a character boundary */
	size_t max;     /* most characters allowed; 0 means no limit */
	int scroll;     /* display column shown at the left edge */
};

enum le_result {
	LE_CHANGED,   /* the text changed */
	LE_MOVED,     /* only the cursor moved */
	LE_NOTHING,   /* nothing to do (at an edge, empty) */
	LE_TOO_LONG,  /* refused: more than max characters */
};

void le_init(struct lineedit *le, size_t max_chars);
void le_free(struct lineedit *le);
/* Replace the text (cut to max characters) and put the cursor at its end. */
void le_set(struct lineedit *le, const char *text);

/* Insert text at the cursor.  Tabs and line breaks become spaces and
 * other control characters are dropped, so a paste arrives as one line;
 * invalid UTF-8 becomes U+FFFD.  All or nothing: LE_TOO_LONG when the
 * result would pass the maximum. */
enum le_result le_insert(struct lineedit *le, const char *text);

enum le_result le_left(struct lineedit *le);
enum le_result le_right(struct lineedit *le);
enum le_result le_home(struct lineedit *le);
enum le_result le_end(struct lineedit *le);
enum le_result le_backspace(struct lineedit *le);   /* the character before */
enum le_result le_delete(struct lineedit *le);      /* the character under */
enum le_result le_kill_end(struct lineedit *le);    /* C-k: to the end */
enum le_result le_kill_start(struct lineedit *le);  /* C-u: to the start */
enum le_result le_kill_word(struct lineedit *le);   /* C-w: the word before */

/* The editing action a (core/action.h: cursor-left ... kill-to-end, bound
 * in the keymap's "edit" scope) on le; false when a is not one. */
bool le_apply(struct lineedit *le, enum action a, enum le_result *r);

size_t le_chars(const struct lineedit *le);
/* Display column of the cursor from the start of the text. */
int le_cursor_col(const struct lineedit *le);

/* What to show in a field of width columns: the bytes [*start, *end)
 * of buf, and the cursor's column inside the field.  Updates scroll so
 * that the cursor stays visible, and never starts or ends the shown
 * part inside a wide character. */
void le_view(struct lineedit *le, int width, size_t *start, size_t *end, int *cursor_x);

#endif
