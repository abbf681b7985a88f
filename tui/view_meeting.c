/* tui/view_meeting.c - one consultation meeting: its attendance, with the
 * quorum as it stands, and its topics with votes and decisions.  Tab
 * moves between the two; c a l w mark the selected attendee and go
 * down; F2 adds a roster's members, F3 an earlier meeting's attendees
 * (absent until marked; the first of them selected); Enter on a topic
 * records its discussion and vote.  From 决议 on the record is kept: the
 * keys that would change it say so, and F11 records a correction, listed
 * under the topics. */
#include "core/access.h"
#include "app.h"

#include "core/cursor.h"
#include "core/meeting.h"
#include "core/rules.h"
#include "core/settings.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "draw.h"
#include "forms.h"
#include "question.h"
#include "table.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct meeting_view {
	int64_t id;
	struct meeting_rec rec;
	struct meeting_attendee *att;
	int n_att;
	struct meeting_item *items;
	int n_items;
	struct meeting_amendment *amends;
	int n_amends;
	int pane;             /* 0: attendees, 1: topics */
	int select_last;      /* >0: select the first of the last so many attendees */
	struct cursor ac, tc; /* the selected attendee and topic */
};

enum {
	ON_ATTENDEES = NEED_VIEW(0),  /* the attendee pane has the selection */
	PASSED = NEED_VIEW(1),        /* the selected topic passed */
	HAS_MOVES = NEED_VIEW(2),     /* the meeting has a next step */
	ON_TOPICS = NEED_VIEW(3),     /* the topic pane has the selection */
	AMENDABLE = NEED_VIEW(4),     /* decided: its record is corrected by amendments */
};

static struct meeting_view *mv_of(const struct view *v)
{
	return v->priv;
}

static void unload(struct meeting_view *mv)
{
	meeting_rec_free(&mv->rec);
	meeting_attendees_free(&mv->att, &mv->n_att);
	meeting_items_free(&mv->items, &mv->n_items);
	meeting_amendments_free(&mv->amends, &mv->n_amends);
}

static bool load(struct view *v)
{
	struct meeting_view *mv = mv_of(v);
	unload(mv);
	if (reg_meeting(&v->app->reg, mv->id, &mv->rec, &mv->att, &mv->n_att, &mv->items, &mv->n_items) != DB_OK ||
	    reg_meeting_amendments(&v->app->reg, mv->id, &mv->amends, &mv->n_amends) != DB_OK) {
		unload(mv);
		app_message(v->app, true, "%s", _("This meeting was deleted by another session."));
		return false;
	}
	cursor_count(&mv->ac, mv->n_att);
	cursor_count(&mv->tc, mv->n_items);
	if (mv->select_last > 0 && mv->select_last <= mv->n_att) {
		mv->pane = 0;
		cursor_select(&mv->ac, mv->n_att - mv->select_last);
	}
	mv->select_last = 0;
	return true;
}

static bool mt_open(struct view *v, const void *arg)
{
	struct meeting_view *mv = mv_of(v);
	mv->id = *(const int64_t *)arg;
	meeting_rec_init(&mv->rec);
	cursor_init(&mv->ac);
	cursor_init(&mv->tc);
	return load(v);
}

static void mt_close(struct view *v)
{
	unload(mv_of(v));
}

static const char *amend_key(const struct view *v, char *name);

/* ---- drawing ---- */

/* An attendee's line; the name's width follows the names. */
static const struct table_col attendee_cols[] = {
	{ "",                 1, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Name"),         6, 0, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Attendance"),   4, 0, TEXT_LEFT, 0, N_("Att."), 0 },
	{ "",                 6, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Role"),         8, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Organisation"), 8, 3, TEXT_LEFT, 1, N_("Org."), 0 },
};

