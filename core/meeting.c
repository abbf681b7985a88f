/* core/meeting.c - lifecycle, quorum and majority of a meeting. */
#include "meeting.h"

#include "db/meeting.h"
#include "rules.h"
#include "settings.h"

#include "date.h"
#include "i18n.h"
#include "text.h"
#include "workflow.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

const char *const meeting_states[MEETING_STATES + 1] = {
	"议题征集", "预告", "召开", "决议", "公示", "落实反馈", "取消", NULL,
};


static const struct state_move moves[] = {
	{ "议题征集", "预告" }, { "预告", "召开" }, { "召开", "决议" }, { "决议", "公示" },
	{ "公示", "落实反馈" }, { "议题征集", "取消" }, { "预告", "取消" },
};

int meeting_moves(const char *from, const char **out)
{
	return workflow_moves(moves, ARRAY_SIZE(moves), from, out);
}

bool meeting_move_allowed(const char *from, const char *to)
{
	return workflow_allowed(moves, ARRAY_SIZE(moves), from, to);
}

bool meeting_counts_present(const char *attendance)
{
	return strcmp(attendance, ATTEND_PRESENT) == 0 || strcmp(attendance, ATTEND_PROXY) == 0;
}

bool meeting_quorum(int present, int entitled)
{
	return entitled > 0 && present > 0 && present * 2 > entitled;
}

const char *meeting_vote_result(const struct topic_vote *v)
{
	bool carried = v->present > 0 && v->votes_for * 2 > v->present;
	return meeting_quorum(v->present, v->entitled) && carried ? "通过" : "未通过";
}

void meeting_check_vote(const struct topic_vote *v, struct check *c)
{
	c->n = 0;
	if (v->votes_for < 0 || v->votes_against < 0 || v->abstain < 0)
		check_add(c, "votes_for", false, "%s", _("Votes cannot be negative."));
	else if (v->votes_for + v->votes_against + v->abstain > v->present)
		check_add(c, "votes_for", false, _("%d votes, but only %d present."),
			  v->votes_for + v->votes_against + v->abstain, v->present);
	const char *d = v->decision ? v->decision : "";
	if (strcmp(d, "搁置") == 0 || strcmp(d, "无需表决") == 0)
		return;
	if (strcmp(d, "通过") != 0 && strcmp(d, "未通过") != 0) {
		check_add(c, "decision", false, "%s", _("Choose 通过, 未通过, 搁置 or 无需表决."));
		return;
	}
	const char *result = meeting_vote_result(v);
	if (strcmp(d, "通过") == 0 && strcmp(result, "通过") != 0) {
		if (!meeting_quorum(v->present, v->entitled))
			check_add(c, "decision", false, _("No quorum: %d present of %d entitled; more than half must attend."),
				  v->present, v->entitled);
		else
			check_add(c, "decision", false, _("%d for of %d present: more than half is needed to pass."),
				  v->votes_for, v->present);
	} else if (strcmp(d, "未通过") == 0 && strcmp(result, "通过") == 0) {
		check_add(c, "decision", false, _("%d for of %d present carries the vote: it passed."),
			  v->votes_for, v->present);
	}
}

/* ---- checks of what a clerk types ---- */

static bool blank(const char *s)
{
	return !s || !*s;
}

static bool iso_date(const char *s)
{
	int y, m, d;
	return !blank(s) && date_parse_iso(s, &y, &m, &d);
}

/* The date of something that happened: real, and not in the future. */
static void check_past_date(struct check *c, const char *date, const char *today)
{
	if (!iso_date(date))
		check_add(c, "date", false, "%s", _("Give the date as YYYY-MM-DD."));
	else if (strcmp(date, today) > 0)
		check_add(c, "date", false, "%s", _("This date cannot be in the future."));
}

