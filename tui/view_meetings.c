/* tui/view_meetings.c - consultation meetings (议事): the list by date,
 * narrowed by state and dates (F3); Enter opens a meeting: its
 * attendance with the quorum as it stands, and its topics with votes and
 * decisions.  Tab moves between the two; c a l w mark attendance and go
 * down. */
#include "app.h"

#include "core/date.h"
#include "core/listwin.h"
#include "core/meeting.h"
#include "core/settings.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct meetings_view {
	struct list list;
	struct meeting_filter filter;
	char *filter_text;
	bool loaded;
	/* The open meeting (0: the list shows). */
	int64_t open_id;
	struct meeting_rec rec;
	struct meeting_attendee *att;
	int n_att;
	struct meeting_item *items;
	int n_items;
	int pane;             /* 0: attendees, 1: topics */
	int asel, atop, tsel, ttop;
	int from_section;
	bool confirm_remove; /* Delete asked about the selected attendee or topic */
};

static const struct table_col cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0 },
	{ N_("Kind"),      8, 2, TEXT_LEFT, 0 },
	{ N_("Title"),    12, 1, TEXT_LEFT, 2 },
	{ N_("Place"),     8, 3, TEXT_LEFT, 1 },
	{ N_("Present"),   7, 0, TEXT_RIGHT, 0 },
	{ N_("State"),     8, 0, TEXT_LEFT, 0 },
};

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct app *app = ctx;
	return reg_meeting_page(&app->reg, &app->meetings_v->filter, from, dir, inclusive, limit, out, n) == DB_OK;
}

static bool src_count(void *ctx, int *n)
{
	struct app *app = ctx;
	return reg_meeting_count(&app->reg, &app->meetings_v->filter, n) == DB_OK;
}

static void src_free(void *row)
{
	meeting_row_free(row);
}

static void src_copy(void *dst, const void *src)
{
	const struct meeting_row *s = src;
	struct meeting_row *d = dst;
	memset(d, 0, sizeof *d);
	d->id = s->id;
	d->date = x_strdup(s->date ? s->date : "");
}

static const struct list_ops source = {
	.row_size = sizeof(struct meeting_row),
	.page = src_page,
	.count = src_count,
	.free_row = src_free,
	.copy_row = src_copy,
};

struct meetings_view *meetings_view_new(struct app *app)
{
	struct meetings_view *mv = x_calloc(1, sizeof *mv);
	app->meetings_v = mv;
	list_init(&mv->list, &source, app);
	meeting_rec_init(&mv->rec);
	return mv;
}

static void close_meeting(struct meetings_view *mv)
{
	meeting_rec_free(&mv->rec);
	meeting_attendees_free(&mv->att, &mv->n_att);
	meeting_items_free(&mv->items, &mv->n_items);
	mv->open_id = 0;
}

void meetings_view_free(struct meetings_view **pmv)
{
	struct meetings_view *mv = *pmv;
	if (!mv)
		return;
	close_meeting(mv);
	list_free(&mv->list);
	x_free(&mv->filter_text);
	x_free(pmv);
}

static int clamp(int v, int n)
{
	return v >= n ? n - 1 : v < 0 ? 0 : v;
}

static bool load_meeting(struct app *app)
{
	struct meetings_view *mv = app->meetings_v;
	int64_t id = mv->open_id;
	close_meeting(mv);
	if (reg_meeting(&app->reg, id, &mv->rec, &mv->att, &mv->n_att, &mv->items, &mv->n_items) != DB_OK) {
		close_meeting(mv);
		return false;
	}
	mv->open_id = id;
	mv->asel = clamp(mv->asel, mv->n_att);
	mv->tsel = clamp(mv->tsel, mv->n_items);
	return true;
}

void meetings_view_show(struct app *app, int64_t id)
{
	struct meetings_view *mv = app->meetings_v;
	mv->from_section = app->section;
	app->section = 3;
	mv->open_id = id;
	mv->asel = mv->atop = mv->tsel = mv->ttop = 0;
	mv->pane = 0;
	mv->loaded = false;
	if (!load_meeting(app))
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
}

