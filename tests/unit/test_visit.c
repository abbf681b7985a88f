/* Unit tests: when a household is due for a visit (several tags with
 * different intervals, never visited, a visit dated in the future, a
 * tag given after the last visit, an interval changed), the Today lists
 * (planned, missed, the most urgent first, paged either way), and
 * checking and saving visits. */
#include "cm.h"

#include "core/i18n.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-22"

static char path[] = "/tmp/juwei-visit-test-XXXXXX";
static struct db *db;
static struct reg reg;

/* Households 1-5 (rooms 101-105), each with a head (resident id = household id). */
static int setup(void **state)
{
	(void)state;
	setenv("JUWEI_TODAY", TODAY, 1); /* juwei_today() in the triggers */
	if (!dbtest_create(path, &db))
		return -1;
	if (db_exec(db,
		"INSERT INTO grid(code, name) VALUES ('01', '第一网格');"
		"INSERT INTO staff(name, role, os_login) VALUES ('李社工', '社工', 'clerk');"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)"
		" INSERT INTO dwelling(grid_id, compound, building, unit, room)"
		" SELECT 1, '幸福里小区', '1', '1', CAST(100 + i AS TEXT) FROM n;"
		"INSERT INTO household(dwelling_id) SELECT id FROM dwelling;"
		"INSERT INTO resident(household_id, name, relation) SELECT id, '户主' || id, '户主' FROM household;")
	    != DB_OK)
		return -1;
	reg_init(&reg, db);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&reg);
	dbtest_destroy(path, &db);
	return 0;
}

static void exec(const char *sql)
{
	if (db_exec(db, sql) != DB_OK)
		fail_msg("%s: %s", sql, db_errmsg(db));
}

static int64_t tag(const char *name)
{
	char *sql = x_asprintf("SELECT id FROM tag WHERE name = '%s'", name);
	int id = query_int(db, sql);
	x_free(&sql);
	return id;
}

static void visit(int64_t hh, const char *date)
{
	struct visit_rec v;
	visit_rec_init(&v);
	v.household_id = hh;
	v.staff_id = 1;
	v.method_id = 1;
	v.purpose_id = 1;
	x_free(&v.visit_date);
	v.visit_date = x_strdup(date);
	if (reg_visit_save(&reg, &v) != DB_OK)
		fail_msg("visit %s: %s", date, db_errmsg(db));
	visit_rec_free(&v);
}

/* The due date kept for a household ("-" when it has no rhythm). */
static char *due(int64_t hh)
{
	struct visit_row *rows;
	int n;
	char *last, *d;
	assert_int_equal(reg_household_visits(&reg, hh, TODAY, 5, &rows, &n, &last, &d), DB_OK);
	for (int i = 0; i < n; i++)
		visit_row_free(&rows[i]);
	x_free(&rows);
	x_free(&last);
	if (!*d) {
		x_free(&d);
		d = x_strdup("-");
	}
	return d;
}

static bool overdue(int64_t hh, int *days)
{
	struct today t;
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	bool yes = false;
	for (int i = 0; i < t.n_overdue; i++)
		if (t.overdue[i].household_id == hh) {
			yes = true;
			if (days)
				*days = t.overdue[i].days;
		}
	today_free(&t);
	return yes;
}

#define DUE(hh, want) do { char *d_ = due(hh); assert_string_equal(d_, want); x_free(&d_); } while (0)

