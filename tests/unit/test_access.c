/* Unit tests: who may do what.  The matrix of the README as a table
 * here, walked role by role through the core gateway on a demo
 * register: every write and every sensitive read, allowed, refused
 * (DB_ERR_DENIED, naming who may) or unknown to a 网格员 outside their
 * grid (DB_ERR_NOTFOUND).  Each try runs on a fresh copy of the
 * register, so that one write cannot change the next. */
#include "cm.h"

#include "core/access.h"
#include "core/demo.h"
#include "core/history.h"
#include "core/household.h"
#include "core/mediation.h"
#include "core/meeting.h"
#include "core/roster.h"
#include "core/settings.h"
#include "core/signin.h"
#include "core/staff.h"
#include "core/tags.h"
#include "core/transfer.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the matrix itself ---- */

/* 主任 社工 网格员 调解员 街道查看, as the README states it. */
static const struct {
	enum perm p;
	enum grant g[5];
} readme[] = {
	{ P_REGISTER_READ,  { G_ALL, G_ALL, G_GRIDS, G_ALL, G_ALL } },
	{ P_REGISTER_WRITE, { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	{ P_IMPORT,         { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	{ P_VISIT_WRITE,    { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	{ P_CASE_WRITE,     { G_ALL, G_NO, G_NO, G_ALL, G_NO } },
	{ P_CASE_PARTIES,   { G_ALL, G_ALL, G_NO, G_ALL, G_NO } },
	{ P_CASE_REOPEN,    { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	{ P_MEETING_WRITE,  { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	{ P_SENSITIVE_SEE,  { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	{ P_SENSITIVE_EDIT, { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	{ P_REVEAL,         { G_ALL, G_ALL, G_GRIDS, G_PARTIES, G_NO } },
	{ P_EXPORT,         { G_ALL, G_ALL, G_GRIDS, G_CASES, G_ALL } },
	{ P_EXPORT_FULL,    { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	{ P_ADMIN,          { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	{ P_TAGS,           { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	{ P_AUDIT,          { G_ALL, G_OWN, G_NO, G_NO, G_NO } },
};

static void the_matrix_is_the_readme_s(void **state)
{
	(void)state;
	assert_int_equal(ARRAY_SIZE(readme), PERMS);
	for (size_t i = 0; i < ARRAY_SIZE(readme); i++)
		for (int r = ROLE_DIRECTOR; r < ROLES; r++) {
			struct access a = { .staff_id = 1, .role = (enum role)r };
			if (access_grant(&a, readme[i].p) != readme[i].g[r - 1])
				fail_msg("%s, %s: %d, not %d", role_name((enum role)r), perm_what(readme[i].p),
					 access_grant(&a, readme[i].p), readme[i].g[r - 1]);
		}
	/* Nobody signed in may do nothing. */
	struct access none = { 0 };
	for (int p = 0; p < PERMS; p++)
		assert_false(access_may(&none, (enum perm)p));
}

/* ---- the register the roles try ---- */

static char tmpl[] = "/tmp/juwei-access-test-XXXXXX";
static char copy_path[4096];

static struct {
	int64_t grid1, hh1, hh2, res1, res2_party, case1, party1, meeting1, attendee1, tag_plain, tag_sensitive;
	int64_t method, purpose, staff_other;
	char compound1[64], building1[16], compound2[64], building2[16];
	int count_all, count_grid1;
} t;

static int64_t q(struct db *db, const char *sql)
{
	return (int64_t)query_int(db, sql);
}

static void query_text(struct db *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static int setup(void **state)
{
	(void)state;
	struct db *db;
	if (!dbtest_create(tmpl, &db))
		return -1;
	struct demo_opts o = { 300, 7, "2026-11-22" };
	struct demo_stats st;
	if (demo_generate(db, &o, &st) != DB_OK)
		return -1;
	t.grid1 = q(db, "SELECT min(id) FROM grid");
	char sql[512];
#define IN_GRID(op) "SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.grid_id " op
	snprintf(sql, sizeof sql, IN_GRID("= %lld") " AND h.status = '在住' ORDER BY h.id LIMIT 1", (long long)t.grid1);
	t.hh1 = q(db, sql);
	snprintf(sql, sizeof sql, IN_GRID("<> %lld") " AND h.status = '在住' ORDER BY h.id LIMIT 1", (long long)t.grid1);
	t.hh2 = q(db, sql);
	snprintf(sql, sizeof sql, "SELECT id FROM resident WHERE household_id = %lld AND status = '在住' LIMIT 1",
		 (long long)t.hh1);
	t.res1 = q(db, sql);
	snprintf(sql, sizeof sql, "SELECT d.compound FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		 " WHERE h.id = %lld", (long long)t.hh1);
	query_text(db, sql, t.compound1, sizeof t.compound1);
	snprintf(sql, sizeof sql, "SELECT d.building FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		 " WHERE h.id = %lld", (long long)t.hh1);
	query_text(db, sql, t.building1, sizeof t.building1);
	/* A building wholly in the other grid: a new dwelling there joins it. */
#define OTHER_BUILDING "SELECT %s FROM dwelling GROUP BY compound, building" \
	" HAVING min(grid_id) = max(grid_id) AND min(grid_id) <> %lld LIMIT 1"
	snprintf(sql, sizeof sql, OTHER_BUILDING, "compound", (long long)t.grid1);
	query_text(db, sql, t.compound2, sizeof t.compound2);
	snprintf(sql, sizeof sql, OTHER_BUILDING, "building", (long long)t.grid1);
	query_text(db, sql, t.building2, sizeof t.building2);
#undef OTHER_BUILDING
	t.case1 = q(db, "SELECT min(id) FROM mediation_case WHERE state IN ('受理', '调解中')"); /* open: takes records */
	t.meeting1 = q(db, "SELECT min(meeting_id) FROM meeting_attendee");
	snprintf(sql, sizeof sql, "SELECT min(id) FROM meeting_attendee WHERE meeting_id = %lld", (long long)t.meeting1);
	t.attendee1 = q(db, sql);
	snprintf(sql, sizeof sql, "SELECT min(id) FROM tag WHERE sensitive = 0 AND applies_to = 'household' AND active = 1"
		 " AND id NOT IN (SELECT tag_id FROM household_tag WHERE household_id = %lld)", (long long)t.hh1);
	t.tag_plain = q(db, sql);
	t.tag_sensitive = q(db, "SELECT min(id) FROM tag WHERE sensitive = 1 AND applies_to = 'resident' AND active = 1");
	t.method = q(db, "SELECT min(id) FROM visit_method");
	t.purpose = q(db, "SELECT min(id) FROM visit_purpose");
	t.staff_other = q(db, "SELECT max(id) FROM staff");
	t.count_all = query_int(db, "SELECT count(*) FROM household");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM (" IN_GRID("= %lld") ")", (long long)t.grid1);
	t.count_grid1 = query_int(db, sql);
#undef IN_GRID
	/* A resident of the other grid is a party of the case. */
	struct reg r;
	reg_init(&r, db);
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	snprintf(sql, sizeof sql, "SELECT id FROM resident WHERE household_id = %lld AND status = '在住' LIMIT 1",
		 (long long)t.hh2);
	t.res2_party = q(db, sql);
	struct case_party p = { .resident_id = t.res2_party, .role = "第三人", .age = -1 };
	struct check c;
	if (reg_case_party_add(&r, t.case1, &p, &c) != DB_OK || !check_ok(&c))
		return -1;
	snprintf(sql, sizeof sql, "SELECT max(id) FROM case_party WHERE case_id = %lld", (long long)t.case1);
	t.party1 = q(db, sql);
	reg_free(&r);
	db_close(&db);
	snprintf(copy_path, sizeof copy_path, "%s.copy", tmpl);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dbtest_remove(tmpl);
	dbtest_remove(copy_path);
	i18n_free();
	return 0;
}

/* A fresh copy of the register, opened as a member of role (a 网格员
 * works in grid1). */
static struct db *fresh(struct reg *r, enum role role)
{
	dbtest_remove(copy_path);
	size_t n;
	char *data = x_read_file(tmpl, 64u << 20, &n);
	assert_non_null(data);
	FILE *f = fopen(copy_path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	fclose(f);
	x_free(&data);
	struct db *db;
	assert_int_equal(db_open(copy_path, "tester", 0, &db, NULL), DB_OK);
	reg_init(r, db);
	dbtest_as(r, role, &t.grid1, 1);
	return db;
}

/* ---- the tries ---- */

static enum db_status read_household2(struct reg *r)
{
	struct household h;
	enum db_status s = reg_household(r, t.hh2, &h);
	if (s == DB_OK)
		household_free(&h);
	return s;
}

static enum db_status edit_household(struct reg *r, int64_t id)
{
	struct household_rec h;
	household_rec_init(&h);
	enum db_status s = reg_household_rec(r, id, &h);
	if (s == DB_OK) {
		x_free(&h.notes);
		h.notes = x_strdup("改过");
		s = reg_household_save(r, &h, NULL);
	}
	household_rec_free(&h);
	return s;
}

static enum db_status edit_household1(struct reg *r) { return edit_household(r, t.hh1); }
static enum db_status edit_household2(struct reg *r) { return edit_household(r, t.hh2); }

static enum db_status new_household(struct reg *r, const char *compound, const char *building)
{
	struct household_rec h;
	household_rec_init(&h);
	struct resident_rec head;
	resident_rec_init(&head);
	char **fields[] = { &h.compound, &h.building, &h.room, &h.kind };
	const char *values[] = { compound, building, "9901", "户籍户" };
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
		x_free(fields[i]);
		*fields[i] = x_strdup(values[i]);
	}
	resident_rec_set(&head, "name", "新住户");
	resident_rec_set(&head, "relation", "户主");
	resident_rec_set(&head, "status", "在住");
	resident_rec_set(&head, "residence_type", "户籍在住");
	enum db_status s = reg_household_save(r, &h, &head);
	household_rec_free(&h);
	resident_rec_free(&head);
	return s;
}

static enum db_status new_household1(struct reg *r) { return new_household(r, t.compound1, t.building1); }
static enum db_status new_household2(struct reg *r) { return new_household(r, t.compound2, t.building2); }

static enum db_status edit_member1(struct reg *r)
{
	struct resident_rec m;
	resident_rec_init(&m);
	enum db_status s = reg_resident(r, t.res1, &m);
	if (s == DB_OK) {
		resident_rec_set(&m, "notes", "改过");
		s = reg_member_save(r, &m);
	}
	resident_rec_free(&m);
	return s;
}

static enum db_status tag_plain(struct reg *r) { return reg_tag_add(r, "household", t.hh1, t.tag_plain, "", ""); }
static enum db_status tag_sensitive(struct reg *r)
{
	return reg_tag_add(r, "resident", t.res1, t.tag_sensitive, "", "");
}

static enum db_status visit(struct reg *r, int64_t household)
{
	struct visit_rec v;
	visit_rec_init(&v);
	v.household_id = household;
	v.staff_id = 1;
	v.method_id = t.method;
	v.purpose_id = t.purpose;
	x_free(&v.visit_date);
	v.visit_date = x_strdup("2026-11-20");
	enum db_status s = reg_visit_save(r, &v);
	visit_rec_free(&v);
	return s;
}

static enum db_status visit1(struct reg *r) { return visit(r, t.hh1); }
static enum db_status visit2(struct reg *r) { return visit(r, t.hh2); }

static enum db_status new_case(struct reg *r)
{
	struct case_new c = { "2026-11-20", "当事人申请", "邻里噪音", "请求调解", 1, 1, 1 };
	/* The check trims the parties' strings in place: they are owned. */
	struct case_party p[2] = { { .role = x_strdup("申请人"), .name = x_strdup("甲"), .age = -1 },
				   { .role = x_strdup("被申请人"), .name = x_strdup("乙"), .age = -1 } };
	struct check k;
	int64_t id;
	char *no = NULL;
	enum db_status s = reg_case_create(r, &c, p, 2, "2026-11-22", &k, &id, &no);
	if (s == DB_OK && !check_ok(&k))
		s = DB_ERR_SQL;
	x_free(&no);
	check_free(&k);
	for (int i = 0; i < 2; i++)
		case_party_free(&p[i]);
	return s;
}

static enum db_status case_record(struct reg *r)
{
	struct case_event e = { .kind = "调解", .date = "2026-11-21", .text = "双方到场", .flare_up = -1 };
	struct check k;
	enum db_status s = reg_case_record(r, t.case1, &e, "2026-11-22", &k);
	if (s == DB_OK && !check_ok(&k))
		s = DB_ERR_SQL;
	check_free(&k);
	return s;
}

static enum db_status case_document(struct reg *r)
{
	struct case_rec c;
	case_rec_init(&c);
	struct case_party *p = NULL;
	int np = 0;
	enum db_status s = reg_case_whole(r, t.case1, "调解需要", &c, &p, &np, NULL, NULL);
	case_rec_free(&c);
	case_parties_free(&p, &np);
	return s;
}

static enum db_status meeting_edit(struct reg *r)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	enum db_status s = reg_meeting(r, t.meeting1, &m, NULL, NULL, NULL, NULL);
	struct check k = { 0 };
	if (s == DB_OK) {
		x_free(&m.notes);
		m.notes = x_strdup("改过");
		s = reg_meeting_save(r, &m, &k);
	}
	meeting_rec_free(&m);
	check_free(&k);
	return s;
}

static enum db_status attendance(struct reg *r)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	struct meeting_attendee *a = NULL;
	int na = 0;
	enum db_status s = reg_meeting(r, t.meeting1, &m, &a, &na, NULL, NULL);
	const char *was = "";
	for (int i = 0; s == DB_OK && i < na; i++)
		if (a[i].id == t.attendee1)
			was = a[i].attendance;
	struct check k = { 0 };
	if (s == DB_OK)
		s = reg_meeting_attendance(r, t.attendee1, was, strcmp(was, "出席") == 0 ? "缺席" : "出席", &k);
	check_free(&k);
	meeting_attendees_free(&a, &na);
	meeting_rec_free(&m);
	return s;
}
static enum db_status new_roster(struct reg *r)
{
	struct roster ro = { .name = x_strdup("楼道长") };
	struct check k;
	enum db_status s = reg_roster_save(r, &ro, &k);
	if (s == DB_OK && !check_ok(&k))
		s = DB_ERR_SQL;
	roster_free(&ro);
	return s;
}

static enum db_status roster_to_meeting(struct reg *r)
{
	struct roster *ro;
	int n, added, skipped;
	enum db_status s = reg_rosters(r, &ro, &n);
	struct check k = { 0 };
	if (s == DB_OK)
		s = n ? reg_meeting_add_roster(r, t.meeting1, ro[0].id, &added, &skipped, &k) : DB_ERR_NOTFOUND;
	rosters_free(&ro, &n);
	check_free(&k);
	return s;
}

static enum db_status setting(struct reg *r) { return reg_setting_set(r, SETTING_IDLE_MINUTES, 20); }
static enum db_status vocab(struct reg *r) { return reg_vocab_add(r, VOCAB_METHOD, "视频走访"); }
static enum db_status interval(struct reg *r) { return reg_tag_set_interval(r, t.tag_sensitive, 10); }

static enum db_status new_tag(struct reg *r)
{
	struct tag_def d = { .name = x_strdup("助残对象"), .applies_to = "resident", .interval = 30, .active = true };
	struct check k;
	enum db_status s = reg_tag_define(r, &d, &k);
	if (s == DB_OK && !check_ok(&k))
		s = DB_ERR_SQL;
	tag_def_free(&d);
	return s;
}

static enum db_status staff_edit(struct reg *r)
{
	struct staff_rec s;
	staff_rec_init(&s);
	struct check k = { 0 };
	enum db_status st = reg_staff_get(r, t.staff_other, &s);
	if (st == DB_OK) {
		x_free(&s.phone);
		s.phone = x_strdup("13900000000");
		st = reg_staff_save(r, &s, &k);
	}
	staff_rec_free(&s);
	check_free(&k);
	return st;
}

static enum db_status reveal(struct reg *r, const char *table, int64_t id)
{
	char *idn = NULL, *phone = NULL;
	enum db_status s = reg_reveal(r, table, id, "核实身份", &idn, &phone);
	x_free(&idn);
	x_free(&phone);
	return s;
}

static enum db_status reveal_res1(struct reg *r) { return reveal(r, "resident", t.res1); }
static enum db_status reveal_party_res2(struct reg *r) { return reveal(r, "resident", t.res2_party); }
static enum db_status reveal_phone1(struct reg *r) { return reveal(r, "household", t.hh1); }
static enum db_status reveal_party(struct reg *r) { return reveal(r, "case_party", t.party1); }

static enum db_status export(struct reg *r, enum export_kind k, bool full)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	struct export_opts o = { CSV_UTF8, full, NULL, "test.csv" };
	long rows;
	enum db_status s = export_csv(r, f, k, &o, "2026-11-22", &rows);
	fclose(f);
	return s;
}

static enum db_status export_households(struct reg *r) { return export(r, EXPORT_HOUSEHOLDS, false); }
static enum db_status export_cases(struct reg *r) { return export(r, EXPORT_CASES, false); }
static enum db_status export_meetings(struct reg *r) { return export(r, EXPORT_MEETINGS, false); }
static enum db_status export_full(struct reg *r) { return export(r, EXPORT_HOUSEHOLDS, true); }

static enum db_status import(struct reg *r)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	fputs("小区,楼栋,单元,室,姓名,与户主关系,性别\n新小区,1,1,101,导入人,户主,男\n", f);
	rewind(f);
	struct import_opts o = { .encoding = CSV_UTF8 };
	struct import_report rep;
	enum db_status s = import_households(r, f, &o, "2026-11-22", NULL, NULL, &rep);
	if (s == DB_OK && !rep.written)
		s = DB_ERR_SQL;
	import_report_free(&rep);
	fclose(f);
	return s;
}

static enum db_status history(struct reg *r)
{
	struct audit_filter f = { 0 };
	int n;
	return reg_history_count(r, &f, &n);
}

/* Y: allowed; D: refused (DB_ERR_DENIED); F: not found (another grid's). */
static const struct {
	const char *what;
	enum db_status (*run)(struct reg *r);
	const char *want; /* 主任 社工 网格员 调解员 街道查看 */
} tries[] = {
	{ "read a household of grid 2",          read_household2,   "YYFYY" },
	{ "edit a household of grid 1",          edit_household1,   "YYYDD" },
	{ "edit a household of grid 2",          edit_household2,   "YYFDD" },
	{ "add a household in grid 1",           new_household1,    "YYYDD" },
	{ "add a household in grid 2",           new_household2,    "YYDDD" },
	{ "edit a member of grid 1",             edit_member1,      "YYYDD" },
	{ "tag a household",                     tag_plain,         "YYYDD" },
	{ "give a sensitive tag",                tag_sensitive,     "YYDDD" },
	{ "log a visit in grid 1",               visit1,            "YYYDD" },
	{ "log a visit in grid 2",               visit2,            "YYFDD" },
	{ "register a case",                     new_case,          "YDDYD" },
	{ "record in a case",                    case_record,       "YDDYD" },
	{ "a case's parties whole (document)",   case_document,     "YYDYD" },
	{ "edit a meeting",                      meeting_edit,      "YYDDD" },
	{ "mark attendance",                     attendance,        "YYDDD" },
	{ "build a roster",                      new_roster,        "YYDDD" },
	{ "add a roster to a meeting",           roster_to_meeting, "YYDDD" },
	{ "change a setting",                    setting,           "YDDDD" },
	{ "add to a vocabulary",                 vocab,             "YDDDD" },
	{ "change a tag's interval",             interval,          "YDDDD" },
	{ "add a tag",                           new_tag,           "YDDDD" },
	{ "edit a member of staff",              staff_edit,        "YDDDD" },
	{ "reveal a resident of grid 1",         reveal_res1,       "YYYDD" },
	{ "reveal a party of grid 2",            reveal_party_res2, "YYFYD" },
	{ "reveal a household's phone",          reveal_phone1,     "YYYDD" },
	{ "reveal a case party",                 reveal_party,      "YYDYD" },
	{ "export households, masked",           export_households, "YYYDY" },
	{ "export cases, masked",                export_cases,      "YYDYY" },
	{ "export meetings, masked",             export_meetings,   "YYDDY" },
	{ "export households whole",             export_full,       "YDDDD" },
	{ "import households",                   import,            "YYDDD" },
	{ "read the audit history",              history,           "YYDDD" },
};

static void every_role_every_try(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < ARRAY_SIZE(tries); i++)
		for (int role = ROLE_DIRECTOR; role < ROLES; role++) {
			struct reg r;
			struct db *db = fresh(&r, (enum role)role);
			enum db_status s = tries[i].run(&r);
			char got = s == DB_OK ? 'Y' : s == DB_ERR_DENIED ? 'D' : s == DB_ERR_NOTFOUND ? 'F' : '?';
			char want = tries[i].want[role - 1];
			if (got != want) {
				print_error("%s as %s: %c, not %c (status %d)\n", tries[i].what, role_name((enum role)role),
					    got, want, s);
				failures++;
			}
			/* A refusal says which roles may. */
			if (got == 'D' && !strstr(r.refusal, "主任") && !strstr(r.refusal, "社工") &&
			    !strstr(r.refusal, "调解员")) {
				print_error("%s as %s: the refusal names nobody: %s\n", tries[i].what,
					    role_name((enum role)role), r.refusal);
				failures++;
			}
			reg_free(&r);
			db_close(&db);
		}
	assert_int_equal(failures, 0);
}

/* ---- what a 网格员 sees, what is masked, what is logged ---- */

static void a_grid_worker_sees_their_grid(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_GRID);
	struct hh_filter all = { .kind = HH_ALL };
	int n;
	assert_int_equal(reg_count(&r, &all, &n), DB_OK);
	assert_int_equal(n, t.count_grid1);
	assert_true(n < t.count_all);
	/* A name of the other grid is not found, not even as "elsewhere". */
	char name[64];
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT name FROM resident WHERE id = %lld", (long long)t.res2_party);
	query_text(db, sql, name, sizeof name);
	struct hh_filter f;
	reg_filter(&r, name, &f);
	struct search_result res;
	assert_int_equal(reg_search(&r, &f, &res), DB_OK);
	for (int i = 0; i < res.n; i++)
		assert_int_not_equal(res.items[i].household_id, t.hh2);
	search_result_free(&res);
	/* Today counts their grid only. */
	struct today td;
	assert_int_equal(reg_today(&r, "2026-11-22", 0, 0, 500, &td), DB_OK);
	int mine = td.all_overdue;
	for (int i = 0; i < td.n_overdue; i++)
		assert_int_not_equal(td.overdue[i].household_id, t.hh2);
	today_free(&td);
	reg_free(&r);
	db_close(&db);
	db = fresh(&r, ROLE_DIRECTOR);
	assert_int_equal(reg_today(&r, "2026-11-22", 0, 0, 500, &td), DB_OK);
	assert_true(td.all_overdue > mine);
	today_free(&td);
	reg_free(&r);
	db_close(&db);
	/* With no grid: nothing at all. */
	db = fresh(&r, ROLE_GRID);
	dbtest_as(&r, ROLE_GRID, NULL, 0);
	assert_int_equal(reg_count(&r, &all, &n), DB_OK);
	assert_int_equal(n, 0);
	reg_free(&r);
	db_close(&db);
}

static void numbers_are_masked_and_reveals_logged(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_SOCIAL);
	struct household h;
	assert_int_equal(reg_household(&r, t.hh1, &h), DB_OK);
	for (int i = 0; i < h.n_members; i++) {
		assert_true(!*h.members[i].id_number || strchr(h.members[i].id_number, '*'));
		assert_true(strlen(h.members[i].phone) < 7 || strchr(h.members[i].phone, '*'));
	}
	household_free(&h);
	int before = query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'");
	char *idn, *phone;
	assert_int_equal(reg_reveal(&r, "resident", t.res1, "办理业务", &idn, &phone), DB_OK);
	assert_null(strchr(idn, '*'));
	x_free(&idn);
	x_free(&phone);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'reveal'"), before + 1);
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE action = 'reveal' AND row_id = %lld"
		 " AND staff_id = %d AND json_extract(new_values, '$.reason') = '办理业务'"
		 " AND json_extract(new_values, '$.fields') <> ''", (long long)t.res1, 900 + ROLE_SOCIAL);
	assert_int_equal(query_int(db, sql), 1);
	/* A reason not on the list shows nothing. */
	assert_int_equal(reg_reveal(&r, "resident", t.res1, "好奇", &idn, &phone), DB_ERR_DENIED);
	assert_null(idn);
	reg_free(&r);
	db_close(&db);
	/* A full export leaves one row: who, which ledger, how many, where. */
	db = fresh(&r, ROLE_DIRECTOR);
	assert_int_equal(export_full(&r), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'export'"
				       " AND json_extract(new_values, '$.ledger') = 'households'"
				       " AND json_extract(new_values, '$.file') = 'test.csv'"
				       " AND json_extract(new_values, '$.rows') > 0"), 1);
	reg_free(&r);
	db_close(&db);
}

static void a_social_worker_reads_their_own_history(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_DIRECTOR);
	assert_int_equal(reveal_res1(&r), DB_OK); /* the 主任 looks */
	struct audit_filter f = { 0 };
	int all, own;
	assert_int_equal(reg_history_count(&r, &f, &all), DB_OK);
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	assert_int_equal(reveal_res1(&r), DB_OK); /* and the 社工 */
	assert_int_equal(reg_history_count(&r, &f, &own), DB_OK);
	/* The 社工 sees the changes and their own look, not the 主任's. */
	f.table[0] = '\0';
	struct audit_row rows[4];
	int n;
	snprintf(f.table, sizeof f.table, "resident");
	f.row_id = t.res1;
	assert_int_equal(reg_history_page(&r, &f, NULL, 1, true, 4, rows, &n), DB_OK);
	int reveals = 0;
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].action, "reveal") == 0) {
			reveals++;
			assert_int_equal(rows[i].staff_id, 900 + ROLE_SOCIAL);
		}
		audit_row_free(&rows[i]);
	}
	assert_int_equal(reveals, 1);
	assert_true(own < all + 1);
	reg_free(&r);
	db_close(&db);
}

static void a_change_shows_field_by_field(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_DIRECTOR);
	assert_int_equal(edit_household1(&r), DB_OK);
	struct audit_filter f = { .row_id = t.hh1 };
	snprintf(f.table, sizeof f.table, "household");
	struct audit_row row;
	int n;
	assert_int_equal(reg_history_page(&r, &f, NULL, 1, true, 1, &row, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(row.action, "update");
	struct history_field *hf;
	int nf;
	reg_history_fields(&r, &row, &hf, &nf);
	assert_int_equal(nf, 1); /* only the notes changed: no version, no updated_at */
	assert_string_equal(hf[0].label, "备注");
	assert_string_equal(hf[0].after, "改过");
	history_fields_free(&hf, &nf);
	audit_row_free(&row);
	reg_free(&r);
	db_close(&db);
}

static void a_retired_member_is_signed_out(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_DIRECTOR);
	struct staff_rec s;
	staff_rec_init(&s);
	assert_int_equal(db_exec(db, "UPDATE staff SET pin_hash = NULL"), DB_OK);
	/* Sign in as the last member (through its login's PIN-less door). */
	assert_int_equal(reg_staff_get(&r, t.staff_other, &s), DB_OK);
	char msg[256];
	assert_int_equal(reg_staff_set_pin(&r, s.id, "2468", &(struct check){ 0 }), DB_OK);
	assert_int_equal(reg_sign_in(&r, s.id, "1111", msg, sizeof msg), DB_ERR_DENIED);
	assert_non_null(strstr(msg, "4")); /* tries left */
	assert_int_equal(reg_sign_in(&r, s.id, "2468", msg, sizeof msg), DB_OK);
	assert_int_equal(r.acc.staff_id, s.id);
	assert_true(reg_still_in_service(&r));
	/* The 主任 retires them in another session. */
	assert_int_equal(db_exec(db, "UPDATE staff SET active = 0 WHERE id = (SELECT max(id) FROM staff)"), DB_OK);
	assert_false(reg_still_in_service(&r));
	assert_int_equal(r.acc.role, ROLE_NONE);
	assert_int_equal(reg_sign_in(&r, s.id, "2468", msg, sizeof msg), DB_ERR_DENIED);
	staff_rec_free(&s);
	reg_free(&r);
	db_close(&db);
}

static void five_wrong_pins_lock_for_five_minutes(void **state)
{
	(void)state;
	struct reg r;
	struct db *db = fresh(&r, ROLE_DIRECTOR);
	assert_int_equal(reg_staff_set_pin(&r, t.staff_other, "2468", &(struct check){ 0 }), DB_OK);
	char msg[256];
	for (int i = 0; i < PIN_TRIES; i++)
		assert_int_equal(reg_sign_in(&r, t.staff_other, "0000", msg, sizeof msg), DB_ERR_DENIED);
	assert_non_null(strstr(msg, "5"));
	/* Locked: even the right PIN waits, and so does another session. */
	assert_int_equal(reg_sign_in(&r, t.staff_other, "2468", msg, sizeof msg), DB_ERR_DENIED);
	struct reg other;
	reg_init(&other, db);
	assert_int_equal(reg_sign_in(&other, t.staff_other, "2468", msg, sizeof msg), DB_ERR_DENIED);
	reg_free(&other);
	/* Five minutes on, it opens. */
	assert_int_equal(db_exec(db, "UPDATE staff_lock SET locked_until = datetime('now', 'localtime', '-1 second')"),
			 DB_OK);
	assert_int_equal(reg_sign_in(&r, t.staff_other, "2468", msg, sizeof msg), DB_OK);
	/* The hash is no PIN as typed. */
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM staff WHERE pin_hash LIKE '$y$%%' AND id = %lld",
		 (long long)t.staff_other);
	assert_int_equal(query_int(db, sql), 1);
	reg_free(&r);
	db_close(&db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_matrix_is_the_readme_s),
		cmocka_unit_test(every_role_every_try),
		cmocka_unit_test(a_grid_worker_sees_their_grid),
		cmocka_unit_test(numbers_are_masked_and_reveals_logged),
		cmocka_unit_test(a_social_worker_reads_their_own_history),
		cmocka_unit_test(a_change_shows_field_by_field),
		cmocka_unit_test(a_retired_member_is_signed_out),
		cmocka_unit_test(five_wrong_pins_lock_for_five_minutes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
