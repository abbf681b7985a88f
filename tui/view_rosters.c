/* tui/view_rosters.c - the rosters (名单) meetings are held with: the
 * list (from the meeting list, F6) and one roster's members (Enter).
 * In the list F5 adds a roster, F4 renames the selected one, Delete
 * removes it (asks first); in a roster F5 adds a member (a resident
 * found in the register, or a name from outside), F4 renames the
 * roster, Delete removes the selected member.  A meeting takes a
 * roster with F2 (tui/view_meeting.c). */
#include "core/access.h"
#include "app.h"

#include "core/cursor.h"
#include "core/roster.h"
#include "core/xalloc.h"
#include "draw.h"
#include "forms.h"
#include "question.h"
#include "table.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

/* ---- the list ---- */

struct rosters {
	struct roster *ro;
	int n;
	struct cursor c;
};

static struct rosters *rl_of(const struct view *v)
{
	return v->priv;
}

static void rl_load(struct view *v)
{
	struct rosters *rl = rl_of(v);
	rosters_free(&rl->ro, &rl->n);
	if (reg_rosters(&v->app->reg, &rl->ro, &rl->n) != DB_OK)
		app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
	cursor_count(&rl->c, rl->n);
}

static bool rl_open(struct view *v, const void *arg)
{
	(void)arg;
	cursor_init(&rl_of(v)->c);
	rl_load(v);
	return true;
}

static void rl_close(struct view *v)
{
	rosters_free(&rl_of(v)->ro, &rl_of(v)->n);
}

static void rl_resize(struct view *v)
{
	cursor_height(&rl_of(v)->c, v->r.h - 3);
}

