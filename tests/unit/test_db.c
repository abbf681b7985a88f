/* Unit tests: opening, refusing, migrating; audit; the household list. */
#include "cm.h"

#include "core/register.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/household.h"
#include "db/internal.h"
#include "dbtest.h"

#include <fcntl.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/juwei-test-db-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = x_asprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	x_free(&cmd);
	return rc;
}

static char *path_of(const char *name)
{
	return x_asprintf("%s/%s", dir, name);
}

static char *read_all(const char *path, size_t *n)
{
	char *data = x_read_file(path, 1 << 24, n);
	assert_non_null(data);
	return data;
}

static bool exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static void creates_and_migrates_a_new_file(void **state)
{
	(void)state;
	char *p = path_of("new.db");
	struct db *db = NULL;
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_OK);
	assert_int_equal(db_user_version(db), db_schema_version());
	assert_true(db_schema_version() >= 1);
	assert_int_equal(query_int(db, "PRAGMA application_id"), DB_APPLICATION_ID);
	assert_int_equal(query_int(db, "PRAGMA foreign_keys"), 1);
	assert_int_equal(query_int(db, "PRAGMA synchronous"), 2); /* FULL */
	assert_int_equal(query_int(db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
	assert_int_equal(query_int(db, "PRAGMA page_size"), 8192);
	/* The tables of DESIGN.md §3. */
	const char *tables[] = { "community", "grid", "dwelling", "household", "resident", "tag",
				 "resident_tag", "household_tag", "staff", "visit", "visit_purpose",
				 "visit_method", "must_report_item", "mediation_case", "case_party",
				 "case_event", "meeting", "meeting_attendee", "meeting_item",
				 "audit_log", "draft" };
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++) {
		char *sql = x_asprintf("SELECT count(*) FROM sqlite_schema WHERE type='table' AND name='%s'", tables[i]);
		if (query_int(db, sql) != 1)
			fail_msg("table %s missing", tables[i]);
		x_free(&sql);
	}
	assert_int_equal(query_int(db, "SELECT count(*) FROM tag"), 19);
	assert_true(db_is_empty(db));
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
	db_close(&db);
	assert_null(db);

	/* Again: an existing file opens as it is. */
	assert_int_equal(db_open(p, "tester", 0, &db, NULL), DB_OK);
	assert_int_equal(db_user_version(db), db_schema_version());
	assert_int_equal(query_int(db, "SELECT count(*) FROM tag"), 19);
	db_close(&db);
	x_free(&p);
}

/* Migration 005 wrote the lists of the CHECK constraints as CASE; they
 * must refuse what they refused before and let the rest through. */
static void checks_keep_their_lists(void **state)
{
	(void)state;
	char *p = path_of("checks.db");
	struct db *db = NULL;
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_OK);
	/* No list of three or more is left for SQLite to index on every insert. */
	sqlite3_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
	assert_non_null(st);
	int tables = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		const char *sql = (const char *)sqlite3_column_text(st, 1);
		tables++;
		for (const char *in = sql; (in = strstr(in, " IN (")); in++) {
			const char *end = strchr(in, ')');
			int commas = 0;
			for (const char *c = in + 5; end && c < end; c++)
				commas += *c == ',';
			if (in[5] == '\'' && commas >= 2 && end)
				fail_msg("%s still has a list:%.*s", name, (int)(end - in + 1), in);
		}
	}
	sqlite3_finalize(st);
	assert_true(tables > 20);
	assert_int_equal(query_int(db, "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%CASE ethnicity%'"), 1);
	assert_int_equal(db_exec(db, "INSERT INTO dwelling(compound, tenure) VALUES ('和平苑', '租住')"), DB_OK);
	assert_int_not_equal(db_exec(db, "INSERT INTO dwelling(compound, tenure) VALUES ('和平苑', '租')"), DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO dwelling(compound, tenure) VALUES ('幸福里', NULL)"), DB_OK);
	assert_int_not_equal(db_exec(db, "INSERT INTO household(dwelling_id, kind) VALUES (1, '户籍')"), DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO household(dwelling_id, kind) VALUES (1, '人户分离')"), DB_OK);
	static const struct { const char *values; bool ok; } residents[] = {
		{ "'户主', '汉族', '在住'", true },
		{ "'配偶', '外国血统中国籍人士', '在住'", true },
		{ "'子', NULL, '在住'", true },
		{ "'子', '汉', '在住'", false },
		{ "'子', '汉族 ', '在住'", false },
		{ "'邻居', '回族', '在住'", false },
		{ "'女', '回族', '失踪'", false },
		{ "'女', '回族', NULL", false },
	};
	for (size_t i = 0; i < ARRAY_SIZE(residents); i++) {
		char *sql = x_asprintf("INSERT INTO resident(household_id, name, relation, ethnicity, status)"
				       " VALUES (1, '张三', %s)", residents[i].values);
		if ((db_exec(db, sql) == DB_OK) != residents[i].ok)
			fail_msg("%s: %s", sql, residents[i].ok ? "refused" : "accepted");
		x_free(&sql);
	}
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident"), 3);
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
	db_close(&db);
	x_free(&p);
}

/* Open must fail with want and leave the file byte for byte as it was,
 * with no -wal or -shm beside it. */
static void assert_refused_untouched(const char *p, enum db_status want)
{
	size_t n1, n2;
	char *before = read_all(p, &n1);
	struct db *db = NULL;
	char *detail = NULL;
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, &detail), want);
	assert_null(db);
	x_free(&detail);
	char *after = read_all(p, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	char *wal = x_asprintf("%s-wal", p);
	assert_false(exists(wal));
	x_free(&wal);
	x_free(&before);
	x_free(&after);
}

