/* Unit tests: importing the register from CSV - every problem reported
 * once, with its line, column, value and reason; nothing written unless
 * every row is good; people already there found, not doubled. */
#include "cm.h"

#include "core/i18n.h"
#include "core/transfer.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/internal.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-22"
#define HEAD "小区,楼栋,单元,室,户号,姓名,与户主关系,身份证号,手机\n"

static char path[] = "/tmp/juwei-transfer-test-XXXXXX";
static struct db *db;
static struct reg reg;
static bool on_duplicate_update;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	reg_init(&reg, db);
	reg.show_sensitive = true;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&reg);
	dbtest_destroy(path, &db);
	return 0;
}

/* Every problem the importer hands out, as "line|column|value|reason". */
struct seen {
	struct strbuf all;
	int n;
};

static void seen_problem(void *ctx, const struct import_problem *p)
{
	struct seen *s = ctx;
	sb_addf(&s->all, "%ld|%s|%s|%s\n", p->line, p->column, p->value, p->reason);
	s->n++;
}

static void import_text(const char *csv, bool dry_run, struct import_report *rep, struct seen *seen)
{
	FILE *f = fmemopen((void *)csv, strlen(csv), "r");
	assert_non_null(f);
	struct import_opts o = { .encoding = CSV_AUTO, .dry_run = dry_run, .update = on_duplicate_update,
				 .problem = seen_problem, .problem_ctx = seen };
	sb_free(&seen->all);
	sb_adds(&seen->all, "");
	seen->n = 0;
	assert_int_equal(import_households(&reg, f, &o, TODAY, NULL, NULL, rep), DB_OK);
	fclose(f);
	assert_int_equal(rep->problems_total, seen->n);
}

static int residents(void)
{
	return query_int(db, "SELECT count(*) FROM resident");
}

static void good_rows_are_written_and_found_again(void **state)
{
	(void)state;
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	/* A tab before a long number, spaces around a name: as a spreadsheet saves them. */
	import_text(HEAD "幸福里小区,3,2,501,,张三 ,户主,\t110105198001010016,13800001111\n"
		    "幸福里小区,3,2,501,,李四,配偶,110105198202020026,\n", false, &rep, &seen);
	assert_true(rep.written);
	assert_int_equal(rep.households_added, 1);
	assert_int_equal(rep.residents_added, 2);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE name = '张三'"
				   " AND id_number = '110105198001010016'"), 1);
	import_report_free(&rep);
	/* The same file again adds nobody. */
	import_text(HEAD "幸福里小区,3,2,501,,张三,户主,110105198001010016,13800001111\n"
		    "幸福里小区,3,2,501,,李四,配偶,110105198202020026,\n", false, &rep, &seen);
	assert_int_equal(rep.residents_added, 0);
	assert_int_equal(rep.residents_skipped, 2);
	assert_int_equal(residents(), 2);
	import_report_free(&rep);
	sb_free(&seen.all);
}

/* Control characters in a cell are not stored: a terminal never gets
 * them back from the register. */
static void control_characters_do_not_get_in(void **state)
{
	(void)state;
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text(HEAD "和平苑,9,1,101,,\x1b]0;pwned\x07赵\x1b[2J\xe2\x80\xae六\xc2\x9b,户主,,\n", false, &rep, &seen);
	assert_true(rep.written);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE name = ']0;pwned赵[2J六'"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE instr(name, char(27)) > 0"
				   " OR instr(name, char(7)) > 0 OR instr(name, char(8238)) > 0 OR instr(name, char(155)) > 0"), 0);
	import_report_free(&rep);
	sb_free(&seen.all);
}

static void masked_numbers_are_named_once(void **state)
{
	(void)state;
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	/* An export with the numbers masked: the head's row is refused, and
	 * the other members do not each say the household has no head. */
	import_text(HEAD "幸福里小区,5,1,101,,王五,户主,110105********0016,138****1111\n"
		    "幸福里小区,5,1,101,,赵六,配偶,,\n"
		    "幸福里小区,5,1,101,,王小七,子,,\n", true, &rep, &seen);
	assert_false(rep.written);
	assert_string_equal(seen.all.buf,
		"2|身份证号|110105********0016|这是脱敏的身份证号（带 *），要填完整的号码。\n"
		"2|手机|138****1111|这是脱敏的号码（带 *），要填完整的号码。\n");
	assert_int_equal(rep.n_problems, 2);
	assert_int_equal(rep.problems[0].line, 2);
	assert_int_equal(residents(), 2);
	import_report_free(&rep);
	sb_free(&seen.all);
}

