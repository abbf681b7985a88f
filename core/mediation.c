/* core/mediation.c - the states of a mediation case and its time limit. */
#include "mediation.h"

#include "db/mediation.h"
#include "access.h"
#include "rules.h"
#include "codes.h"

#include "date.h"
#include "idcard.h"
#include "phone.h"
#include "text.h"
#include "i18n.h"
#include "visit.h"
#include "workflow.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *const case_states[CASE_STATES + 1] = {
	"受理", "调解中", "调解成功", "调解不成功", "终止", "履行中", "已回访", "结案", NULL,
};

/* The procedure as data: each allowed move. */
static const struct state_move moves[] = {
	{ "受理", "调解中" },
	{ "调解中", "调解成功" }, { "调解中", "调解不成功" }, { "调解中", "终止" },
	{ "调解成功", "履行中" }, { "履行中", "已回访" }, { "已回访", "结案" },
	{ "调解不成功", "结案" }, { "终止", "结案" },
};

int case_moves(const char *from, const char **out)
{
	return workflow_moves(moves, ARRAY_SIZE(moves), from, out);
}

bool case_move_allowed(const char *from, const char *to)
{
	return workflow_allowed(moves, ARRAY_SIZE(moves), from, to);
}

static bool blank(const char *s)
{
	return !s || !*s;
}

/* A date a clerk gave for something that happened: real, not in the
 * future, not before the case was accepted (when known). */
static void check_past_date(struct check *c, const char *field, const char *date, const char *accepted,
			    const char *today)
{
	int y, mo, d;
	if (blank(date) || !date_parse_iso(date, &y, &mo, &d))
		check_add(c, field, false, "%s", _("Give the date as YYYY-MM-DD."));
	else if (strcmp(date, today) > 0)
		check_add(c, field, false, "%s", _("This date cannot be in the future."));
	else if (accepted && strcmp(date, accepted) < 0)
		check_add(c, field, false, "%s", _("This date is before the case was accepted."));
}

void case_check_move(const struct case_move *m, const char *accepted, const char *today, struct check *c)
{
	c->n = 0;
	if (!case_move_allowed(m->from, m->to)) {
		check_add(c, "to", false, _("A case in state %s cannot move to %s."), m->from ? m->from : "-",
			  m->to ? m->to : "-");
		return;
	}
	check_past_date(c, "date", m->date, accepted, today);
	if (strcmp(m->to, CASE_STATE_FOLLOWED) == 0) {
		if (blank(m->followup))
			check_add(c, "to", false, "%s",
				  _("A case is 已回访 only after a follow-up visit: first add a 回访 record (date, who made it, how, what was found)."));
		else if (!blank(m->date) && strcmp(m->date, m->followup) < 0)
			check_add(c, "date", false, _("The follow-up visit was on %s; this step cannot be dated before it."),
				  m->followup);
	}
	if (strcmp(m->to, "调解成功") == 0) {
		if (blank(m->agreement))
			check_add(c, "agreement", false, "%s", _("A successful mediation needs the agreement's text."));
		if (blank(m->manner))
			check_add(c, "perform_manner", false, "%s", _("Say how the agreement is to be performed."));
		if (blank(m->deadline))
			check_add(c, "perform_deadline", false, "%s", _("Say by when the agreement is to be performed."));
	}
	if (strcmp(m->to, "结案") == 0 && (strcmp(m->from, "调解不成功") == 0 || strcmp(m->from, "终止") == 0)) {
		static const char *const where[] = { "诉讼", "仲裁", "行政处理", "其他" };
		bool ok = false;
		for (size_t i = 0; i < ARRAY_SIZE(where) && !blank(m->referred_to); i++)
			ok |= strcmp(where[i], m->referred_to) == 0;
		if (!ok)
			check_add(c, "referred_to", false, "%s",
				  _("Say where the matter went: 诉讼, 仲裁, 行政处理 or 其他."));
	}
}