static void refuses_a_file_that_is_not_sqlite(void **state)
{
	(void)state;
	char *p = path_of("notes.txt");
	FILE *f = fopen(p, "w");
	fputs("户主 张三\nThis is a spreadsheet export, not a database.\n", f);
	fclose(f);
	assert_refused_untouched(p, DB_ERR_NOTDB);
	x_free(&p);
	/* A short file is not a database either. */
	p = path_of("short");
	f = fopen(p, "w");
	fputs("SQLite", f);
	fclose(f);
	assert_refused_untouched(p, DB_ERR_NOTDB);
	x_free(&p);
}

static void make_raw(const char *p, const char *sql)
{
	sqlite3 *h;
	assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
	assert_int_equal(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}

static void refuses_other_programs_and_newer_schemas(void **state)
{
	(void)state;
	char *p = path_of("other.db");
	make_raw(p, "CREATE TABLE accounts(x); INSERT INTO accounts VALUES(1)");
	assert_refused_untouched(p, DB_ERR_FOREIGN);
	x_free(&p);

	p = path_of("newer.db");
	struct db *db = NULL;
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_OK);
	db_close(&db);
	char *sql = x_asprintf("PRAGMA journal_mode=DELETE; PRAGMA user_version=%d", db_schema_version() + 1);
	make_raw(p, sql);
	x_free(&sql);
	assert_refused_untouched(p, DB_ERR_NEWER);
	x_free(&p);
}

static void refuses_paths_it_cannot_write(void **state)
{
	(void)state;
	struct db *db = NULL;
	char *p = path_of("no/such/dir/x.db");
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_ERR_CANTOPEN);
	x_free(&p);
	p = path_of("absent.db");
	assert_int_equal(db_open(p, "tester", 0, &db, NULL), DB_ERR_CANTOPEN);
	assert_false(exists(p));
	x_free(&p);
	/* A directory is not a database. */
	assert_int_equal(db_open(dir, "tester", DB_OPEN_CREATE, &db, NULL), DB_ERR_NOTDB);
	if (geteuid() == 0) {
		print_message("running as root: file permissions do not stop root; read-only case skipped\n");
		skip();
	}
	p = path_of("ro.db");
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_OK);
	db_close(&db);
	chmod(p, 0444);
	assert_refused_untouched(p, DB_ERR_READONLY);
	x_free(&p);
}

