/* tui/view_report.c - a page of text (the report of an import) over
 * the section: lines wrapped by display columns (never starting with
 * closing punctuation, never cutting a number), scrolled with the
 * arrows and the page keys; Esc closes it. */
#include "app.h"

#include "core/xalloc.h"
#include "draw.h"

#include <string.h>

void report_show(struct app *app, const char *text)
{
	x_free(&app->report_text);
	app->report_text = x_strdup(text);
	app->report_scroll = 0;
}

void report_close(struct app *app)
{
	x_free(&app->report_text);
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	int line = 0, sc = app->report_scroll;
	char *copy = x_strdup(app->report_text);
	for (char *p = copy, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		/* Each paragraph wrapped; only what is in the window drawn. */
		const char *q = p;
		do {
			size_t k = text_line_break(q, w - 2);
			if (k == 0 && *q)
				k = strlen(q);
			if (line - sc >= 0 && line - sc < h) {
				char *part = x_strndup(q, k);
				draw_text(y + line - sc, x + 1, w - 2, part, line == 0 ? A_BOLD : A_NORMAL, TEXT_LEFT);
				x_free(&part);
			}
			line++;
			q += k;
		} while (*q);
	}
	x_free(&copy);
	app->report_lines = line;
	app->report_height = h;
}

static int action(struct app *app, enum action a)
{
	int max = app->report_lines - app->report_height;
	switch (a) {
	case ACT_BACK:
		report_close(app);
		return REDRAW_ALL;
	case ACT_MOVE_DOWN: if (app->report_scroll < max) app->report_scroll++; return REDRAW_ALL;
	case ACT_MOVE_UP: if (app->report_scroll > 0) app->report_scroll--; return REDRAW_ALL;
	case ACT_PAGE_DOWN:
		app->report_scroll += app->report_height - 1;
		if (app->report_scroll > max)
			app->report_scroll = max > 0 ? max : 0;
		return REDRAW_ALL;
	case ACT_PAGE_UP:
		app->report_scroll -= app->report_height - 1;
		if (app->report_scroll < 0)
			app->report_scroll = 0;
		return REDRAW_ALL;
	default:
		return NOT_HANDLED;
	}
}

static bool supports(const struct app *app, enum action a)
{
	(void)app;
	return a == ACT_BACK || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN || a == ACT_PAGE_UP || a == ACT_PAGE_DOWN;
}

const struct view_ops report_view = {
	.scope = "report",
	.draw = draw,
	.action = action,
	.supports = supports,
};
