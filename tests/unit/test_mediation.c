/* Unit tests: the states of a mediation case (every allowed and every
 * refused move, what each needs), day counting across month and year
 * ends, and case numbers when two sessions create cases at once. */
#include "cm.h"

#include "core/document.h"
#include "core/i18n.h"
#include "core/mediation.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/mediation.h"
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
	struct case_move m = { "调解中", "调解成功", "2026-11-20", NULL, NULL, NULL, NULL, NULL };
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
	struct case_move close = { "终止", "结案", "2026-11-22", NULL, NULL, NULL, NULL, NULL };
	case_check_move(&close, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "referred_to"));
	check_free(&c);
	close.referred_to = "诉讼";
	case_check_move(&close, "2026-11-01", "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* A refused move says so. */
	struct case_move bad = { "受理", "结案", "2026-11-22", NULL, NULL, NULL, NULL, NULL };
	case_check_move(&bad, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "to"));
	check_free(&c);
	/* 已回访 only after a follow-up visit, and not dated before it. */
	struct case_move seen = { "履行中", "已回访", "2026-11-21", NULL, NULL, NULL, NULL, NULL };
	case_check_move(&seen, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "to"));
	assert_non_null(strstr(check_find(&c, "to")->message, "回访"));
	check_free(&c);
	seen.followup = "2026-11-22";
	case_check_move(&seen, "2026-11-01", "2026-11-22", &c);
	assert_non_null(check_find(&c, "date"));
	check_free(&c);
	seen.date = "2026-11-22";
	case_check_move(&seen, "2026-11-01", "2026-11-22", &c);
	assert_true(check_ok(&c));
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


/* A party from outside the register, borrowed strings. */
static struct case_party outside(const char *role, const char *name)
{
	struct case_party p = { .role = (char *)role, .name = (char *)name, .age = -1 };
	return p;
}

static bool has(const struct check *c, const char *field)
{
	return check_find(c, field) != NULL;
}