static void checked(struct app *app)
{
	struct meetings_view *mv = app->meetings_v;
	if (mv->list.failed) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		mv->list.failed = false;
	}
}

static void draw_list(struct app *app, int y, int x, int h, int w)
{
	struct meetings_view *mv = app->meetings_v;
	if (!mv->loaded) {
		list_reset(&mv->list);
		checked(app);
		mv->loaded = true;
	}
	char title[256];
	snprintf(title, sizeof title, "%s%s%s", _("Consultation meetings"), mv->filter_text ? _("   filter: ") : "",
		 mv->filter_text ? mv->filter_text : "");
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	struct table_layout l;
	table_layout(cols, (int)ARRAY_SIZE(cols), w - 1, &l);
	table_draw_header(y + 1, x + 1, w - 1, cols, &l, draw_attr(C_TITLE));
	int cap = h - 2;
	list_set_height(&mv->list, cap);
	checked(app);
	for (int i = 0; i < cap; i++) {
		const struct meeting_row *r = list_row(&mv->list, i);
		if (!r)
			break;
		char present[24];
		if (r->entitled >= 0)
			snprintf(present, sizeof present, "%d/%d", r->present, r->entitled);
		else
			snprintf(present, sizeof present, "%d", r->present);
		const char *cells[] = { r->date, r->kind, r->title, r->place, present, r->state };
		attr_t a = i == mv->list.sel ? draw_attr(C_SELECTED) : A_NORMAL;
		table_draw_row(y + 2 + i, x + 1, w - 1, &l, cols, cells, a);
	}
	if (mv->list.total == 0)
		draw_wrapped(y + 4, x + 2, w - 4, 2, mv->filter_text ? _("No meeting matches. Esc clears the filter.")
				: _("No meeting yet. F5 plans one."), A_BOLD);
}

/* An attendee's line; the name's width follows the names. */
static const struct table_col attendee_cols[] = {
	{ "",                 1, 0, TEXT_LEFT, 0 },
	{ N_("Name"),         6, 0, TEXT_LEFT, 0 },
	{ N_("Attendance"),   4, 0, TEXT_LEFT, 0 },
	{ "",                 6, 1, TEXT_LEFT, 0 },
	{ N_("Role"),         8, 2, TEXT_LEFT, 0 },
	{ N_("Organisation"), 8, 3, TEXT_LEFT, 1 },
};

/* A topic's line: the title takes what the votes and decision leave. */
static const struct table_col topic_cols[] = {
	{ "",              1, 0, TEXT_LEFT, 0 },
	{ "",              3, 0, TEXT_RIGHT, 0 },
	{ N_("Topic"),    12, 0, TEXT_LEFT, 1 },
	{ N_("Votes"),    22, 1, TEXT_LEFT, 0 },
	{ N_("Decision"),  8, 0, TEXT_LEFT, 0 },
	{ "",             16, 2, TEXT_LEFT, 0 },
};

/* The attendees and the topics share the rows below the meeting's two
 * lines; each keeps its selection in view. */
static void keep_in_view(int sel, int *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (rows > 0 && sel >= *top + rows)
		*top = sel - rows + 1;
	if (*top < 0)
		*top = 0;
}

