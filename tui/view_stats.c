/* tui/view_stats.c - a month in numbers (统计): visits per staff, grid,
 * purpose and method, and the share of tagged households visited within
 * their interval, with bars drawn by display columns.  F5 and F6 go to
 * the month before and after. */
#include "app.h"

#include "core/date.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"

#include <stdio.h>
#include <string.h>

struct stats_view {
	char month[16];           /* YYYY-MM */
	struct month_stats data;
	bool loaded;
	int scroll, lines, height;
};

struct stats_view *stats_view_new(struct app *app)
{
	struct stats_view *sv = x_calloc(1, sizeof *sv);
	snprintf(sv->month, sizeof sv->month, "%.7s", app->today);
	app->stats_v = sv;
	return sv;
}

void stats_view_free(struct stats_view **psv)
{
	if (!*psv)
		return;
	month_stats_free(&(*psv)->data);
	x_free(psv);
}

static void load(struct app *app)
{
	struct stats_view *sv = app->stats_v;
	month_stats_free(&sv->data);
	sv->loaded = reg_month_stats(&app->reg, sv->month, app->today, &sv->data) == DB_OK;
	if (!sv->loaded)
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
}

/* A labelled bar: name, count, and count/max of the bar's width. */
static void bar(int y, int x, int w, const char *name, int count, int max, attr_t bar_attr)
{
	int nw = 12, cw = 6;
	draw_text(y, x, nw, name, A_NORMAL, TEXT_LEFT);
	char num[16];
	snprintf(num, sizeof num, "%d", count);
	draw_text(y, x + nw, cw, num, A_NORMAL, TEXT_RIGHT);
	int bw = w - nw - cw - 2;
	int len = max > 0 && bw > 0 ? (int)((long)count * bw / max) : 0;
	if (count > 0 && len == 0 && bw > 0)
		len = 1;
	draw_blank(y, x + nw + cw + 1, bw, A_NORMAL);
	if (len > 0)
		draw_blank(y, x + nw + cw + 1, len, bar_attr);
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct stats_view *sv = app->stats_v;
	if (!sv->loaded)
		load(app);
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	char title[128];
	snprintf(title, sizeof title, _("Visits in %s: %d"), sv->month, sv->data.visits);
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	int line = 0, sc = sv->scroll, body = h - 1;
	sv->height = body;
	attr_t bar_attr = draw_attr(C_SELECTED);
	/* The share of tagged households visited within their interval. */
	char share[160];
	int pct10 = sv->data.tagged ? (int)((long)sv->data.on_time * 1000 / sv->data.tagged) : 0;
	snprintf(share, sizeof share, _("Tagged households visited within their interval: %d of %d (%d.%d%%)"),
		 sv->data.on_time, sv->data.tagged, pct10 / 10, pct10 % 10);
	if (line - sc >= 0 && line - sc < body)
		draw_text(y + 1 + line - sc, x + 1, w - 2, share, A_NORMAL, TEXT_LEFT);
	line++;
	if (line - sc >= 0 && line - sc < body)
		bar(y + 1 + line - sc, x + 1, w - 2, "", sv->data.on_time, sv->data.tagged, bar_attr);
	line += 2;
	static const char *const heads[4] = { N_("By staff"), N_("By grid"), N_("By purpose"), N_("By method") };
	for (int k = 0; k < 4; k++) {
		if (line - sc >= 0 && line - sc < body)
			draw_text(y + 1 + line - sc, x + 1, w - 2, _(heads[k]), draw_attr(C_TITLE), TEXT_LEFT);
		line++;
		int max = sv->data.n[k] ? sv->data.by[k][0].count : 0;
		for (int i = 0; i < sv->data.n[k]; i++, line++)
			if (line - sc >= 0 && line - sc < body)
				bar(y + 1 + line - sc, x + 3, w - 4, sv->data.by[k][i].name, sv->data.by[k][i].count,
				    max, bar_attr);
		if (!sv->data.n[k]) {
			if (line - sc >= 0 && line - sc < body)
				draw_text(y + 1 + line - sc, x + 3, w - 4, _("no visits"), draw_attr(C_DIM), TEXT_LEFT);
			line++;
		}
		line++;
	}
	sv->lines = line;
}

static void shift_month(struct stats_view *sv, int delta)
{
	int yy, mm;
	if (sscanf(sv->month, "%d-%d", &yy, &mm) != 2)
		return;
	mm += delta;
	while (mm < 1) { mm += 12; yy--; }
	while (mm > 12) { mm -= 12; yy++; }
	if (yy < 1900 || yy > 9999)
		return;
	snprintf(sv->month, sizeof sv->month, "%04d-%02d", yy % 10000, mm % 100); /* bounded for the compiler */
	sv->loaded = false;
	sv->scroll = 0;
}

static int action(struct app *app, enum action a)
{
	struct stats_view *sv = app->stats_v;
	int max = sv->lines - sv->height;
	switch (a) {
	case ACT_PREV_MONTH: shift_month(sv, -1); break;
	case ACT_NEXT_MONTH:
		if (strncmp(sv->month, app->today, 7) < 0)
			shift_month(sv, 1);
		break;
	case ACT_MOVE_DOWN: if (sv->scroll < max) sv->scroll++; break;
	case ACT_MOVE_UP: if (sv->scroll > 0) sv->scroll--; break;
	case ACT_PAGE_DOWN: sv->scroll += sv->height - 1; if (sv->scroll > max) sv->scroll = max > 0 ? max : 0; break;
	case ACT_PAGE_UP: sv->scroll -= sv->height - 1; if (sv->scroll < 0) sv->scroll = 0; break;
	default:
		return NOT_HANDLED;
	}
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	(void)app;
	return a == ACT_PREV_MONTH || a == ACT_NEXT_MONTH || a == ACT_MOVE_UP || a == ACT_MOVE_DOWN ||
	       a == ACT_PAGE_UP || a == ACT_PAGE_DOWN;
}

static void reload(struct app *app)
{
	if (app->stats_v)
		app->stats_v->loaded = false;
}

const struct view_ops stats_view = {
	.scope = "stats",
	.draw = draw,
	.action = action,
	.supports = supports,
	.reload = reload,
};
