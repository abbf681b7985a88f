/* tui/forms_meeting.c - the forms of a consultation meeting: the meeting
 * itself, an attendee, a topic with its votes and decision, the next
 * step, a follow-up note of a decision, and its documents. */
#include "app.h"

#include "core/date.h"
#include "core/document.h"
#include "core/meeting.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mctx {
	int64_t meeting_id, item_id;
};

static void free_mctx(void *p)
{
	struct mctx *c = p;
	x_free(&c);
}

static struct form *meeting_form(const struct form_ops *ops, const char *title, int64_t meeting_id)
{
	struct mctx *c = x_calloc(1, sizeof *c);
	c->meeting_id = meeting_id;
	return form_new(ops, c, title);
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/* A number field: -1 when empty. */
static int number(struct form *f, const char *key)
{
	const char *s = form_get(f, key);
	return *s ? atoi(s) : -1;
}

static void set_number(struct form *f, const char *key, int v)
{
	char buf[16] = "";
	if (v >= 0)
		snprintf(buf, sizeof buf, "%d", v);
	form_set(f, key, buf);
}

static void closed(struct app *app, struct form *f, bool saved)
{
	(void)f;
	if (saved)
		app_data_changed(app);
}

/* ---- the meeting ---- */

static const struct field_def meeting_defs[] = {
	{ "kind",     N_("Kind of meeting"), FK_SELECT, 0,    true,  NULL },
	{ "title",    N_("Title"),           FK_TEXT,   40,   true,  NULL },
	{ "date",     N_("Date"),            FK_DATE,   16,   true,  NULL },
	{ "time",     N_("Time"),            FK_TEXT,   5,    false, NULL },
	{ "place",    N_("Place"),           FK_TEXT,   30,   false, NULL },
	{ "host",     N_("Host"),            FK_SELECT, 0,    false, NULL },
	{ "recorder", N_("Recorder"),        FK_SELECT, 0,    false, NULL },
	{ "entitled", N_("Entitled to attend"), FK_NUMBER, 6, false, NULL },
	{ "minutes",  N_("Minutes (more)"),  FK_AREA,   8000, false, NULL },
	{ "notes",    N_("Notes"),           FK_AREA,   1000, false, NULL },
};

static void meeting_from(struct form *f, struct meeting_rec *m)
{
	meeting_rec_init(m);
	m->id = f->record_id;
	m->version = f->version;
	m->kind_id = forms_id_of(f, "kind");
	m->host_id = forms_id_of(f, "host");
	m->recorder_id = forms_id_of(f, "recorder");
	m->entitled = number(f, "entitled");
	const char *keys[] = { "title", "date", "time", "place", "minutes", "notes" };
	char **dst[] = { &m->title, &m->date, &m->time, &m->place, &m->minutes, &m->notes };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		*dst[i] = form_field(f, keys[i]) && *form_get(f, keys[i]) ? x_strdup(form_get(f, keys[i])) : NULL;
}

static void meeting_check_form(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	forms_date(app, f, "date");
	char hhmm[6];
	if (time_parse_input(form_get(f, "time"), hhmm))
		form_set(f, "time", hhmm);
	struct meeting_rec m;
	meeting_from(f, &m);
	struct check k;
	meeting_check(&m, &k);
	forms_put(f, &k, "title");
	check_free(&k);
	meeting_rec_free(&m);
}

static enum db_status meeting_save_form(struct app *app, struct form *f)
{
	struct meeting_rec m;
	meeting_from(f, &m);
	struct check k;
	bool fresh = !m.id;
	enum db_status s = reg_meeting_save(&app->reg, &m, &k);
	if (s == DB_OK && !check_ok(&k)) {
		forms_put(f, &k, "title");
		s = DB_ERR_SQL;
	} else if (s == DB_OK) {
		f->version = m.version;
		app_message(app, false, _("Meeting saved: %s %s."), m.date, m.title);
		if (fresh)
			meetings_view_show(app, m.id);
	}
	check_free(&k);
	meeting_rec_free(&m);
	return s;
}

/* A meeting's fields as the form's values. */
static void meeting_values(const struct meeting_rec *m, struct kv *kv)
{
	const char *keys[] = { "kind", "title", "date", "time", "place", "host", "recorder", "minutes", "notes" };
	const char *vals[] = { m->kind, m->title, m->date, m->time, m->place, m->host, m->recorder, m->minutes,
			       m->notes };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		kv_set(kv, keys[i], vals[i]);
	char e[16] = "";
	if (m->entitled >= 0)
		snprintf(e, sizeof e, "%d", m->entitled);
	kv_set(kv, "entitled", e);
}

static enum db_status meeting_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = reg_meeting(&app->reg, f->record_id, &m, NULL, NULL, NULL, NULL);
	if (s == DB_OK) {
		meeting_values(&m, now);
		*version = m.version;
	}
	meeting_rec_free(&m);
	return s;
}