static struct db *fixture(const char *name)
{
	char *p = path_of(name);
	struct db *db = NULL;
	assert_int_equal(db_open(p, "tester", DB_OPEN_CREATE, &db, NULL), DB_OK);
	x_free(&p);
	/* 25 households: buildings 1..12 (to see 2 sort before 10),
	 * names of 1 to 4 characters, one with a middle dot. */
	assert_int_equal(db_exec(db,
		"INSERT INTO community(name, short_name, created_by) VALUES ('幸福里社区居民委员会', '幸福里', juwei_user());"
		"INSERT INTO grid(code, name) VALUES ('G1', '第一网格');"
		"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)"
		" INSERT INTO dwelling(grid_id, compound, building, unit, room)"
		" SELECT 1, CASE WHEN i <= 20 THEN '幸福里小区' ELSE '和平苑' END,"
		"  CAST((i - 1) % 12 + 1 AS TEXT), CAST((i - 1) / 12 + 1 AS TEXT), CAST(100 + i AS TEXT) FROM n;"
		"INSERT INTO household(dwelling_id, kind, phone) SELECT id, '户籍户', '1380000' || printf('%04d', id) FROM dwelling;"
		"INSERT INTO resident(household_id, name, relation, sex, id_number)"
		" SELECT id, CASE id % 4 WHEN 0 THEN '王' WHEN 1 THEN '李娜' WHEN 2 THEN '欧阳娜娜' ELSE '张三丰' END,"
		"  '户主', '女', '11010519491231' || printf('%04d', id) FROM household;"
		"UPDATE resident SET name = '阿依古丽·买买提' WHERE household_id = 7;"
		"UPDATE resident SET id_number = '11010519491231002X' WHERE household_id = 9;"), DB_OK);
	return db;
}

static void audit_records_the_acting_user(void **state)
{
	(void)state;
	struct db *db = fixture("audit.db");
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'household'"
				       " AND action = 'insert' AND user = 'tester'"), 25);
	assert_int_equal(db_exec(db, "UPDATE household SET phone = '010-1234' , version = version + 1 WHERE id = 3"), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'household'"
				       " AND action = 'update' AND row_id = 3 AND user = 'tester'"
				       " AND json_extract(new_values, '$.phone') = '010-1234'"
				       " AND json_extract(old_values, '$.phone') = '13800000003'"), 1);
	assert_int_equal(db_exec(db, "DELETE FROM resident WHERE household_id = 3"), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident'"
				       " AND action = 'delete' AND json_extract(old_values, '$.household_id') = 3"), 1);
	/* Constraints hold. */
	assert_int_not_equal(db_exec(db, "INSERT INTO household(dwelling_id) VALUES (9999)"), DB_OK);
	assert_int_not_equal(db_exec(db, "INSERT INTO resident(household_id, name, relation, sex) VALUES (1, 'x', '户主', '男')"), DB_OK);
	assert_int_not_equal(db_exec(db, "INSERT INTO resident(household_id, name, relation, sex) VALUES (1, 'x', '子', 'x')"), DB_OK);
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
	db_close(&db);

	/* A connection without juwei_user() cannot write unattributed. */
	char *p = path_of("audit.db");
	sqlite3 *h;
	assert_int_equal(sqlite3_open(p, &h), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(h, "UPDATE household SET phone = NULL WHERE id = 1", NULL, NULL, NULL), SQLITE_OK);
	assert_non_null(strstr(sqlite3_errmsg(h), "no such function: juwei_"));
	sqlite3_close(h);
	x_free(&p);
}

static void free_page(struct hh_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		hh_row_free(&rows[i]);
}