static void a_number_someone_else_has_is_refused(void **state)
{
	(void)state;
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	/* 张三's number, at another address: not skipped as "already there". */
	import_text(HEAD "幸福里小区,6,1,101,,张三,户主,110105198001010016,\n", false, &rep, &seen);
	assert_false(rep.written);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.all.buf, "2|身份证号|110105198001010016|张三（幸福里小区 3-2-501）已登记这个身份证号，"
			    "不在这一户：请核对号码，或者先在档案里改好再导入。\n");
	import_report_free(&rep);
	sb_free(&seen.all);
}

static void a_new_head_where_a_household_lives(void **state)
{
	(void)state;
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text(HEAD "幸福里小区,3,2,501,,周八,户主,,\n"
		    "幸福里小区,3,2,501,,吴九,配偶,,\n", false, &rep, &seen);
	assert_false(rep.written);
	assert_string_equal(seen.all.buf, "2|与户主关系|户主|档案里这个门牌已有一户，户主是张三：如果是另一户，请填上户号；"
			    "如果是这一户换了户主，请先在档案里改好；如果要把此人加进这一户，"
			    "请在“档案中已有的人”选“更新”（命令行用 --on-duplicate update）。\n");
	import_report_free(&rep);
	/* With a 户号 it is another household at the same address. */
	import_text("小区,楼栋,单元,室,户号,姓名,与户主关系\n"
		    "幸福里小区,3,2,501,A-77,周八,户主\n"
		    "幸福里小区,3,2,501,A-77,吴九,配偶\n", false, &rep, &seen);
	assert_true(rep.written);
	assert_int_equal(rep.households_added, 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
				   " WHERE d.building = '3' AND d.room = '501'"), 2);
	import_report_free(&rep);
	sb_free(&seen.all);
}

/* The audit rows of an import are written at its end (migration 006):
 * one 'insert' per row added, with the values committed; an 'update'
 * only for a row that was there before. */
static void the_audit_log_has_what_was_committed(void **state)
{
	(void)state;
	int64_t before = query_int(db, "SELECT max(id) FROM audit_log");
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	on_duplicate_update = true;
	/* 孙二 twice: the second row updates the person the first added.
	 * 张三 was there before and gets a new phone. */
	import_text(HEAD "幸福里小区,7,1,101,,钱一,户主,110105195001010012,\n"
		    "幸福里小区,7,1,101,,孙二,配偶,11010519520303002X,\n"
		    "幸福里小区,7,1,101,,孙二,配偶,11010519520303002X,13900002222\n"
		    "幸福里小区,3,2,501,,张三,户主,110105198001010016,13800003333\n", false, &rep, &seen);
	on_duplicate_update = false;
	assert_string_equal(seen.all.buf, "");
	assert_true(rep.written);
	assert_int_equal(rep.residents_added, 2);
	assert_int_equal(rep.residents_updated, 2);
	char *sql = x_asprintf("SELECT count(*) FROM audit_log a JOIN resident r ON r.id = a.row_id"
			       " WHERE a.id > %lld AND a.table_name = 'resident' AND %%s", (long long)before);
	char *q;
#define COUNT(where) (q = x_asprintf(sql, where), n = query_int(db, q), x_free(&q), n)
	int n;
	/* One 'insert' each for 钱一 and 孙二, 孙二's with the phone committed. */
	assert_int_equal(COUNT("a.action = 'insert'"), 2);
	assert_int_equal(COUNT("a.action = 'insert' AND r.name = '孙二'"
			       " AND a.new_values ->> 'phone' = '13900002222' AND a.old_values IS NULL"), 1);
	assert_int_equal(COUNT("a.action = 'update' AND r.name = '孙二'"), 0);
	/* 张三's change is an 'update' with the old and the new phone. */
	assert_int_equal(COUNT("a.action = 'update' AND r.name = '张三' AND a.old_values ->> 'phone' = '13800001111'"
			       " AND a.new_values ->> 'phone' = '13800003333'"), 1);
	assert_int_equal(COUNT("1"), 3);
#undef COUNT
	x_free(&sql);
	/* The new household and its dwelling have theirs, by the acting user. */
	char *where = x_asprintf("SELECT count(*) FROM audit_log WHERE id > %lld AND action = 'insert'"
				 " AND table_name IN ('household', 'dwelling') AND user = 'clerk'", (long long)before);
	assert_int_equal(query_int(db, where), 2);
	x_free(&where);
	import_report_free(&rep);
	sb_free(&seen.all);
}

/* A 户号 finds the living household that has it, before one that moved
 * out, whatever their order. */