static const struct form_ops meeting_ops = {
	.check = meeting_check_form,
	.save = meeting_save_form,
	.fetch = meeting_fetch,
	.closed = closed,
	.free_ctx = free_mctx,
};

void forms_meeting(struct app *app, int64_t id)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	if (id && reg_meeting(&app->reg, id, &m, NULL, NULL, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		return;
	}
	char *title = id ? x_asprintf(_("Edit meeting: %s"), m.title) : x_strdup(_("Plan a meeting"));
	struct form *f = meeting_form(&meeting_ops, title, id);
	x_free(&title);
	f->record_id = id;
	f->version = m.version;
	f->draft_name = id ? "meeting" : "meeting-new";
	for (size_t i = 0; i < ARRAY_SIZE(meeting_defs); i++)
		if (id || strcmp(meeting_defs[i].key, "minutes") != 0)
			form_add(f, &meeting_defs[i]);
	forms_vocab(app, f, "kind", VOCAB_MEETING_KIND);
	forms_vocab(app, f, "host", VOCAB_STAFF);
	forms_vocab(app, f, "recorder", VOCAB_STAFF);
	if (id) {
		struct kv values = { 0 };
		meeting_values(&m, &values);
		form_from_kv(f, &values);
		kv_free(&values);
	} else {
		form_set(f, "date", app->today);
		form_set(f, "time", "09:30");
	}
	meeting_rec_free(&m);
	form_open(app, f);
}

/* ---- an attendee ---- */

static const struct field_def attendee_defs[] = {
	{ "resident",     N_("From the register"),    FK_LINK,   0,  false, NULL },
	{ "name",         N_("  or name (outside)"),  FK_TEXT,   40, false, NULL },
	{ "organisation", N_("Organisation"),         FK_TEXT,   30, false, NULL },
	{ "role",         N_("Role"),                 FK_TEXT,   20, false, NULL },
	{ "attendance",   N_("Attendance"),           FK_SELECT, 0,  true,  meeting_attendances },
};

static void attendee_from(struct form *f, struct meeting_attendee *a)
{
	memset(a, 0, sizeof *a);
	a->resident_id = forms_id_of(f, "resident");
	a->name = (char *)nonempty(form_get(f, "name"));
	a->organisation = (char *)nonempty(form_get(f, "organisation"));
	a->role = (char *)nonempty(form_get(f, "role"));
	a->attendance = (char *)form_get(f, "attendance");
}

static void attendee_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct meeting_attendee a;
	attendee_from(f, &a);
	if (saving && !a.resident_id && !a.name)
		form_msg(f, "name", _("Choose a resident, or give the name of someone from outside."), false);
}

static enum db_status attendee_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct meeting_attendee a;
	attendee_from(f, &a);
	struct check k;
	enum db_status s = reg_meeting_attendee_add(&app->reg, c->meeting_id, &a, &k);
	if (s == DB_OK && !check_ok(&k)) {
		forms_put(f, &k, "name");
		s = DB_ERR_SQL;
	} else if (s == DB_OK) {
		if (a.resident_id)
			app_message(app, false, _("Attendee added (%s)."), a.attendance);
		else
			app_message(app, false, _("%s added (%s)."), a.name, a.attendance);
	}
	check_free(&k);
	return s;
}

static const struct form_ops attendee_ops = {
	.check = attendee_check,
	.save = attendee_save,
	.link_search = forms_resident_search,
	.closed = closed,
	.free_ctx = free_mctx,
};