void meeting_check(const struct meeting_rec *m, struct check *c)
{
	c->n = 0;
	if (m->kind_id <= 0)
		check_add(c, "kind", false, "%s", _("Choose the kind of meeting."));
	if (blank(m->title))
		check_add(c, "title", false, "%s", _("Give the meeting a title."));
	else if (text_width(m->title) > 80)
		check_add(c, "title", false, "%s", _("The title is too long (at most 40 Chinese characters)."));
	if (!iso_date(m->date))
		check_add(c, "date", false, "%s", _("Give the date as YYYY-MM-DD."));
	if (!blank(m->time)) {
		int h, mi;
		char tail;
		if (sscanf(m->time, "%2d:%2d%c", &h, &mi, &tail) != 2 || h < 0 || h > 23 || mi < 0 || mi > 59 ||
		    strlen(m->time) != 5)
			check_add(c, "time", false, "%s", _("Give the time as HH:MM, e.g. 09:30."));
	}
	if (m->entitled < -1 || m->entitled > 100000)
		check_add(c, "entitled", false, "%s", _("Give the number entitled to attend."));
}

bool meeting_step_date(const char *history, const char *state, char *buf)
{
	bool found = false;
	for (const char *line = history; line && *line;) {
		const char *nl = strchr(line, '\n');
		size_t len = nl ? (size_t)(nl - line) : strlen(line);
		/* "date user from → to" (or, in older rows, "date state"): the
		 * state reached is the last word. */
		const char *to = line + len;
		while (to > line && to[-1] == ' ')
			to--;
		const char *end = to;
		while (to > line && to[-1] != ' ')
			to--;
		int y, m, d;
		char date[11] = "";
		if (len >= 10) {
			memcpy(date, line, 10);
			date[10] = '\0';
		}
		if (date_parse_iso(date, &y, &m, &d) &&
		    (!state || ((size_t)(end - to) == strlen(state) && strncmp(to, state, (size_t)(end - to)) == 0))) {
			memcpy(buf, date, 11);
			found = true;
		}
		line = nl ? nl + 1 : NULL;
	}
	return found;
}

bool meeting_record_open(const char *state)
{
	return state && (strcmp(state, "议题征集") == 0 || strcmp(state, "预告") == 0 || strcmp(state, "召开") == 0);
}

bool meeting_amendable(const char *state)
{
	return state && (strcmp(state, "决议") == 0 || strcmp(state, "公示") == 0 || strcmp(state, "落实反馈") == 0);
}

void meeting_check_open(const char *state, const char *what, const char *key, struct check *c)
{
	if (meeting_record_open(state))
		return;
	bool topics = strcmp(what, "topics") == 0;
	if (state && strcmp(state, "取消") == 0)
		check_add(c, key, false, "%s",
			  topics ? _("The meeting was cancelled: its topics can no longer change.")
				 : _("The meeting was cancelled: its attendance can no longer change."));
	else
		check_add(c, key, false,
			  topics ? _("The meeting has decided (now %s): its topics and votes can no longer change. "
				     "To correct a mistake, record a correction with its reason.")
				 : _("The meeting has decided (now %s): its attendance can no longer change. "
				     "To correct a mistake, record a correction with its reason."),
			  state ? state : "-");
}

/* Has the meeting been held (召开 or a later step, not cancelled)? */
static bool held(const char *state)
{
	return state && (strcmp(state, "召开") == 0 || meeting_amendable(state));
}

void meeting_check_edit(const struct meeting_rec *was, const struct meeting_rec *m, struct check *c)
{
	if (!was || !was->state)
		return;
	if (meeting_amendable(was->state)) {
		if (strcmp(m->date ? m->date : "", was->date ? was->date : "") != 0)
			check_add(c, "date", false, _("The meeting has decided: its date (%s) is its record."), was->date);
		if (strcmp(m->time ? m->time : "", was->time ? was->time : "") != 0)
			check_add(c, "time", false, _("The meeting has decided: its time (%s) is its record."),
				  was->time && *was->time ? was->time : "-");
		if (m->entitled != was->entitled)
			check_add(c, "entitled", false, "%s",
				  _("The meeting has decided: the number entitled to attend is its record."));
		return;
	}
	char on[11];
	if (held(was->state) && meeting_step_date(was->history, "召开", on) && iso_date(m->date) &&
	    strcmp(m->date, on) > 0)
		check_add(c, "date", false, _("The meeting was held on %s: its date cannot be later."), on);
}

