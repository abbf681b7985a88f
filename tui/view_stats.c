/* tui/view_stats.c - a month in numbers (统计): visits per staff, grid,
 * purpose and method, and the share of tagged households visited within
 * their interval, with bars drawn by display columns.  F5 and F6 go to
 * the month before and after. */
#include "app.h"

#include "core/cursor.h"
#include "core/date.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct stats {
	char month[16];           /* YYYY-MM */
	struct month_stats data;
	bool loaded;
	struct cursor c;          /* its lines, scrolled */
};

static struct stats *st_of(const struct view *v)
{
	return v->priv;
}

static void load(struct view *v)
{
	struct stats *st = st_of(v);
	month_stats_free(&st->data);
	st->loaded = reg_month_stats(&v->app->reg, st->month, v->app->today, &st->data) == DB_OK;
	if (!st->loaded)
		app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
	int lines = 3;
	for (int k = 0; k < 4; k++)
		lines += 2 + (st->data.n[k] ? st->data.n[k] : 1);
	cursor_count(&st->c, lines);
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

/* The lines below the title, from the scrolled one on. */
struct lines {
	int y, x, w, body, line, scroll;
};

static int row(const struct lines *ls)
{
	int r = ls->line - ls->scroll;
	return r >= 0 && r < ls->body ? ls->y + r : -1;
}

static void draw_share(const struct stats *st, struct lines *ls, attr_t bar_attr)
{
	char share[160];
	int pct10 = st->data.tagged ? (int)((long)st->data.on_time * 1000 / st->data.tagged) : 0;
	snprintf(share, sizeof share, _("Tagged households visited within their interval: %d of %d (%d.%d%%)"),
		 st->data.on_time, st->data.tagged, pct10 / 10, pct10 % 10);
	if (row(ls) >= 0)
		draw_text(row(ls), ls->x, ls->w, share, A_NORMAL, TEXT_LEFT);
	ls->line++;
	if (row(ls) >= 0)
		bar(row(ls), ls->x, ls->w, "", st->data.on_time, st->data.tagged, bar_attr);
	ls->line += 2;
}

static void st_draw(struct view *v)
{
	struct stats *st = st_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	char title[128];
	snprintf(title, sizeof title, _("Visits in %s: %d"), st->month, st->data.visits);
	draw_text(r.y, r.x + 1, r.w - 2, title, A_BOLD, TEXT_LEFT);
	struct lines ls = { r.y + 1, r.x + 1, r.w - 2, r.h - 1, 0, st->c.top };
	attr_t bar_attr = draw_attr(C_SELECTED);
	draw_share(st, &ls, bar_attr);
	static const char *const heads[4] = { N_("By staff"), N_("By grid"), N_("By purpose"), N_("By method") };
	for (int k = 0; k < 4; k++) {
		if (row(&ls) >= 0)
			draw_text(row(&ls), ls.x, ls.w, _(heads[k]), draw_attr(C_TITLE), TEXT_LEFT);
		ls.line++;
		int max = st->data.n[k] ? st->data.by[k][0].count : 0;
		for (int i = 0; i < st->data.n[k]; i++, ls.line++)
			if (row(&ls) >= 0)
				bar(row(&ls), ls.x + 2, ls.w - 2, st->data.by[k][i].name, st->data.by[k][i].count, max,
				    bar_attr);
		if (!st->data.n[k]) {
			if (row(&ls) >= 0)
				draw_text(row(&ls), ls.x + 2, ls.w - 2, _("no visits"), draw_attr(C_DIM), TEXT_LEFT);
			ls.line++;
		}
		ls.line++;
	}
}

static void shift_month(struct view *v, int delta)
{
	struct stats *st = st_of(v);
	int yy, mm;
	if (sscanf(st->month, "%d-%d", &yy, &mm) != 2)
		return;
	mm += delta;
	while (mm < 1) { mm += 12; yy--; }
	while (mm > 12) { mm -= 12; yy++; }
	if (yy < 1900 || yy > 9999)
		return;
	snprintf(st->month, sizeof st->month, "%04d-%02d", yy % 10000, mm % 100); /* bounded for the compiler */
	st->c.top = 0;
	load(v);
}

static int run_month(struct view *v, enum action a)
{
	if (a == ACT_PREV_MONTH)
		shift_month(v, -1);
	else if (strncmp(st_of(v)->month, v->app->today, 7) < 0)
		shift_month(v, 1);
	return REDRAW;
}

static int run_scroll(struct view *v, enum action a)
{
	cursor_act(&st_of(v)->c, a, true);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_PREV_MONTH, run_month, 0, NULL },
	{ ACT_NEXT_MONTH, run_month, 0, NULL },
	{ ACT_MOVE_UP, run_scroll, 0, NULL },
	{ ACT_MOVE_DOWN, run_scroll, 0, NULL },
	{ ACT_PAGE_UP, run_scroll, 0, NULL },
	{ ACT_PAGE_DOWN, run_scroll, 0, NULL },
	VIEW_END,
};

static bool st_open(struct view *v, const void *arg)
{
	(void)arg;
	struct stats *st = st_of(v);
	snprintf(st->month, sizeof st->month, "%.7s", v->app->today);
	cursor_init(&st->c);
	return true;
}

static void st_close(struct view *v)
{
	month_stats_free(&st_of(v)->data);
}

static void st_resize(struct view *v)
{
	struct stats *st = st_of(v);
	if (!st->loaded)
		load(v);
	cursor_height(&st->c, v->r.h - 1);
}

const struct view_ops stats_view = {
	.name = "stats",
	.scope = "stats",
	.priv_size = sizeof(struct stats),
	.open = st_open,
	.close = st_close,
	.resize = st_resize,
	.draw = st_draw,
	.actions = actions,
	.reload = load,
};