int case_day(const char *accepted, const char *today)
{
	int y1, m1, d1, y2, m2, d2;
	if (!date_parse_iso(accepted, &y1, &m1, &d1) || !date_parse_iso(today, &y2, &m2, &d2))
		return 0;
	return (int)(date_to_days(y2, m2, d2) - date_to_days(y1, m1, d1)) + 1;
}

enum case_limit case_limit_of(const char *state, const char *accepted, const char *today)
{
	if (strcmp(state, CASE_STATE_ACCEPTED) != 0 && strcmp(state, CASE_STATE_MEDIATING) != 0)
		return CASE_IN_TIME;
	int day = case_day(accepted, today);
	return day > CASE_LIMIT_DAYS ? CASE_OVERDUE : day >= CASE_WARN_DAY ? CASE_WARN : CASE_IN_TIME;
}

char *case_number(int year, const char *short_name, int seq)
{
	return x_asprintf("（%d）%s人调字第%d号", year, short_name, seq);
}

void case_party_check(struct case_party *p, struct check *c)
{
	if (!code_listed(case_party_roles, p->role))
		check_add(c, "role", false, "%s", _("Choose 申请人, 被申请人 or 第三人."));
	if (p->resident_id)
		return; /* the register holds the rest, checked there */
	if (p->name)
		check_trim(&p->name);
	if (blank(p->name))
		check_add(c, "name", false, "%s", _("A party from outside the register needs a name."));
	else if (text_chars(p->name) > 40)
		check_add(c, "name", false, "%s", _("This name is too long (at most 40 characters)."));
	if (!blank(p->sex) && strcmp(p->sex, "男") != 0 && strcmp(p->sex, "女") != 0)
		check_add(c, "sex", false, "%s", _("Choose 男 or 女."));
	if (p->age != -1 && (p->age < 0 || p->age > 150))
		check_add(c, "age", false, "%s", _("Give the age in years (0-150)."));
	if (!blank(p->id_number)) {
		check_trim(&p->id_number);
		struct idcard_info info;
		if (idcard_parse(p->id_number, &info) != ID_OK) {
			check_add(c, "id_number", false, "%s", _("This is not a valid ID number."));
		} else {
			x_free(&p->id_number);
			p->id_number = x_strdup(info.number);
			/* The number says the sex, as on the member form. */
			const char *sex = info.male ? "男" : "女";
			if (blank(p->sex)) {
				x_free(&p->sex);
				p->sex = x_strdup(sex);
			} else if (strcmp(p->sex, sex) != 0) {
				check_add(c, "sex", true, _("The ID number is of a %s; check the sex or the number."), sex);
			}
		}
	}
	if (!blank(p->phone)) {
		check_trim(&p->phone);
		char norm[32];
		const char *why = NULL;
		if (phone_normalize(p->phone, norm, sizeof norm, &why) == PHONE_BAD) {
			check_add(c, "phone", false, "%s", why ? _(why) : _("This is not a phone number."));
		} else {
			x_free(&p->phone);
			p->phone = x_strdup(norm);
		}
	}
}

int case_party_age(const struct case_party *p, const char *today)
{
	struct idcard_info info;
	/* Someone from outside: the age given, else the one their ID number says. */
	if (!p->resident_id && p->age < 0 && !blank(p->id_number) && idcard_parse(p->id_number, &info) == ID_OK) {
		struct case_party by_id = { .resident_id = 1, .birth = info.birth };
		return case_party_age(&by_id, today);
	}
	if (!p->resident_id || blank(p->birth))
		return p->age;
	if (strlen(p->birth) < 10 || strlen(today) < 10)
		return -1;
	int age = atoi(today) - atoi(p->birth);
	if (strcmp(today + 5, p->birth + 5) < 0)
		age--;
	return age >= 0 ? age : -1;
}