void meeting_check_move(const struct meeting_rec *m, const char *to, const char *date, const char *publish_start,
			const char *publish_end, const char *today, const char *now, struct check *c)
{
	c->n = 0;
	const char *from = m->state;
	if (!meeting_move_allowed(from, to)) {
		check_add(c, "to", false, _("A meeting in state %s cannot move to %s."), from ? from : "-", to ? to : "-");
		return;
	}
	check_past_date(c, date, today);
	if (!check_ok(c))
		return;
	char last[11], step[11];
	bool holding = strcmp(to, "取消") != 0 && strcmp(to, "预告") != 0;
	if (strcmp(to, "召开") == 0 && iso_date(m->date) && strcmp(date, m->date) < 0) {
		check_add(c, "date", false, _("The meeting is set for %s: it cannot be held before that day."), m->date);
	} else if (strcmp(to, "召开") == 0 && iso_date(m->date) && strcmp(date, m->date) == 0 && m->time &&
		   *m->time && strcmp(date, today) == 0 && now && strcmp(now, m->time) < 0) {
		check_add(c, "date", false, _("The meeting is set for %s %s: it cannot be recorded as held before then."),
			  m->date, m->time);
	} else if (holding && iso_date(m->date) && strcmp(date, m->date) < 0) {
		check_add(c, "date", false, _("The meeting was on %s: this step cannot be dated before it."), m->date);
	} else if (strcmp(to, "决议") == 0 && meeting_step_date(m->history, "召开", step) && strcmp(date, step) < 0) {
		check_add(c, "date", false, _("The meeting was held on %s: its decision cannot be dated before it."), step);
	} else if (strcmp(to, "公示") == 0 && meeting_step_date(m->history, "决议", step) && strcmp(date, step) < 0) {
		check_add(c, "date", false, _("The meeting decided on %s: publication cannot be dated before it."), step);
	} else if (meeting_step_date(m->history, NULL, last) && strcmp(date, last) < 0) {
		check_add(c, "date", false, _("The step before was on %s: this one cannot be dated before it."), last);
	}
	if (strcmp(to, "公示") == 0) {
		if (!iso_date(publish_start))
			check_add(c, "publish_start", false, "%s", _("Give the date as YYYY-MM-DD."));
		else {
			char decided[11] = "";
			if (!meeting_step_date(m->history, "决议", decided) && iso_date(m->date))
				snprintf(decided, sizeof decided, "%s", m->date);
			if (*decided && strcmp(publish_start, decided) < 0)
				check_add(c, "publish_start", false,
					  _("The meeting decided on %s: publication cannot start before it."), decided);
		}
		if (!iso_date(publish_end))
			check_add(c, "publish_end", false, "%s", _("Give the date as YYYY-MM-DD."));
		else if (iso_date(publish_start) && strcmp(publish_end, publish_start) < 0)
			check_add(c, "publish_end", false, "%s", _("Publication cannot end before it starts."));
	}
}

void meeting_check_item(const struct meeting_item *it, int present, int entitled, struct check *c)
{
	c->n = 0;
	if (blank(it->title))
		check_add(c, "title", false, "%s", _("Give the topic a title."));
	bool voted = it->votes_for >= 0 || it->votes_against >= 0 || it->abstain >= 0;
	if (blank(it->decision) && !voted)
		return; /* gathered beforehand, not yet discussed */
	struct topic_vote v = { present, entitled, it->votes_for < 0 ? 0 : it->votes_for,
				it->votes_against < 0 ? 0 : it->votes_against, it->abstain < 0 ? 0 : it->abstain,
				blank(it->decision) ? "" : it->decision };
	struct check vc;
	meeting_check_vote(&v, &vc);
	for (int i = 0; i < vc.n; i++)
		check_add(c, vc.items[i].field, vc.items[i].warning, "%s", vc.items[i].message);
	check_free(&vc);
}

