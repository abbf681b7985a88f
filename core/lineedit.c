/* core/lineedit.c - one-line editing by whole characters. */
#include "lineedit.h"

#include "text.h"
#include "xalloc.h"

#include <string.h>

void le_init(struct lineedit *le, size_t max_chars)
{
	memset(le, 0, sizeof *le);
	le->cap = 32;
	le->buf = x_calloc(1, le->cap);
	le->max = max_chars;
}

void le_free(struct lineedit *le)
{
	x_free(&le->buf);
	le->len = le->cap = le->cur = 0;
}

static void reserve(struct lineedit *le, size_t extra)
{
	if (le->len + extra + 1 <= le->cap)
		return;
	while (le->len + extra + 1 > le->cap)
		le->cap *= 2;
	le->buf = x_realloc(le->buf, le->cap);
}

size_t le_chars(const struct lineedit *le)
{
	return text_chars(le->buf);
}

void le_set(struct lineedit *le, const char *text)
{
	le->len = le->cur = 0;
	le->buf[0] = '\0';
	le->scroll = 0;
	size_t n;
	char *c = text_clean_input(text ? text : "", false, &n);
	/* Cut at a character boundary when it is too long. */
	size_t bytes = strlen(c);
	if (le->max && n > le->max) {
		size_t i = 0, k = 0;
		while (k < le->max) {
			uint32_t cp;
			i += utf8_decode(c + i, bytes - i, &cp);
			k++;
		}
		bytes = i;
	}
	reserve(le, bytes);
	memcpy(le->buf, c, bytes);
	le->buf[bytes] = '\0';
	le->len = le->cur = bytes;
	x_free(&c);
}

enum le_result le_insert(struct lineedit *le, const char *text)
{
	size_t n;
	char *c = text_clean_input(text, false, &n);
	size_t bytes = strlen(c);
	enum le_result r = LE_CHANGED;
	if (bytes == 0)
		r = LE_NOTHING;
	else if (le->max && le_chars(le) + n > le->max)
		r = LE_TOO_LONG;
	if (r == LE_CHANGED) {
		reserve(le, bytes);
		memmove(le->buf + le->cur + bytes, le->buf + le->cur, le->len - le->cur + 1);
		memcpy(le->buf + le->cur, c, bytes);
		le->len += bytes;
		le->cur += bytes;
	}
	x_free(&c);
	return r;
}

/* The byte offset of the character before / after pos. */
static size_t prev(const struct lineedit *le, size_t pos)
{
	if (pos == 0)
		return 0;
	pos--;
	while (pos > 0 && ((unsigned char)le->buf[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

static size_t next(const struct lineedit *le, size_t pos)
{
	uint32_t cp;
	return pos >= le->len ? le->len : pos + utf8_decode(le->buf + pos, le->len - pos, &cp);
}

static enum le_result move_to(struct lineedit *le, size_t pos)
{
	if (pos == le->cur)
		return LE_NOTHING;
	le->cur = pos;
	return LE_MOVED;
}

/* Remove bytes [a, b). */
static enum le_result cut(struct lineedit *le, size_t a, size_t b)
{
	if (a >= b)
		return LE_NOTHING;
	memmove(le->buf + a, le->buf + b, le->len - b + 1);
	le->len -= b - a;
	le->cur = a;
	return LE_CHANGED;
}

enum le_result le_left(struct lineedit *le) { return move_to(le, prev(le, le->cur)); }
enum le_result le_right(struct lineedit *le) { return move_to(le, next(le, le->cur)); }
enum le_result le_home(struct lineedit *le) { return move_to(le, 0); }
enum le_result le_end(struct lineedit *le) { return move_to(le, le->len); }
enum le_result le_backspace(struct lineedit *le) { return cut(le, prev(le, le->cur), le->cur); }
enum le_result le_delete(struct lineedit *le) { return cut(le, le->cur, next(le, le->cur)); }
enum le_result le_kill_start(struct lineedit *le) { return cut(le, 0, le->cur); }

enum le_result le_kill_end(struct lineedit *le)
{
	if (le->cur == le->len)
		return LE_NOTHING;
	le->len = le->cur;
	le->buf[le->len] = '\0';
	return LE_CHANGED;
}

/* As in a shell: spaces before the cursor, then the word before them. */
enum le_result le_kill_word(struct lineedit *le)
{
	size_t a = le->cur;
	while (a > 0 && le->buf[prev(le, a)] == ' ')
		a = prev(le, a);
	while (a > 0 && le->buf[prev(le, a)] != ' ')
		a = prev(le, a);
	return cut(le, a, le->cur);
}

int le_cursor_col(const struct lineedit *le)
{
	return text_width_n(le->buf, le->cur);
}

void le_view(struct lineedit *le, int width, size_t *start, size_t *end, int *cursor_x)
{
	if (width < 2)
		width = 2;
	int col = le_cursor_col(le), total = text_width(le->buf);
	/* Keep the cursor inside, with its own cell at the right edge. */
	if (col < le->scroll)
		le->scroll = col;
	if (col > le->scroll + width - 1)
		le->scroll = col - width + 1;
	if (le->scroll > total - width + 1)
		le->scroll = total - width + 1;
	if (le->scroll < 0)
		le->scroll = 0;
	/* Start on a character boundary at or after scroll. */
	size_t i = 0;
	int c = 0;
	while (i < le->len) {
		uint32_t cp;
		size_t n = utf8_decode(le->buf + i, le->len - i, &cp);
		if (c >= le->scroll)
			break;
		c += text_cp_width(cp);
		i += n;
	}
	le->scroll = c;
	*start = i;
	/* End before the first character that would pass the right edge. */
	int used;
	*end = i + text_prefix(le->buf + i, width, &used);
	*cursor_x = col - le->scroll;
}

static const struct {
	enum action a;
	enum le_result (*fn)(struct lineedit *le);
} edits[] = {
	{ ACT_CURSOR_LEFT, le_left }, { ACT_CURSOR_RIGHT, le_right },
	{ ACT_LINE_START, le_home }, { ACT_LINE_END, le_end },
	{ ACT_DELETE_BEFORE, le_backspace }, { ACT_DELETE_UNDER, le_delete },
	{ ACT_KILL_WORD, le_kill_word }, { ACT_KILL_TO_START, le_kill_start },
	{ ACT_KILL_TO_END, le_kill_end },
};

bool le_apply(struct lineedit *le, enum action a, enum le_result *r)
{
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++)
		if (edits[i].a == a) {
			*r = edits[i].fn(le);
			return true;
		}
	return false;
}