void case_check_new(const struct case_new *n, const struct case_party *p, int np, const char *today,
		    struct check *c)
{
	check_past_date(c, "accepted_date", n->accepted_date, NULL, today);
	if (!code_listed(case_sources, n->source))
		check_add(c, "source", false, "%s", _("Choose where the case came from."));
	if (n->type_id <= 0)
		check_add(c, "type", false, "%s", _("Choose the type of dispute."));
	if (blank(n->summary))
		check_add(c, "summary", false, "%s", _("Say briefly what the dispute is about."));
	int applicants = 0, respondents = 0;
	for (int i = 0; i < np; i++) {
		applicants += p[i].role && strcmp(p[i].role, "申请人") == 0;
		respondents += p[i].role && strcmp(p[i].role, "被申请人") == 0;
	}
	/* A dispute the committee found itself may not have an applicant. */
	if (!code_listed((const char *const[]){ "主动排查", NULL }, n->source)) {
		if (!applicants)
			check_add(c, "applicant", false, "%s", _("A case needs at least one 申请人."));
		if (!respondents)
			check_add(c, "respondent", false, "%s", _("A case needs at least one 被申请人."));
	}
}

void case_check_record(const struct case_event *e, const char *accepted, const char *agreed, const char *today,
		       struct check *c)
{
	if (!code_listed(case_record_kinds, e->kind))
		check_add(c, "kind", false, "%s", _("Choose 调查, 调解, 回访 or 其他."));
	check_past_date(c, "date", e->date, accepted, today);
	if (blank(e->text))
		check_add(c, "text", false, "%s", _("Write what was done or said."));
	if (!blank(e->performance) && !code_listed(case_performances, e->performance))
		check_add(c, "performance", false, "%s", _("Choose 已履行, 部分履行 or 未履行."));
	if (!blank(e->satisfaction) && !code_listed(case_satisfactions, e->satisfaction))
		check_add(c, "satisfaction", false, "%s", _("Choose 满意, 基本满意 or 不满意."));
	if (!blank(e->method) && !code_listed(case_followup_methods, e->method))
		check_add(c, "method", false, "%s", _("Choose 上门, 电话, 当面, 微信 or 其他."));
	if (!e->kind || strcmp(e->kind, CASE_RECORD_FOLLOWUP) != 0)
		return;
	if (blank(e->performance))
		check_add(c, "performance", false, "%s", _("A follow-up visit says whether the agreement was performed."));
	if (!e->staff_id)
		check_add(c, "staff", false, "%s", _("Say who made the follow-up visit."));
	if (blank(e->method))
		check_add(c, "method", false, "%s", _("Say how the follow-up was made: 上门, 电话, 当面, 微信 or 其他."));
	if (blank(agreed))
		check_add(c, "kind", false, "%s", _("A follow-up visit checks an agreement: this case has not reached one (调解成功)."));
	else if (!blank(e->date) && strcmp(e->date, agreed) < 0)
		check_add(c, "date", false, _("A follow-up visit comes after the agreement (调解成功 on %s)."), agreed);
}

const char *case_agreed_on(const struct case_event *e, int n)
{
	const char *on = NULL;
	for (int i = 0; i < n; i++)
		if (e[i].kind && strcmp(e[i].kind, "状态变更") == 0 && e[i].to_state &&
		    strcmp(e[i].to_state, CASE_STATE_AGREED) == 0)
			on = e[i].date;
	return on;
}

const char *case_followup_on(const struct case_event *e, int n, const char *since, const char *until)
{
	const char *on = NULL;
	for (int i = 0; i < n; i++) {
		const struct case_event *x = &e[i];
		if (!x->kind || strcmp(x->kind, CASE_RECORD_FOLLOWUP) != 0 || !x->staff_id || blank(x->method) ||
		    blank(x->performance) || blank(x->text) || blank(x->date))
			continue;
		if ((since && strcmp(x->date, since) < 0) || (until && strcmp(x->date, until) > 0))
			continue;
		if (!on || strcmp(x->date, on) > 0)
			on = x->date;
	}
	return on;
}

