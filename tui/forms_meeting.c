/* tui/forms_meeting.c - the forms of a consultation meeting: the meeting
 * itself, an attendee, a topic with its votes and decision, the next
 * step, a follow-up note of a decision, and its documents.  The fields
 * of a meeting, a topic and an attendee come from their tables in
 * core/model.c. */
#include "app.h"

#include "core/date.h"
#include "core/document.h"
#include "core/meeting.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct mctx {
	int64_t meeting_id, item_id;
	struct meeting_rec m;        /* the next step: the meeting as read */
	const char *moves[MEETING_STATES + 1];
};

static void free_mctx(void *p)
{
	struct mctx *c = p;
	meeting_rec_free(&c->m);
	x_free(&c);
}

static struct form *meeting_form(const struct form_ops *ops, const char *title, int64_t meeting_id)
{
	struct mctx *c = x_calloc(1, sizeof *c);
	c->meeting_id = meeting_id;
	meeting_rec_init(&c->m);
	return form_new(ops, c, title);
}

/* ---- the meeting ---- */

static void meeting_from(const struct form *f, struct meeting_rec *m)
{
	meeting_rec_init(m);
	m->id = f->record_id;
	m->version = f->version;
	formrec_store(f, m, meeting_fields, meeting_field_count, "");
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
	forms_put(f, &k, "", "title");
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
	s = forms_checked(f, s, &k, "title");
	if (s == DB_OK) {
		f->version = m.version;
		app_message(app, false, _("Meeting saved: %s %s."), m.date, m.title);
		if (fresh)
			meetings_view_show(app, m.id);
	}
	check_free(&k);
	meeting_rec_free(&m);
	return s;
}

static enum db_status meeting_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = reg_meeting(&app->reg, f->record_id, &m, NULL, NULL, NULL, NULL);
	if (s == DB_OK) {
		formrec_kv(f, &m, meeting_fields, meeting_field_count, "", now);
		*version = m.version;
	}
	meeting_rec_free(&m);
	return s;
}

static const struct form_ops meeting_ops = {
	.check = meeting_check_form,
	.save = meeting_save_form,
	.fetch = meeting_fetch,
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

/* A new meeting has no minutes yet. */
static const char *const new_meeting_keys[] = { "kind", "title", "date", "time", "place", "host", "recorder",
	"entitled", "notes", NULL };

void forms_meeting(struct app *app, int64_t id)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	if (id && reg_meeting(&app->reg, id, &m, NULL, NULL, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		meeting_rec_free(&m);
		return;
	}
	char *title = id ? x_asprintf(_("Edit meeting: %s"), m.title) : x_strdup(_("Plan a meeting"));
	struct form *f = meeting_form(&meeting_ops, title, id);
	x_free(&title);
	f->record_id = id;
	f->version = m.version;
	form_keep_drafts(f, id ? "meeting" : "meeting-new");
	formrec_add(app, f, meeting_fields, meeting_field_count, "", id ? NULL : new_meeting_keys);
	if (id) {
		formrec_load(f, &m, meeting_fields, meeting_field_count, "");
	} else {
		form_set(f, "date", app->today);
		form_set(f, "time", "09:30");
	}
	meeting_rec_free(&m);
	form_open(app, f);
}

/* ---- an attendee ---- */

static void attendee_from(const struct form *f, struct meeting_attendee *a)
{
	memset(a, 0, sizeof *a);
	formrec_store(f, a, attendee_fields, attendee_field_count, "");
}

static void attendee_free(struct meeting_attendee *a)
{
	rec_free(a, attendee_fields, attendee_field_count);
}

static void attendee_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct meeting_attendee a;
	attendee_from(f, &a);
	if (saving && !a.resident_id && !*a.name)
		form_msg(f, "name", _("Choose a resident, or give the name of someone from outside."), false);
	attendee_free(&a);
}

static enum db_status attendee_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct meeting_attendee a;
	attendee_from(f, &a);
	struct check k;
	enum db_status s = reg_meeting_attendee_add(&app->reg, c->meeting_id, &a, &k);
	s = forms_checked(f, s, &k, "name");
	if (s == DB_OK) {
		if (a.resident_id)
			app_message(app, false, _("Attendee added (%s)."), a.attendance);
		else
			app_message(app, false, _("%s added (%s)."), a.name, a.attendance);
	}
	check_free(&k);
	attendee_free(&a);
	return s;
}

