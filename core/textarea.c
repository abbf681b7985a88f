/* core/textarea.c - multi-line editing by whole characters. */
#include "textarea.h"

#include "text.h"
#include "xalloc.h"

#include <string.h>

void ta_init(struct textarea *ta, size_t max_chars)
{
	memset(ta, 0, sizeof *ta);
	ta->cap = 64;
	ta->buf = x_calloc(1, ta->cap);
	ta->max = max_chars;
	ta->goal = -1;
}

void ta_free(struct textarea *ta)
{
	x_free(&ta->buf);
	ta->len = ta->cap = ta->cur = 0;
}

static void reserve(struct textarea *ta, size_t extra)
{
	if (ta->len + extra + 1 <= ta->cap)
		return;
	while (ta->len + extra + 1 > ta->cap)
		ta->cap *= 2;
	ta->buf = x_realloc(ta->buf, ta->cap);
}

size_t ta_chars(const struct textarea *ta)
{
	return text_chars(ta->buf);
}

void ta_set(struct textarea *ta, const char *text)
{
	size_t n;
	char *c = text_clean_input(text ? text : "", true, &n);
	size_t bytes = strlen(c);
	if (ta->max && n > ta->max) {
		size_t i = 0;
		for (size_t k = 0; k < ta->max; k++) {
			uint32_t cp;
			i += utf8_decode(c + i, bytes - i, &cp);
		}
		bytes = i;
	}
	ta->len = 0;
	reserve(ta, bytes);
	memcpy(ta->buf, c, bytes);
	ta->buf[bytes] = '\0';
	ta->len = ta->cur = bytes;
	ta->goal = -1;
	ta->scroll = 0;
	x_free(&c);
}

enum le_result ta_insert(struct textarea *ta, const char *text)
{
	size_t n;
	char *c = text_clean_input(text, true, &n);
	size_t bytes = strlen(c);
	enum le_result r = LE_CHANGED;
	if (bytes == 0)
		r = LE_NOTHING;
	else if (ta->max && ta_chars(ta) + n > ta->max)
		r = LE_TOO_LONG;
	if (r == LE_CHANGED) {
		reserve(ta, bytes);
		memmove(ta->buf + ta->cur + bytes, ta->buf + ta->cur, ta->len - ta->cur + 1);
		memcpy(ta->buf + ta->cur, c, bytes);
		ta->len += bytes;
		ta->cur += bytes;
		ta->goal = -1;
	}
	x_free(&c);
	return r;
}