bool case_closed(const char *state)
{
	return state && strcmp(state, CASE_STATE_CLOSED) == 0;
}

void case_check_open(const struct case_rec *c, struct check *out)
{
	if (!case_closed(c->state))
		return;
	char who[128];
	access_who(P_CASE_REOPEN, who, sizeof who);
	check_add(out, "state", false, _("Case %s is closed (结案) and can only be read; to change it, %s must reopen it first."),
		  c->case_no ? c->case_no : "", who);
}

const char *case_reopen_state(const struct case_rec *c, const struct case_event *e, int n)
{
	const char *from = NULL;
	for (int i = 0; i < n; i++)
		if (e[i].kind && strcmp(e[i].kind, "状态变更") == 0 && e[i].to_state &&
		    strcmp(e[i].to_state, CASE_STATE_CLOSED) == 0 && !blank(e[i].from_state))
			from = e[i].from_state;
	if (from && case_move_allowed(from, CASE_STATE_CLOSED))
		return from;
	/* No record of the step: what the result says. */
	if (c->result && (strcmp(c->result, "调解不成功") == 0 || strcmp(c->result, "终止") == 0))
		return strcmp(c->result, "终止") == 0 ? "终止" : "调解不成功";
	return CASE_STATE_FOLLOWED;
}

void case_check_reopen(const struct case_rec *c, const char *reason, struct check *out)
{
	if (!case_closed(c->state))
		check_add(out, "state", false, "%s", _("Only a closed case (结案) can be reopened."));
	if (blank(reason))
		check_add(out, "reason", false, "%s", _("Say why the case is reopened."));
	else if (text_chars(reason) > 1000)
		check_add(out, "reason", false, "%s", _("This text is too long (at most 1000 characters)."));
}

enum db_status reg_case_create(struct reg *r, const struct case_new *c, struct case_party *p, int np,
			       const char *today, struct check *out, int64_t *id, char **case_no)
{
	*case_no = NULL;
	*id = 0;
	out->n = 0;
	for (int i = 0; i < np; i++)
		case_party_check(&p[i], out);
	case_check_new(c, p, np, today, out);
	if (!check_ok(out))
		return DB_OK; /* refused: the messages say why */
	enum db_status s = reg_allow(r, P_CASE_WRITE);
	if (s != DB_OK)
		return s;
	char *short_name = db_community_short_name(r->db);
	char *prefix = x_asprintf("（%d）%s人调字第", atoi(c->accepted_date), short_name);
	int seq = 0;
	s = db_case_create(r->db, c, prefix, "号", p, np, id, &seq);
	if (s == DB_OK)
		*case_no = case_number(atoi(c->accepted_date), short_name, seq);
	x_free(&prefix);
	x_free(&short_name);
	return s;
}

/* The case as stored, for a change to it: refused in out when closed. */
static enum db_status open_case(struct reg *r, int64_t case_id, struct case_rec *c, struct case_event **e, int *ne,
				struct check *out)
{
	case_rec_init(c);
	enum db_status s = db_case_get(r->db, case_id, c);
	if (s == DB_OK && e)
		s = db_case_events(r->db, case_id, e, ne);
	if (s == DB_OK)
		case_check_open(c, out);
	return s;
}

enum db_status reg_case_party_add(struct reg *r, int64_t case_id, struct case_party *p, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_CASE_WRITE);
	if (s != DB_OK)
		return s;
	struct case_rec c;
	s = open_case(r, case_id, &c, NULL, NULL, out);
	case_rec_free(&c);
	if (s != DB_OK || !check_ok(out))
		return s;
	case_party_check(p, out);
	if (!check_ok(out))
		return DB_OK;
	return db_case_party_add(r->db, case_id, p);
}

