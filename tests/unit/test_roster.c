/* Unit tests: rosters (名单) for meetings.  A 主任 or 社工 builds a roster
 * from the register and from typed names, without the same person
 * twice; other roles read it but may not change it.  A meeting takes a
 * roster's members, or an earlier meeting's attendees, in one go:
 * those listed already are skipped, the new ones start absent (c marks
 * them present), each goes through the one core path that writes
 * attendees, every row is audited and the check stays clean. */
#include "cm.h"

#include "core/access.h"
#include "core/demo.h"
#include "core/integrity.h"
#include "core/meeting.h"
#include "core/roster.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

static char path[] = "/tmp/juwei-roster-test-XXXXXX";
static struct db *db;
static struct reg r;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	struct demo_opts o = { 60, 5, "2026-11-22" };
	struct demo_stats st;
	if (demo_generate(db, &o, &st) != DB_OK)
		return -1;
	reg_init(&r, db);
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&r);
	dbtest_destroy(path, &db);
	return 0;
}

static int64_t resident(int k)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM resident WHERE status = '在住' ORDER BY id LIMIT 1 OFFSET %d", k);
	return query_int(db, sql);
}

static int64_t new_meeting(const char *title)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	m.kind_id = query_int(db, "SELECT min(id) FROM meeting_kind");
	m.title = x_strdup(title);
	m.date = x_strdup("2026-11-30");
	struct check k = { 0 };
	check_free(&k);
	assert_int_equal(reg_meeting_save(&r, &m, &k), DB_OK);
	assert_true(check_ok(&k));
	check_free(&k);
	int64_t id = m.id;
	meeting_rec_free(&m);
	assert_true(id > 0);
	return id;
}

static int count(const char *fmt, int64_t id)
{
	char sql[256];
	snprintf(sql, sizeof sql, fmt, (long long)id);
	return query_int(db, sql);
}

static int64_t new_roster(const char *name, struct check *k)
{
	struct roster ro = { .name = x_strdup(name) };
	check_free(k);
	assert_int_equal(reg_roster_save(&r, &ro, k), DB_OK);
	int64_t id = check_ok(k) ? ro.id : 0;
	roster_free(&ro);
	return id;
}

static enum db_status add_member(int64_t roster, int64_t res, const char *name, const char *role, struct check *k)
{
	struct roster_member m = { .resident_id = res, .name = name ? x_strdup(name) : NULL,
				   .role = role ? x_strdup(role) : NULL };
	check_free(k);
	enum db_status s = reg_roster_member_add(&r, roster, &m, k);
	x_free(&m.name);
	x_free(&m.role);
	return s;
}