static void the_due_rule(void **state)
{
	(void)state;
	int days;
	/* No tags: no rhythm, never overdue. */
	DUE(5, "-");
	assert_false(overdue(5, NULL));

	/* Household 1: 低保户 (30 days) on the household and 独居老人
	 * (7 days) on its head; the shortest interval wins. */
	char *sql = x_asprintf("INSERT INTO household_tag(household_id, tag_id, since) VALUES (1, %d, '2026-01-01');"
			       "INSERT INTO resident_tag(resident_id, tag_id, since) VALUES (1, %d, '2026-01-01');",
			       (int)tag("低保户"), (int)tag("独居老人"));
	exec(sql);
	x_free(&sql);
	/* Never visited: overdue, listed first. */
	assert_true(overdue(1, &days));
	assert_int_equal(days, -1);
	visit(1, "2026-11-10");
	DUE(1, "2026-11-17");
	assert_true(overdue(1, &days));
	assert_int_equal(days, 5);

	/* Household 2: a visit dated in the future does not count. */
	sql = x_asprintf("INSERT INTO household_tag(household_id, tag_id, since) VALUES (2, %d, '2026-01-01');",
			 (int)tag("低保户"));
	exec(sql);
	x_free(&sql);
	visit(2, "2026-10-01");
	exec("INSERT INTO visit(household_id, visit_date, method_id, purpose_id) VALUES (2, '2026-12-01', 1, 1)");
	DUE(2, "2026-10-31");
	assert_true(overdue(2, &days));
	assert_int_equal(days, 22);

	/* Household 3: a tag given after the last visit counts from the
	 * day it was given. */
	visit(3, "2026-06-01");
	DUE(3, "-");
	sql = x_asprintf("INSERT INTO resident_tag(resident_id, tag_id, since) VALUES (3, %d, '2026-11-20');",
			 (int)tag("重度残疾"));
	exec(sql);
	x_free(&sql);
	DUE(3, "2026-12-04");
	assert_false(overdue(3, NULL));

	/* A longer interval for 独居老人 moves household 1 to 低保户's 30 days. */
	/* Intervals are the 主任's to set. */
	assert_int_equal(reg_tag_set_interval(&reg, tag("独居老人"), 30), DB_ERR_DENIED);
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
	assert_int_equal(reg_tag_set_interval(&reg, tag("独居老人"), 30), DB_OK);
	DUE(1, "2026-12-10");
	assert_false(overdue(1, NULL));
	assert_int_equal(reg_tag_set_interval(&reg, tag("独居老人"), 7), DB_OK);
	assert_true(overdue(1, NULL));

	/* A visit today takes a household off the list. */
	visit(1, TODAY);
	assert_false(overdue(1, NULL));
	/* Moving out the only resident: the household is not due any more. */
	exec("UPDATE resident SET status = '迁出', status_date = '2026-11-21', moved_to = '北京' WHERE id = 1");
	exec("UPDATE household SET status = '已迁出' WHERE id = 1");
	DUE(1, "-");
}

static void planned_and_follow_ups(void **state)
{
	(void)state;
	struct visit_rec v;
	visit_rec_init(&v);
	v.household_id = 4;
	v.staff_id = 1;
	v.method_id = 1;
	v.purpose_id = 2;
	x_free(&v.visit_date);
	v.visit_date = x_strdup("2026-11-01");
	x_free(&v.next_visit_date);
	v.next_visit_date = x_strdup(TODAY);
	v.follow_up = true;
	x_free(&v.needs);
	v.needs = x_strdup("需要协助办理低保");
	assert_int_equal(reg_visit_save(&reg, &v), DB_OK);
	struct today t;
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 10, &t), DB_OK);
	assert_int_equal(t.all_planned, 1);
	assert_int_equal(t.planned[0].household_id, 4);
	assert_int_equal(t.all_followups, 1);
	assert_non_null(strstr(t.followups[0].detail, "需要协助办理低保"));
	today_free(&t);
	/* Done: the follow-up is marked, and a visit today does the plan. */
	assert_int_equal(reg_visit_followed(&reg, v.id), DB_OK);
	visit(4, TODAY);
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 10, &t), DB_OK);
	assert_int_equal(t.all_planned, 0);
	assert_int_equal(t.all_followups, 0);
	today_free(&t);
	/* A stale save is a conflict; deleting needs the version read. */
	struct visit_rec stale;
	visit_rec_init(&stale);
	assert_int_equal(reg_visit(&reg, v.id, &stale), DB_OK);
	stale.version = 1;
	assert_int_equal(reg_visit_save(&reg, &stale), DB_ERR_CONFLICT);
	assert_int_equal(reg_visit_delete(&reg, v.id, 1), DB_ERR_CONFLICT);
	assert_int_equal(reg_visit(&reg, v.id, &stale), DB_OK);
	assert_int_equal(reg_visit_delete(&reg, v.id, stale.version), DB_OK);
	assert_int_equal(reg_visit(&reg, v.id, &stale), DB_ERR_NOTFOUND);
	visit_rec_free(&stale);
	visit_rec_free(&v);
}

