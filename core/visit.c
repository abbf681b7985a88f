/* core/visit.c - checking visits; the register's gateway to them. */
#include "visit.h"

#include "db/visit.h"

#include "date.h"
#include "rules.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* A date field in any accepted form into ISO; false when it is wrong. */
static bool date_field(struct check *c, const char *field, char **p, const char *today)
{
	if (!**p)
		return true;
	char iso[11];
	const char *err = date_parse_input(*p, today, iso);
	if (err) {
		check_add(c, field, false, "%s", _(err));
		return false;
	}
	x_free(p);
	*p = x_strdup(iso);
	return true;
}

void visit_check(struct visit_rec *v, const char *today, struct check *c)
{
	c->n = 0;
	if (!*v->visit_date)
		check_add(c, "visit_date", false, "%s", _("This field is required."));
	else if (date_field(c, "visit_date", &v->visit_date, today) && strcmp(v->visit_date, today) > 0)
		check_add(c, "visit_date", false, "%s", _("This date cannot be in the future."));
	if (!v->staff_id)
		check_add(c, "staff", false, "%s", _("This field is required."));
	if (!v->method_id)
		check_add(c, "method", false, "%s", _("This field is required."));
	if (!v->purpose_id)
		check_add(c, "purpose", false, "%s", _("This field is required."));
	if (date_field(c, "next_visit_date", &v->next_visit_date, today) && *v->next_visit_date &&
	    *v->visit_date && strcmp(v->next_visit_date, v->visit_date) <= 0)
		check_add(c, "next_visit_date", false, "%s", _("The next visit comes after this one."));
	if (text_chars(v->findings) > 2000)
		check_add(c, "findings", false, _("Too long: at most %d characters."), 2000);
	if (text_chars(v->needs) > 1000)
		check_add(c, "needs", false, _("Too long: at most %d characters."), 1000);
	if (!v->follow_up)
		v->follow_up_done = false;
}

enum db_status reg_vocab(struct reg *r, enum vocab_kind kind, bool all, struct vocab **out, int *n)
{
	return db_vocab(r->db, kind, all, out, n);
}

int64_t reg_staff_of_user(struct reg *r)
{
	/* The member signed in, who need not be the OS login's (a shared
	 * desk, F12). */
	return r->acc.staff_id ? r->acc.staff_id : db_staff_of_user(r->db);
}

enum db_status reg_vocab_add(struct reg *r, enum vocab_kind kind, const char *name)
{
	enum db_status s = reg_allow(r, P_ADMIN);
	return s == DB_OK ? db_vocab_add(r->db, kind, name, NULL) : s;
}

enum db_status reg_vocab_rename(struct reg *r, enum vocab_kind kind, int64_t id, const char *name)
{
	enum db_status s = reg_allow(r, P_ADMIN);
	return s == DB_OK ? db_vocab_rename(r->db, kind, id, name) : s;
}

enum db_status reg_vocab_set_active(struct reg *r, enum vocab_kind kind, int64_t id, bool active)
{
	enum db_status s = reg_allow(r, P_ADMIN);
	return s == DB_OK ? db_vocab_set_active(r->db, kind, id, active) : s;
}

enum db_status reg_tag_set_interval(struct reg *r, int64_t tag, int days)
{
	enum db_status s = reg_allow(r, P_ADMIN);
	return s == DB_OK ? db_tag_set_interval(r->db, tag, days) : s;
}

/* A visit of a household the one signed in may see, read for p. */
static enum db_status visit_for(struct reg *r, enum perm p, int64_t id, struct visit_rec *out)
{
	enum db_status s = db_visit_get(r->db, id, out);
	return s == DB_OK ? reg_allow_household(r, p, out->household_id) : s;
}

enum db_status reg_visit(struct reg *r, int64_t id, struct visit_rec *out)
{
	return visit_for(r, P_REGISTER_READ, id, out);
}

enum db_status reg_visit_save(struct reg *r, struct visit_rec *v)
{
	enum db_status s = reg_allow_household(r, P_VISIT_WRITE, v->household_id);
	if (s == DB_OK && v->id) { /* and the visit stays with its household */
		struct visit_rec was;
		visit_rec_init(&was);
		s = visit_for(r, P_VISIT_WRITE, v->id, &was);
		if (s == DB_OK && was.household_id != v->household_id)
			s = DB_ERR_NOTFOUND;
		visit_rec_free(&was);
	}
	return s == DB_OK ? db_visit_save(r->db, v) : s;
}

enum db_status reg_visit_delete(struct reg *r, int64_t id, int64_t version)
{
	struct visit_rec was;
	visit_rec_init(&was);
	enum db_status s = visit_for(r, P_VISIT_WRITE, id, &was);
	visit_rec_free(&was);
	return s == DB_OK ? db_visit_delete(r->db, id, version) : s;
}