void forms_meeting_attendee(struct app *app, int64_t meeting_id)
{
	struct form *f = meeting_form(&attendee_ops, _("Add an attendee"), meeting_id);
	for (size_t i = 0; i < ARRAY_SIZE(attendee_defs); i++)
		form_add(f, &attendee_defs[i]);
	form_set(f, "attendance", "出席");
	form_open(app, f);
}

/* ---- a topic ---- */

static const char *const decisions[] = { "通过", "未通过", "搁置", "无需表决", NULL };

static const struct field_def item_defs[] = {
	{ "title",         N_("Topic"),           FK_TEXT,   40,   true,  NULL },
	{ "proposal",      N_("Proposal"),        FK_AREA,   4000, false, NULL },
	{ "discussion",    N_("Discussion"),      FK_AREA,   8000, false, NULL },
	{ "votes_for",     N_("For"),             FK_NUMBER, 6,    false, NULL },
	{ "votes_against", N_("Against"),         FK_NUMBER, 6,    false, NULL },
	{ "abstain",       N_("Abstain"),         FK_NUMBER, 6,    false, NULL },
	{ "decision",      N_("Decision"),        FK_SELECT, 0,    false, decisions },
	{ "decision_text", N_("What was decided"), FK_AREA,  4000, false, NULL },
	{ "minority",      N_("Minority opinion"), FK_AREA,  2000, false, NULL },
};

static void item_from(struct form *f, struct meeting_item *it)
{
	meeting_item_init(it);
	it->id = f->record_id;
	it->version = f->version;
	it->votes_for = number(f, "votes_for");
	it->votes_against = number(f, "votes_against");
	it->abstain = number(f, "abstain");
	const char *keys[] = { "title", "proposal", "discussion", "decision", "decision_text", "minority" };
	char **dst[] = { &it->title, &it->proposal, &it->discussion, &it->decision, &it->decision_text, &it->minority };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		*dst[i] = *form_get(f, keys[i]) ? x_strdup(form_get(f, keys[i])) : NULL;
}

static void item_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct mctx *c = f->ctx;
	struct meeting_item it;
	item_from(f, &it);
	int present = 0, listed = 0;
	reg_meeting_present(&app->reg, c->meeting_id, &present, &listed);
	struct meeting_rec m;
	meeting_rec_init(&m);
	reg_meeting(&app->reg, c->meeting_id, &m, NULL, NULL, NULL, NULL);
	int entitled = m.entitled >= 0 ? m.entitled : listed;
	meeting_rec_free(&m);
	bool voted = it.votes_for >= 0 || it.votes_against >= 0 || it.abstain >= 0;
	/* Without a quorum no decision follows from the votes: say so by the
	 * decision, and leave the choice (搁置, 无需表决) to the clerk. */
	if (!it.decision && voted && !meeting_quorum(present, entitled)) {
		char msg[256];
		snprintf(msg, sizeof msg, _("No quorum: %d present of %d entitled; more than half must attend."), present,
			 entitled);
		form_msg(f, "decision", msg, true);
	}
	/* Votes typed and no decision chosen: the numbers' result. */
	else if (!it.decision && voted) {
		struct topic_vote v = { present, entitled, it.votes_for > 0 ? it.votes_for : 0,
					it.votes_against > 0 ? it.votes_against : 0, it.abstain > 0 ? it.abstain : 0,
					NULL };
		it.decision = x_strdup(meeting_vote_result(&v));
		form_set(f, "decision", it.decision);
	}
	struct check k;
	meeting_check_item(&it, present, entitled, &k);
	forms_put(f, &k, "decision");
	check_free(&k);
	meeting_item_free(&it);
}

static enum db_status item_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct meeting_item it;
	item_from(f, &it);
	struct check k;
	enum db_status s = reg_meeting_item_save(&app->reg, c->meeting_id, &it, &k);
	if (s == DB_OK && !check_ok(&k)) {
		forms_put(f, &k, "decision");
		s = DB_ERR_SQL;
	} else if (s == DB_OK) {
		f->version = it.version;
		app_message(app, false, _("Topic saved: %s%s%s."), it.title, it.decision ? " " : "",
			    it.decision ? it.decision : "");
	}
	check_free(&k);
	meeting_item_free(&it);
	return s;
}