static void draw_meeting(struct app *app, int y, int x, int h, int w)
{
	struct meetings_view *mv = app->meetings_v;
	const struct meeting_rec *m = &mv->rec;
	char *head = x_asprintf("%s  %s  %s %s  %s", m->kind, m->title, m->date, m->time, m->place);
	draw_text(y, x + 1, w - 12, head, A_BOLD, TEXT_LEFT);
	x_free(&head);
	draw_text(y, x + w - 11, 10, m->state, A_BOLD, TEXT_RIGHT);
	int present = 0;
	for (int i = 0; i < mv->n_att; i++)
		present += meeting_counts_present(mv->att[i].attendance);
	int entitled = m->entitled >= 0 ? m->entitled : mv->n_att;
	bool quorum = meeting_quorum(present, entitled);
	char *line = x_asprintf(_("Host %s  recorder %s  entitled %d  present %d (with proxies)  %s"),
				*m->host ? m->host : "-", *m->recorder ? m->recorder : "-", entitled, present,
				quorum ? _("quorum met") : _("no quorum"));
	draw_text(y + 1, x + 1, w - 2, line, quorum ? A_NORMAL : draw_attr(C_ERROR), TEXT_LEFT);
	x_free(&line);
	int body = h - 2;
	/* The topics take the rows they need, up to half; the attendees the rest. */
	int trows = mv->n_items < (body - 2) / 2 ? mv->n_items : (body - 2) / 2;
	if (trows < 1)
		trows = 1;
	int arows = body - 2 - trows;
	if (arows < 1)
		arows = 1;
	/* Attendees. */
	int ay = y + 2;
	char *ah = x_asprintf(_("Attendance (%d)   c present  a absent  l leave  w proxy  Delete removes"), mv->n_att);
	draw_text(ay, x + 1, w - 2, ah, mv->pane == 0 ? draw_attr(C_TITLE) | A_BOLD : draw_attr(C_TITLE), TEXT_LEFT);
	x_free(&ah);
	keep_in_view(mv->asel, &mv->atop, arows);
	/* Columns of tui/table; the names as wide as the longest (up to a third). */
	struct table_col ac[ARRAY_SIZE(attendee_cols)];
	memcpy(ac, attendee_cols, sizeof ac);
	for (int i = 0; i < mv->n_att; i++) {
		int nw = text_width(mv->att[i].name);
		if (nw > ac[1].width)
			ac[1].width = nw < (w - 2) / 3 ? nw : (w - 2) / 3;
	}
	struct table_layout al;
	table_layout(ac, (int)ARRAY_SIZE(ac), w - 2, &al);
	for (int i = 0; i < arows && mv->atop + i < mv->n_att; i++) {
		const struct meeting_attendee *a = &mv->att[mv->atop + i];
		bool sel = mv->pane == 0 && mv->atop + i == mv->asel;
		const char *cells[] = { sel ? ">" : "", a->name, a->attendance, a->resident_id ? _("[resident]") : "",
					a->role, a->organisation };
		table_draw_row(ay + 1 + i, x + 1, w - 2, &al, ac, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (mv->n_att == 0)
		draw_text(ay + 1, x + 1, w - 2, _("  nobody yet: F5 adds an attendee"), A_NORMAL, TEXT_LEFT);
	/* Topics. */
	int ty = ay + 1 + arows;
	char *th = x_asprintf(_("Topics (%d)   Enter: discussion, votes, decision   F9: follow-up"), mv->n_items);
	draw_text(ty, x + 1, w - 2, th, mv->pane == 1 ? draw_attr(C_TITLE) | A_BOLD : draw_attr(C_TITLE), TEXT_LEFT);
	x_free(&th);
	keep_in_view(mv->tsel, &mv->ttop, trows);
	/* The follow-up column only when a topic has one: the title needs the room. */
	struct table_col tc[ARRAY_SIZE(topic_cols)];
	memcpy(tc, topic_cols, sizeof tc);
	bool followed = false;
	for (int i = 0; i < mv->n_items; i++)
		followed |= *mv->items[i].follow_up_date != '\0';
	if (!followed)
		tc[5].prio = 99; /* never laid out */
	struct table_layout tl;
	table_layout(tc, (int)ARRAY_SIZE(tc), w - 2, &tl);
	for (int i = 0; i < trows && mv->ttop + i < mv->n_items; i++) {
		const struct meeting_item *it = &mv->items[mv->ttop + i];
		bool sel = mv->pane == 1 && mv->ttop + i == mv->tsel;
		char seq[16], votes[96] = "", follow[64] = "";
		snprintf(seq, sizeof seq, "%d.", it->seq);
		if (it->votes_for >= 0 || it->votes_against >= 0 || it->abstain >= 0)
			snprintf(votes, sizeof votes, _("for %d against %d abstain %d"), it->votes_for > 0 ? it->votes_for : 0,
				 it->votes_against > 0 ? it->votes_against : 0, it->abstain > 0 ? it->abstain : 0);
		if (*it->follow_up_date)
			snprintf(follow, sizeof follow, _("followed up %s"), it->follow_up_date);
		const char *cells[] = { sel ? ">" : "", seq, it->title, votes, it->decision, follow };
		table_draw_row(ty + 1 + i, x + 1, w - 2, &tl, tc, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (mv->n_items == 0)
		draw_text(ty + 1, x + 1, w - 2, _("  no topic yet: F7 adds one"), A_NORMAL, TEXT_LEFT);
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct meetings_view *mv = app->meetings_v;
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	if (mv->open_id)
		draw_meeting(app, y, x, h, w);
	else
		draw_list(app, y, x, h, w);
}

/* ---- the filter ---- */

static void filter_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	const char *keys[] = { "from", "to" };
	for (size_t i = 0; i < 2; i++) {
		const char *d = form_get(f, keys[i]);
		char iso[11];
		const char *err;
		if (*d && (err = date_parse_input(d, app->today, iso)))
			form_msg(f, keys[i], _(err), false);
		else if (*d)
			form_set(f, keys[i], iso);
	}
}

static enum db_status filter_apply(struct app *app, struct form *f)
{
	struct meetings_view *mv = app->meetings_v;
	memset(&mv->filter, 0, sizeof mv->filter);
	snprintf(mv->filter.state, sizeof mv->filter.state, "%s", form_get(f, "state"));
	snprintf(mv->filter.from, sizeof mv->filter.from, "%s", form_get(f, "from"));
	snprintf(mv->filter.to, sizeof mv->filter.to, "%s", form_get(f, "to"));
	struct strbuf sb = STRBUF_INIT;
	if (*mv->filter.state)
		sb_addf(&sb, "%s ", mv->filter.state);
	if (*mv->filter.from || *mv->filter.to)
		sb_addf(&sb, "%s~%s", mv->filter.from, mv->filter.to);
	x_free(&mv->filter_text);
	mv->filter_text = sb.len ? sb_take(&sb) : NULL;
	sb_free(&sb);
	mv->loaded = false;
	app_message(app, false, "%s", mv->filter_text ? _("The list is narrowed; Esc shows all again.")
						     : _("The list shows all again."));
	return DB_OK;
}

static void free_nothing(void *p)
{
	(void)p;
}

static const struct form_ops filter_ops = {
	.check = filter_check,
	.save = filter_apply,
	.free_ctx = free_nothing,
};

static void open_filter(struct app *app)
{
	struct meetings_view *mv = app->meetings_v;
	struct form *f = form_new(&filter_ops, NULL, _("Narrow the meeting list (empty: all)"));
	/* The choices of a select field end with NULL; meeting_states has none. */
	static const char *states[MEETING_STATES + 1];
	for (int i = 0; i < MEETING_STATES; i++)
		states[i] = meeting_states[i];
	struct field_def sd = { "state", N_("State"), FK_SELECT, 0, false, states };
	struct field_def fd = { "from", N_("From"), FK_DATE, 16, false, NULL };
	struct field_def td = { "to", N_("To"), FK_DATE, 16, false, NULL };
	form_add(f, &sd);
	form_add(f, &fd);
	form_add(f, &td);
	form_set(f, "state", mv->filter.state);
	form_set(f, "from", mv->filter.from);
	form_set(f, "to", mv->filter.to);
	form_open(app, f);
}

/* ---- keys ---- */

static void mark(struct app *app, const char *attendance)
{
	struct meetings_view *mv = app->meetings_v;
	if (mv->pane != 0 || mv->asel >= mv->n_att)
		return;
	if (reg_meeting_attendance(&app->reg, mv->att[mv->asel].id, attendance) != DB_OK) {
		app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
		return;
	}
	if (mv->asel < mv->n_att - 1)
		mv->asel++;
	app_data_changed(app);
}

static const struct meeting_item *sel_item(const struct meetings_view *mv);

/* The answer to "remove this attendee / topic?". */
static int key(struct app *app, int k)
{
	struct meetings_view *mv = app->meetings_v;
	if (!mv->confirm_remove)
		return NOT_HANDLED;
	mv->confirm_remove = false;
	const struct meeting_item *it = sel_item(mv);
	bool attendee = mv->pane == 0 && mv->asel < mv->n_att;
	if ((k != 'y' && k != 'Y') || (!attendee && !it)) {
		app_message(app, false, "%s", _("Nothing was removed."));
		return REDRAW_ALL;
	}
	struct check c = { 0 };
	enum db_status s = attendee ? reg_meeting_attendee_remove(&app->reg, mv->att[mv->asel].id)
				    : reg_meeting_item_remove(&app->reg, mv->rec.state, it->id, &c);
	if (s == DB_OK && !check_ok(&c))
		app_message(app, true, "%s", c.items[0].message);
	else if (s == DB_OK)
		app_message(app, false, "%s", attendee ? _("The attendee was removed.") : _("The topic was removed."));
	else
		app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
	check_free(&c);
	app_data_changed(app);
	return REDRAW_ALL;
}

static const struct meeting_item *sel_item(const struct meetings_view *mv)
{
	return mv->pane == 1 && mv->tsel < mv->n_items ? &mv->items[mv->tsel] : NULL;
}

static int meeting_action(struct app *app, enum action a)
{
	struct meetings_view *mv = app->meetings_v;
	int *sel = mv->pane == 0 ? &mv->asel : &mv->tsel;
	int n = mv->pane == 0 ? mv->n_att : mv->n_items;
	const struct meeting_item *it = sel_item(mv);
	switch (a) {
	case ACT_MOVE_DOWN: *sel = clamp(*sel + 1, n); break;
	case ACT_MOVE_UP: *sel = clamp(*sel - 1, n); break;
	case ACT_PAGE_DOWN: *sel = clamp(*sel + 8, n); break;
	case ACT_PAGE_UP: *sel = clamp(*sel - 8, n); break;
	case ACT_MOVE_FIRST: *sel = 0; break;
	case ACT_MOVE_LAST: *sel = clamp(n - 1, n); break;
	case ACT_NEXT_PANE: case ACT_PREV_PANE: mv->pane = !mv->pane; break;
	case ACT_MARK_PRESENT: mark(app, "出席"); break;
	case ACT_MARK_ABSENT: mark(app, "缺席"); break;
	case ACT_MARK_LEAVE: mark(app, "请假"); break;
	case ACT_MARK_PROXY: mark(app, "委托"); break;
	case ACT_OPEN:
		if (it)
			forms_meeting_item(app, mv->open_id, it);
		else if (mv->pane == 0)
			app_message(app, false, "%s", _("Tab moves to the topics; Enter there opens a topic."));
		break;
	case ACT_EDIT: forms_meeting(app, mv->open_id); break;
	case ACT_DELETE:
		if (mv->pane == 0 && mv->asel < mv->n_att) {
			mv->confirm_remove = true;
			app_message(app, true, _("Remove %s from the attendance? y removes, any other key keeps them."),
				    mv->att[mv->asel].name);
		} else if (it) {
			mv->confirm_remove = true;
			app_message(app, true, _("Remove the topic %s? y removes, any other key keeps it."), it->title);
		}
		break;
	case ACT_ATTENDEE: forms_meeting_attendee(app, mv->open_id); break;
	case ACT_TOPIC: forms_meeting_item(app, mv->open_id, NULL); break;
	case ACT_FOLLOW_UP:
		if (it && strcmp(it->decision, "通过") == 0)
			forms_meeting_follow_up(app, mv->open_id, it);
		else
			app_message(app, false, "%s", _("Choose a decision that passed (Tab moves to the topics)."));
		break;
	case ACT_NEXT_STEP:
		forms_meeting_move(app, mv->open_id, reg_setting(&app->reg, SETTING_PUBLISH_DAYS));
		break;
	case ACT_PRINT: forms_meeting_print(app, mv->open_id, mv->rec.date, mv->rec.title); break;
	case ACT_BACK:
		close_meeting(mv);
		mv->loaded = false;
		app->section = mv->from_section;
		break;
	default:
		return NOT_HANDLED;
	}
	return REDRAW_ALL;
}

static int action(struct app *app, enum action a)
{
	struct meetings_view *mv = app->meetings_v;
	if (mv->open_id)
		return meeting_action(app, a);
	const struct meeting_row *r = list_selected(&mv->list);
	if (list_act(&mv->list, a)) {
		checked(app);
		return REDRAW_ALL;
	}
	switch (a) {
	case ACT_OPEN:
		if (r)
			meetings_view_show(app, r->id);
		break;
	case ACT_NEW: forms_meeting(app, 0); break;
	case ACT_SEARCH: open_filter(app); break;
	case ACT_BACK:
		if (!mv->filter_text)
			return REDRAW_NONE;
		memset(&mv->filter, 0, sizeof mv->filter);
		x_free(&mv->filter_text);
		mv->loaded = false;
		break;
	default:
		return NOT_HANDLED;
	}
	checked(app);
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	const struct meetings_view *mv = app->meetings_v;
	if (mv->open_id) {
		const char *moves[MEETING_STATES + 1];
		switch (a) {
		case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_MOVE_FIRST:
		case ACT_MOVE_LAST: case ACT_NEXT_PANE: case ACT_PREV_PANE: case ACT_EDIT: case ACT_ATTENDEE:
		case ACT_TOPIC: case ACT_PRINT: case ACT_BACK: case ACT_OPEN:
			return true;
		case ACT_MARK_PRESENT: case ACT_MARK_ABSENT: case ACT_MARK_LEAVE: case ACT_MARK_PROXY:
			return mv->pane == 0 && mv->n_att > 0;
		case ACT_DELETE:
			return mv->pane == 0 ? mv->n_att > 0 : mv->n_items > 0;
		case ACT_FOLLOW_UP:
			return sel_item(mv) && strcmp(sel_item(mv)->decision, "通过") == 0;
		case ACT_NEXT_STEP:
			return meeting_moves(mv->rec.state, moves) > 0;
		default:
			return false;
		}
	}
	bool row = list_selected(&mv->list) != NULL;
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_MOVE_FIRST: case ACT_MOVE_LAST: case ACT_NEW: case ACT_SEARCH:
		return true;
	case ACT_OPEN:
		return row;
	case ACT_BACK:
		return mv->filter_text != NULL;
	default:
		return false;
	}
}

static const char *current_scope(const struct app *app)
{
	return app->meetings_v->open_id ? "meeting" : "meetings";
}

static void status(const struct app *app, char *buf, int size)
{
	const struct meetings_view *mv = app->meetings_v;
	if (mv->open_id)
		snprintf(buf, (size_t)size, _("%d attendees, %d topics"), mv->n_att, mv->n_items);
	else
		snprintf(buf, (size_t)size, _("%d/%d meetings"), list_position(&mv->list), mv->list.total);
}

static void reload(struct app *app)
{
	struct meetings_view *mv = app->meetings_v;
	if (mv->open_id && !load_meeting(app)) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		mv->loaded = false;
	}
	if (mv->loaded) {
		list_reload(&mv->list);
		checked(app);
	}
}

const struct view_ops meetings_view = {
	.scope = "meetings",
	.draw = draw,
	.action = action,
	.key = key,
	.supports = supports,
	.current_scope = current_scope,
	.status = status,
	.reload = reload,
};