static const struct form_ops attendee_ops = {
	.check = attendee_check,
	.save = attendee_save,
	.link_search = forms_resident_search,
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

void forms_meeting_attendee(struct app *app, int64_t meeting_id)
{
	struct form *f = meeting_form(&attendee_ops, _("Add an attendee"), meeting_id);
	formrec_add(app, f, attendee_fields, attendee_field_count, "", NULL);
	form_set(f, "attendance", "出席");
	forms_drafts_under(f, "attendee", meeting_id);
	form_open(app, f);
}

/* ---- a topic ---- */

static void item_from(const struct form *f, struct meeting_item *it)
{
	meeting_item_init(it);
	it->id = f->record_id;
	it->version = f->version;
	formrec_store(f, it, topic_fields, topic_field_count, "");
}

/* Those present and entitled at the meeting now. */
static int entitled_of(struct app *app, int64_t meeting_id, int *present)
{
	int listed = 0;
	*present = 0;
	reg_meeting_present(&app->reg, meeting_id, present, &listed);
	struct meeting_rec m;
	meeting_rec_init(&m);
	reg_meeting(&app->reg, meeting_id, &m, NULL, NULL, NULL, NULL);
	int entitled = m.entitled >= 0 ? m.entitled : listed;
	meeting_rec_free(&m);
	return entitled;
}

static void item_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct mctx *c = f->ctx;
	struct meeting_item it;
	item_from(f, &it);
	int present, entitled = entitled_of(app, c->meeting_id, &present);
	bool voted = it.votes_for >= 0 || it.votes_against >= 0 || it.abstain >= 0;
	/* Without a quorum no decision follows from the votes: say so by the
	 * decision, and leave the choice (搁置, 无需表决) to the clerk. */
	if (!*it.decision && voted && !meeting_quorum(present, entitled)) {
		char msg[256];
		snprintf(msg, sizeof msg, _("No quorum: %d present of %d entitled; more than half must attend."), present,
			 entitled);
		form_msg(f, "decision", msg, true);
	} else if (!*it.decision && voted) {
		/* Votes typed and no decision chosen: the numbers' result. */
		struct topic_vote v = { present, entitled, it.votes_for > 0 ? it.votes_for : 0,
					it.votes_against > 0 ? it.votes_against : 0, it.abstain > 0 ? it.abstain : 0,
					NULL };
		x_free(&it.decision);
		it.decision = x_strdup(meeting_vote_result(&v));
		form_set(f, "decision", it.decision);
	}
	struct check k;
	meeting_check_item(&it, present, entitled, &k);
	forms_put(f, &k, "", "decision");
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
	s = forms_checked(f, s, &k, "decision");
	if (s == DB_OK) {
		f->version = it.version;
		app_message(app, false, _("Topic saved: %s%s%s."), it.title, *it.decision ? " " : "", it.decision);
	}
	check_free(&k);
	meeting_item_free(&it);
	return s;
}

static const struct form_ops item_ops = {
	.check = item_check,
	.save = item_save,
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

void forms_meeting_item(struct app *app, int64_t meeting_id, const struct meeting_item *it)
{
	int present, entitled = entitled_of(app, meeting_id, &present);
	/* The quorum, in the title: what the votes are checked against. */
	char *title = x_asprintf(_("%s: entitled %d, present %d, %s"), it ? _("Topic") : _("New topic"), entitled, present,
				 meeting_quorum(present, entitled) ? _("quorum met") : _("no quorum: no decision can pass"));
	struct form *f = meeting_form(&item_ops, title, meeting_id);
	x_free(&title);
	f->record_id = it ? it->id : 0;
	f->version = it ? it->version : 0;
	formrec_add(app, f, topic_fields, topic_field_count, "", NULL);
	if (it)
		formrec_load(f, it, topic_fields, topic_field_count, "");
	forms_drafts_under(f, "topic", meeting_id);
	form_open(app, f);
}

/* ---- the next step ---- */

static const char *optional(const struct form *f, const char *key)
{
	return form_field((struct form *)f, key) ? form_get(f, key) : NULL;
}

static void move_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct mctx *c = f->ctx;
	forms_date(app, f, "date");
	forms_date(app, f, "publish_start");
	forms_date(app, f, "publish_end");
	struct check k;
	char now[6];
	meeting_check_move(&c->m, form_get(f, "to"), form_get(f, "date"), optional(f, "publish_start"),
			   optional(f, "publish_end"), app->today, time_now(now), &k);
	forms_put(f, &k, "", "to");
	check_free(&k);
}