static void a_roster_is_built_once_per_person(void **state)
{
	(void)state;
	struct check k = { 0 };
	int64_t ro = new_roster("  业委会  ", &k);
	assert_true(ro > 0);
	assert_int_equal(count("SELECT count(*) FROM roster WHERE id = %lld AND name = '业委会'", ro), 1);
	/* The same name twice is refused. */
	assert_int_equal(new_roster("业委会", &k), 0);
	assert_string_equal(k.items[0].field, "name");
	/* From the register, and typed. */
	assert_int_equal(add_member(ro, resident(0), NULL, "主任", &k), DB_OK);
	assert_true(check_ok(&k));
	assert_int_equal(add_member(ro, resident(1), NULL, NULL, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_int_equal(add_member(ro, 0, "孙律师", "法律顾问", &k), DB_OK);
	assert_true(check_ok(&k));
	/* Nobody twice; nobody without a name. */
	assert_int_equal(add_member(ro, resident(0), NULL, NULL, &k), DB_OK);
	assert_false(check_ok(&k));
	assert_int_equal(add_member(ro, 0, "孙律师", NULL, &k), DB_OK);
	assert_false(check_ok(&k));
	assert_int_equal(add_member(ro, 0, "  ", NULL, &k), DB_OK);
	assert_false(check_ok(&k));
	struct roster got;
	struct roster_member *m;
	int n;
	assert_int_equal(reg_roster(&r, ro, &got, &m, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(got.members, 3);
	assert_string_equal(m[2].name, "孙律师");
	assert_string_equal(m[0].role, "主任");
	assert_true(*m[0].name); /* a resident's name comes from the register */
	/* Who may: others read it, only 主任 and 社工 change it. */
	for (int role = ROLE_GRID; role < ROLES; role++) {
		dbtest_as(&r, (enum role)role, NULL, 0);
		struct roster seen;
		assert_int_equal(reg_roster(&r, ro, &seen, NULL, NULL), DB_OK);
		roster_free(&seen);
		assert_int_equal(add_member(ro, resident(5), NULL, NULL, &k), DB_ERR_DENIED);
		assert_int_equal(reg_roster_member_remove(&r, m[0].id), DB_ERR_DENIED);
		assert_int_equal(reg_roster_delete(&r, ro, got.version), DB_ERR_DENIED);
		struct roster nr = { .name = x_strdup("网格员的名单") };
		check_free(&k);
		assert_int_equal(reg_roster_save(&r, &nr, &k), DB_ERR_DENIED);
		roster_free(&nr);
	}
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	assert_int_equal(reg_roster_member_remove(&r, m[1].id), DB_OK);
	assert_int_equal(count("SELECT count(*) FROM roster_member WHERE roster_id = %lld", ro), 2);
	/* A rename over a stale version is a conflict. */
	x_free(&got.name);
	got.name = x_strdup("业主委员会");
	check_free(&k);
	assert_int_equal(reg_roster_save(&r, &got, &k), DB_OK);
	assert_true(check_ok(&k));
	got.version--;
	check_free(&k);
	assert_int_equal(reg_roster_save(&r, &got, &k), DB_ERR_CONFLICT);
	roster_free(&got);
	roster_members_free(&m, &n);
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	check_free(&k);
}

static void a_meeting_takes_a_roster_skipping_who_is_listed(void **state)
{
	(void)state;
	struct check k = { 0 };
	int64_t ro = new_roster("居民代表（测试）", &k);
	for (int i = 0; i < 30; i++)
		assert_int_equal(add_member(ro, resident(10 + i), NULL, "居民代表", &k), DB_OK);
	assert_int_equal(add_member(ro, 0, "物业赵经理", "列席", &k), DB_OK);
	int64_t mt = new_meeting("名单测试会");
	/* One of them is there already, marked present. */
	struct meeting_attendee one = { .resident_id = resident(12), .attendance = "出席" };
	check_free(&k);
	assert_int_equal(reg_meeting_attendee_add(&r, mt, &one, &k), DB_OK);
	int audits = query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'meeting_attendee'");
	int added, skipped;
	check_free(&k);
	assert_int_equal(reg_meeting_add_roster(&r, mt, ro, &added, &skipped, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_int_equal(added, 30);
	assert_int_equal(skipped, 1);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld", mt), 31);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld AND attendance = '缺席'", mt),
			 30);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld AND name = '物业赵经理'"
			       " AND role = '列席'", mt), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'meeting_attendee'"),
			 audits + 30);
	/* In the roster's order, after who was there. */
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT resident_id FROM meeting_attendee WHERE meeting_id = %lld ORDER BY sort, id"
		 " LIMIT 1 OFFSET 1", (long long)mt);
	assert_int_equal(query_int(db, sql), resident(10));
	/* Again: everyone is listed. */
	check_free(&k);
	assert_int_equal(reg_meeting_add_roster(&r, mt, ro, &added, &skipped, &k), DB_OK);
	assert_int_equal(added, 0);
	assert_int_equal(skipped, 31);
	/* Marking them goes through the mark over the mark shown. */
	struct meeting_rec m;
	meeting_rec_init(&m);
	struct meeting_attendee *a;
	int na;
	assert_int_equal(reg_meeting(&r, mt, &m, &a, &na, NULL, NULL), DB_OK);
	for (int i = 1; i < na; i++) {
		struct check mark;
		assert_int_equal(reg_meeting_attendance(&r, a[i].id, a[i].attendance, "出席", &mark), DB_OK);
		assert_true(check_ok(&mark));
		check_free(&mark);
	}
	int present, listed;
	assert_int_equal(reg_meeting_present(&r, mt, &present, &listed), DB_OK);
	assert_int_equal(present, 31);
	meeting_attendees_free(&a, &na);
	meeting_rec_free(&m);
	/* A role that does not keep meetings adds nobody. */
	int64_t other = new_meeting("另一个会");
	dbtest_as(&r, ROLE_GRID, NULL, 0);
	check_free(&k);
	assert_int_equal(reg_meeting_add_roster(&r, other, ro, &added, &skipped, &k), DB_ERR_DENIED);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld", other), 0);
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	/* A roster deleted leaves the meeting's attendees as they were. */
	struct roster got;
	assert_int_equal(reg_roster(&r, ro, &got, NULL, NULL), DB_OK);
	assert_int_equal(reg_roster_delete(&r, ro, got.version), DB_OK);
	roster_free(&got);
	assert_int_equal(count("SELECT count(*) FROM roster_member WHERE roster_id = %lld", ro), 0);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld", mt), 31);
	check_free(&k);
}

static void a_meeting_copies_an_earlier_one(void **state)
{
	(void)state;
	int64_t from = query_int(db, "SELECT meeting_id FROM meeting_attendee GROUP BY meeting_id"
				     " ORDER BY count(*) DESC LIMIT 1");
	int total = count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld", from);
	/* The same resident twice in the source (a proxy's line) counts once. */
	int people = count("SELECT count(DISTINCT coalesce('r' || resident_id, 'n' || name)) FROM meeting_attendee"
			   " WHERE meeting_id = %lld", from);
	int64_t mt = new_meeting("照上次");
	struct meeting_source *src;
	int n;
	assert_int_equal(reg_meeting_sources(&r, mt, &src, &n), DB_OK);
	bool offered = false;
	for (int i = 0; i < n; i++) {
		offered |= src[i].id == from;
		assert_int_not_equal(src[i].id, mt); /* not itself */
		assert_true(src[i].attendees > 0);
		if (i)
			assert_true(strcmp(src[i - 1].date, src[i].date) >= 0); /* newest first */
	}
	assert_true(offered);
	meeting_sources_free(&src, &n);
	int added, skipped;
	struct check k = { 0 };
	check_free(&k);
	assert_int_equal(reg_meeting_copy_attendees(&r, mt, from, &added, &skipped, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_int_equal(added, people);
	assert_int_equal(added + skipped, total);
	assert_int_equal(count("SELECT count(*) FROM meeting_attendee WHERE meeting_id = %lld AND attendance = '缺席'", mt),
			 people);
	/* Copying a meeting onto itself does nothing. */
	check_free(&k);
	assert_int_equal(reg_meeting_copy_attendees(&r, mt, mt, &added, &skipped, &k), DB_ERR_NOTFOUND);
	/* Every row went through the audit trail. */
	bool clean = false;
	char *report = NULL;
	long long rows;
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	assert_int_equal(reg_check(&r, &clean, &report, &rows), DB_OK);
	if (!clean)
		fail_msg("juwei check: %s", report);
	x_free(&report);
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	check_free(&k);
}

static void the_demo_has_rosters_from_its_register(void **state)
{
	(void)state;
	struct roster *ro;
	int n;
	assert_int_equal(reg_rosters(&r, &ro, &n), DB_OK);
	const char *want[] = { "居民代表", "楼组长", "两委成员" };
	for (size_t w = 0; w < ARRAY_SIZE(want); w++) {
		bool found = false;
		for (int i = 0; i < n; i++)
			if (strcmp(ro[i].name, want[w]) == 0) {
				found = true;
				assert_true(ro[i].members > 0);
			}
		if (!found)
			fail_msg("the demo has no roster %s", want[w]);
	}
	rosters_free(&ro, &n);
	/* Its representatives are residents living here. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM roster_member m JOIN roster r ON r.id = m.roster_id"
				       " JOIN resident x ON x.id = m.resident_id WHERE r.name = '居民代表' AND x.status = '在住'"),
			 30);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_demo_has_rosters_from_its_register),
		cmocka_unit_test(a_roster_is_built_once_per_person),
		cmocka_unit_test(a_meeting_takes_a_roster_skipping_who_is_listed),
		cmocka_unit_test(a_meeting_copies_an_earlier_one),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
