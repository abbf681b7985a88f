/* core/mediation.c - the states of a mediation case and its time limit. */
#include "mediation.h"

#include "date.h"
#include "i18n.h"
#include "workflow.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

const char *const case_states[CASE_STATES] = {
	"受理", "调解中", "调解成功", "调解不成功", "终止", "履行中", "已回访", "结案",
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

void case_check_move(const struct case_move *m, const char *accepted, const char *today, struct check *c)
{
	c->n = 0;
	if (!case_move_allowed(m->from, m->to)) {
		check_add(c, "to", false, _("A case in state %s cannot move to %s."), m->from ? m->from : "-",
			  m->to ? m->to : "-");
		return;
	}
	int y, mo, d;
	if (blank(m->date) || !date_parse_iso(m->date, &y, &mo, &d))
		check_add(c, "date", false, "%s", _("Give the date as YYYY-MM-DD."));
	else if (strcmp(m->date, today) > 0)
		check_add(c, "date", false, "%s", _("This date cannot be in the future."));
	else if (accepted && strcmp(m->date, accepted) < 0)
		check_add(c, "date", false, "%s", _("This date is before the case was accepted."));
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
	if (strcmp(state, "受理") != 0 && strcmp(state, "调解中") != 0)
		return CASE_IN_TIME;
	int day = case_day(accepted, today);
	return day > 30 ? CASE_OVERDUE : day >= 25 ? CASE_WARN : CASE_IN_TIME;
}

char *case_number(int year, const char *short_name, int seq)
{
	return x_asprintf("（%d）%s人调字第%d号", year, short_name, seq);
}

enum db_status reg_case_create(const struct reg *r, const struct case_new *c, int64_t *id, char **case_no)
{
	*case_no = NULL;
	char *short_name = db_community_short_name(r->db);
	char *prefix = x_asprintf("（%d）%s人调字第", atoi(c->accepted_date), short_name);
	int seq = 0;
	enum db_status s = db_case_create(r->db, c, prefix, "号", id, &seq);
	if (s == DB_OK)
		*case_no = case_number(atoi(c->accepted_date), short_name, seq);
	x_free(&prefix);
	x_free(&short_name);
	return s;
}

enum db_status reg_case_move(const struct reg *r, const struct case_move_rec *m, const char *accepted,
			     const char *today, struct check *out)
{
	struct case_move mv = { m->from, m->to, m->date, m->agreement, m->manner, m->deadline, m->referred_to };
	case_check_move(&mv, accepted, today, out);
	if (!check_ok(out))
		return DB_OK; /* refused: the messages say why */
	return db_case_move(r->db, m);
}