enum db_status reg_case_record(struct reg *r, int64_t case_id, const struct case_event *e, const char *today,
			       struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_CASE_WRITE);
	if (s != DB_OK)
		return s;
	struct case_rec c;
	struct case_event *ev = NULL;
	int ne = 0;
	s = open_case(r, case_id, &c, &ev, &ne, out);
	if (s == DB_OK && check_ok(out)) {
		case_check_record(e, c.accepted, case_agreed_on(ev, ne), today, out);
		if (check_ok(out))
			s = db_case_event_add(r->db, case_id, e);
	}
	case_rec_free(&c);
	case_events_free(&ev, &ne);
	return s;
}

/* The filter with the day before which an open case is overdue: a
 * case accepted that day is on day CASE_LIMIT_DAYS today. */
static struct case_filter with_limit(const struct case_filter *f)
{
	struct case_filter g = *f;
	int y, m, d;
	g.accepted_before[0] = '\0';
	if (date_parse_iso(f->today, &y, &m, &d))
		date_from_days(date_to_days(y, m, d) - (CASE_LIMIT_DAYS - 1), g.accepted_before);
	return g;
}

enum db_status reg_case_page(struct reg *r, const struct case_filter *f, const struct case_row *from,
			     int dir, bool inclusive, int limit, struct case_row *out, int *n)
{
	struct case_filter g = with_limit(f);
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_case_page(r->db, &g, from, dir, inclusive, limit, out, n) : s;
}

enum db_status reg_case_count(struct reg *r, const struct case_filter *f, int *n)
{
	struct case_filter g = with_limit(f);
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_case_count(r->db, &g, n) : s;
}

static enum db_status read_case(struct reg *r, int64_t id, struct case_rec *c, struct case_party **p, int *np,
				struct case_event **e, int *ne)
{
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_case_get(r->db, id, c);
	if (s == DB_OK && p)
		s = db_case_parties(r->db, id, p, np);
	if (s == DB_OK && e)
		s = db_case_events(r->db, id, e, ne);
	return s;
}

/* What a screen shows of a party: ID number and phone masked; for the
 * roles that may not see the parties' details, their name and role. */
static void mask_party(struct reg *r, struct case_party *p)
{
	char *id = id_mask(p->id_number), *ph = phone_mask(p->phone);
	x_free(&p->id_number);
	x_free(&p->phone);
	p->id_number = id;
	p->phone = ph;
	if (reg_may(r, P_CASE_PARTIES))
		return;
	char **hidden[] = { &p->sex, &p->ethnicity, &p->id_number, &p->occupation, &p->phone, &p->address, &p->birth };
	for (size_t i = 0; i < ARRAY_SIZE(hidden); i++) {
		x_free(hidden[i]);
		*hidden[i] = x_strdup("");
	}
	p->age = -1;
}

enum db_status reg_case(struct reg *r, int64_t id, struct case_rec *c, struct case_party **p, int *np,
			struct case_event **e, int *ne)
{
	enum db_status s = read_case(r, id, c, p, np, e, ne);
	for (int i = 0; s == DB_OK && p && i < *np; i++)
		mask_party(r, &(*p)[i]);
	return s;
}

enum db_status reg_case_whole(struct reg *r, int64_t id, const char *reason, struct case_rec *c,
			      struct case_party **p, int *np, struct case_event **e, int *ne)
{
	enum db_status s = reg_allow(r, P_CASE_PARTIES);
	if (s == DB_OK)
		s = reg_allow(r, P_REVEAL);
	if (s == DB_OK)
		s = read_case(r, id, c, p, np, e, ne);
	if (s == DB_OK)
		s = reg_reveal_note(r, "mediation_case", id, c->case_no, "parties", reason);
	return s;
}

enum db_status reg_case_update(struct reg *r, const struct case_rec *c, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_CASE_WRITE);
	if (s != DB_OK)
		return s;
	struct case_rec now;
	s = open_case(r, c->id, &now, NULL, NULL, out);
	case_rec_free(&now);
	if (s != DB_OK || !check_ok(out))
		return s;
	return db_case_update(r->db, c);
}