static void a_reg_no_finds_the_living_household(void **state)
{
	(void)state;
	assert_int_equal(db_exec(db, "INSERT INTO dwelling(compound, building) VALUES ('旧村', '1'), ('旧村', '2');"
				 "INSERT INTO household(dwelling_id, reg_no, status) SELECT id, 'B-1', '已迁出'"
				 " FROM dwelling WHERE compound = '旧村' AND building = '1';"
				 "INSERT INTO household(dwelling_id, reg_no) SELECT id, 'B-1'"
				 " FROM dwelling WHERE compound = '旧村' AND building = '2'"), DB_OK);
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text("小区,楼栋,户号,姓名,与户主关系\n旧村,2,B-1,郑十,户主\n", false, &rep, &seen);
	assert_string_equal(seen.all.buf, "");
	assert_true(rep.written);
	assert_int_equal(rep.households_added, 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id"
				   " JOIN dwelling d ON d.id = h.dwelling_id WHERE r.name = '郑十' AND d.building = '2'"), 1);
	import_report_free(&rep);
	sb_free(&seen.all);
}

/* A household the register knows by its 户号 lives at an address; a
 * file row with no 户号 making someone else 户主 there is named (the dry
 * run says so) and refused, not made a second household; with "update"
 * the person joins the household that is there, as 其他. */
static void a_new_head_where_a_numbered_household_lives(void **state)
{
	(void)state;
	assert_int_equal(db_exec(db, "INSERT INTO dwelling(compound, building, unit, room) VALUES ('向阳院', '1', '1', '101');"
				 "INSERT INTO household(dwelling_id, reg_no) SELECT id, 'X-101'"
				 " FROM dwelling WHERE compound = '向阳院';"
				 "INSERT INTO resident(household_id, name, relation, sex) SELECT id, '卫一', '户主', '男'"
				 " FROM household WHERE reg_no = 'X-101'"), DB_OK);
	const char *row = "小区,楼栋,单元,室,姓名,与户主关系\n向阳院,1,1,101,褚二,户主\n";
	int households = query_int(db, "SELECT count(*) FROM household");
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text(row, true, &rep, &seen);
	assert_non_null(strstr(seen.all.buf, "2|与户主关系|户主|档案里这个门牌已有一户，户主是卫一"));
	import_report_free(&rep);
	import_text(row, false, &rep, &seen);
	assert_false(rep.written);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), households);
	import_report_free(&rep);
	on_duplicate_update = true;
	import_text(row, false, &rep, &seen);
	on_duplicate_update = false;
	assert_string_equal(seen.all.buf, "");
	assert_true(rep.written);
	assert_int_equal(rep.households_added, 0);
	assert_int_equal(rep.residents_joined, 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id"
				   " WHERE r.name = '褚二' AND h.reg_no = 'X-101' AND r.relation = '其他'"), 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household"), households);
	import_report_free(&rep);
	sb_free(&seen.all);
}

/* The triggers and indexes of a database, as text. */
static char *schema_of(struct db *d)
{
	sqlite3_stmt *st = db_prepare(d, "SELECT group_concat(name || ':' || sql, '|') FROM (SELECT name, sql"
				      " FROM sqlite_schema WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY name)");
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char *all = db_col_text(st, 0);
	sqlite3_finalize(st);
	return all;
}

/* An import drops the triggers that wait for its end (db/bulk.c) and
 * makes them again: after a real import, a dry run and a refused file
 * they are all there, as they were (and the indexes), and they work. */
static void the_deferred_triggers_are_back(void **state)
{
	(void)state;
	char *before = schema_of(db);
	assert_non_null(strstr(before, "resident_audit_insert:CREATE TRIGGER"));
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	const char *const files[] = {
		"小区,楼栋,姓名,与户主关系\n南村,1,冯一,户主\n",
		"小区,楼栋,姓名,与户主关系\n南村,2,冯二,户主\n",
		"小区,楼栋,姓名,与户主关系,手机\n南村,3,冯三,户主,12345\n",
	};
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		import_text(files[i], i == 1, &rep, &seen);
		assert_int_equal(rep.written, i == 0);
		import_report_free(&rep);
		char *after = schema_of(db);
		assert_string_equal(after, before);
		x_free(&after);
	}
	/* A resident saved outside an import is audited and findable at once. */
	int audit = query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident'");
	assert_int_equal(db_exec(db, "INSERT INTO resident(household_id, name, relation)"
				 " SELECT household_id, '冯小一', '子' FROM resident WHERE name = '冯一'"), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident'"), audit + 1);
	assert_int_equal(query_int(db, "SELECT count(*) FROM search_term WHERE name = '冯小一'") > 0, 1);
	x_free(&before);
	sb_free(&seen.all);
}

/* Into a register with no residents, an import makes the indexes it does
 * not read at its end (db/bulk.c): after a dry run, a refused file and a
 * real import they are there as they were, with every row in them. */