static const struct form_ops item_ops = {
	.check = item_check,
	.save = item_save,
	.closed = closed,
	.free_ctx = free_mctx,
};

void forms_meeting_item(struct app *app, int64_t meeting_id, const struct meeting_item *it)
{
	int present = 0, listed = 0;
	reg_meeting_present(&app->reg, meeting_id, &present, &listed);
	struct meeting_rec m;
	meeting_rec_init(&m);
	reg_meeting(&app->reg, meeting_id, &m, NULL, NULL, NULL, NULL);
	int entitled = m.entitled >= 0 ? m.entitled : listed;
	/* The quorum, in the title: what the votes are checked against. */
	char *title = x_asprintf(_("%s: entitled %d, present %d, %s"), it ? _("Topic") : _("New topic"), entitled, present,
				 meeting_quorum(present, entitled) ? _("quorum met") : _("no quorum: no decision can pass"));
	meeting_rec_free(&m);
	struct form *f = meeting_form(&item_ops, title, meeting_id);
	x_free(&title);
	f->record_id = it ? it->id : 0;
	f->version = it ? it->version : 0;
	for (size_t i = 0; i < ARRAY_SIZE(item_defs); i++)
		form_add(f, &item_defs[i]);
	if (it) {
		const char *keys[] = { "title", "proposal", "discussion", "decision", "decision_text", "minority" };
		const char *vals[] = { it->title, it->proposal, it->discussion, it->decision, it->decision_text,
				       it->minority };
		for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
			form_set(f, keys[i], vals[i]);
		set_number(f, "votes_for", it->votes_for);
		set_number(f, "votes_against", it->votes_against);
		set_number(f, "abstain", it->abstain);
	}
	form_open(app, f);
}

/* ---- the next step ---- */

struct movectx {
	struct mctx c; /* first: free_mctx frees the whole */
	struct meeting_rec m;
	const char *moves[MEETING_STATES + 1];
};

static void free_movectx(void *p)
{
	struct movectx *c = p;
	meeting_rec_free(&c->m);
	x_free(&c);
}

static void move_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct movectx *c = f->ctx;
	forms_date(app, f, "date");
	forms_date(app, f, "publish_start");
	forms_date(app, f, "publish_end");
	const char *ps = form_field(f, "publish_start") ? form_get(f, "publish_start") : NULL;
	const char *pe = form_field(f, "publish_end") ? form_get(f, "publish_end") : NULL;
	const char *to = form_get(f, "to");
	struct check k;
	meeting_check_move(c->m.state, to, form_get(f, "date"), ps, pe, app->today, &k);
	forms_put(f, &k, "to");
	check_free(&k);
}

static enum db_status move_save(struct app *app, struct form *f)
{
	struct movectx *c = f->ctx;
	const char *to = form_get(f, "to");
	const char *ps = form_field(f, "publish_start") ? form_get(f, "publish_start") : NULL;
	const char *pe = form_field(f, "publish_end") ? form_get(f, "publish_end") : NULL;
	struct check k;
	enum db_status s = reg_meeting_move(&app->reg, &c->m, to, form_get(f, "date"), ps, pe, app->today, &k);
	if (s == DB_OK && !check_ok(&k)) {
		forms_put(f, &k, "to");
		s = DB_ERR_SQL;
	} else if (s == DB_OK) {
		app_message(app, false, _("The meeting is now %s."), to);
	} else if (s == DB_ERR_CONFLICT) {
		app_message(app, true, "%s", _("Someone else moved this meeting meanwhile; nothing was saved."));
		app_data_changed(app);
		s = DB_OK;
	}
	check_free(&k);
	return s;
}

static const struct form_ops move_ops = {
	.check = move_check,
	.save = move_save,
	.closed = closed,
	.free_ctx = free_movectx,
};

