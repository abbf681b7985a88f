/* Unit tests: citizen ID numbers and the demo community's invariants. */
#include "cm.h"

#include "core/date.h"
#include "core/demo.h"
#include "core/idcard.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/internal.h"
#include "dbtest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void id_numbers(void **state)
{
	(void)state;
	struct idcard_info info;
	/* The standard's own example. */
	assert_int_equal(idcard_parse("11010519491231002X", &info), ID_OK);
	assert_string_equal(info.birth, "1949-12-31");
	assert_false(info.male);
	assert_int_equal(idcard_check_char("11010519491231002"), 'X');
	/* Lower-case x is accepted and stored upper-case. */
	assert_int_equal(idcard_parse("11010519491231002x", &info), ID_OK);
	assert_string_equal(info.number, "11010519491231002X");
	assert_int_equal(idcard_parse("110105194912310021", &info), ID_BAD_CHECKSUM);
	assert_int_equal(idcard_parse("110105199902300021", &info), ID_BAD_DATE);
	assert_int_equal(idcard_parse("11010519491231002", &info), ID_BAD_LENGTH);
	assert_int_equal(idcard_parse("1101051949123100XX", &info), ID_BAD_CHARS);
	/* 15 digits: 19 goes before the year, a check character after. */
	assert_int_equal(idcard_parse("110105491231002", &info), ID_OK);
	assert_string_equal(info.number, "11010519491231002X");
	assert_false(info.male);
	assert_int_equal(idcard_parse("110105491231001", &info), ID_OK);
	assert_true(info.male);
}

static char *dump(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name, coalesce(id_number, ''), birth_date FROM resident ORDER BY id");
	struct strbuf sb = STRBUF_INIT;
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_addf(&sb, "%s|%s|%s\n", sqlite3_column_text(st, 0), sqlite3_column_text(st, 1),
			sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return sb_take(&sb);
}

static struct db *generate(const char *path, int households, uint64_t seed, struct demo_stats *st)
{
	unlink(path);
	struct db *db = NULL;
	assert_int_equal(db_open(path, "demo-test", DB_OPEN_CREATE, &db, NULL), DB_OK);
	struct demo_opts o = { households, seed, "2026-11-22" };
	assert_int_equal(demo_generate(db, &o, st), DB_OK);
	return db;
}

static void invariants(void **state)
{
	(void)state;
	char path[] = "/tmp/juwei-demo-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct demo_stats st;
	struct db *db = generate(path, 300, 1, &st);
	assert_int_equal(st.households, 300);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), 300);
	double ratio = (double)st.residents / st.households;
	print_message("300 households, %d residents (%.2f each), %d visits, %d cases, %d meetings\n",
		      st.residents, ratio, st.visits, st.cases, st.meetings);
	assert_true(ratio > 2.3 && ratio < 3.2);

	/* Every ID number: 18 characters, a correct check character, the
	 * resident's birth date and a sequence that matches the sex. */
	sqlite3_stmt *s = db_prepare(db, "SELECT id_number, birth_date, sex FROM resident WHERE id_number IS NOT NULL");
	int n = 0;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		struct idcard_info info;
		assert_int_equal(strlen(id), 18);
		assert_int_equal(idcard_parse(id, &info), ID_OK);
		assert_string_equal(info.birth, (const char *)sqlite3_column_text(s, 1));
		assert_string_equal(info.male ? "男" : "女", (const char *)sqlite3_column_text(s, 2));
		n++;
	}
	sqlite3_finalize(s);
	assert_true(n > st.residents * 9 / 10);

	/* Exactly one head per household, living where the household is. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM household h WHERE"
				       " (SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.relation = '户主') <> 1"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household h WHERE h.status = '在住' AND"
				       " NOT EXISTS (SELECT 1 FROM resident r WHERE r.household_id = h.id"
				       " AND r.relation = '户主' AND r.status = '在住')"), 0);
	/* Names: compound surnames and minority names with a middle dot. */
	/* 户号 are unique. */
	assert_int_equal(query_int(db, "SELECT count(*) - count(DISTINCT reg_no) FROM household WHERE reg_no IS NOT NULL"), 0);
	/* Nobody moves away or dies before being born. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE status_date < birth_date"), 0);
	assert_true(query_int(db, "SELECT count(*) FROM resident WHERE substr(name, 1, 2) IN ('欧阳','司马','诸葛','上官')") > 0);
	assert_true(query_int(db, "SELECT count(*) FROM resident WHERE instr(name, '·') > 0") > 0);
	/* Children carry their father's surname (Uyghur names do not). */
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident c JOIN resident f"
				       " ON f.household_id = c.household_id AND f.relation IN ('户主','配偶') AND f.sex = '男'"
				       " WHERE c.relation IN ('子','女') AND c.ethnicity <> '维吾尔族'"
				       " AND substr(c.name, 1, 1) <> substr(f.name, 1, 1)"), 0);
	/* Case numbers run 1..n each year, without gaps. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM (SELECT year, max(seq) m, count(*) c"
				       " FROM mediation_case GROUP BY year) WHERE m <> c"), 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case WHERE case_no NOT LIKE '（' || year || '）幸福里人调字第' || seq || '号'"), 0);
	/* No passed decision without more than half of those present. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting_item i WHERE decision = '通过' AND"
				       " votes_for * 2 <= (SELECT count(*) FROM meeting_attendee a"
				       "  WHERE a.meeting_id = i.meeting_id AND attendance IN ('出席','委托') AND role = '居民代表')"), 0);
	/* Every row attributed in the audit log. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE user <> 'demo-test'"), 0);
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
	char *a = dump(db);
	db_close(&db);

	/* The same seed gives the same people; another seed, others. */
	db = generate(path, 300, 1, &st);
	char *b = dump(db);
	db_close(&db);
	assert_string_equal(a, b);
	db = generate(path, 300, 2, &st);
	char *c = dump(db);
	db_close(&db);
	assert_string_not_equal(a, c);
	x_free(&a);
	x_free(&b);
	x_free(&c);
	dbtest_remove(path);
}