static void an_empty_register_gets_its_indexes_back(void **state)
{
	(void)state;
	char p[] = "/tmp/juwei-transfer-empty-XXXXXX";
	struct db *d = NULL;
	assert_true(dbtest_create(p, &d));
	struct reg r;
	reg_init(&r, d);
	char *before = schema_of(d);
	assert_non_null(strstr(before, "resident_name:CREATE INDEX"));
	assert_non_null(strstr(before, "dwelling_room:CREATE INDEX"));
	const char *const files[] = {
		"小区,楼栋,室,姓名,与户主关系,手机\n东村,1,101,韩一,户主,13800001111\n",
		"小区,楼栋,室,姓名,与户主关系,手机\n东村,1,102,韩二,户主,12345\n",
		"小区,楼栋,室,姓名,与户主关系,手机\n东村,1,103,韩三,户主,13800003333\n",
	};
	for (size_t i = 0; i < ARRAY_SIZE(files); i++) {
		FILE *f = fmemopen((void *)files[i], strlen(files[i]), "r");
		assert_non_null(f);
		struct import_opts o = { .encoding = CSV_AUTO, .dry_run = i == 0 };
		struct import_report rep;
		assert_int_equal(import_households(&r, f, &o, TODAY, NULL, NULL, &rep), DB_OK);
		fclose(f);
		assert_int_equal(rep.written, i == 2);
		import_report_free(&rep);
		char *after = schema_of(d);
		assert_string_equal(after, before);
		x_free(&after);
	}
	assert_int_equal(query_int(d, "SELECT count(*) FROM resident INDEXED BY resident_name WHERE name = '韩三'"), 1);
	assert_int_equal(query_int(d, "SELECT count(*) FROM resident INDEXED BY resident_phone"
				      " WHERE phone = '13800003333'"), 1);
	assert_int_equal(query_int(d, "SELECT count(*) FROM dwelling INDEXED BY dwelling_room WHERE room = '103'"), 1);
	char *report = NULL;
	assert_true(db_check(d, &report));
	x_free(&report);
	x_free(&before);
	reg_free(&r);
	dbtest_destroy(p, &d);
}

/* A sheet with many columns: one far to the right is read like any. */
static void a_column_past_the_sixty_fourth(void **state)
{
	(void)state;
	struct strbuf csv = STRBUF_INIT;
	sb_adds(&csv, "小区,楼栋,姓名,与户主关系");
	for (int i = 1; i <= 70; i++)
		sb_addf(&csv, ",备用%d", i);
	sb_adds(&csv, ",手机\n宽表,1,魏宽,户主");
	for (int i = 1; i <= 70; i++)
		sb_adds(&csv, ",");
	sb_adds(&csv, ",13800009999\n");
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text(csv.buf, false, &rep, &seen);
	assert_string_equal(seen.all.buf, "");
	assert_true(rep.written);
	assert_non_null(strstr(rep.ignored, "备用70"));
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE name = '魏宽' AND phone = '13800009999'"), 1);
	import_report_free(&rep);
	sb_free(&seen.all);
	sb_free(&csv);
}

static void every_problem_reaches_the_caller(void **state)
{
	(void)state;
	/* More bad rows than the report keeps: the caller sees each one. */
	struct strbuf csv = STRBUF_INIT;
	sb_adds(&csv, "小区,楼栋,单元,室,姓名,与户主关系,手机\n");
	int bad = IMPORT_PROBLEMS_KEPT + 250;
	for (int i = 0; i < bad; i++)
		sb_addf(&csv, "新村,%d,1,101,住户%d,户主,12345\n", i + 1, i);
	int before = residents();
	int audit = query_int(db, "SELECT count(*) FROM audit_log");
	struct import_report rep;
	struct seen seen = { STRBUF_INIT, 0 };
	import_text(csv.buf, false, &rep, &seen);
	assert_int_equal(rep.problems_total, bad);
	assert_int_equal(seen.n, bad);
	assert_int_equal(rep.n_problems, IMPORT_PROBLEMS_KEPT);
	assert_non_null(strstr(seen.all.buf, "\n1251|手机|12345|"));
	/* A bad file imported for real changes nothing. */
	assert_false(rep.written);
	assert_int_equal(residents(), before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log"), audit);
	import_report_free(&rep);
	sb_free(&seen.all);
	sb_free(&csv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(good_rows_are_written_and_found_again),
		cmocka_unit_test(masked_numbers_are_named_once),
		cmocka_unit_test(a_number_someone_else_has_is_refused),
		cmocka_unit_test(a_new_head_where_a_household_lives),
		cmocka_unit_test(the_audit_log_has_what_was_committed),
		cmocka_unit_test(a_reg_no_finds_the_living_household),
		cmocka_unit_test(a_new_head_where_a_numbered_household_lives),
		cmocka_unit_test(the_deferred_triggers_are_back),
		cmocka_unit_test(an_empty_register_gets_its_indexes_back),
		cmocka_unit_test(a_column_past_the_sixty_fourth),
		cmocka_unit_test(every_problem_reaches_the_caller),
		cmocka_unit_test(control_characters_do_not_get_in),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