void forms_meeting_move(struct app *app, int64_t meeting_id, int publish_days)
{
	struct movectx *c = x_calloc(1, sizeof *c);
	c->c.meeting_id = meeting_id;
	meeting_rec_init(&c->m);
	if (reg_meeting(&app->reg, meeting_id, &c->m, NULL, NULL, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		free_movectx(c);
		return;
	}
	if (meeting_moves(c->m.state, c->moves) == 0) {
		app_message(app, false, _("The meeting is %s; there is no next step."), c->m.state);
		free_movectx(c);
		return;
	}
	char *title = x_asprintf(_("Next step: %s (now %s)"), c->m.title, c->m.state);
	struct form *f = form_new(&move_ops, c, title);
	x_free(&title);
	struct field_def to = { "to", N_("Move to"), FK_SELECT, 0, true, c->moves };
	struct field_def date = { "date", N_("Date"), FK_DATE, 16, true, NULL };
	form_add(f, &to);
	form_add(f, &date);
	form_set(f, "to", c->moves[0]);
	form_set(f, "date", app->today);
	if (strcmp(c->m.state, "决议") == 0) {
		struct field_def ps = { "publish_start", N_("Published from"), FK_DATE, 16, true, NULL };
		struct field_def pe = { "publish_end", N_("Published until"), FK_DATE, 16, true, NULL };
		form_add(f, &ps);
		form_add(f, &pe);
		int y, mo, d;
		char end[11] = "";
		if (date_parse_iso(app->today, &y, &mo, &d))
			date_from_days(date_to_days(y, mo, d) + publish_days, end);
		form_set(f, "publish_start", app->today);
		form_set(f, "publish_end", end);
	}
	form_open(app, f);
}

/* ---- a follow-up of a decision ---- */

static void follow_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	forms_date(app, f, "date");
	struct check k;
	meeting_check_follow_up(form_get(f, "date"), form_get(f, "text"), app->today, &k);
	forms_put(f, &k, "text");
	check_free(&k);
}

static enum db_status follow_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct check k;
	enum db_status s = reg_meeting_follow_up(&app->reg, c->item_id, form_get(f, "date"), form_get(f, "text"),
						 app->today, &k);
	if (s == DB_OK && !check_ok(&k)) {
		forms_put(f, &k, "text");
		s = DB_ERR_SQL;
	} else if (s == DB_OK) {
		app_message(app, false, _("Follow-up saved: %s."), form_get(f, "date"));
	}
	check_free(&k);
	return s;
}

static const struct form_ops follow_ops = {
	.check = follow_check,
	.save = follow_save,
	.closed = closed,
	.free_ctx = free_mctx,
};

void forms_meeting_follow_up(struct app *app, int64_t meeting_id, const struct meeting_item *it)
{
	char *title = x_asprintf(_("Follow-up of: %s"), it->title);
	struct form *f = meeting_form(&follow_ops, title, meeting_id);
	x_free(&title);
	((struct mctx *)f->ctx)->item_id = it->id;
	struct field_def dd = { "date", N_("Date"), FK_DATE, 16, true, NULL };
	struct field_def td = { "text", N_("What was done"), FK_AREA, 4000, true, NULL };
	form_add(f, &dd);
	form_add(f, &td);
	form_set(f, "date", app->today);
	form_open(app, f);
}

/* ---- documents ---- */

static const char *const doc_kinds[] = { "会议纪要", "会议通知", "公示", NULL };

static struct doc *meeting_doc(struct app *app, int64_t id, int kind)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	struct meeting_attendee *a = NULL;
	struct meeting_item *it = NULL;
	int na = 0, ni = 0;
	if (reg_meeting(&app->reg, id, &m, &a, &na, &it, &ni) != DB_OK) {
		meeting_rec_free(&m);
		return NULL;
	}
	struct doc *d = kind == 1 ? meeting_doc_notice(&m, it, ni, app->community)
		      : kind == 2 ? meeting_doc_publication(&m, it, ni, app->community)
				  : meeting_doc_minutes(&m, a, na, it, ni, app->community);
	meeting_rec_free(&m);
	meeting_attendees_free(&a, &na);
	meeting_items_free(&it, &ni);
	return d;
}

void forms_meeting_print(struct app *app, int64_t meeting_id, const char *date, const char *title)
{
	/* File names start with the meeting's date. */
	forms_print(app, title, doc_kinds, date, meeting_doc, meeting_id);
}