static void pages_through_the_list_in_order(void **state)
{
	(void)state;
	struct db *db = fixture("list.db");
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	int total = 0;
	assert_int_equal(db_household_count(db, &f, &total), DB_OK);
	assert_int_equal(total, 25);

	/* Forward in pages of 4: every household once, in list order. */
	struct hh_row rows[4];
	struct hh_key at = { NULL, 0 };
	int seen = 0, n;
	char *last = x_strdup("");
	int64_t seen_ids[32];
	do {
		assert_int_equal(db_household_page(db, &f, &at, 1, false, 4, rows, &n), DB_OK);
		for (int i = 0; i < n; i++) {
			char *k = x_asprintf("%s|%08lld", rows[i].key.sort_key, (long long)rows[i].key.id);
			assert_true(strcmp(last, k) < 0);
			x_free(&last);
			last = k;
			seen_ids[seen++] = rows[i].key.id;
		}
		if (n)
			hh_key_copy(&at, &rows[n - 1].key);
		free_page(rows, n);
	} while (n == 4);
	assert_int_equal(seen, 25);
	x_free(&last);

	/* Backward from the end: the same rows in the same order. */
	hh_key_free(&at);
	int back = 25;
	do {
		assert_int_equal(db_household_page(db, &f, &at, -1, false, 4, rows, &n), DB_OK);
		back -= n;
		for (int i = 0; i < n; i++)
			assert_int_equal(rows[i].key.id, seen_ids[back + i]);
		if (n)
			hh_key_copy(&at, &rows[0].key);
		free_page(rows, n);
	} while (n == 4);
	assert_int_equal(back, 0);
	hh_key_free(&at);

	/* Inclusive: from a row, that row first. */
	struct hh_key third = { NULL, 0 };
	assert_int_equal(db_household_page(db, &f, NULL, 1, false, 3, rows, &n), DB_OK);
	hh_key_copy(&third, &rows[2].key);
	free_page(rows, n);
	assert_int_equal(db_household_page(db, &f, &third, 1, true, 2, rows, &n), DB_OK);
	assert_int_equal(rows[0].key.id, third.id);
	free_page(rows, n);
	assert_int_equal(db_household_page(db, &f, &third, 1, false, 2, rows, &n), DB_OK);
	assert_int_not_equal(rows[0].key.id, third.id);
	free_page(rows, n);
	hh_key_free(&third);

	/* Building 2 sorts before building 10 within a compound. */
	assert_int_equal(db_household_page(db, &f, &at, 1, false, 4, rows, &n), DB_OK);
	assert_string_equal(rows[0].compound, "和平苑");
	free_page(rows, n);
	db_close(&db);
}

static int search_count(struct db *db, const char *input)
{
	struct reg r;
	reg_init(&r, db);
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	reg_filter(&r, input, &f);
	int n = -1;
	if (f.kind == HH_TEXT || f.kind == HH_DIGITS) {
		/* Names and digits go through the search index, ranked. */
		struct search_result res;
		assert_int_equal(reg_search(&r, &f, &res), DB_OK);
		n = res.n;
		search_result_free(&res);
	} else {
		assert_int_equal(reg_count(&r, &f, &n), DB_OK);
	}
	reg_free(&r);
	return n;
}

static void searches(void **state)
{
	(void)state;
	struct db *db = fixture("search.db");
	assert_int_equal(search_count(db, ""), 25);
	/* Dwelling 14 is building 2, unit 2, room 114. */
	assert_int_equal(search_count(db, "2-2-114"), 1);
	assert_int_equal(search_count(db, "2-2"), 1);
	assert_int_equal(search_count(db, "2-"), 2);
	assert_int_equal(search_count(db, "9-9-999"), 0);
	assert_int_equal(search_count(db, "欧阳"), 6);
	assert_int_equal(search_count(db, "买买提"), 1);
	assert_int_equal(search_count(db, "和平"), 5);
	assert_int_equal(search_count(db, "002x"), 1);  /* end of an ID number */
	assert_int_equal(search_count(db, "0017"), 1);  /* end of a phone */
	assert_int_equal(search_count(db, "115"), 1);   /* a room */

	struct reg r;
	reg_init(&r, db);
	struct household h;
	assert_int_equal(reg_household(&r, 7, &h), DB_OK);
	assert_int_equal(h.n_members, 1);
	assert_string_equal(h.members[0].name, "阿依古丽·买买提");
	assert_string_equal(h.row.head, "阿依古丽·买买提");
	assert_string_equal(h.grid, "第一网格");
	household_free(&h);
	assert_int_equal(reg_household(&r, 999, &h), DB_ERR_NOTFOUND);
	db_close(&db);
}

/* Another session's commit is noticed, once. */
static void notices_other_sessions(void **state)
{
	(void)state;
	struct db *a = fixture("shared.db");
	char *p = path_of("shared.db");
	struct db *b = NULL;
	assert_int_equal(db_open(p, "other", 0, &b, NULL), DB_OK);
	struct reg r;
	reg_init(&r, a);
	assert_false(reg_changed(&r));
	assert_int_equal(db_exec(b, "UPDATE household SET phone = '13900000000', version = version + 1 WHERE id = 1"), DB_OK);
	assert_true(reg_changed(&r));
	assert_false(reg_changed(&r));
	/* Its own writes are not news. */
	assert_int_equal(db_exec(a, "UPDATE household SET phone = '13900000001', version = version + 1 WHERE id = 1"), DB_OK);
	assert_false(reg_changed(&r));
	db_close(&b);
	db_close(&a);
	x_free(&p);
}