static const struct table_col roster_cols[] = {
	{ "",             1, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Roster"),  16, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("People"),   6, 1, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("Notes"),   10, 2, TEXT_LEFT, 1, NULL, 0 },
};

static void rl_draw(struct view *v)
{
	struct rosters *rl = rl_of(v);
	struct rect r = v->r;
	int w = r.w - 2;
	draw_clear(r.y, r.x, r.h, r.w);
	draw_text(r.y, r.x + 1, w, _("Rosters: the people meetings are held with (F2 in a meeting adds one)   Delete removes"), A_BOLD,
		  TEXT_LEFT);
	struct table_layout l;
	table_layout(roster_cols, (int)ARRAY_SIZE(roster_cols), w, &l);
	table_draw_header(r.y + 1, r.x + 1, w, roster_cols, &l, draw_attr(C_TITLE));
	for (int i = 0; i < rl->c.height && rl->c.top + i < rl->n; i++) {
		const struct roster *ro = &rl->ro[rl->c.top + i];
		bool sel = rl->c.top + i == rl->c.sel;
		char people[32];
		snprintf(people, sizeof people, _("%d people"), ro->members);
		const char *cells[] = { sel ? ">" : "", ro->name, people, ro->notes };
		table_draw_row(r.y + 2 + i, r.x + 1, w, &l, roster_cols, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (rl->n == 0)
		draw_text(r.y + 2, r.x + 1, w, _("  no roster yet: F5 adds one"), A_NORMAL, TEXT_LEFT);
}

static const struct roster *rl_sel(const struct rosters *rl)
{
	return rl->c.sel >= 0 && rl->c.sel < rl->n ? &rl->ro[rl->c.sel] : NULL;
}

static int rl_move(struct view *v, enum action a)
{
	cursor_act(&rl_of(v)->c, a, false);
	return REDRAW;
}

static int rl_run_open(struct view *v, enum action a)
{
	(void)a;
	int64_t id = rl_sel(rl_of(v))->id;
	view_push(v->app, &roster_view, &id);
	return REDRAW;
}

static int rl_run_edit(struct view *v, enum action a)
{
	const struct roster *ro = rl_sel(rl_of(v));
	forms_roster(v->app, a == ACT_NEW || !ro ? 0 : ro->id);
	return REDRAW;
}

struct removal {
	int64_t id, version;
	bool member;
};

static void free_removal(void *p)
{
	struct removal *rm = p;
	x_free(&rm);
}

static void remove_it(struct app *app, void *ctx)
{
	struct removal *rm = ctx;
	enum db_status s = rm->member ? reg_roster_member_remove(&app->reg, rm->id)
				      : reg_roster_delete(&app->reg, rm->id, rm->version);
	if (s == DB_OK)
		app_message(app, false, "%s", rm->member ? _("Removed from the roster.") : _("The roster was deleted."));
	else if (s == DB_ERR_CONFLICT)
		app_message(app, true, "%s", _("Another session changed this roster meanwhile; nothing was deleted."));
	else
		app_message(app, true, _("Could not save: %s"), reg_status_text(&app->reg, s));
	app_data_changed(app);
}

static int rl_run_delete(struct view *v, enum action a)
{
	(void)a;
	const struct roster *ro = rl_sel(rl_of(v));
	struct removal *rm = x_calloc(1, sizeof *rm);
	*rm = (struct removal){ ro->id, ro->version, false };
	char *q = x_asprintf(_("Delete the roster %s (%d people)? Meetings keep their attendees. y deletes, any other key keeps it."),
			     ro->name, ro->members);
	confirm_ask(v->app, q, remove_it, rm, free_removal, _("Nothing was removed."));
	x_free(&q);
	return REDRAW;
}

static const struct action_row rl_actions[] = {
	VIEW_MOVES(rl_move),
	{ ACT_OPEN, rl_run_open, NEED_ROW, NULL },
	{ ACT_EDIT, rl_run_edit, NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_NEW, rl_run_edit, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_DELETE, rl_run_delete, NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static unsigned rl_state(const struct view *v)
{
	return rl_sel(rl_of(v)) ? NEED_ROW : 0;
}

static void rl_status(const struct view *v, char *buf, int size)
{
	snprintf(buf, (size_t)size, _("%d rosters"), rl_of(v)->n);
}

const struct view_ops rosters_view = {
	.name = "rosters",
	.scope = "rosters",
	.priv_size = sizeof(struct rosters),
	.open = rl_open,
	.close = rl_close,
	.resize = rl_resize,
	.draw = rl_draw,
	.actions = rl_actions,
	.state = rl_state,
	.status = rl_status,
	.reload = rl_load,
};

/* ---- one roster ---- */

struct roster_v {
	int64_t id;
	struct roster ro;
	struct roster_member *m;
	int n;
	struct cursor c;
};

static struct roster_v *rv_of(const struct view *v)
{
	return v->priv;
}

static bool rv_load(struct view *v)
{
	struct roster_v *rv = rv_of(v);
	roster_free(&rv->ro);
	roster_members_free(&rv->m, &rv->n);
	if (reg_roster(&v->app->reg, rv->id, &rv->ro, &rv->m, &rv->n) != DB_OK) {
		app_message(v->app, true, "%s", _("This roster was deleted by another session."));
		return false;
	}
	cursor_count(&rv->c, rv->n);
	return true;
}

static bool rv_open(struct view *v, const void *arg)
{
	struct roster_v *rv = rv_of(v);
	rv->id = *(const int64_t *)arg;
	cursor_init(&rv->c);
	return rv_load(v);
}

static void rv_close(struct view *v)
{
	struct roster_v *rv = rv_of(v);
	roster_free(&rv->ro);
	roster_members_free(&rv->m, &rv->n);
}

static void rv_resize(struct view *v)
{
	cursor_height(&rv_of(v)->c, v->r.h - 3);
}

static void rv_reload(struct view *v)
{
	if (!rv_load(v))
		view_remove(v);
}

static const struct table_col member_cols[] = {
	{ "",                 1, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Name"),         8, 0, TEXT_LEFT, 0, NULL, 0 },
	{ "",                 6, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Role"),        12, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Organisation"), 8, 3, TEXT_LEFT, 1, N_("Org."), 0 },
};

static void rv_draw(struct view *v)
{
	struct roster_v *rv = rv_of(v);
	struct rect r = v->r;
	int w = r.w - 2;
	draw_clear(r.y, r.x, r.h, r.w);
	char *head = x_asprintf(_("Roster %s (%d people)  %s"), rv->ro.name, rv->n, rv->ro.notes);
	const char *keys = _("F5 adds  Delete removes");
	int kw = text_width(keys);
	draw_text(r.y, r.x + 1, w - kw - 2, head, A_BOLD, TEXT_LEFT);
	draw_text(r.y, r.x + 1 + w - kw, kw, keys, draw_attr(C_TITLE), TEXT_RIGHT);
	x_free(&head);
	struct table_col cols[ARRAY_SIZE(member_cols)];
	memcpy(cols, member_cols, sizeof cols);
	for (int i = 0; i < rv->n; i++) {
		int nw = text_width(rv->m[i].name);
		if (nw > cols[1].width)
			cols[1].width = nw < w / 3 ? nw : w / 3;
	}
	struct table_layout l;
	table_layout(cols, (int)ARRAY_SIZE(cols), w, &l);
	table_draw_header(r.y + 1, r.x + 1, w, cols, &l, draw_attr(C_TITLE));
	for (int i = 0; i < rv->c.height && rv->c.top + i < rv->n; i++) {
		const struct roster_member *m = &rv->m[rv->c.top + i];
		bool sel = rv->c.top + i == rv->c.sel;
		const char *cells[] = { sel ? ">" : "", m->name, m->resident_id ? _("[resident]") : "", m->role,
					m->organisation };
		table_draw_row(r.y + 2 + i, r.x + 1, w, &l, cols, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (rv->n == 0)
		draw_text(r.y + 2, r.x + 1, w, _("  nobody yet: F5 adds a resident or someone from outside"), A_NORMAL,
			  TEXT_LEFT);
}

static int rv_move(struct view *v, enum action a)
{
	cursor_act(&rv_of(v)->c, a, false);
	return REDRAW;
}

static int rv_run_new(struct view *v, enum action a)
{
	(void)a;
	forms_roster_member(v->app, rv_of(v)->id);
	return REDRAW;
}

static int rv_run_edit(struct view *v, enum action a)
{
	(void)a;
	forms_roster(v->app, rv_of(v)->id);
	return REDRAW;
}

static int rv_run_delete(struct view *v, enum action a)
{
	(void)a;
	struct roster_v *rv = rv_of(v);
	const struct roster_member *m = &rv->m[rv->c.sel];
	struct removal *rm = x_calloc(1, sizeof *rm);
	*rm = (struct removal){ m->id, 0, true };
	char *q = x_asprintf(_("Remove %s from the roster? y removes, any other key keeps them."), m->name);
	confirm_ask(v->app, q, remove_it, rm, free_removal, _("Nothing was removed."));
	x_free(&q);
	return REDRAW;
}

static const struct action_row rv_actions[] = {
	VIEW_MOVES(rv_move),
	{ ACT_NEW, rv_run_new, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_EDIT, rv_run_edit, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_DELETE, rv_run_delete, NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static unsigned rv_state(const struct view *v)
{
	const struct roster_v *rv = rv_of(v);
	return rv->c.sel >= 0 && rv->c.sel < rv->n ? NEED_ROW : 0;
}

static void rv_status(const struct view *v, char *buf, int size)
{
	snprintf(buf, (size_t)size, _("%d people"), rv_of(v)->n);
}

const struct view_ops roster_view = {
	.name = "roster",
	.scope = "roster",
	.priv_size = sizeof(struct roster_v),
	.open = rv_open,
	.close = rv_close,
	.resize = rv_resize,
	.draw = rv_draw,
	.actions = rv_actions,
	.state = rv_state,
	.status = rv_status,
	.reload = rv_reload,
};