static size_t prev(const struct textarea *ta, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)ta->buf[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t next(const struct textarea *ta, size_t pos)
{
	uint32_t cp;
	return pos >= ta->len ? ta->len : pos + utf8_decode(ta->buf + pos, ta->len - pos, &cp);
}

static enum le_result move_to(struct textarea *ta, size_t pos, bool keep_goal)
{
	if (!keep_goal)
		ta->goal = -1;
	if (pos == ta->cur)
		return LE_NOTHING;
	ta->cur = pos;
	return LE_MOVED;
}

static enum le_result cut(struct textarea *ta, size_t a, size_t b)
{
	if (a >= b)
		return LE_NOTHING;
	memmove(ta->buf + a, ta->buf + b, ta->len - b + 1);
	ta->len -= b - a;
	ta->cur = a;
	ta->goal = -1;
	return LE_CHANGED;
}

enum le_result ta_left(struct textarea *ta) { return move_to(ta, prev(ta, ta->cur), false); }
enum le_result ta_right(struct textarea *ta) { return move_to(ta, next(ta, ta->cur), false); }
enum le_result ta_backspace(struct textarea *ta) { return cut(ta, prev(ta, ta->cur), ta->cur); }
enum le_result ta_delete(struct textarea *ta) { return cut(ta, ta->cur, next(ta, ta->cur)); }

enum le_result ta_kill_end(struct textarea *ta)
{
	size_t e = ta->cur;
	while (e < ta->len && ta->buf[e] != '\n')
		e++;
	if (e == ta->cur && e < ta->len)
		e++; /* at the end of a line: join the next one */
	return cut(ta, ta->cur, e);
}

int ta_layout(const struct textarea *ta, int width, struct ta_line **lines)
{
	if (width < 2)
		width = 2;
	int n = 0, cap = 8;
	struct ta_line *l = x_malloc((size_t)cap * sizeof *l);
	size_t start = 0, i = 0;
	int col = 0;
	for (;;) {
		bool end = i >= ta->len, nl = !end && ta->buf[i] == '\n';
		uint32_t cp = 0;
		size_t step = end || nl ? 1 : utf8_decode(ta->buf + i, ta->len - i, &cp);
		int w = end || nl ? 0 : text_cp_width(cp);
		bool wrap = !end && !nl && col + w > width && i > start;
		if (end || nl || wrap) {
			if (n == cap) {
				cap *= 2;
				l = x_realloc(l, (size_t)cap * sizeof *l);
			}
			l[n].start = start;
			l[n].end = i;
			n++;
			if (end)
				break;
			start = nl ? i + 1 : i;
			col = 0;
			if (nl) {
				i++;
				continue;
			}
		}
		col += w;
		i += step;
	}
	*lines = l;
	return n;
}

static int find_line(const struct ta_line *l, int n, size_t pos)
{
	int k = 0;
	for (int i = 0; i < n; i++)
		if (l[i].start <= pos)
			k = i;
	return k;
}

void ta_cursor(const struct textarea *ta, int width, int *line, int *col)
{
	struct ta_line *l;
	int n = ta_layout(ta, width, &l);
	int k = find_line(l, n, ta->cur);
	*line = k;
	*col = text_width_n(ta->buf + l[k].start, ta->cur - l[k].start);
	x_free(&l);
}

/* The byte offset in line l nearest to display column goal. */
static size_t at_column(const struct textarea *ta, const struct ta_line *l, int goal)
{
	size_t i = l->start;
	int col = 0;
	while (i < l->end) {
		uint32_t cp;
		size_t step = utf8_decode(ta->buf + i, l->end - i, &cp);
		int w = text_cp_width(cp);
		if (col + w > goal)
			break;
		col += w;
		i += step;
	}
	return i;
}

static enum le_result vertical(struct textarea *ta, int width, int dir)
{
	struct ta_line *l;
	int n = ta_layout(ta, width, &l);
	int k = find_line(l, n, ta->cur);
	int col = text_width_n(ta->buf + l[k].start, ta->cur - l[k].start);
	enum le_result r = LE_NOTHING;
	if (ta->goal < 0)
		ta->goal = col;
	if (k + dir >= 0 && k + dir < n) {
		struct ta_line *t = &l[k + dir];
		size_t pos = at_column(ta, t, ta->goal);
		/* On a wrapped line, stopping at its very end would show
		 * the cursor at the start of the next one. */
		if (pos == t->end && pos > t->start && k + dir + 1 < n && l[k + dir + 1].start == t->end)
			pos = prev(ta, pos);
		r = move_to(ta, pos, true);
		if (r == LE_NOTHING)
			r = LE_MOVED;
	}
	x_free(&l);
	return r;
}

enum le_result ta_up(struct textarea *ta, int width) { return vertical(ta, width, -1); }
enum le_result ta_down(struct textarea *ta, int width) { return vertical(ta, width, 1); }

enum le_result ta_home(struct textarea *ta, int width)
{
	struct ta_line *l;
	int n = ta_layout(ta, width, &l);
	size_t pos = l[find_line(l, n, ta->cur)].start;
	x_free(&l);
	return move_to(ta, pos, false);
}

enum le_result ta_end(struct textarea *ta, int width)
{
	struct ta_line *l;
	int n = ta_layout(ta, width, &l);
	int k = find_line(l, n, ta->cur);
	size_t pos = l[k].end;
	if (pos > l[k].start && k + 1 < n && l[k + 1].start == pos)
		pos = prev(ta, pos);
	x_free(&l);
	return move_to(ta, pos, false);
}

void ta_scroll_to_cursor(struct textarea *ta, int width, int height)
{
	int line, col;
	ta_cursor(ta, width, &line, &col);
	if (line < ta->scroll)
		ta->scroll = line;
	if (height > 0 && line >= ta->scroll + height)
		ta->scroll = line - height + 1;
	if (ta->scroll < 0)
		ta->scroll = 0;
}

bool ta_apply(struct textarea *ta, enum action a, int width, enum le_result *r)
{
	switch (a) {
	case ACT_CURSOR_LEFT: *r = ta_left(ta); return true;
	case ACT_CURSOR_RIGHT: *r = ta_right(ta); return true;
	case ACT_LINE_START: *r = ta_home(ta, width); return true;
	case ACT_LINE_END: *r = ta_end(ta, width); return true;
	case ACT_DELETE_BEFORE: *r = ta_backspace(ta); return true;
	case ACT_DELETE_UNDER: *r = ta_delete(ta); return true;
	case ACT_KILL_TO_END: *r = ta_kill_end(ta); return true;
	case ACT_KILL_WORD: case ACT_KILL_TO_START: *r = LE_NOTHING; return true;
	default: return false;
	}
}
