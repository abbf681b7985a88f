/* core/textarea.h - a multi-line text buffer edited by whole characters.
 *
 * Enter makes a new line; the text is wrapped to a width in display
 * columns without splitting a character, and Up/Down move by display
 * line, keeping the column the cursor came from.  Lengths are counted
 * in characters and an edit that would pass the maximum is refused.
 * No curses here: the tui draws what ta_layout() describes. */
#ifndef JUWEI_TEXTAREA_H
#define JUWEI_TEXTAREA_H

#include <stddef.h>

#include "lineedit.h"

struct textarea {
	char *buf;      /* UTF-8, NUL-terminated, lines separated by '\n' */
	size_t len, cap;
	size_t cur;     /* byte offset of the cursor, on a character boundary */
	size_t max;     /* most characters allowed; 0 means no limit */
	int goal;       /* display column Up/Down aim for; -1: the cursor's */
	int scroll;     /* first display line shown */
};

/* One display line: the bytes [start, end) of buf. */
struct ta_line {
	size_t start, end;
};

void ta_init(struct textarea *ta, size_t max_chars);
void ta_free(struct textarea *ta);
/* Replace the text (cut to max characters); the cursor goes to its end. */
void ta_set(struct textarea *ta, const char *text);

/* Insert at the cursor.  "\r\n" and "\r" become "\n", tabs a space;
 * other control and invisible characters are dropped.  All or nothing. */
enum le_result ta_insert(struct textarea *ta, const char *text);
enum le_result ta_left(struct textarea *ta);
enum le_result ta_right(struct textarea *ta);
enum le_result ta_backspace(struct textarea *ta);
enum le_result ta_delete(struct textarea *ta);
/* Start / end of the display line the cursor is on. */
enum le_result ta_home(struct textarea *ta, int width);
enum le_result ta_end(struct textarea *ta, int width);
/* One display line up / down; LE_NOTHING on the first / last line. */
enum le_result ta_up(struct textarea *ta, int width);
enum le_result ta_down(struct textarea *ta, int width);
/* C-k: to the end of the text line (or join the next line). */
enum le_result ta_kill_end(struct textarea *ta);

/* The editing action a on ta, lines width columns wide; false when a
 * is not one.  Killing a word or the start of a line does nothing in
 * a text area. */
bool ta_apply(struct textarea *ta, enum action a, int width, enum le_result *r);

size_t ta_chars(const struct textarea *ta);

/* The display lines of the text at width columns; *lines newly
 * allocated; returns their number (at least 1). */
int ta_layout(const struct textarea *ta, int width, struct ta_line **lines);
/* The display line and column of the cursor. */
void ta_cursor(const struct textarea *ta, int width, int *line, int *col);
/* Keep the cursor inside a window of height lines; updates scroll. */
void ta_scroll_to_cursor(struct textarea *ta, int width, int height);

#endif