void meeting_check_follow_up(const char *date, const char *text, const char *today, struct check *c)
{
	c->n = 0;
	check_past_date(c, date, today);
	if (blank(text))
		check_add(c, "text", false, "%s", _("Write what was done about the decision."));
}

/* ---- the register's gateway ---- */

enum db_status reg_meeting_save(struct reg *r, struct meeting_rec *m, struct check *out)
{
	meeting_check(m, out);
	if (m->id) {
		struct meeting_rec was;
		meeting_rec_init(&was);
		enum db_status s = db_meeting_get(r->db, m->id, &was);
		if (s == DB_OK && was.version == m->version)
			meeting_check_edit(&was, m, out);
		meeting_rec_free(&was);
		if (s != DB_OK)
			return s;
	}
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_save(r->db, m);
}

enum db_status reg_meeting_move(struct reg *r, const struct meeting_rec *m, const char *to, const char *date,
				const char *publish_start, const char *publish_end, const char *today, const char *now,
				struct check *out)
{
	/* Checked against m; the write names m's version, so the steps and
	 * dates checked are those it changes. */
	meeting_check_move(m, to, date, publish_start, publish_end, today, now, out);
	if (!check_ok(out))
		return DB_OK;
	bool pub = strcmp(to, "公示") == 0;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_move(r->db, m->id, m->version, m->state, to, date, pub ? publish_start : NULL,
			       pub ? publish_end : NULL);
}

enum db_status reg_meeting_item_save(struct reg *r, int64_t meeting_id, struct meeting_item *it,
				     struct check *out)
{
	int present = 0, listed = 0;
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = db_meeting_get(r->db, meeting_id, &m);
	if (s == DB_OK)
		s = db_meeting_present(r->db, meeting_id, &present, &listed);
	int entitled = m.entitled >= 0 ? m.entitled : listed;
	if (s != DB_OK) {
		meeting_rec_free(&m);
		return s;
	}
	meeting_check_item(it, present, entitled, out);
	meeting_check_open(m.state, "topics", "decision", out);
	meeting_rec_free(&m);
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_item_save(r->db, meeting_id, it);
}

enum db_status reg_meeting_follow_up(struct reg *r, int64_t item_id, const char *date, const char *text,
				     const char *today, struct check *out)
{
	meeting_check_follow_up(date, text, today, out);
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_follow_up(r->db, item_id, date, text);
}

enum db_status reg_meeting(struct reg *r, int64_t id, struct meeting_rec *m, struct meeting_attendee **a,
			   int *na, struct meeting_item **it, int *ni)
{
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_meeting_get(r->db, id, m);
	if (s == DB_OK && a)
		s = db_meeting_attendees(r->db, id, a, na);
	if (s == DB_OK && it)
		s = db_meeting_items(r->db, id, it, ni);
	return s;
}

enum db_status reg_meeting_page(struct reg *r, const struct meeting_filter *f, const struct meeting_row *from,
				int dir, bool inclusive, int limit, struct meeting_row *out, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_meeting_page(r->db, f, from, dir, inclusive, limit, out, n) : s;
}

enum db_status reg_meeting_count(struct reg *r, const struct meeting_filter *f, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_meeting_count(r->db, f, n) : s;
}

enum db_status reg_meeting_attendee_add(struct reg *r, int64_t meeting_id, const struct meeting_attendee *a,
					struct check *out)
{
	out->n = 0;
	if (!a->resident_id && blank(a->name))
		check_add(out, "name", false, "%s", _("Choose a resident, or give the name of someone from outside."));
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = db_meeting_get(r->db, meeting_id, &m);
	if (s == DB_OK)
		meeting_check_open(m.state, "attendance", "name", out);
	meeting_rec_free(&m);
	if (s != DB_OK)
		return s;
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_attendee_add(r->db, meeting_id, a);
}

/* The record of the meeting of an attendee or a topic may change (out
 * empty), or why not. */