/* Household `hh` (room `room`, with a head) added to the register. */
static void household(int hh, int room)
{
	char *sql = x_asprintf("INSERT INTO dwelling(id, grid_id, compound, building, unit, room)"
			       " VALUES (%d, 1, '幸福里小区', '1', '1', '%d');"
			       "INSERT INTO household(id, dwelling_id) VALUES (%d, %d);"
			       "INSERT INTO resident(household_id, name, relation) VALUES (%d, '户主%d', '户主');",
			       hh, room, hh, hh, hh, hh);
	exec(sql);
	x_free(&sql);
}

/* Tag name on the head of household hh, given long ago. */
static void tag_head(int hh, const char *name)
{
	char *sql = x_asprintf("INSERT INTO resident_tag(resident_id, tag_id, since)"
			       " SELECT r.id, %d, '2026-01-01' FROM resident r WHERE r.household_id = %d",
			       (int)tag(name), hh);
	exec(sql);
	x_free(&sql);
}

static void planned_visit(int64_t hh, const char *date, const char *plan)
{
	struct visit_rec v;
	visit_rec_init(&v);
	v.household_id = hh;
	v.staff_id = v.method_id = v.purpose_id = 1;
	x_free(&v.visit_date);
	v.visit_date = x_strdup(date);
	x_free(&v.next_visit_date);
	v.next_visit_date = x_strdup(plan);
	if (reg_visit_save(&reg, &v) != DB_OK)
		fail_msg("visit %s: %s", date, db_errmsg(db));
	visit_rec_free(&v);
}

static bool listed(const struct today_row *rows, int n, int64_t hh)
{
	for (int i = 0; i < n; i++)
		if (rows[i].household_id == hh)
			return true;
	return false;
}

static enum plan_state plan_of(int64_t hh, const char *want)
{
	char *plan;
	enum plan_state ps;
	assert_int_equal(reg_household_plan(&reg, hh, TODAY, &plan, &ps), DB_OK);
	assert_string_equal(plan, want);
	x_free(&plan);
	return ps;
}

/* A visit's next date plans the next visit: upcoming, due from its day
 * for a week (今日计划走访), missed after that (已错过); a later visit
 * ends it. */
static void plans_due_and_missed(void **state)
{
	(void)state;
	assert_int_equal(visit_plan_state("", TODAY), PLAN_NONE);
	assert_int_equal(visit_plan_state("2026-11-23", TODAY), PLAN_UPCOMING);
	assert_int_equal(visit_plan_state(TODAY, TODAY), PLAN_DUE);
	assert_int_equal(visit_plan_state("2026-11-15", TODAY), PLAN_DUE);    /* a week ago */
	assert_int_equal(visit_plan_state("2026-11-14", TODAY), PLAN_MISSED); /* eight days */
	assert_int_equal(visit_plan_state("2026-02-28", "2026-03-07"), PLAN_DUE);
	assert_int_equal(visit_plan_state("2026-02-27", "2026-03-07"), PLAN_MISSED);

	household(6, 201);
	household(7, 202);
	household(8, 203);
	planned_visit(6, "2026-11-10", "2026-12-10");
	planned_visit(7, "2026-11-01", "2026-11-20");
	planned_visit(8, "2026-10-01", "2026-11-01");
	assert_int_equal(plan_of(6, "2026-12-10"), PLAN_UPCOMING);
	assert_int_equal(plan_of(7, "2026-11-20"), PLAN_DUE);
	assert_int_equal(plan_of(8, "2026-11-01"), PLAN_MISSED);

	struct today t;
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	assert_true(listed(t.planned, t.n_planned, 7));
	assert_false(listed(t.missed, t.n_missed, 7));
	assert_true(listed(t.missed, t.n_missed, 8));
	assert_false(listed(t.planned, t.n_planned, 8));
	assert_false(listed(t.planned, t.n_planned, 6));
	assert_false(listed(t.missed, t.n_missed, 6));
	assert_int_equal(t.all_planned, t.n_planned);
	assert_int_equal(t.all_missed, t.n_missed);
	for (int i = 0; i < t.n_planned; i++)
		if (t.planned[i].household_id == 7)
			assert_string_equal(t.planned[i].detail, "2026-11-20");
	today_free(&t);

	/* A visit without a plan ends the one before. */
	visit(8, TODAY);
	assert_int_equal(plan_of(8, ""), PLAN_NONE);
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	assert_false(listed(t.missed, t.n_missed, 8));
	today_free(&t);
}

