/* tui/view_report.c - a page of text (the report of an import) over the
 * current view: lines wrapped by display columns (never starting with
 * closing punctuation, never cutting a number), scrolled with the arrows
 * and the page keys; Esc closes it. */
#include "app.h"

#include "core/cursor.h"
#include "core/xalloc.h"
#include "draw.h"
#include "views.h"

#include <string.h>

struct report {
	char *text;
	char **lines;   /* wrapped at the width of the last layout */
	int n;
	struct cursor c;
};

static void unwrap(struct report *rp)
{
	for (int i = 0; i < rp->n; i++)
		x_free(&rp->lines[i]);
	x_free(&rp->lines);
	rp->n = 0;
}

/* Each paragraph wrapped at w columns. */
static void wrap(struct report *rp, int w)
{
	unwrap(rp);
	int cap = 0;
	char *copy = x_strdup(rp->text);
	for (char *p = copy, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		const char *q = p;
		do {
			size_t k = text_line_break(q, w);
			if (k == 0 && *q)
				k = strlen(q);
			if (rp->n == cap) {
				cap = cap ? cap * 2 : 64;
				rp->lines = x_realloc(rp->lines, (size_t)cap * sizeof *rp->lines);
			}
			rp->lines[rp->n++] = x_strndup(q, k);
			q += k;
		} while (*q);
	}
	x_free(&copy);
	cursor_count(&rp->c, rp->n);
}

static bool rp_open(struct view *v, const void *arg)
{
	struct report *rp = v->priv;
	rp->text = x_strdup(arg);
	cursor_init(&rp->c);
	return true;
}

static void rp_close(struct view *v)
{
	struct report *rp = v->priv;
	unwrap(rp);
	x_free(&rp->text);
}

static void rp_resize(struct view *v)
{
	struct report *rp = v->priv;
	wrap(rp, v->r.w - 2);
	cursor_height(&rp->c, v->r.h);
}

static void rp_draw(struct view *v)
{
	struct report *rp = v->priv;
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	for (int i = 0; i < r.h && rp->c.top + i < rp->n; i++)
		draw_text(r.y + i, r.x + 1, r.w - 2, rp->lines[rp->c.top + i], rp->c.top + i == 0 ? A_BOLD : A_NORMAL,
			  TEXT_LEFT);
}

static int run_scroll(struct view *v, enum action a)
{
	struct report *rp = v->priv;
	cursor_act(&rp->c, a, true);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_MOVES(run_scroll),
	VIEW_END,
};

const struct view_ops report_view = {
	.name = "report",
	.scope = "report",
	.priv_size = sizeof(struct report),
	.open = rp_open,
	.close = rp_close,
	.resize = rp_resize,
	.draw = rp_draw,
	.actions = actions,
};

void report_show(struct app *app, const char *text)
{
	view_push(app, &report_view, text);
}
