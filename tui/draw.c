/* tui/draw.c - text to the screen through core/text. */
#include "draw.h"

#include "core/xalloc.h"

#include <string.h>
#include <wchar.h>

static bool has_colors_ok;

void draw_init_colors(void)
{
	if (!has_colors() || start_color() == ERR)
		return;
	use_default_colors();
	has_colors_ok = true;
	init_pair(C_HEADER, COLOR_WHITE, COLOR_BLUE);
	init_pair(C_SELECTED, COLOR_BLACK, COLOR_CYAN);
	init_pair(C_KEYLABEL, COLOR_BLACK, COLOR_CYAN);
	init_pair(C_SECTION, COLOR_WHITE, COLOR_BLUE);
	init_pair(C_TITLE, COLOR_YELLOW, -1);
	init_pair(C_ERROR, COLOR_RED, -1);
	init_pair(C_DIM, COLOR_BLUE, -1);
}

attr_t draw_attr(enum color c)
{
	if (c == C_NORMAL)
		return A_NORMAL;
	if (has_colors_ok)
		return COLOR_PAIR(c) | (c == C_HEADER || c == C_SECTION || c == C_TITLE ? A_BOLD : 0);
	switch (c) {
	case C_TITLE: return A_BOLD | A_UNDERLINE;
	case C_ERROR: return A_BOLD;
	case C_DIM: return A_DIM;
	default: return A_REVERSE;
	}
}

/* Decode sanitised UTF-8 into wide characters for ncursesw.  We decode
 * ourselves rather than trust the process locale's mbstowcs. */
static wchar_t *to_wide(const char *s, size_t *n)
{
	size_t len = strlen(s);
	wchar_t *w = x_malloc((len + 1) * sizeof *w);
	size_t k = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		w[k++] = (wchar_t)cp;
	}
	w[k] = 0;
	*n = k;
	return w;
}

static void put(int y, int x, const char *clean, attr_t attr)
{
	size_t n;
	wchar_t *w = to_wide(clean, &n);
	attr_t old_attr;
	short old_pair;
	attr_get(&old_attr, &old_pair, NULL);
	attrset(attr);
	mvaddnwstr(y, x, w, (int)n);
	attr_set(old_attr, old_pair, NULL);
	x_free(&w);
}

void draw_text(int y, int x, int cols, const char *s, attr_t attr, enum text_align align)
{
	if (cols <= 0)
		return;
	char *clean = text_sanitize(s, (size_t)-1);
	char *fitted = text_pad(clean, cols, align);
	put(y, x, fitted, attr);
	x_free(&fitted);
	x_free(&clean);
}

void draw_blank(int y, int x, int cols, attr_t attr)
{
	draw_text(y, x, cols, "", attr, TEXT_LEFT);
}

int draw_wrapped(int y, int x, int cols, int rows, const char *s, attr_t attr)
{
	if (cols <= 0 || rows <= 0)
		return 0;
	char *clean = text_sanitize(s, (size_t)-1);
	const char *p = clean;
	int line = 0;
	while (*p && line < rows) {
		int used;
		size_t i = text_prefix(p, cols, &used);
		if (i == 0) /* a character wider than the line */
			break;
		char *chunk = x_strndup(p, i);
		if (line == rows - 1 && p[i])
			draw_text(y + line, x, cols, p, attr, TEXT_LEFT); /* with ellipsis */
		else
			draw_text(y + line, x, cols, chunk, attr, TEXT_LEFT);
		x_free(&chunk);
		p += i;
		line++;
	}
	x_free(&clean);
	return line;
}

void draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t t = draw_attr(C_HEADER);
	draw_text(y, x, w, title, t, TEXT_LEFT);
	for (int r = 1; r < h; r++) {
		draw_blank(y + r, x, w, A_NORMAL);
		mvaddch(y + r, x, ACS_VLINE);
		mvaddch(y + r, x + w - 1, ACS_VLINE);
	}
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

void draw_clear(int y, int x, int h, int w)
{
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
}