/* Where household hh is in the overdue list (-1: not there). */
static int place_of(const struct today *t, int64_t hh)
{
	for (int i = 0; i < t->n_overdue; i++)
		if (t->overdue[i].household_id == hh)
			return i;
	return -1;
}

/* The overdue list: never visited first, then sensitive or short-
 * interval tags, then the longest overdue; paged either way it is the
 * same list. */
static void the_most_urgent_first(void **state)
{
	(void)state;
	/* Who sees sensitive tags goes by the staff member signed in. */
	exec("INSERT INTO staff(name, role, os_login) VALUES ('王主任', '主任', '主任'), ('杨街道', '街道查看', '街道查看'),"
	     " ('赵调解', '调解员', '调解员')");
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
	for (int hh = 9; hh <= 14; hh++)
		household(hh, 300 + hh);
	tag_head(9, "低保户");     /* 30 days, never visited */
	tag_head(10, "独居老人");  /* 7 days, never visited */
	tag_head(11, "社区矫正");  /* sensitive */
	visit(11, "2026-10-01");
	tag_head(12, "低保户");
	visit(12, "2026-09-01");
	tag_head(13, "低保户");
	visit(13, "2026-10-10");
	tag_head(14, "空巢老人");  /* 14 days */
	visit(14, "2026-11-01");

	struct today t;
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	const int64_t want[] = { 10, 9, 11, 14, 12, 13 };
	for (size_t i = 1; i < ARRAY_SIZE(want); i++) {
		assert_true(place_of(&t, want[i - 1]) >= 0);
		assert_true(place_of(&t, want[i - 1]) < place_of(&t, want[i]));
	}
	assert_int_equal(t.overdue[place_of(&t, 10)].rank, 0);
	assert_int_equal(t.overdue[place_of(&t, 11)].rank, 2);
	assert_int_equal(t.overdue[place_of(&t, 13)].rank, 3);
	assert_int_equal(t.n_overdue, t.all_overdue);

	/* Paged two at a time, forwards and backwards: the same rows. */
	struct today_query q;
	today_query_init(&q, TODAY, 0, 0);
	struct today_row page[2], last;
	int n, at = 0;
	memset(&last, 0, sizeof last);
	for (bool first = true;; first = false) {
		assert_int_equal(reg_today_page(&reg, &q, TODAY_OVERDUE, first ? NULL : &last, 1, false, 2, page, &n),
				 DB_OK);
		if (!first)
			today_row_free(&last);
		for (int i = 0; i < n; i++, at++)
			assert_int_equal(page[i].household_id, t.overdue[at].household_id);
		if (n == 0)
			break;
		today_row_copy(&last, &page[n - 1]);
		for (int i = 0; i < n; i++)
			today_row_free(&page[i]);
	}
	assert_int_equal(at, t.n_overdue);
	for (bool first = true;; first = false) {
		assert_int_equal(reg_today_page(&reg, &q, TODAY_OVERDUE, first ? NULL : &last, -1, false, 2, page, &n),
				 DB_OK);
		if (!first)
			today_row_free(&last);
		for (int i = n - 1; i >= 0; i--)
			assert_int_equal(page[i].household_id, t.overdue[--at].household_id);
		if (n == 0)
			break;
		today_row_copy(&last, &page[0]);
		for (int i = 0; i < n; i++)
			today_row_free(&page[i]);
	}
	assert_int_equal(at, 0);
	/* A household is found in its place. */
	struct today_row r;
	assert_int_equal(reg_today_find(&reg, &q, TODAY_OVERDUE, 14, 0, &r), DB_OK);
	assert_int_equal(r.rank, 2);
	today_row_free(&r);
	assert_int_equal(reg_today_find(&reg, &q, TODAY_OVERDUE, 5, 0, &r), DB_ERR_NOTFOUND);
	today_free(&t);

	/* Who may not see sensitive tags is not shown the order they make. */
	dbtest_as(&reg, ROLE_STREET, NULL, 0);
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	assert_int_equal(t.overdue[place_of(&t, 11)].rank, 3);
	assert_true(place_of(&t, 14) < place_of(&t, 11));
	today_free(&t);
	/* Nor a 调解员 (README's table of roles): the rule is core's, the
	 * one the signed-in member's role gives, not a second one in db/. */
	dbtest_as(&reg, ROLE_MEDIATOR, NULL, 0);
	assert_int_equal(reg_today(&reg, TODAY, 0, 0, 100, &t), DB_OK);
	assert_int_equal(t.overdue[place_of(&t, 11)].rank, 3);
	assert_null(strstr(t.overdue[place_of(&t, 11)].tags, "社区矫正"));
	today_free(&t);
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
}

