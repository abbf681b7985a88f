/* Unit tests: the states of a mediation case (every allowed and every
 * refused move, what each needs), day counting across month and year
 * ends, and case numbers when two sessions create cases at once. */
#include "cm.h"

#include "core/i18n.h"
#include "core/mediation.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const allowed[][2] = {
	{ "受理", "调解中" }, { "调解中", "调解成功" }, { "调解中", "调解不成功" }, { "调解中", "终止" },
	{ "调解成功", "履行中" }, { "履行中", "已回访" }, { "已回访", "结案" },
	{ "调解不成功", "结案" }, { "终止", "结案" },
};

static bool listed(const char *from, const char *to)
{
	for (size_t i = 0; i < ARRAY_SIZE(allowed); i++)
		if (strcmp(allowed[i][0], from) == 0 && strcmp(allowed[i][1], to) == 0)
			return true;
	return false;
}

static void every_move(void **state)
{
	(void)state;
	int yes = 0;
	for (int i = 0; i < CASE_STATES; i++) {
		const char *out[CASE_STATES + 1];
		int n = case_moves(case_states[i], out);
		int want = 0;
		for (int j = 0; j < CASE_STATES; j++) {
			bool a = case_move_allowed(case_states[i], case_states[j]);
			if (a != listed(case_states[i], case_states[j]))
				fail_msg("%s → %s: %s", case_states[i], case_states[j], a ? "allowed" : "refused");
			want += a;
			yes += a;
		}
		assert_int_equal(n, want);
	}
	assert_int_equal(yes, (int)ARRAY_SIZE(allowed));
	assert_false(case_move_allowed("结案", "受理"));
	assert_false(case_move_allowed("不存在", "结案"));
	assert_false(case_move_allowed(NULL, "结案"));
}

static void what_a_move_needs(void **state)
{
	(void)state;
	struct check c;
	struct case_move m = { "调解中", "调解成功", "2026-11-20", NULL, NULL, NULL, NULL };
	case_check_move(&m, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "agreement"));
	assert_non_null(check_find(&c, "perform_manner"));
	assert_non_null(check_find(&c, "perform_deadline"));
	check_free(&c);
	m.agreement = "甲方赔偿乙方 500 元";
	m.manner = "一次性现金支付";
	m.deadline = "2026-11-30";
	case_check_move(&m, "2026-11-01", "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* Dates: not in the future, not before acceptance. */
	m.date = "2026-11-23";
	case_check_move(&m, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "date"));
	check_free(&c);
	m.date = "2026-10-31";
	case_check_move(&m, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "date"));
	check_free(&c);
	/* Closing after 终止 says where the matter went. */
	struct case_move close = { "终止", "结案", "2026-11-22", NULL, NULL, NULL, NULL };
	case_check_move(&close, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "referred_to"));
	check_free(&c);
	close.referred_to = "诉讼";
	case_check_move(&close, "2026-11-01", "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* A refused move says so. */
	struct case_move bad = { "受理", "结案", "2026-11-22", NULL, NULL, NULL, NULL };
	case_check_move(&bad, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "to"));
	check_free(&c);
}

static void days_and_the_limit(void **state)
{
	(void)state;
	assert_int_equal(case_day("2026-11-22", "2026-11-22"), 1);
	assert_int_equal(case_day("2026-01-31", "2026-02-01"), 2);   /* month end */
	assert_int_equal(case_day("2025-12-31", "2026-01-01"), 2);   /* year end */
	assert_int_equal(case_day("2024-02-28", "2024-03-01"), 3);   /* leap day */
	assert_int_equal(case_day("2026-02-28", "2026-03-01"), 2);
	assert_int_equal(case_limit_of("调解中", "2026-11-01", "2026-11-24"), CASE_IN_TIME); /* day 24 */
	assert_int_equal(case_limit_of("调解中", "2026-11-01", "2026-11-25"), CASE_WARN);    /* day 25 */
	assert_int_equal(case_limit_of("受理", "2026-11-01", "2026-11-30"), CASE_WARN);      /* day 30 */
	assert_int_equal(case_limit_of("受理", "2026-11-01", "2026-12-01"), CASE_OVERDUE);   /* day 31 */
	assert_int_equal(case_limit_of("结案", "2026-01-01", "2026-12-01"), CASE_IN_TIME);   /* closed */
	char *no = case_number(2026, "幸福里", 12);
	assert_string_equal(no, "（2026）幸福里人调字第12号");
	x_free(&no);
}