static enum db_status move_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	const char *to = form_get(f, "to");
	struct check k;
	char now[6];
	enum db_status s = reg_meeting_move(&app->reg, &c->m, to, form_get(f, "date"), optional(f, "publish_start"),
					    optional(f, "publish_end"), app->today, time_now(now), &k);
	s = forms_checked(f, s, &k, "to");
	if (s == DB_OK) {
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
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

/* Publication: from today, for the days the settings say. */
static void add_publication(struct app *app, struct form *f, int publish_days)
{
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

void forms_meeting_move(struct app *app, int64_t meeting_id, int publish_days)
{
	struct form *f = meeting_form(&move_ops, "", meeting_id);
	struct mctx *c = f->ctx;
	if (reg_meeting(&app->reg, meeting_id, &c->m, NULL, NULL, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		form_free(&f);
		return;
	}
	if (meeting_moves(c->m.state, c->moves) == 0) {
		app_message(app, false, _("The meeting is %s; there is no next step."), c->m.state);
		form_free(&f);
		return;
	}
	x_free(&f->title);
	f->title = x_asprintf(_("Next step: %s (now %s)"), c->m.title, c->m.state);
	struct field_def to = { "to", N_("Move to"), FK_SELECT, 0, true, c->moves };
	struct field_def date = { "date", N_("Date"), FK_DATE, 16, true, NULL };
	form_add(f, &to);
	form_add(f, &date);
	form_set(f, "to", c->moves[0]);
	form_set(f, "date", app->today);
	if (strcmp(c->m.state, "决议") == 0)
		add_publication(app, f, publish_days);
	forms_drafts_under(f, "meeting-move", meeting_id);
	form_open(app, f);
}

/* ---- a follow-up of a decision ---- */

static void follow_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	forms_date(app, f, "date");
	struct check k;
	meeting_check_follow_up(form_get(f, "date"), form_get(f, "text"), app->today, &k);
	forms_put(f, &k, "", "text");
	check_free(&k);
}

static enum db_status follow_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct check k;
	enum db_status s = reg_meeting_follow_up(&app->reg, c->item_id, form_get(f, "date"), form_get(f, "text"),
						 app->today, &k);
	s = forms_checked(f, s, &k, "text");
	if (s == DB_OK) {
		app_message(app, false, _("Follow-up saved: %s."), form_get(f, "date"));
	}
	check_free(&k);
	return s;
}

static const struct form_ops follow_ops = {
	.check = follow_check,
	.save = follow_save,
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

void forms_meeting_follow_up(struct app *app, int64_t meeting_id, const struct meeting_item *it)
{
	char *title = x_asprintf(_("Follow-up of: %s"), it->title);
	struct form *f = meeting_form(&follow_ops, title, meeting_id);
	x_free(&title);
	((struct mctx *)f->ctx)->item_id = it->id;
	f->record_id = it->id; /* for its draft */
	struct field_def dd = { "date", N_("Date"), FK_DATE, 16, true, NULL };
	struct field_def td = { "text", N_("What was done"), FK_AREA, 4000, true, NULL };
	form_add(f, &dd);
	form_add(f, &td);
	form_set(f, "date", app->today);
	forms_drafts_under(f, "follow-up", meeting_id);
	form_open(app, f);
}

/* ---- a correction (更正) of a decided meeting ---- */

struct amend_ctx {
	struct mctx m;                /* first: free_mctx frees it */
	int64_t attendee_id, item_id; /* what was selected when it was opened */
};

static void amend_from(const struct form *f, struct meeting_amendment *a)
{
	const struct amend_ctx *c = f->ctx;
	memset(a, 0, sizeof *a);
	a->kind = (char *)form_get(f, "kind");
	a->subject = (char *)form_get(f, "subject");
	a->correction = (char *)form_get(f, "correction");
	a->reason = (char *)form_get(f, "reason");
	a->date = (char *)form_get(f, "date");
	/* The selection holds while the correction is about it. */
	bool attendance = strcmp(a->kind, "到会情况") == 0;
	a->attendee_id = attendance ? c->attendee_id : 0;
	a->item_id = attendance ? 0 : c->item_id;
}

static void amend_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct mctx *c = f->ctx;
	forms_date(app, f, "date");
	struct meeting_amendment a;
	amend_from(f, &a);
	struct check k;
	meeting_check_amendment(&c->m, &a, app->today, &k);
	forms_put(f, &k, "", "reason");
	check_free(&k);
}

static enum db_status amend_save(struct app *app, struct form *f)
{
	struct mctx *c = f->ctx;
	struct meeting_amendment a;
	amend_from(f, &a);
	struct check k;
	enum db_status s = reg_meeting_amend(&app->reg, c->meeting_id, &a, app->today, &k);
	s = forms_checked(f, s, &k, "reason");
	if (s == DB_OK)
		app_message(app, false, _("Correction recorded (%s: %s); it is printed in the minutes."), a.kind, a.subject);
	check_free(&k);
	return s;
}

static const struct form_ops amend_ops = {
	.check = amend_check,
	.save = amend_save,
	.closed = forms_saved,
	.free_ctx = free_mctx,
};

void forms_meeting_amend(struct app *app, int64_t meeting_id, const struct meeting_attendee *at,
			 const struct meeting_item *it)
{
	struct amend_ctx *c = x_calloc(1, sizeof *c);
	c->m.meeting_id = meeting_id;
	meeting_rec_init(&c->m.m);
	struct form *f = form_new(&amend_ops, c, "");
	if (reg_meeting(&app->reg, meeting_id, &c->m.m, NULL, NULL, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This meeting was deleted by another session."));
		form_free(&f);
		return;
	}
	if (!meeting_amendable(c->m.m.state)) {
		app_message(app, false,
			    _("The meeting is %s: a correction is recorded once it has decided; until then, change the record itself."),
			    c->m.m.state);
		form_free(&f);
		return;
	}
	c->attendee_id = at ? at->id : 0;
	c->item_id = it ? it->id : 0;
	x_free(&f->title);
	f->title = x_asprintf(_("Correction of the record: %s"), c->m.m.title);
	struct field_def kind = { "kind", N_("What is corrected"), FK_SELECT, 0, true, meeting_amend_kinds };
	struct field_def subject = { "subject", N_("Whom or which topic"), FK_TEXT, 40, true, NULL };
	struct field_def correction = { "correction", N_("What is right"), FK_AREA, 2000, true, NULL };
	struct field_def reason = { "reason", N_("Reason for the correction"), FK_AREA, 1000, true, NULL };
	struct field_def date = { "date", N_("Date of the correction"), FK_DATE, 16, true, NULL };
	form_add(f, &kind);
	form_add(f, &subject);
	form_add(f, &correction);
	form_add(f, &reason);
	form_add(f, &date);
	if (at) {
		form_set(f, "kind", "到会情况");
		char *who = x_asprintf("%s（记为%s）", at->name, at->attendance);
		form_set(f, "subject", who);
		x_free(&who);
	} else if (it) {
		form_set(f, "kind", *it->decision ? "表决" : "议题");
		char *what = x_asprintf("议题%d %s", it->seq, it->title);
		form_set(f, "subject", what);
		x_free(&what);
	} else {
		form_set(f, "kind", meeting_amend_kinds[0]);
	}
	form_set(f, "date", app->today);
	forms_drafts_under(f, "amendment", meeting_id);
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
	struct meeting_amendment *am = NULL;
	int na = 0, ni = 0, nam = 0;
	if (reg_meeting(&app->reg, id, &m, &a, &na, &it, &ni) != DB_OK ||
	    reg_meeting_amendments(&app->reg, id, &am, &nam) != DB_OK) {
		meeting_rec_free(&m);
		meeting_attendees_free(&a, &na);
		meeting_items_free(&it, &ni);
		return NULL;
	}
	struct doc *d = kind == 1 ? meeting_doc_notice(&m, it, ni, app->community)
		      : kind == 2 ? meeting_doc_publication(&m, it, ni, app->community)
				  : meeting_doc_minutes(&m, a, na, it, ni, am, nam, app->community);
	meeting_amendments_free(&am, &nam);
	meeting_rec_free(&m);
	meeting_attendees_free(&a, &na);
	meeting_items_free(&it, &ni);
	return d;
}

void forms_meeting_print(struct app *app, int64_t meeting_id, const char *date, const char *title)
{
	/* Each document is named by the meeting's date, its title and the
	 * kind: two meetings of one day have files of their own. */
	char *names[ARRAY_SIZE(doc_kinds)] = { NULL }, *records[ARRAY_SIZE(doc_kinds)] = { NULL };
	for (int k = 0; doc_kinds[k]; k++) {
		names[k] = meeting_doc_file_name(date, title, doc_kinds[k]);
		records[k] = x_asprintf("meeting:%lld", (long long)meeting_id);
	}
	forms_print(app, title, doc_kinds, (const char *const *)names, (const char *const *)records, meeting_doc,
		    meeting_id);
	for (int k = 0; doc_kinds[k]; k++) {
		x_free(&names[k]);
		x_free(&records[k]);
	}
}