static enum db_status check_open_of(struct reg *r, int64_t attendee_id, int64_t item_id, struct check *out)
{
	out->n = 0;
	char *state = NULL;
	enum db_status s = db_meeting_state_of(r->db, attendee_id, item_id, &state);
	if (s == DB_OK)
		meeting_check_open(state, attendee_id ? "attendance" : "topics", attendee_id ? "attendance" : "topic", out);
	x_free(&state);
	return s;
}

enum db_status reg_meeting_attendance(struct reg *r, int64_t attendee_id, const char *was, const char *attendance,
				      struct check *out)
{
	out->n = 0;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	enum db_status s = check_open_of(r, attendee_id, 0, out);
	if (s != DB_OK || !check_ok(out))
		return s;
	return db_meeting_attendance(r->db, attendee_id, was, attendance);
}

enum db_status reg_meeting_present(struct reg *r, int64_t meeting_id, int *present, int *listed)
{
	return db_meeting_present(r->db, meeting_id, present, listed);
}

enum db_status reg_meetings_due(struct reg *r, const char *today, struct meeting_row **out, int *n,
				int *days)
{
	*days = reg_setting(r, SETTING_FOLLOW_UP_DAYS);
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_meetings_due(r->db, today, *days, out, n) : s;
}

enum db_status reg_meeting_attendee_remove(struct reg *r, int64_t attendee_id, struct check *out)
{
	out->n = 0;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	enum db_status s = check_open_of(r, attendee_id, 0, out);
	if (s != DB_OK || !check_ok(out))
		return s;
	return db_meeting_attendee_delete(r->db, attendee_id);
}

enum db_status reg_meeting_item_remove(struct reg *r, int64_t item_id, struct check *out)
{
	out->n = 0;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	enum db_status s = check_open_of(r, 0, item_id, out);
	if (s != DB_OK || !check_ok(out))
		return s;
	return db_meeting_item_delete(r->db, item_id);
}

/* ---- amendments ---- */

const char *const meeting_amend_kinds[] = { "到会情况", "议题", "表决", NULL };

void meeting_check_amendment(const struct meeting_rec *m, const struct meeting_amendment *a, const char *today,
			     struct check *c)
{
	c->n = 0;
	if (!meeting_amendable(m->state)) {
		check_add(c, "kind", false,
			  _("The meeting is %s: a correction is recorded once it has decided; until then, change the record itself."),
			  m->state ? m->state : "-");
		return;
	}
	bool known = false;
	for (int i = 0; meeting_amend_kinds[i]; i++)
		known |= a->kind && strcmp(a->kind, meeting_amend_kinds[i]) == 0;
	if (!known)
		check_add(c, "kind", false, "%s", _("Choose what is corrected: 到会情况, 议题 or 表决."));
	if (blank(a->subject))
		check_add(c, "subject", false, "%s", _("Say whom or which topic the correction is about."));
	if (blank(a->correction))
		check_add(c, "correction", false, "%s", _("Write what is right."));
	if (blank(a->reason))
		check_add(c, "reason", false, "%s", _("Give the reason for the correction."));
	check_past_date(c, a->date, today);
	char decided[11];
	if (iso_date(a->date) && meeting_step_date(m->history, "决议", decided) && strcmp(a->date, decided) < 0)
		check_add(c, "date", false, _("The meeting decided on %s: a correction cannot be dated before it."), decided);
}

enum db_status reg_meeting_amend(struct reg *r, int64_t meeting_id, struct meeting_amendment *a, const char *today,
				 struct check *out)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = db_meeting_get(r->db, meeting_id, &m);
	if (s == DB_OK)
		meeting_check_amendment(&m, a, today, out);
	meeting_rec_free(&m);
	if (s != DB_OK || !check_ok(out))
		return s;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_amend(r->db, meeting_id, a);
}

enum db_status reg_meeting_amendments(struct reg *r, int64_t meeting_id, struct meeting_amendment **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_meeting_amendments(r->db, meeting_id, out, n) : s;
}