/* Opening a current file takes no write lock: an export opens while a
 * long import holds one. */
static void opening_waits_for_no_writer(void **state)
{
	(void)state;
	char p[] = "/tmp/juwei-lock-test-XXXXXX";
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	close(fd);
	unlink(p);
	struct db *a = NULL, *b = NULL;
	assert_int_equal(db_open(p, "importer", DB_OPEN_CREATE, &a, NULL), DB_OK);
	assert_int_equal(db_exec(a, "BEGIN IMMEDIATE"), DB_OK);
	assert_int_equal(db_open(p, "reader", 0, &b, NULL), DB_OK);
	assert_true(query_int(b, "SELECT count(*) FROM tag") > 0);
	db_close(&b);
	assert_int_equal(db_exec(a, "COMMIT"), DB_OK);
	db_close(&a);
	dbtest_remove(p);
}

/* Every UPDATE of db/ names the version it read, or writes only a
 * column checked against what was read, or says why neither is needed
 * ("Unversioned:" in a comment just above): a save never puts back,
 * silently, what another clerk changed. */
static bool update_is_checked(char **lines, int n, int at)
{
	for (int i = at; i < n && i < at + 12; i++) {
		if (strstr(lines[i], "version = ?") || strstr(lines[i], "= ?3\"") /* tenure over what was read */)
			return true;
		if (i > at && (strstr(lines[i], "\");") || strstr(lines[i], "\",")))
			break;
	}
	for (int i = at; i >= 0 && i > at - 6; i--)
		if (strstr(lines[i], "Unversioned:"))
			return true;
	return false;
}

static void every_update_checks_what_it_read(void **state)
{
	(void)state;
	const char *src = getenv("JUWEI_SRC");
	char *dpath = x_asprintf("%s/db", src ? src : ".");
	DIR *d = opendir(dpath);
	assert_non_null(d);
	int bad = 0, updates = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 3 || strcmp(e->d_name + len - 2, ".c") != 0)
			continue;
		char *path = x_asprintf("%s/%s", dpath, e->d_name);
		char *text = x_read_file(path, 1 << 22, NULL);
		assert_non_null(text);
		char **lines = NULL;
		int n = 0;
		for (char *p = text, *nl; p && *p; p = nl ? nl + 1 : NULL) {
			nl = strchr(p, '\n');
			if (nl)
				*nl = '\0';
			lines = x_realloc(lines, (size_t)(n + 1) * sizeof *lines);
			lines[n++] = p;
		}
		for (int i = 0; i < n; i++) {
			const char *u = strstr(lines[i], "\"UPDATE ");
			if (!u)
				u = strstr(lines[i], "? \"UPDATE ");
			if (!u || !strstr(u, " SET ") || strstr(u, "UPDATE audit_log") || strstr(u, "UPDATE staff_lock"))
				continue;
			updates++;
			if (!update_is_checked(lines, n, i)) {
				print_error("%s:%d: an UPDATE that checks no version: %s\n", e->d_name, i + 1, u);
				bad++;
			}
		}
		x_free(&lines);
		x_free(&text);
		x_free(&path);
	}
	closedir(d);
	x_free(&dpath);
	assert_true(updates > 10);
	assert_int_equal(bad, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(creates_and_migrates_a_new_file),
		cmocka_unit_test(checks_keep_their_lists),
		cmocka_unit_test(refuses_a_file_that_is_not_sqlite),
		cmocka_unit_test(refuses_other_programs_and_newer_schemas),
		cmocka_unit_test(refuses_paths_it_cannot_write),
		cmocka_unit_test(audit_records_the_acting_user),
		cmocka_unit_test(pages_through_the_list_in_order),
		cmocka_unit_test(searches),
		cmocka_unit_test(notices_other_sessions),
		cmocka_unit_test(every_update_checks_what_it_read),
		cmocka_unit_test(opening_waits_for_no_writer),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