enum db_status reg_visit_followed(struct reg *r, int64_t id)
{
	struct visit_rec v;
	visit_rec_init(&v);
	enum db_status s = visit_for(r, P_VISIT_WRITE, id, &v);
	if (s == DB_OK && v.follow_up && !v.follow_up_done) {
		v.follow_up_done = true;
		s = db_visit_save(r->db, &v);
	}
	visit_rec_free(&v);
	return s;
}

enum db_status reg_visit_page(struct reg *r, const struct visit_filter *f, const struct visit_row *from,
			      int dir, bool inclusive, int limit, struct visit_row *out, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_visit_page(r->db, f, from, dir, inclusive, limit, out, n) : s;
}

enum db_status reg_visit_count(struct reg *r, const struct visit_filter *f, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_visit_count(r->db, f, n) : s;
}

enum db_status reg_household_visits(struct reg *r, int64_t household_id, const char *today, int limit,
				    struct visit_row **out, int *n, char **last, char **due)
{
	*out = NULL;
	*n = 0;
	*last = *due = NULL;
	enum db_status s = reg_allow_household(r, P_REGISTER_READ, household_id);
	if (s != DB_OK) {
		*last = x_strdup("");
		*due = x_strdup("");
		return s;
	}
	return db_household_visits(r->db, household_id, today, limit, out, n, last, due);
}

enum plan_state visit_plan_state(const char *plan, const char *today)
{
	char missed[11];
	if (!plan || !*plan || !date_add(today, -PLAN_MISSED_DAYS, missed))
		return PLAN_NONE;
	if (strcmp(plan, today) > 0)
		return PLAN_UPCOMING;
	return strcmp(plan, missed) < 0 ? PLAN_MISSED : PLAN_DUE;
}

void today_query_init(struct today_query *q, const char *today, int64_t grid, int64_t tag)
{
	memset(q, 0, sizeof *q);
	snprintf(q->today, sizeof q->today, "%s", today);
	/* The first day a plan is not missed on (visit_plan_state). */
	if (!date_add(today, -PLAN_MISSED_DAYS, q->missed_before))
		snprintf(q->missed_before, sizeof q->missed_before, "%s", today);
	q->grid = grid;
	q->tag = tag;
	q->short_days = SHORT_INTERVAL_DAYS;
}

enum db_status reg_household_plan(struct reg *r, int64_t household_id, const char *today, char **plan,
				  enum plan_state *state)
{
	*state = PLAN_NONE;
	enum db_status s = reg_allow_household(r, P_REGISTER_READ, household_id);
	if (s != DB_OK) {
		*plan = x_strdup("");
		return s;
	}
	s = db_household_plan(r->db, household_id, plan);
	if (s == DB_OK)
		*state = visit_plan_state(*plan, today);
	return s;
}

enum db_status reg_today_count(struct reg *r, const struct today_query *q, int counts[TODAY_LISTS])
{
	memset(counts, 0, TODAY_LISTS * sizeof *counts);
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_today_count(r->db, q, counts) : s;
}

enum db_status reg_today_page(struct reg *r, const struct today_query *q, enum today_list list,
			      const struct today_row *from, int dir, bool inclusive, int limit, struct today_row *out,
			      int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	struct today_query mine = *q;
	mine.sensitive = r->show_sensitive;
	return s == DB_OK ? db_today_page(r->db, &mine, list, from, dir, inclusive, limit, out, n) : s;
}

enum db_status reg_today_find(struct reg *r, const struct today_query *q, enum today_list list, int64_t hid,
			      int64_t vid, struct today_row *out)
{
	memset(out, 0, sizeof *out);
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	struct today_query mine = *q;
	mine.sensitive = r->show_sensitive;
	return s == DB_OK ? db_today_find(r->db, &mine, list, hid, vid, out) : s;
}

enum db_status reg_today(struct reg *r, const char *today, int64_t grid, int64_t tag, int limit,
			 struct today *out)
{
	memset(out, 0, sizeof *out);
	struct today_query q;
	today_query_init(&q, today, grid, tag);
	int counts[TODAY_LISTS];
	enum db_status s = reg_today_count(r, &q, counts);
	struct today_row **rows[TODAY_LISTS] = { &out->planned, &out->missed, &out->followups, &out->overdue };
	int *n[TODAY_LISTS] = { &out->n_planned, &out->n_missed, &out->n_followups, &out->n_overdue };
	for (int l = 0; l < TODAY_LISTS; l++) {
		*rows[l] = x_calloc((size_t)(limit > 0 ? limit : 1), sizeof **rows[l]);
		if (s == DB_OK && limit > 0)
			s = reg_today_page(r, &q, (enum today_list)l, NULL, 1, false, limit, *rows[l], n[l]);
	}
	if (s != DB_OK) {
		today_free(out);
		return s;
	}
	out->all_planned = counts[TODAY_PLANNED];
	out->all_missed = counts[TODAY_MISSED];
	out->all_followups = counts[TODAY_FOLLOWUP];
	out->all_overdue = counts[TODAY_OVERDUE];
	return DB_OK;
}
