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

void meeting_check_move(const char *from, const char *to, const char *date, const char *publish_start,
			const char *publish_end, const char *today, struct check *c)
{
	c->n = 0;
	if (!meeting_move_allowed(from, to)) {
		check_add(c, "to", false, _("A meeting in state %s cannot move to %s."), from ? from : "-", to ? to : "-");
		return;
	}
	check_past_date(c, date, today);
	if (strcmp(to, "公示") == 0) {
		if (!iso_date(publish_start))
			check_add(c, "publish_start", false, "%s", _("Give the date as YYYY-MM-DD."));
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
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_save(r->db, m);
}

enum db_status reg_meeting_move(struct reg *r, const struct meeting_rec *m, const char *to, const char *date,
				const char *publish_start, const char *publish_end, const char *today,
				struct check *out)
{
	meeting_check_move(m->state, to, date, publish_start, publish_end, today, out);
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
	meeting_rec_free(&m);
	if (s != DB_OK)
		return s;
	meeting_check_item(it, present, entitled, out);
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
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_attendee_add(r->db, meeting_id, a);
}

enum db_status reg_meeting_attendance(struct reg *r, int64_t attendee_id, const char *was, const char *attendance)
{
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
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

enum db_status reg_meeting_attendee_remove(struct reg *r, int64_t attendee_id)
{
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_attendee_delete(r->db, attendee_id);
}

bool meeting_topics_open(const char *state)
{
	return state && (strcmp(state, "议题征集") == 0 || strcmp(state, "预告") == 0 || strcmp(state, "召开") == 0);
}

enum db_status reg_meeting_item_remove(struct reg *r, const char *state, int64_t item_id, struct check *out)
{
	out->n = 0;
	if (!meeting_topics_open(state))
		check_add(out, "topic", false, _("A meeting in state %s keeps its topics: they are in its record."), state);
	if (!check_ok(out))
		return DB_OK;
	if (reg_allow(r, P_MEETING_WRITE) != DB_OK)
		return DB_ERR_DENIED;
	return db_meeting_item_delete(r->db, item_id);
}