static char path[] = "/tmp/juwei-mediation-test-XXXXXX";

static int64_t new_case(struct db *db, struct reg *r, const char *date, char **no)
{
	struct case_new c = { date, "当事人申请", "邻居漏水", "赔偿", 1, 0, 0 };
	int64_t id;
	assert_int_equal(reg_case_create(r, &c, &id, no), DB_OK);
	(void)db;
	return id;
}

static void numbering_two_sessions_at_once(void **state)
{
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct db *db;
	assert_int_equal(db_open(path, "clerk", DB_OPEN_CREATE, &db, NULL), DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO community(name, short_name) VALUES ('幸福里社区居民委员会', '幸福里')"),
			 DB_OK);
	struct reg r;
	reg_init(&r, db);
	char *no;
	new_case(db, &r, "2025-12-30", &no);
	assert_string_equal(no, "（2025）幸福里人调字第1号");
	x_free(&no);
	db_close(&db);
	/* Two processes, each its own connection, 25 cases each. */
	pid_t kids[2];
	for (int k = 0; k < 2; k++) {
		kids[k] = fork();
		if (kids[k] == 0) {
			struct db *d;
			if (db_open(path, k ? "second" : "first", 0, &d, NULL) != DB_OK)
				_exit(1);
			struct reg rr;
			reg_init(&rr, d);
			int bad = 0;
			for (int i = 0; i < 25; i++) {
				struct case_new c = { "2026-03-01", "主动排查", NULL, NULL, 1, 0, 0 };
				int64_t id;
				char *n = NULL;
				bad += reg_case_create(&rr, &c, &id, &n) != DB_OK;
				x_free(&n);
			}
			reg_free(&rr);
			db_close(&d);
			_exit(bad ? 2 : 0);
		}
	}
	for (int k = 0; k < 2; k++) {
		int st;
		assert_int_equal(waitpid(kids[k], &st, 0), kids[k]);
		assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	}
	assert_int_equal(db_open(path, "clerk", 0, &db, NULL), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE year = 2026"), 50);
	assert_int_equal(query_int(db, "SELECT count(DISTINCT seq) FROM mediation_case WHERE year = 2026"), 50);
	assert_int_equal(query_int(db, "SELECT max(seq) FROM mediation_case WHERE year = 2026"), 50);
	assert_int_equal(query_int(db, "SELECT count(DISTINCT case_no) FROM mediation_case"), 51);
	/* Numbers run per year: 2025 kept its own. */
	assert_int_equal(query_int(db, "SELECT max(seq) FROM mediation_case WHERE year = 2025"), 1);

	/* A move with the version read; a stale one is a conflict. */
	reg_init(&r, db);
	struct check c;
	struct case_move_rec m = { 2, 1, 0, "受理", "调解中", "2026-03-02", NULL, NULL, NULL, NULL };
	assert_int_equal(reg_case_move(&r, &m, "2026-03-01", "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	check_free(&c);
	assert_int_equal(reg_case_move(&r, &m, "2026-03-01", "2026-11-22", &c), DB_ERR_CONFLICT);
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_event WHERE case_id = 2 AND kind = '状态变更'"
				       " AND from_state = '受理' AND to_state = '调解中'"), 1);
	/* A refused move writes nothing. */
	struct case_move_rec skip = { 2, 2, 0, "调解中", "结案", "2026-03-03", NULL, NULL, NULL, NULL };
	assert_int_equal(reg_case_move(&r, &skip, "2026-03-01", "2026-11-22", &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE id = 2 AND state = '调解中'"), 1);
	reg_free(&r);
	db_close(&db);
	dbtest_remove(path);
}

int main(void)
{
	i18n_init("zh_CN");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_move),
		cmocka_unit_test(what_a_move_needs),
		cmocka_unit_test(days_and_the_limit),
		cmocka_unit_test(numbering_two_sessions_at_once),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_free();
	return rc;
}
