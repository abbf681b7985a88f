/* tui/view_stats.c - a month in numbers (统计): the month report of
 * core/stats.h (visits, mediation cases, meetings, the register), one
 * line per report line, scrolled with the moving keys, with bars drawn
 * by display columns.  F5 and F6 go to the month before and after; F9
 * exports the month shown. */
#include "app.h"

#include "core/access.h"
#include "core/cursor.h"
#include "core/date.h"
#include "core/stats.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "draw.h"
#include "forms.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct stats {
	char month[16];           /* YYYY-MM */
	struct month_report rep;
	bool loaded;
	int name_w;               /* the widest name, for the columns */
	struct cursor c;          /* its lines, scrolled */
};

static struct stats *st_of(const struct view *v)
{
	return v->priv;
}

static void load(struct view *v)
{
	struct stats *st = st_of(v);
	month_report_free(&st->rep);
	st->loaded = reg_month_report(&v->app->reg, st->month, v->app->today, &st->rep) == DB_OK;
	if (!st->loaded)
		app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
	st->name_w = 8;
	for (int i = 0; i < st->rep.n; i++) {
		const struct report_line *ln = &st->rep.lines[i];
		if (ln->kind == RL_ROW || ln->kind == RL_TOTAL || ln->kind == RL_SHARE) {
			int w = text_width(ln->label);
			if (w > st->name_w)
				st->name_w = w;
		}
	}
	cursor_count(&st->c, st->rep.n);
}

/* Columns of a line from x on, w wide: name, this month, the year (when
 * the section counts it), a bar. */
struct cols {
	int name, count, year, bar, bar_w;
};

static struct cols columns(const struct stats *st, int x, int w, int ncols)
{
	struct cols c;
	int cw = 6, yw = ncols == 2 ? 9 : 0;
	int nw = st->name_w;
	if (nw > 18)
		nw = 18;
	if (nw > w - 2 - cw - yw - 8)
		nw = w - 2 - cw - yw - 8;
	if (nw < 6)
		nw = 6;
	c.name = x + 2;
	c.count = c.name + nw + 1;
	c.year = c.count + cw;
	c.bar = c.year + yw + 2;
	c.bar_w = x + w - c.bar;
	return c;
}

static void number(int y, int x, int w, int n, attr_t attr)
{
	char num[16];
	snprintf(num, sizeof num, "%d", n);
	draw_text(y, x, w, num, attr, TEXT_RIGHT);
}

static void draw_line(const struct stats *st, const struct report_line *ln, int y, int x, int w, int ncols)
{
	struct cols c = columns(st, x, w, ncols);
	attr_t bar_attr = draw_attr(C_SELECTED);
	switch (ln->kind) {
	case RL_BLANK:
		break;
	case RL_SECTION: {
		/* The title up to the first column's heading, which sits at
		 * the right of its column. */
		const char *head = ncols == 2 ? _("This month") : _("Now");
		int room = c.year - text_width(head) - 1 - x;
		draw_text(y, x, room, ln->label, A_BOLD, TEXT_LEFT);
		draw_text(y, c.count, c.year - c.count, head, draw_attr(C_TITLE), TEXT_RIGHT);
		if (ncols == 2)
			draw_text(y, c.year, c.bar - 2 - c.year, _("Year to date"), draw_attr(C_TITLE), TEXT_RIGHT);
		break;
	}
	case RL_GROUP:
		draw_text(y, x, w, ln->label, draw_attr(C_TITLE), TEXT_LEFT);
		break;
	case RL_NONE:
		draw_text(y, c.name, x + w - c.name, ln->label, draw_attr(C_DIM), TEXT_LEFT);
		break;
	case RL_SHARE: {
		char share[200];
		int pct10 = ln->year ? (int)((long)ln->count * 1000 / ln->year) : 0;
		snprintf(share, sizeof share, _("Tagged households visited within their interval: %d of %d (%d.%d%%)"),
			 ln->count, ln->year, pct10 / 10, pct10 % 10);
		draw_text(y, x, w, share, A_NORMAL, TEXT_LEFT);
		break;
	}
	case RL_TOTAL:
	case RL_ROW: {
		attr_t a = ln->kind == RL_TOTAL ? A_BOLD : A_NORMAL;
		draw_text(y, c.name, c.count - 1 - c.name, ln->label, a, TEXT_LEFT);
		number(y, c.count, c.year - c.count, ln->count, a);
		if (ncols == 2 && ln->year >= 0)
			number(y, c.year, c.bar - 2 - c.year, ln->year, a);
		if (ln->kind == RL_ROW && c.bar_w >= 4) {
			int len = ln->max > 0 ? (int)((long)ln->count * c.bar_w / ln->max) : 0;
			if (ln->count > 0 && len == 0)
				len = 1;
			if (len > 0)
				draw_blank(y, c.bar, len, bar_attr);
		}
		break;
	}
	}
}

static void st_draw(struct view *v)
{
	struct stats *st = st_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	char title[160];
	snprintf(title, sizeof title, _("Statistics for %s (%s to %s)"), st->month, st->rep.span.first,
		 st->rep.span.last);
	draw_text(r.y, r.x + 1, r.w - 2, title, A_BOLD, TEXT_LEFT);
	/* The columns of the section a line belongs to, also when its
	 * title is scrolled away. */
	int ncols = 2;
	for (int i = 0; i < st->rep.n && i < st->c.top; i++)
		if (st->rep.lines[i].kind == RL_SECTION)
			ncols = st->rep.lines[i].cols;
	for (int i = st->c.top, y = r.y + 1; i < st->rep.n && y < r.y + r.h; i++, y++) {
		const struct report_line *ln = &st->rep.lines[i];
		if (ln->kind == RL_SECTION)
			ncols = ln->cols;
		draw_line(st, ln, y, r.x + 1, r.w - 2, ncols);
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
	if (yy < 1900 || yy > 9998)
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

static int run_export(struct view *v, enum action a)
{
	(void)a;
	forms_export_month(v->app, st_of(v)->month);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_PREV_MONTH, run_month, 0, NULL },
	{ ACT_NEXT_MONTH, run_month, 0, NULL },
	{ ACT_EXPORT, run_export, NEED_PERM(P_EXPORT), NULL },
	VIEW_MOVES(run_scroll),
	VIEW_END,
};

/* Which lines show, of how many: the clerk knows there is more below. */
static void st_status(const struct view *v, char *buf, int size)
{
	const struct stats *st = st_of(v);
	int last = st->c.top + st->c.height;
	if (last > st->rep.n)
		last = st->rep.n;
	snprintf(buf, (size_t)size, _("Lines %d-%d of %d"), st->rep.n ? st->c.top + 1 : 0, last, st->rep.n);
}

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
	month_report_free(&st_of(v)->rep);
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
	.status = st_status,
	.reload = load,
};