/* A topic's line: the title takes what the votes and decision leave. */
static const struct table_col topic_cols[] = {
	{ "",              1, 0, TEXT_LEFT, 0, NULL, 0 },
	{ "",              3, 0, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("Topic"),    12, 0, TEXT_LEFT, 1, NULL, 0 },
	{ N_("Votes"),    22, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Decision"),  8, 0, TEXT_LEFT, 0, NULL, 0 },
	{ "",             16, 2, TEXT_LEFT, 0, NULL, 0 },
};

/* The rows of the two panes: the topics take the rows they need, up to
 * half; the corrections, when there are any, a heading and up to three
 * (the newest); the attendees the rest. */
static void pane_rows(const struct meeting_view *mv, int h, int *arows, int *trows, int *crows)
{
	int body = h - 2;
	*crows = mv->n_amends ? 1 + (mv->n_amends < 3 ? mv->n_amends : 3) : 0;
	if (*crows && body - *crows < 6)
		*crows = 0;
	body -= *crows;
	*trows = mv->n_items < (body - 2) / 2 ? mv->n_items : (body - 2) / 2;
	if (*trows < 1)
		*trows = 1;
	*arows = body - 2 - *trows;
	if (*arows < 1)
		*arows = 1;
}

static void draw_head(const struct view *v)
{
	const struct meeting_view *mv = mv_of(v);
	const struct meeting_rec *m = &mv->rec;
	struct rect r = v->r;
	char *head = x_asprintf("%s  %s  %s %s  %s", m->kind, m->title, m->date, m->time, m->place);
	draw_text(r.y, r.x + 1, r.w - 12, head, A_BOLD, TEXT_LEFT);
	x_free(&head);
	draw_text(r.y, r.x + r.w - 11, 10, m->state, A_BOLD, TEXT_RIGHT);
	int present = 0;
	for (int i = 0; i < mv->n_att; i++)
		present += meeting_counts_present(mv->att[i].attendance);
	int entitled = m->entitled >= 0 ? m->entitled : mv->n_att;
	bool quorum = meeting_quorum(present, entitled);
	char *line = x_asprintf(_("Host %s  recorder %s  entitled %d  present %d (with proxies)  %s"),
				*m->host ? m->host : "-", *m->recorder ? m->recorder : "-", entitled, present,
				quorum ? _("quorum met") : _("no quorum"));
	draw_text(r.y + 1, r.x + 1, r.w - 2, line, quorum ? A_NORMAL : draw_attr(C_ERROR), TEXT_LEFT);
	x_free(&line);
}

static void draw_attendees(const struct view *v, int y, int rows)
{
	const struct meeting_view *mv = mv_of(v);
	struct rect r = v->r;
	int w = r.w - 2;
	char name[16];
	char *ah = meeting_record_open(mv->rec.state)
		? x_asprintf(_("Attendance (%d)   c present  a absent  l leave  w proxy  Delete removes"), mv->n_att)
		: meeting_amendable(mv->rec.state)
		? x_asprintf(_("Attendance (%d)   decided: kept as recorded; %s records a correction"), mv->n_att,
			     amend_key(v, name))
		: x_asprintf(_("Attendance (%d)"), mv->n_att);
	draw_text(y, r.x + 1, w, ah, mv->pane == 0 ? draw_attr(C_TITLE) | A_BOLD : draw_attr(C_TITLE), TEXT_LEFT);
	x_free(&ah);
	/* Columns of tui/table; the names as wide as the longest (up to a third). */
	struct table_col ac[ARRAY_SIZE(attendee_cols)];
	memcpy(ac, attendee_cols, sizeof ac);
	for (int i = 0; i < mv->n_att; i++) {
		int nw = text_width(mv->att[i].name);
		if (nw > ac[1].width)
			ac[1].width = nw < w / 3 ? nw : w / 3;
	}
	struct table_layout al;
	table_layout(ac, (int)ARRAY_SIZE(ac), w, &al);
	for (int i = 0; i < rows && mv->ac.top + i < mv->n_att; i++) {
		const struct meeting_attendee *a = &mv->att[mv->ac.top + i];
		bool sel = mv->pane == 0 && mv->ac.top + i == mv->ac.sel;
		const char *cells[] = { sel ? ">" : "", a->name, a->attendance, a->resident_id ? _("[resident]") : "",
					a->role, a->organisation };
		table_draw_row(y + 1 + i, r.x + 1, w, &al, ac, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (mv->n_att == 0)
		draw_text(y + 1, r.x + 1, w, _("  nobody yet: F5 adds an attendee"), A_NORMAL, TEXT_LEFT);
}

static void topic_cells(const struct meeting_item *it, bool sel, char *seq, char *votes, char *follow,
			const char **cells)
{
	snprintf(seq, 16, "%d.", it->seq);
	if (it->votes_for >= 0 || it->votes_against >= 0 || it->abstain >= 0)
		snprintf(votes, 96, _("for %d against %d abstain %d"), it->votes_for > 0 ? it->votes_for : 0,
			 it->votes_against > 0 ? it->votes_against : 0, it->abstain > 0 ? it->abstain : 0);
	if (*it->follow_up_date)
		snprintf(follow, 64, _("followed up %s"), it->follow_up_date);
	const char *c[] = { sel ? ">" : "", seq, it->title, votes, it->decision, follow };
	memcpy(cells, c, sizeof c);
}

static void draw_topics(const struct view *v, int y, int rows)
{
	const struct meeting_view *mv = mv_of(v);
	struct rect r = v->r;
	int w = r.w - 2;
	char *th = meeting_record_open(mv->rec.state)
		? x_asprintf(_("Topics (%d)   Enter: discussion, votes, decision"), mv->n_items)
		: x_asprintf(_("Topics (%d)   Enter: read a topic   F9: report back on a passed one"), mv->n_items);
	draw_text(y, r.x + 1, w, th, mv->pane == 1 ? draw_attr(C_TITLE) | A_BOLD : draw_attr(C_TITLE), TEXT_LEFT);
	x_free(&th);
	/* The follow-up column only when a topic has one: the title needs the room. */
	struct table_col tc[ARRAY_SIZE(topic_cols)];
	memcpy(tc, topic_cols, sizeof tc);
	bool followed = false;
	for (int i = 0; i < mv->n_items; i++)
		followed |= *mv->items[i].follow_up_date != '\0';
	if (!followed)
		tc[5].prio = 99; /* never laid out */
	struct table_layout tl;
	table_layout(tc, (int)ARRAY_SIZE(tc), w, &tl);
	for (int i = 0; i < rows && mv->tc.top + i < mv->n_items; i++) {
		bool sel = mv->pane == 1 && mv->tc.top + i == mv->tc.sel;
		char seq[16], votes[96] = "", follow[64] = "";
		const char *cells[6];
		topic_cells(&mv->items[mv->tc.top + i], sel, seq, votes, follow, cells);
		table_draw_row(y + 1 + i, r.x + 1, w, &tl, tc, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (mv->n_items == 0)
		draw_text(y + 1, r.x + 1, w, _("  no topic yet: F7 adds one"), A_NORMAL, TEXT_LEFT);
}

/* The corrections: the newest that fit, one line each. */
static void draw_amendments(const struct view *v, int y, int rows)
{
	const struct meeting_view *mv = mv_of(v);
	struct rect r = v->r;
	int w = r.w - 2;
	char *h = x_asprintf(_("Corrections (%d), printed in the minutes"), mv->n_amends);
	draw_text(y, r.x + 1, w, h, draw_attr(C_TITLE), TEXT_LEFT);
	x_free(&h);
	int first = mv->n_amends - (rows - 1) > 0 ? mv->n_amends - (rows - 1) : 0;
	for (int i = 0; i < rows - 1 && first + i < mv->n_amends; i++) {
		const struct meeting_amendment *a = &mv->amends[first + i];
		char *line = x_asprintf(_("  %s %s  %s (%s): %s; reason: %s"), a->date, a->who, a->kind, a->subject,
					a->correction, a->reason);
		draw_text(y + 1 + i, r.x + 1, w, line, A_NORMAL, TEXT_LEFT);
		x_free(&line);
	}
}

static void mt_draw(struct view *v)
{
	struct meeting_view *mv = mv_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	draw_head(v);
	int arows, trows, crows;
	pane_rows(mv, r.h, &arows, &trows, &crows);
	draw_attendees(v, r.y + 2, arows);
	draw_topics(v, r.y + 3 + arows, trows);
	if (crows)
		draw_amendments(v, r.y + 4 + arows + trows, crows);
}

/* The panes' heights follow the screen and the number of topics. */
static void fit(struct view *v)
{
	struct meeting_view *mv = mv_of(v);
	int arows, trows, crows;
	pane_rows(mv, v->r.h, &arows, &trows, &crows);
	cursor_height(&mv->ac, arows);
	cursor_height(&mv->tc, trows);
}

/* ---- actions ---- */

static const struct meeting_item *sel_item(const struct meeting_view *mv)
{
	return mv->pane == 1 && mv->tc.sel >= 0 && mv->tc.sel < mv->n_items ? &mv->items[mv->tc.sel] : NULL;
}

/* The name of the key that records a correction here ("F11"). */
static const char *amend_key(const struct view *v, char *name)
{
	int k = keymap_key_for(&v->app->km, "meeting", ACT_AMEND);
	return k ? key_to_name(k, name) : "-";
}

/* The record is kept once the meeting has decided: true (and the
 * reason shown, short enough for the status line) when what would
 * change it must not. */
static bool kept(struct view *v, const char *what)
{
	const char *state = mv_of(v)->rec.state;
	if (meeting_record_open(state))
		return false;
	char name[16];
	bool topics = strcmp(what, "topics") == 0;
	if (meeting_amendable(state))
		app_message(v->app, true,
			    topics ? _("Decided (%s): topics and votes are kept. A mistake: %s records a correction.")
				   : _("Decided (%s): the attendance is kept. A mistake: %s records a correction."),
			    state, amend_key(v, name));
	else
		app_message(v->app, true, "%s",
			    topics ? _("The meeting was cancelled: its topics can no longer change.")
				   : _("The meeting was cancelled: its attendance can no longer change."));
	return true;
}

static int run_move(struct view *v, enum action a)
{
	struct meeting_view *mv = mv_of(v);
	cursor_act(mv->pane == 0 ? &mv->ac : &mv->tc, a, false);
	return REDRAW;
}

static int run_pane(struct view *v, enum action a)
{
	(void)a;
	mv_of(v)->pane = !mv_of(v)->pane;
	return REDRAW;
}

static int run_mark(struct view *v, enum action a)
{
	struct meeting_view *mv = mv_of(v);
	const char *mark = a == ACT_MARK_PRESENT ? ATTEND_PRESENT : a == ACT_MARK_ABSENT ? "缺席"
			 : a == ACT_MARK_LEAVE ? "请假" : ATTEND_PROXY;
	const struct meeting_attendee *at = &mv->att[mv->ac.sel];
	if (kept(v, "attendance"))
		return REDRAW;
	struct check c = { 0 };
	enum db_status s = reg_meeting_attendance(&v->app->reg, at->id, at->attendance, mark, &c);
	if (s == DB_OK && !check_ok(&c)) {
		app_message(v->app, true, "%s", c.items[0].message);
		check_free(&c);
		app_data_changed(v->app);
		return REDRAW;
	}
	check_free(&c);
	if (s == DB_ERR_CONFLICT) {
		app_message(v->app, true, "%s", _("Another clerk marked this attendee meanwhile; see the mark now shown."));
		app_data_changed(v->app);
		return REDRAW;
	}
	if (s != DB_OK) {
		app_message(v->app, true, _("Could not save: %s"), reg_status_text(&v->app->reg, s));
		return REDRAW;
	}
	cursor_move(&mv->ac, 1);
	app_data_changed(v->app);
	return REDRAW;
}

static int run_open(struct view *v, enum action a)
{
	(void)a;
	struct meeting_view *mv = mv_of(v);
	const struct meeting_item *it = sel_item(mv);
	if (it)
		forms_meeting_item(v->app, mv->id, it);
	else if (mv->pane == 0)
		app_message(v->app, false, "%s", _("Tab moves to the topics; Enter there opens a topic."));
	return REDRAW;
}

static int run_edit(struct view *v, enum action a)
{
	(void)a;
	forms_meeting(v->app, mv_of(v)->id);
	return REDRAW;
}

static int run_attendee(struct view *v, enum action a)
{
	(void)a;
	if (!kept(v, "attendance"))
		forms_meeting_attendee(v->app, mv_of(v)->id);
	return REDRAW;
}

static int run_take(struct view *v, enum action a)
{
	if (a == ACT_ADD_ROSTER)
		forms_meeting_add_roster(v->app, mv_of(v)->id);
	else
		forms_meeting_copy(v->app, mv_of(v)->id);
	return REDRAW;
}

static int run_topic(struct view *v, enum action a)
{
	(void)a;
	if (!kept(v, "topics"))
		forms_meeting_item(v->app, mv_of(v)->id, NULL);
	return REDRAW;
}

static int run_amend(struct view *v, enum action a)
{
	(void)a;
	struct meeting_view *mv = mv_of(v);
	const struct meeting_attendee *at = mv->pane == 0 && mv->ac.sel >= 0 && mv->ac.sel < mv->n_att
		? &mv->att[mv->ac.sel] : NULL;
	forms_meeting_amend(v->app, mv->id, at, sel_item(mv));
	return REDRAW;
}

static int run_follow_up(struct view *v, enum action a)
{
	(void)a;
	forms_meeting_follow_up(v->app, mv_of(v)->id, sel_item(mv_of(v)));
	return REDRAW;
}

static int run_step(struct view *v, enum action a)
{
	(void)a;
	forms_meeting_move(v->app, mv_of(v)->id, reg_setting(&v->app->reg, SETTING_PUBLISH_DAYS));
	return REDRAW;
}

static int run_print(struct view *v, enum action a)
{
	(void)a;
	const struct meeting_view *mv = mv_of(v);
	forms_meeting_print(v->app, mv->id, mv->rec.date, mv->rec.title);
	return REDRAW;
}

struct removal {
	int64_t id;
	bool attendee;
};

static void free_removal(void *p)
{
	struct removal *rm = p;
	x_free(&rm);
}

static void remove_it(struct app *app, void *ctx)
{
	struct removal *rm = ctx;
	struct check c = { 0 };
	enum db_status s = rm->attendee ? reg_meeting_attendee_remove(&app->reg, rm->id, &c)
					: reg_meeting_item_remove(&app->reg, rm->id, &c);
	if (s == DB_OK && !check_ok(&c))
		app_message(app, true, "%s", c.items[0].message);
	else if (s == DB_OK)
		app_message(app, false, "%s", rm->attendee ? _("The attendee was removed.") : _("The topic was removed."));
	else
		app_message(app, true, _("Could not save: %s"), reg_status_text(&app->reg, s));
	check_free(&c);
	app_data_changed(app);
}

static int run_delete(struct view *v, enum action a)
{
	(void)a;
	struct meeting_view *mv = mv_of(v);
	const struct meeting_item *it = sel_item(mv);
	if (kept(v, mv->pane == 0 ? "attendance" : "topics"))
		return REDRAW;
	struct removal *rm = x_calloc(1, sizeof *rm);
	char *q;
	if (mv->pane == 0) {
		rm->attendee = true;
		rm->id = mv->att[mv->ac.sel].id;
		q = x_asprintf(_("Remove %s from the attendance? y removes, any other key keeps them."),
			       mv->att[mv->ac.sel].name);
	} else {
		rm->id = it->id;
		q = x_asprintf(_("Remove the topic %s? y removes, any other key keeps it."), it->title);
	}
	confirm_ask(v->app, q, remove_it, rm, free_removal, _("Nothing was removed."));
	x_free(&q);
	return REDRAW;
}

static const struct action_row actions[] = {
	VIEW_MOVES(run_move),
	{ ACT_NEXT_PANE, run_pane, 0, NULL },
	{ ACT_PREV_PANE, run_pane, 0, NULL },
	{ ACT_MARK_PRESENT, run_mark, ON_ATTENDEES | NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_MARK_ABSENT, run_mark, ON_ATTENDEES | NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_MARK_LEAVE, run_mark, ON_ATTENDEES | NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_MARK_PROXY, run_mark, ON_ATTENDEES | NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_OPEN, run_open, 0, NULL },
	{ ACT_EDIT, run_edit, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_ATTENDEE, run_attendee, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_ADD_ROSTER, run_take, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_COPY_ATTENDEES, run_take, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_TOPIC, run_topic, NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_FOLLOW_UP, run_follow_up, ON_TOPICS | PASSED | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_AMEND, run_amend, AMENDABLE | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_NEXT_STEP, run_step, HAS_MOVES | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_PRINT, run_print, 0, NULL },
	{ ACT_DELETE, run_delete, NEED_ROW | NEED_PERM(P_MEETING_WRITE), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static unsigned mt_state(const struct view *v)
{
	const struct meeting_view *mv = mv_of(v);
	const struct meeting_item *it = sel_item(mv);
	const char *moves[MEETING_STATES + 1];
	bool row = mv->pane == 0 ? mv->ac.sel >= 0 && mv->ac.sel < mv->n_att : it != NULL;
	return (mv->pane == 0 ? ON_ATTENDEES : ON_TOPICS) | (row ? NEED_ROW : 0) |
	       (it && strcmp(it->decision, "通过") == 0 ? PASSED : 0) |
	       (mv->rec.state && meeting_moves(mv->rec.state, moves) > 0 ? HAS_MOVES : 0) |
	       (meeting_amendable(mv->rec.state) ? AMENDABLE : 0);
}

static void mt_status(const struct view *v, char *buf, int size)
{
	const struct meeting_view *mv = mv_of(v);
	if (mv->n_amends)
		snprintf(buf, (size_t)size, _("%d attendees, %d topics, %d corrections"), mv->n_att, mv->n_items,
			 mv->n_amends);
	else
		snprintf(buf, (size_t)size, _("%d attendees, %d topics"), mv->n_att, mv->n_items);
}

static void mt_reload(struct view *v)
{
	if (load(v))
		fit(v);
}

/* What the keys do here, where the action's own words say it too
 * generally. */
static const struct action_help helps[] = {
	{ ACT_EDIT, N_("Edit the meeting: kind, title, date and time, place, host, recorder, number entitled, minutes") },
	{ ACT_OPEN, N_("On a topic: its discussion, votes and decision") },
	{ ACT_NEXT_PANE, N_("Move between the attendance and the topics") },
	{ ACT_PREV_PANE, N_("Move between the attendance and the topics") },
	{ ACT_NEXT_STEP, N_("Move the meeting on (预告, 召开, 决议, 公示, 落实反馈), dated: not before the meeting's time nor the step before") },
	{ ACT_DELETE, N_("Remove the selected attendee or topic (asks first; not once the meeting has decided)") },
	{ ACT_FOLLOW_UP, N_("On a passed topic: record what was done about it (落实反馈)") },
	{ ACT_NONE, NULL },
};

const struct view_ops meeting_view = {
	.name = "meeting",
	.scope = "meeting",
	.situational = NEED_ROW | ON_ATTENDEES | ON_TOPICS | PASSED,
	.helps = helps,
	.priv_size = sizeof(struct meeting_view),
	.open = mt_open,
	.close = mt_close,
	.resize = fit,
	.draw = mt_draw,
	.actions = actions,
	.state = mt_state,
	.status = mt_status,
	.reload = mt_reload,
};

void meetings_view_show(struct app *app, int64_t id)
{
	view_push(app, &meeting_view, &id);
}

void meeting_view_select_last(struct app *app, int64_t id, int n)
{
	struct view *v = view_find(view_top(app), &meeting_view);
	if (v && mv_of(v)->id == id)
		mv_of(v)->select_last = n;
}