/* A year as a real one goes, in a community of the default size: plans
 * for the next visit are mostly recent, or a later visit kept them, only
 * a few left behind (已错过), not most of a year's; cases close when
 * their last step is taken, after a time of their own. */
static void plans_as_a_year_has_them(void **state)
{
	(void)state;
	char path[] = "/tmp/juwei-demo-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct demo_stats st;
	struct db *db = generate(path, 2000, 1, &st);
	int plans = query_int(db, "SELECT count(*) FROM visit v WHERE next_visit_date IS NOT NULL AND NOT EXISTS"
				  " (SELECT 1 FROM visit w WHERE w.household_id = v.household_id AND w.visit_date > v.visit_date)");
	int missed = query_int(db, "SELECT count(*) FROM visit v WHERE next_visit_date < date('2026-11-22', '-7 days')"
				   " AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = v.household_id"
				   " AND w.visit_date > v.visit_date)");
	print_message("plans standing %d, missed %d\n", plans, missed);
	assert_true(plans > 0 && missed * 4 <= plans);
	/* A closed case closes on the day of its last step, after as many
	 * days as it took: not the same number for every case. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM mediation_case c WHERE state = '结案' AND closed_date <>"
				       " (SELECT max(event_date) FROM case_event e WHERE e.case_id = c.id AND to_state = '结案')"), 0);
	int closed = query_int(db, "SELECT count(*) FROM mediation_case WHERE state = '结案'");
	int lengths = query_int(db, "SELECT count(DISTINCT julianday(closed_date) - julianday(accepted_date))"
				    " FROM mediation_case WHERE state = '结案'");
	print_message("closed cases %d, of %d different lengths\n", closed, lengths);
	assert_true(closed > 10 && lengths * 3 >= closed);
	db_close(&db);
	unlink(path);
}

static void date_arithmetic(void **state)
{
	(void)state;
	char buf[11];
	assert_true(date_add("2026-11-22", 10, buf));
	assert_string_equal(buf, "2026-12-02");
	assert_true(date_add("2026-12-25", 10, buf));
	assert_string_equal(buf, "2027-01-04");
	assert_true(date_add("2024-03-01", -1, buf));
	assert_string_equal(buf, "2024-02-29");
	assert_true(date_add("1949-12-31", 1, buf));
	assert_string_equal(buf, "1950-01-01");
	assert_false(date_add("2026-02-30", 1, buf));
	assert_int_equal(date_to_days(1970, 1, 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(id_numbers),
		cmocka_unit_test(date_arithmetic),
		cmocka_unit_test(invariants),
		cmocka_unit_test(plans_as_a_year_has_them),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
