/* tui/view_household.c - one household over the whole pane: the
 * household line and its members, one of them selected; the keys act on
 * the selected one (edit, tags, moving out, death, the head), or log a
 * visit.  Esc goes back to where it was opened from. */
#include "core/access.h"
#include "app.h"

#include "draw.h"
#include "forms.h"
#include "history.h"
#include "reveal.h"
#include "hh_detail.h"
#include "views.h"

#include "core/xalloc.h"

#include <string.h>

struct household_view {
	struct hh_detail d;
	int64_t id;
	int sel;      /* -1: the household, else a member */
	int scroll;
};

enum { HAS_MEMBER = NEED_VIEW(0) };

static const struct member *member(const struct household_view *hv)
{
	return hv->d.ok && hv->sel >= 0 && hv->sel < hv->d.h.n_members ? &hv->d.h.members[hv->sel] : NULL;
}

static bool hv_open(struct view *v, const void *arg)
{
	struct household_view *hv = v->priv;
	hv->id = *(const int64_t *)arg;
	hv->sel = -1;
	return hh_detail_load(&hv->d, v->app, hv->id);
}

static void hv_close(struct view *v)
{
	struct household_view *hv = v->priv;
	hh_detail_free(&hv->d);
}

static void hv_draw(struct view *v)
{
	struct household_view *hv = v->priv;
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	hh_detail_draw(&hv->d, v->app, (struct rect){ r.y, r.x + 1, r.h, r.w - 2 }, hv->scroll, hv->sel);
}

/* Keep the selected line on the screen. */
static void show_selected(struct household_view *hv, int height)
{
	int line = hv->sel < 0 ? 0 : hv->d.member_line0 + hv->sel;
	if (hv->sel < 0 || line < hv->scroll)
		hv->scroll = hv->sel < 0 ? 0 : line;
	if (height > 0 && line >= hv->scroll + height)
		hv->scroll = line - height + 1;
}

/* Up and Down select the household line or a member. */
static int run_select(struct view *v, enum action a)
{
	struct household_view *hv = v->priv;
	int to = hv->sel + (a == ACT_MOVE_DOWN ? 1 : -1);
	if (to >= -1 && hv->d.ok && to < hv->d.h.n_members)
		hv->sel = to;
	show_selected(hv, v->r.h);
	return REDRAW;
}

/* The page keys scroll the whole household by the visible height. */
static int run_page(struct view *v, enum action a)
{
	struct household_view *hv = v->priv;
	int max = hv->d.lines - v->r.h;
	hv->scroll += (a == ACT_PAGE_DOWN ? 1 : -1) * (v->r.h - 1);
	if (hv->scroll > max)
		hv->scroll = max;
	if (hv->scroll < 0)
		hv->scroll = 0;
	return REDRAW;
}

static int run_edit(struct view *v, enum action a)
{
	struct household_view *hv = v->priv;
	const struct member *m = member(hv);
	if (a == ACT_NEW)
		forms_member(v->app, hv->id, 0);
	else if (m)
		forms_member(v->app, hv->id, m->id);
	else
		forms_household(v->app, hv->id);
	return REDRAW;
}

static int run_tags(struct view *v, enum action a)
{
	(void)a;
	struct household_view *hv = v->priv;
	const struct member *m = member(hv);
	forms_tags(v->app, m ? "resident" : "household", m ? m->id : hv->id);
	return REDRAW;
}

static int run_visit(struct view *v, enum action a)
{
	(void)a;
	struct household_view *hv = v->priv;
	forms_visit(v->app, hv->id, 0, 0);
	return REDRAW;
}

static int run_member(struct view *v, enum action a)
{
	struct household_view *hv = v->priv;
	const struct member *m = member(hv);
	if (a == ACT_MOVE_OUT)
		forms_move_out(v->app, m->id);
	else if (a == ACT_DECEASED)
		forms_deceased(v->app, m->id);
	else
		forms_make_head(v->app, hv->id, m->id);
	return REDRAW;
}

static int run_history(struct view *v, enum action a)
{
	(void)a;
	struct household_view *hv = v->priv;
	const struct member *m = member(hv);
	history_show(v->app, m ? "resident" : "household", m ? m->id : hv->id);
	return REDRAW;
}

/* F3: the whole ID number and phone of the selected member (or the
 * household's phone), for a reason; core writes the audit row. */
static void revealed(struct app *app, const char *table, int64_t id, const char *id_number, const char *phone)
{
	struct view *v = view_find(view_top(app), &household_view);
	struct household_view *hv = v ? v->priv : NULL;
	for (int i = 0; hv && hv->d.ok && i < hv->d.h.n_members; i++) {
		struct member *m = &hv->d.h.members[i];
		if (strcmp(table, "resident") == 0 && m->id == id) {
			x_free(&m->id_number);
			x_free(&m->phone);
			m->id_number = x_strdup(id_number);
			m->phone = x_strdup(phone);
		}
	}
	if (hv && strcmp(table, "household") == 0) {
		x_free(&hv->d.h.row.phone);
		hv->d.h.row.phone = x_strdup(phone);
	}
}

static int run_reveal(struct view *v, enum action a)
{
	(void)a;
	struct household_view *hv = v->priv;
	const struct member *m = member(hv);
	reveal_ask(v->app, m ? "resident" : "household", m ? m->id : hv->id, m ? m->name : hv->d.h.row.head, revealed);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_BACK, view_run_close, 0, NULL },
	{ ACT_MOVE_UP, run_select, 0, NULL },
	{ ACT_MOVE_DOWN, run_select, 0, NULL },
	{ ACT_PAGE_UP, run_page, 0, NULL },
	{ ACT_PAGE_DOWN, run_page, 0, NULL },
	{ ACT_EDIT, run_edit, NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_NEW, run_edit, NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_TAGS, run_tags, NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_VISIT, run_visit, NEED_PERM(P_VISIT_WRITE), NULL },
	{ ACT_MOVE_OUT, run_member, HAS_MEMBER | NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_DECEASED, run_member, HAS_MEMBER | NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_MAKE_HEAD, run_member, HAS_MEMBER | NEED_PERM(P_REGISTER_WRITE), NULL },
	{ ACT_REVEAL, run_reveal, NEED_PERM(P_REVEAL), NULL },
	{ ACT_HISTORY, run_history, NEED_PERM(P_AUDIT), NULL },
	VIEW_END,
};

static unsigned hv_state(const struct view *v)
{
	return member(v->priv) ? HAS_MEMBER : 0;
}

/* Read it again; stay with the same member (the order may have changed
 * with a new head), else at the same line. */
static void hv_reload(struct view *v)
{
	struct household_view *hv = v->priv;
	int64_t keep = member(hv) ? member(hv)->id : 0;
	int sel = hv->sel, scroll = hv->scroll;
	if (!hh_detail_load(&hv->d, v->app, hv->id) || !hv->d.ok)
		return;
	hv->sel = sel < hv->d.h.n_members ? sel : hv->d.h.n_members - 1;
	for (int i = 0; keep && i < hv->d.h.n_members; i++)
		if (hv->d.h.members[i].id == keep)
			hv->sel = i;
	hv->scroll = scroll;
	show_selected(hv, v->r.h);
}

const struct view_ops household_view = {
	.name = "household",
	.scope = "detail",
	.priv_size = sizeof(struct household_view),
	.open = hv_open,
	.close = hv_close,
	.draw = hv_draw,
	.actions = actions,
	.state = hv_state,
	.reload = hv_reload,
};

void hh_view_show(struct app *app, int64_t id)
{
	view_push(app, &household_view, &id);
}