static void checking_a_visit(void **state)
{
	(void)state;
	struct visit_rec v;
	struct check c;
	visit_rec_init(&v);
	x_free(&v.visit_date);
	v.visit_date = x_strdup("明天");
	x_free(&v.next_visit_date);
	v.next_visit_date = x_strdup("11-01");
	visit_check(&v, TODAY, &c);
	assert_false(check_ok(&c));
	assert_non_null(check_find(&c, "visit_date"));  /* in the future */
	assert_non_null(check_find(&c, "method"));
	assert_non_null(check_find(&c, "purpose"));
	assert_non_null(check_find(&c, "staff"));
	assert_non_null(check_find(&c, "next_visit_date"));  /* before the visit */
	assert_string_equal(v.next_visit_date, "2026-11-01");
	check_free(&c);
	x_free(&v.visit_date);
	v.visit_date = x_strdup("t");
	v.staff_id = v.method_id = v.purpose_id = 1;
	x_free(&v.next_visit_date);
	v.next_visit_date = x_strdup("");
	visit_check(&v, TODAY, &c);
	assert_true(check_ok(&c));
	assert_string_equal(v.visit_date, TODAY);
	check_free(&c);
	visit_rec_free(&v);
}

/* A visit's 走访人 to start with is whoever is signed in, not the staff
 * member of the OS login (a shared desk, F12 switches). */
static void the_visitor_is_who_is_signed_in(void **state)
{
	(void)state;
	exec("INSERT INTO staff(name, role) VALUES ('周网格', '网格员')");
	int64_t zhou = 0, li = 0;
	struct access a;
	memset(&a, 0, sizeof a);
	reg_set_access(&reg, &a, "clerk");
	li = reg_staff_of_user(&reg);
	assert_true(li > 0); /* nobody signed in: the login's member, 李社工 */
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM staff WHERE name = '周网格'");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	zhou = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	a.staff_id = zhou;
	a.role = ROLE_GRID;
	reg_set_access(&reg, &a, "clerk");
	assert_int_equal(reg_staff_of_user(&reg), zhou);
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_due_rule),
		cmocka_unit_test(planned_and_follow_ups),
		cmocka_unit_test(plans_due_and_missed),
		cmocka_unit_test(the_most_urgent_first),
		cmocka_unit_test(checking_a_visit),
		cmocka_unit_test(the_visitor_is_who_is_signed_in),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