static void what_a_new_case_needs(void **state)
{
	(void)state;
	struct check c = { 0 };
	struct case_new n = { "2026-11-20", "当事人申请", "楼上漏水", NULL, 3, 0, 0 };
	struct case_party two[2] = { outside("申请人", "王大妈"), outside("被申请人", "李四") };
	case_check_new(&n, two, 2, "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* Only an applicant: the respondent is missing, and said so. */
	case_check_new(&n, two, 1, "2026-11-22", &c);
	assert_true(has(&c, "respondent"));
	assert_false(has(&c, "applicant"));
	check_free(&c);
	case_check_new(&n, NULL, 0, "2026-11-22", &c);
	assert_true(has(&c, "applicant") && has(&c, "respondent"));
	check_free(&c);
	/* A dispute the committee found itself needs no parties yet. */
	n.source = "主动排查";
	case_check_new(&n, NULL, 0, "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* A date in the future, an unknown source, no type, no summary. */
	struct case_new bad = { "2026-11-23", "路过", "", NULL, 0, 0, 0 };
	case_check_new(&bad, two, 2, "2026-11-22", &c);
	assert_true(has(&c, "accepted_date") && has(&c, "source") && has(&c, "type") && has(&c, "summary"));
	check_free(&c);
}

static void what_a_party_needs(void **state)
{
	(void)state;
	struct check c = { 0 };
	struct case_party p = outside("申请人", NULL);
	case_party_check(&p, &c);
	assert_true(has(&c, "name"));
	check_free(&c);
	p.role = "证人";
	p.name = x_strdup("  欧阳娜娜　");
	p.id_number = x_strdup("11010519491231002x");
	p.phone = x_strdup("138 0013 8000");
	p.age = 200;
	case_party_check(&p, &c);
	assert_true(has(&c, "role") && has(&c, "age"));
	assert_string_equal(p.name, "欧阳娜娜");
	assert_string_equal(p.id_number, "11010519491231002X");
	assert_string_equal(p.phone, "13800138000");
	check_free(&c);
	assert_string_equal(p.sex, "女"); /* from the ID number */
	x_free(&p.id_number);
	p.id_number = x_strdup("110105194912310021"); /* wrong check character */
	p.role = "被申请人";
	p.age = 40;
	case_party_check(&p, &c);
	assert_true(has(&c, "id_number"));
	assert_false(has(&c, "role") || has(&c, "age") || has(&c, "name"));
	check_free(&c);
	/* Up to 40 characters, Chinese or not. */
	struct case_party long_name = outside("第三人", NULL);
	long_name.name = x_strdup("阳光物业服务有限公司阳光物业服务有限公司阳光物业服务有限公司阳光物业服务有限公司");
	assert_int_equal(text_chars(long_name.name), 40);
	case_party_check(&long_name, &c);
	assert_false(has(&c, "name")); /* 40 */
	check_free(&c);
	x_free(&long_name.name);
	long_name.name = x_strdup("阳光物业服务有限公司阳光物业服务有限公司阳光物业服务有限公司阳光物业服务有限公司A");
	case_party_check(&long_name, &c);
	assert_true(has(&c, "name")); /* 41 */
	check_free(&c);
	x_free(&long_name.name);
	/* A resident's details come from the register: nothing to check. */
	struct case_party r = { .role = "申请人", .resident_id = 7, .birth = "1950-12-01", .age = -1 };
	case_party_check(&r, &c);
	assert_true(check_ok(&c));
	assert_int_equal(case_party_age(&r, "2026-11-30"), 75);
	assert_int_equal(case_party_age(&r, "2026-12-01"), 76);
	check_free(&c);
	x_free(&p.name);
	x_free(&p.id_number);
	x_free(&p.phone);
	x_free(&p.sex);
}

static void what_a_record_needs(void **state)
{
	(void)state;
	struct check c = { 0 };
	struct case_event e = { .kind = "调解", .date = "2026-11-21", .text = "双方到场", .flare_up = -1 };
	case_check_record(&e, "2026-11-20", NULL, "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	e.date = "2026-11-19"; /* before acceptance */
	case_check_record(&e, "2026-11-20", NULL, "2026-11-22", &c);
	assert_true(has(&c, "date"));
	check_free(&c);
	/* A follow-up visit says whether the agreement was performed. */
	struct case_event v = { .kind = "回访", .date = "2026-11-22", .text = "已付款", .flare_up = 0 };
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_true(has(&c, "performance"));
	check_free(&c);
	v.performance = "已履行";
	v.satisfaction = "很好";
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_false(has(&c, "performance"));
	assert_true(has(&c, "satisfaction"));
	check_free(&c);
	/* It names who made it and how, and comes after the agreement. */
	v.satisfaction = "满意";
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_true(has(&c, "staff"));
	assert_true(has(&c, "method"));
	check_free(&c);
	v.staff_id = 3;
	v.method = "打电报";
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_true(has(&c, "method"));
	check_free(&c);
	v.method = "上门";
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	v.date = "2026-11-20"; /* before the agreement of 11-21 */
	case_check_record(&v, "2026-11-20", "2026-11-21", "2026-11-22", &c);
	assert_true(has(&c, "date"));
	check_free(&c);
	case_check_record(&v, "2026-11-20", NULL, "2026-11-22", &c); /* no agreement at all */
	assert_true(has(&c, "kind"));
	check_free(&c);
	/* Other records need neither. */
	struct case_event o = { .kind = "调解", .date = "2026-11-21", .text = "双方到场", .flare_up = -1 };
	case_check_record(&o, "2026-11-20", NULL, "2026-11-22", &c);
	assert_true(check_ok(&c));
	check_free(&c);
}

static char path[] = "/tmp/juwei-mediation-test-XXXXXX";


static int64_t new_case(struct db *db, struct reg *r, const char *date, char **no)
{
	struct case_new c = { date, "当事人申请", "邻居漏水", "赔偿", 1, 0, 0 };
	struct case_party p[2] = { outside("申请人", "王大妈"), outside("被申请人", "李四") };
	for (int i = 0; i < 2; i++)
		p[i].name = x_strdup(p[i].name);
	int64_t id;
	struct check ck;
	assert_int_equal(reg_case_create(r, &c, p, 2, "2026-11-22", &ck, &id, no), DB_OK);
	assert_true(check_ok(&ck));
	check_free(&ck);
	for (int i = 0; i < 2; i++)
		x_free(&p[i].name);
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
				struct case_new c = { "2026-03-01", "主动排查", "排查发现", NULL, 1, 0, 0 };
				int64_t id;
				char *n = NULL;
				struct check ck;
				bad += reg_case_create(&rr, &c, NULL, 0, "2026-11-22", &ck, &id, &n) != DB_OK || !id;
				check_free(&ck);
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

static char path2[] = "/tmp/juwei-mediation-list-XXXXXX";

static void the_register_of_cases(void **state)
{
	(void)state;
	int fd = mkstemp(path2);
	assert_true(fd >= 0);
	close(fd);
	unlink(path2);
	struct db *db;
	assert_int_equal(db_open(path2, "clerk", DB_OPEN_CREATE, &db, NULL), DB_OK);
	assert_int_equal(db_exec(db,
		"INSERT INTO community(name, short_name) VALUES ('幸福里社区居民委员会', '幸福里');"
		"INSERT INTO dwelling(id, compound, building, unit, room) VALUES (1, '幸福里小区', '3', '2', '501');"
		"INSERT INTO household(id, dwelling_id, kind) VALUES (1, 1, '户籍户');"
		"INSERT INTO resident(id, household_id, name, relation, birth_date, phone)"
		" VALUES (1, 1, '单田芳', '户主', '1950-06-01', '13800138000');"), DB_OK);
	struct reg r;
	reg_init(&r, db);
	struct case_new n = { "2026-10-01", "当事人申请", "楼上漏水", NULL, 1, 0, 0 };
	struct case_party p[3] = { outside("被申请人", "<script>alert(1)</script>"), outside("第三人", "物业"),
				   { .role = "申请人", .resident_id = 1, .age = -1 } };
	for (int i = 0; i < 2; i++)
		p[i].name = x_strdup(p[i].name);
	int64_t id;
	char *no;
	struct check c;
	assert_int_equal(reg_case_create(&r, &n, p, 3, "2026-11-22", &c, &id, &no), DB_OK);
	assert_true(check_ok(&c) && id > 0);
	assert_string_equal(no, "（2026）幸福里人调字第1号");
	x_free(&no);
	/* A refused case writes nothing, not even its parties. */
	int64_t id2;
	assert_int_equal(reg_case_create(&r, &n, p, 1, "2026-11-22", &c, &id2, &no), DB_OK);
	assert_false(check_ok(&c));
	assert_true(id2 == 0 && no == NULL);
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_party"), 3);
	for (int i = 0; i < 2; i++)
		x_free(&p[i].name);

	/* Parties: the applicant first, a resident's details from the register. */
	struct case_rec cr;
	case_rec_init(&cr);
	struct case_party *ps;
	struct case_event *es;
	int np, ne;
	assert_int_equal(reg_case(&r, id, &cr, &ps, &np, &es, &ne), DB_OK);
	assert_int_equal(np, 3);
	assert_string_equal(ps[0].name, "单田芳");
	assert_string_equal(ps[0].phone, "138****8000"); /* masked on screens */
	assert_string_equal(ps[0].address, "幸福里小区 3-2-501");
	assert_int_equal(ps[0].household_id, 1);
	assert_int_equal(case_party_age(&ps[0], "2026-11-22"), 76);
	assert_string_equal(ps[1].role, "被申请人");
	assert_string_equal(ps[2].role, "第三人");
	assert_int_equal(ne, 0);
	/* A document has them whole, and the audit trail says so. */
	struct case_rec wr;
	case_rec_init(&wr);
	struct case_party *wp;
	int wn, reveals = query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");
	assert_int_equal(reg_case_whole(&r, id, "调解需要", &wr, &wp, &wn, NULL, NULL), DB_OK);
	assert_string_equal(wp[0].phone, "13800138000");
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"), reveals + 1);
	case_rec_free(&wr);
	case_parties_free(&wp, &wn);
	/* The last applicant stays; the third party may go. */
	assert_int_equal(reg_case_party_remove(&r, id, ps[0].id, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(reg_case_party_remove(&r, id, ps[2].id, &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_party"), 2);
	struct case_rec found = { .source = "主动排查" };
	case_check_party_removal(&found, ps, 2, ps[0].id, &c); /* found by the committee: may go */
	assert_true(check_ok(&c));
	case_check_party_removal(&found, ps, 2, 999, &c);
	assert_false(check_ok(&c));
	check_free(&c);
	case_parties_free(&ps, &np);
	case_events_free(&es, &ne);

	/* A record, then the list: opened 2026-10-01, so overdue on 11-22. */
	struct case_event e = { .kind = "调解", .date = "2026-10-08", .text = "双方到场", .flare_up = -1 };
	assert_int_equal(reg_case_record(&r, id, &e, "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	e.date = "2026-09-30";
	assert_int_equal(reg_case_record(&r, id, &e, "2026-11-22", &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_event"), 1);
	struct case_filter f = { .overdue = true };
	snprintf(f.today, sizeof f.today, "2026-11-22");
	int count;
	assert_int_equal(reg_case_count(&r, &f, &count), DB_OK);
	assert_int_equal(count, 1);
	snprintf(f.today, sizeof f.today, "2026-10-30"); /* day 30: not yet */
	assert_int_equal(reg_case_count(&r, &f, &count), DB_OK);
	assert_int_equal(count, 0);
	struct case_row *rows;
	int nr;
	assert_int_equal(reg_cases_overdue(&r, "2026-10-25", &rows, &nr), DB_OK); /* day 25 */
	assert_int_equal(nr, 1);
	assert_string_equal(rows[0].parties, "单田芳、<script>alert(1)</script>");
	for (int i = 0; i < nr; i++)
		case_row_free(&rows[i]);
	x_free(&rows);
	assert_int_equal(reg_cases_overdue(&r, "2026-10-24", &rows, &nr), DB_OK);
	assert_int_equal(nr, 0);
	assert_int_equal(reg_cases_of_household(&r, 1, &rows, &nr), DB_OK);
	assert_int_equal(nr, 1);
	case_row_free(&rows[0]);
	x_free(&rows);
	struct case_row page[4];
	assert_int_equal(reg_case_page(&r, &(struct case_filter){ .year = 2026 }, NULL, 1, false, 4, page, &nr), DB_OK);
	assert_int_equal(nr, 1);
	assert_string_equal(page[0].state, "受理");
	case_row_free(&page[0]);
	case_rec_free(&cr);
	reg_free(&r);
	db_close(&db);
	dbtest_remove(path2);
}

/* ---- a follow-up before 已回访; a closed case kept as it is ---- */

static char path3[] = "/tmp/juwei-mediation-closed-XXXXXX";

/* Case id to state `to` on date, from where it is now. */
static enum db_status step(struct reg *r, int64_t id, const char *to, const char *date, struct check *c)
{
	struct case_rec cr;
	case_rec_init(&cr);
	assert_int_equal(reg_case(r, id, &cr, NULL, NULL, NULL, NULL), DB_OK);
	struct case_move_rec m = { id, cr.version, 0, cr.state, to, date, NULL, NULL, NULL, NULL };
	if (strcmp(to, "调解成功") == 0) {
		m.agreement = "赔偿 500 元";
		m.manner = "现金";
		m.deadline = "2026-11-30";
	}
	enum db_status s = reg_case_move(r, &m, cr.accepted, "2026-11-22", c);
	case_rec_free(&cr);
	return s;
}

static int64_t version_of(struct db *db, int64_t id)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT version FROM mediation_case WHERE id = %lld", (long long)id);
	return query_int(db, sql);
}

static void a_follow_up_then_closed_then_reopened(void **state)
{
	(void)state;
	struct db *db;
	assert_true(dbtest_create(path3, &db));
	assert_int_equal(db_exec(db, "INSERT INTO community(name, short_name) VALUES ('幸福里社区居民委员会', '幸福里');"
				     "INSERT INTO staff(id, name, role) VALUES (7, '赵龙明', '调解员');"
				     /* Those dbtest_as() signs in: steps and records name them. */
				     "INSERT INTO staff(id, name, role) VALUES (901, '王主任', '主任'), (904, '钱调解', '调解员');"),
			 DB_OK);
	struct reg r;
	reg_init(&r, db);
	dbtest_as(&r, ROLE_MEDIATOR, NULL, 0);
	char *no;
	int64_t id = new_case(db, &r, "2026-11-01", &no);
	x_free(&no);
	struct check c;
	assert_int_equal(step(&r, id, "调解中", "2026-11-02", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(step(&r, id, "调解成功", "2026-11-05", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(step(&r, id, "履行中", "2026-11-06", &c), DB_OK);
	assert_true(check_ok(&c));

	/* 已回访 with no 回访 record: refused by core, and by the write itself. */
	assert_int_equal(step(&r, id, "已回访", "2026-11-20", &c), DB_OK);
	assert_non_null(check_find(&c, "to"));
	check_free(&c);
	struct case_move_rec direct = { id, version_of(db, id), 0, "履行中", "已回访", "2026-11-20",
					NULL, NULL, NULL, NULL };
	assert_int_equal(db_case_move(db, &direct), DB_ERR_CONFLICT);
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE state = '履行中'"), 1);

	/* A follow-up says who, how and what; not before the agreement. */
	struct case_event v = { .kind = "回访", .date = "2026-11-19", .text = "已付款，双方满意",
				.performance = "已履行", .satisfaction = "满意", .flare_up = 0 };
	assert_int_equal(reg_case_record(&r, id, &v, "2026-11-22", &c), DB_OK);
	assert_non_null(check_find(&c, "staff"));
	assert_non_null(check_find(&c, "method"));
	check_free(&c);
	v.staff_id = 7;
	v.method = "电话";
	v.date = "2026-11-04";
	assert_int_equal(reg_case_record(&r, id, &v, "2026-11-22", &c), DB_OK);
	assert_non_null(check_find(&c, "date"));
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_event WHERE kind = '回访'"), 0);
	v.date = "2026-11-19";
	assert_int_equal(reg_case_record(&r, id, &v, "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	/* The step is not dated before the visit; then it goes. */
	assert_int_equal(step(&r, id, "已回访", "2026-11-18", &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(step(&r, id, "已回访", "2026-11-20", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(step(&r, id, "结案", "2026-11-21", &c), DB_OK);
	assert_true(check_ok(&c));
	/* The 回访记录 prints with who, how and what. */
	struct case_rec cr;
	case_rec_init(&cr);
	struct case_event *e;
	int ne;
	assert_int_equal(reg_case(&r, id, &cr, NULL, NULL, &e, &ne), DB_OK);
	struct doc *d = case_doc_followups(&cr, e, ne, "幸福里社区居民委员会");
	char *text = doc_text(d, 100);
	assert_non_null(strstr(text, "回访方式"));
	assert_non_null(strstr(text, "2026-11-19  赵龙明  电话      已履行"));
	x_free(&text);
	doc_free(&d);
	case_events_free(&e, &ne);

	/* Closed: no edit, party, record or removal, saying who may reopen. */
	int events = query_int(db, "SELECT count(*) FROM case_event");
	x_free(&cr.summary);
	cr.summary = x_strdup("改过的简要情况");
	assert_int_equal(reg_case_update(&r, &cr, &c), DB_OK);
	assert_non_null(check_find(&c, "state"));
	assert_non_null(strstr(check_find(&c, "state")->message, "主任"));
	check_free(&c);
	struct case_party extra = { .role = x_strdup("第三人"), .name = x_strdup("物业"), .age = -1 };
	assert_int_equal(reg_case_party_add(&r, id, &extra, &c), DB_OK);
	assert_non_null(check_find(&c, "state"));
	check_free(&c);
	struct case_event note = { .kind = "其他", .date = "2026-11-22", .text = "补记", .flare_up = -1 };
	assert_int_equal(reg_case_record(&r, id, &note, "2026-11-22", &c), DB_OK);
	assert_non_null(check_find(&c, "state"));
	check_free(&c);
	int64_t party = query_int(db, "SELECT max(id) FROM case_party");
	assert_int_equal(reg_case_party_remove(&r, id, party, &c), DB_OK);
	assert_non_null(check_find(&c, "state"));
	check_free(&c);
	/* ...and the writes themselves refuse, whatever came before them. */
	cr.version = version_of(db, id);
	assert_int_equal(db_case_update(db, &cr), DB_ERR_CONFLICT);
	assert_int_equal(db_case_event_add(db, id, &note), DB_ERR_CONFLICT);
	assert_int_equal(db_case_party_add(db, id, &extra), DB_ERR_CONFLICT);
	assert_int_equal(db_case_party_delete(db, party), DB_ERR_NOTFOUND);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_event"), events);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_party"), 2);
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE summary = '邻居漏水'"), 1);
	case_party_free(&extra);

	/* Reopening: the 主任 only, with a reason kept in the records. */
	assert_int_equal(reg_case_reopen(&r, id, version_of(db, id), "当事人反映未付款", "2026-11-22", &c), DB_ERR_DENIED);
	assert_non_null(strstr(r.refusal, "主任"));
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	assert_int_equal(reg_case_reopen(&r, id, version_of(db, id), "  ", "2026-11-22", &c), DB_OK);
	assert_non_null(check_find(&c, "reason"));
	check_free(&c);
	assert_int_equal(reg_case_reopen(&r, id, version_of(db, id) - 1, "当事人反映未付款", "2026-11-22", &c),
			 DB_ERR_CONFLICT);
	assert_int_equal(reg_case_reopen(&r, id, version_of(db, id), "当事人反映未付款", "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE state = '已回访' AND closed_date IS NULL"),
			 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM case_event WHERE kind = '状态变更' AND from_state = '结案'"
				       " AND to_state = '已回访' AND text = '当事人反映未付款' AND event_date = '2026-11-22'"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'case_event' AND action = 'insert'"
				       " AND new_values LIKE '%当事人反映未付款%'"), 1);
	/* Open again: it takes a record, and may not be reopened twice. */
	assert_int_equal(reg_case_record(&r, id, &note, "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(reg_case_reopen(&r, id, version_of(db, id), "再开", "2026-11-22", &c), DB_OK);
	assert_non_null(check_find(&c, "state"));
	check_free(&c);
	case_rec_free(&cr);
	reg_free(&r);
	dbtest_destroy(path3, &db);
}

/* Someone from outside with an ID number: the sex and age it says. */
static void a_party_s_id_number_says_sex_and_age(void **state)
{
	(void)state;
	struct case_party p = { .role = x_strdup("申请人"), .name = x_strdup("钱女士"), .sex = x_strdup(""),
				.id_number = x_strdup("11010519491231002X"), .age = -1 };
	struct check c = { 0 };
	case_party_check(&p, &c);
	assert_true(check_ok(&c) && c.n == 0);
	assert_string_equal(p.sex, "女");
	assert_int_equal(case_party_age(&p, "2026-11-22"), 76);
	check_free(&c);
	x_free(&p.sex);
	p.sex = x_strdup("男");
	case_party_check(&p, &c);
	assert_true(check_ok(&c));               /* a warning, not a refusal */
	assert_non_null(check_find(&c, "sex"));
	assert_true(check_find(&c, "sex")->warning);
	check_free(&c);
	case_party_free(&p);
}

int main(void)
{
	i18n_init("zh_CN");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_move),
		cmocka_unit_test(what_a_move_needs),
		cmocka_unit_test(days_and_the_limit),
		cmocka_unit_test(what_a_new_case_needs),
		cmocka_unit_test(what_a_party_needs),
		cmocka_unit_test(what_a_record_needs),
		cmocka_unit_test(numbering_two_sessions_at_once),
		cmocka_unit_test(the_register_of_cases),
		cmocka_unit_test(a_party_s_id_number_says_sex_and_age),
		cmocka_unit_test(a_follow_up_then_closed_then_reopened),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_free();
	return rc;
}