enum db_status reg_case_reopen(struct reg *r, int64_t case_id, int64_t version, const char *reason,
			       const char *today, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_CASE_REOPEN);
	if (s != DB_OK)
		return s;
	struct case_rec c;
	case_rec_init(&c);
	struct case_event *e = NULL;
	int ne = 0;
	s = db_case_get(r->db, case_id, &c);
	if (s == DB_OK)
		s = db_case_events(r->db, case_id, &e, &ne);
	if (s == DB_OK) {
		char *why = x_strdup(reason ? reason : "");
		check_trim(&why);
		case_check_reopen(&c, why, out);
		if (check_ok(out))
			s = db_case_reopen(r->db, case_id, version, case_reopen_state(&c, e, ne), today,
					   reg_staff_of_user(r), why);
		x_free(&why);
	}
	case_rec_free(&c);
	case_events_free(&e, &ne);
	return s;
}

enum db_status reg_cases_overdue(struct reg *r, const char *today, struct case_row **out, int *n)
{
	/* Day CASE_WARN_DAY is the first with a warning. */
	int y, m, d;
	char before[11] = "";
	if (date_parse_iso(today, &y, &m, &d))
		date_from_days(date_to_days(y, m, d) - (CASE_WARN_DAY - 1), before);
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_cases_open_before(r->db, before, out, n) : s;
}

enum db_status reg_cases_of_household(struct reg *r, int64_t household_id, struct case_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow_household(r, P_REGISTER_READ, household_id);
	return s == DB_OK ? db_cases_of_household(r->db, household_id, out, n) : s;
}

enum db_status reg_case_move(struct reg *r, const struct case_move_rec *m, const char *accepted,
			     const char *today, struct check *out)
{
	out->n = 0;
	/* The follow-up the move to 已回访 needs, from the records as stored. */
	struct case_event *e = NULL;
	int ne = 0;
	enum db_status s = db_case_events(r->db, m->id, &e, &ne);
	if (s != DB_OK)
		return s;
	struct case_move mv = { m->from, m->to, m->date, m->agreement, m->manner, m->deadline, m->referred_to,
				case_followup_on(e, ne, case_agreed_on(e, ne), m->date) };
	case_check_move(&mv, accepted, today, out);
	case_events_free(&e, &ne);
	if (!check_ok(out))
		return DB_OK; /* refused: the messages say why */
	s = reg_allow(r, P_CASE_WRITE);
	return s == DB_OK ? db_case_move(r->db, m) : s;
}

void case_check_party_removal(const struct case_rec *c, const struct case_party *p, int np, int64_t party_id,
			      struct check *out)
{
	out->n = 0;
	const char *role = NULL;
	int same = 0;
	for (int i = 0; i < np; i++)
		if (p[i].id == party_id)
			role = p[i].role;
	for (int i = 0; role && i < np; i++)
		same += strcmp(p[i].role, role) == 0;
	if (!role) {
		check_add(out, "party", false, "%s", _("This party is no longer in the case."));
		return;
	}
	bool needed = strcmp(role, "申请人") == 0 || strcmp(role, "被申请人") == 0;
	if (needed && same == 1 && strcmp(c->source, "主动排查") != 0)
		check_add(out, "party", false, _("A case needs at least one %s: add another before removing this one."),
			  role);
}

enum db_status reg_case_party_remove(struct reg *r, int64_t case_id, int64_t party_id, struct check *out)
{
	struct case_rec c;
	case_rec_init(&c);
	struct case_party *p = NULL;
	int np = 0;
	enum db_status s = reg_allow(r, P_CASE_WRITE);
	if (s == DB_OK)
		s = read_case(r, case_id, &c, &p, &np, NULL, NULL);
	out->n = 0;
	if (s == DB_OK)
		case_check_open(&c, out);
	if (s == DB_OK && check_ok(out)) {
		case_check_party_removal(&c, p, np, party_id, out);
		if (check_ok(out))
			s = db_case_party_delete(r->db, party_id);
	}
	case_rec_free(&c);
	case_parties_free(&p, &np);
	return s;
}
