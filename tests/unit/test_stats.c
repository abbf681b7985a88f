/* Unit tests: the month report on a small register built here, with
 * exact counts: visits by grid listing a grid without visits as 0, the
 * year to date, cases accepted, closed and over their time limit (also
 * one over it at the end of a past month and closed since), meetings
 * held and decisions with and without a follow-up, the register by
 * grid, kind and tag; a 网格员's report holds their grid only; the CSV
 * has every section. */
#include "cm.h"

#include "core/csv.h"
#include "core/i18n.h"
#include "core/stats.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-22"

static char path[] = "/tmp/juwei-stats-test-XXXXXX";
static struct db *db;
static struct reg reg;

#define TYPE(n) "(SELECT id FROM dispute_type WHERE name = '" n "')"
#define KIND(n) "(SELECT id FROM meeting_kind WHERE name = '" n "')"

static int setup(void **state)
{
	(void)state;
	setenv("JUWEI_TODAY", TODAY, 1);
	if (!dbtest_create(path, &db))
		return -1;
	if (db_exec(db,
		"INSERT INTO grid(id, code, name) VALUES (1, '01', '第一网格'), (2, '02', '第二网格'), (3, '03', '第三网格');"
		"INSERT INTO staff(id, name, role, os_login) VALUES (1, '李社工', '社工', 'clerk');"
		"INSERT INTO dwelling(id, grid_id, compound, building, unit, room) VALUES"
		" (1, 1, '幸福里', '1', '1', '101'), (2, 1, '幸福里', '1', '1', '102'), (3, 2, '幸福里', '2', '1', '101'),"
		" (4, 3, '幸福里', '3', '1', '101'), (5, 1, '幸福里', '1', '1', '103');"
		"INSERT INTO household(id, dwelling_id, kind) VALUES (1, 1, '户籍户'), (2, 2, '流动户'), (3, 3, '户籍户'),"
		" (4, 4, '常住户'), (5, 5, '户籍户');"
		"INSERT INTO resident(id, household_id, name, relation) VALUES (1, 1, '甲', '户主'), (2, 2, '乙', '户主'),"
		" (3, 3, '丙', '户主'), (4, 4, '丁', '户主'), (6, 1, '戊', '配偶');"
		"INSERT INTO resident(id, household_id, name, relation, status, status_date)"
		" VALUES (5, 5, '己', '户主', '迁出', '2026-06-01');"
		"UPDATE household SET status = '已迁出' WHERE id = 5;"
		"INSERT INTO resident_tag(resident_id, tag_id) VALUES (1, (SELECT id FROM tag WHERE name = '残疾人'));"
		"INSERT INTO household_tag(household_id, tag_id) VALUES (3, (SELECT id FROM tag WHERE name = '低保户'));"
		"INSERT INTO visit(household_id, visit_date, staff_id, method_id, purpose_id) VALUES"
		" (1, '2026-11-03', 1, 1, 1), (1, '2026-11-10', 1, 1, 1), (3, '2026-11-05', 1, 1, 1),"
		" (1, '2026-10-15', 1, 1, 1), (3, '2025-12-01', 1, 1, 1);"
		/* Cases: C1 open since 10-01 (overdue), C2 new, C3 closed in
		 * November, C4 open until 11-05 (overdue at the end of October). */
		"INSERT INTO mediation_case(id, year, seq, case_no, accepted_date, source, type_id, state, closed_date) VALUES"
		" (1, 2026, 1, 'C1', '2026-10-01', '当事人申请', " TYPE("邻里纠纷") ", '调解中', NULL),"
		" (2, 2026, 2, 'C2', '2026-11-20', '当事人申请', " TYPE("邻里纠纷") ", '受理', NULL),"
		" (3, 2026, 3, 'C3', '2026-11-02', '主动排查', " TYPE("噪声扰民") ", '结案', '2026-11-15'),"
		" (4, 2026, 4, 'C4', '2026-09-01', '主动排查', " TYPE("物业纠纷") ", '结案', '2026-11-21');"
		"INSERT INTO case_event(case_id, kind, event_date, from_state, to_state) VALUES"
		" (4, '状态变更', '2026-09-02', '受理', '调解中'),"
		" (4, '状态变更', '2026-11-05', '调解中', '调解不成功'),"
		" (4, '状态变更', '2026-11-21', '调解不成功', '结案');"
		/* Meetings: one held in November with a decision followed up,
		 * one without, and one not adopted; one only announced; one in
		 * March; one cancelled. */
		/* Held first, then the topics, then the state reached: from
		 * 决议 on the record is kept (migration 010). */
		"INSERT INTO meeting(id, kind_id, title, meeting_date, state) VALUES"
		" (1, " KIND("居民议事会") ", '停车', '2026-11-10', '召开'),"
		" (2, " KIND("居民议事会") ", '绿化', '2026-11-12', '预告'),"
		" (3, " KIND("居民会议") ", '加装电梯', '2026-03-05', '召开'),"
		" (4, " KIND("居民会议") ", '取消的', '2026-11-15', '取消');"
		"INSERT INTO meeting_item(meeting_id, seq, title, decision, follow_up, follow_up_date) VALUES"
		" (1, 1, '划车位', '通过', '已划线', '2026-11-18'), (1, 2, '收费', '通过', NULL, NULL),"
		" (1, 3, '拆棚', '未通过', NULL, NULL), (2, 1, '种树', '通过', NULL, NULL),"
		" (3, 1, '电梯', '通过', '已开工', '2026-04-01');"
		"UPDATE meeting SET state = '落实反馈' WHERE id = 1;"
		"UPDATE meeting SET state = '公示' WHERE id = 3;")
	    != DB_OK) {
		print_error("%s\n", db_errmsg(db));
		return -1;
	}
	reg_init(&reg, db);
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&reg);
	dbtest_destroy(path, &db);
	return 0;
}

/* The row named name in group g: its counts, "month/year". */
static void row_is(const struct month_stats *d, enum stat_group g, const char *name, int count, int year)
{
	for (int i = 0; i < d->n[g]; i++)
		if (d->by[g][i].name && strcmp(d->by[g][i].name, name) == 0) {
			if (d->by[g][i].count != count || d->by[g][i].year != year)
				fail_msg("%s: %d/%d, want %d/%d", name, d->by[g][i].count, d->by[g][i].year, count, year);
			return;
		}
	fail_msg("no row %s in group %d", name, (int)g);
}

/* The report's line of label under heading (translated). */
static const struct report_line *line(const struct month_report *m, const char *heading, const char *label)
{
	const char *group = "";
	for (int i = 0; i < m->n; i++) {
		const struct report_line *ln = &m->lines[i];
		if (ln->kind == RL_GROUP)
			group = ln->label;
		else if (ln->kind == RL_SECTION)
			group = "";
		if ((ln->kind == RL_ROW || ln->kind == RL_TOTAL) && strcmp(ln->label, label) == 0 &&
		    (!heading || strcmp(group, heading) == 0 || strcmp(ln->group, heading) == 0))
			return ln;
	}
	fail_msg("no line %s / %s", heading ? heading : "-", label);
	return NULL;
}

static void november(void **state)
{
	(void)state;
	struct month_report m;
	assert_int_equal(reg_month_report(&reg, "2026-11", TODAY, &m), DB_OK);
	const struct month_stats *d = &m.data;
	assert_string_equal(m.span.first, "2026-11-01");
	assert_string_equal(m.span.last, TODAY);
	assert_false(m.scoped);
	/* Visits: every grid, the third with none. */
	assert_int_equal(d->visits, 3);
	assert_int_equal(d->visits_year, 4);
	assert_int_equal(d->n[SG_VISIT_GRID], 3);
	assert_string_equal(d->by[SG_VISIT_GRID][0].name, "第一网格");
	assert_string_equal(d->by[SG_VISIT_GRID][2].name, "第三网格");
	row_is(d, SG_VISIT_GRID, "第一网格", 2, 3);
	row_is(d, SG_VISIT_GRID, "第二网格", 1, 1);
	row_is(d, SG_VISIT_GRID, "第三网格", 0, 0);
	row_is(d, SG_VISIT_STAFF, "李社工", 3, 4);
	assert_int_equal(line(&m, _("By grid"), "第三网格")->count, 0);
	/* Cases. */
	assert_int_equal(d->cases, 2);
	assert_int_equal(d->cases_year, 4);
	assert_int_equal(d->closed, 2);
	assert_int_equal(d->closed_year, 2);
	assert_int_equal(d->overdue, 1);
	row_is(d, SG_CASE_TYPE, "邻里纠纷", 1, 2);
	row_is(d, SG_CASE_TYPE, "噪声扰民", 1, 1);
	row_is(d, SG_CASE_TYPE, "物业纠纷", 0, 1);
	row_is(d, SG_CASE_TYPE, "养犬", 0, 0);
	/* Every state in the report, in the order of the procedure. */
	const char *by_state = _("Accepted, by state now");
	assert_int_equal(line(&m, by_state, "受理")->count, 1);
	assert_int_equal(line(&m, by_state, "调解中")->year, 1);
	assert_int_equal(line(&m, by_state, "调解成功")->year, 0);
	assert_int_equal(line(&m, by_state, "结案")->count, 1);
	assert_int_equal(line(&m, by_state, "结案")->year, 2);
	assert_int_equal(line(&m, _("Total"), _("Open past the time limit"))->count, 1);
	/* Meetings. */
	assert_int_equal(d->meetings, 1);
	assert_int_equal(d->meetings_year, 2);
	row_is(d, SG_MEETING_KIND, "居民议事会", 1, 1);
	row_is(d, SG_MEETING_KIND, "居民会议", 0, 1);
	assert_int_equal(d->topics, 3);
	assert_int_equal(d->topics_year, 4);
	assert_int_equal(d->decisions, 2);
	assert_int_equal(d->decisions_year, 3);
	assert_int_equal(d->followed, 1);
	assert_int_equal(d->followed_year, 2);
	/* The register: living here only. */
	assert_int_equal(d->households, 4);
	assert_int_equal(d->residents, 5);
	row_is(d, SG_HH_GRID, "第一网格", 2, -1);
	row_is(d, SG_HH_GRID, "第三网格", 1, -1);
	const char *kinds = _("Households by kind");
	assert_int_equal(line(&m, kinds, "户籍户")->count, 2);
	assert_int_equal(line(&m, kinds, "流动户")->count, 1);
	assert_int_equal(line(&m, kinds, "人户分离")->count, 0);
	row_is(d, SG_RES_TAG, "残疾人", 1, -1);
	row_is(d, SG_RES_TAG, "独居老人", 0, -1);
	row_is(d, SG_HH_TAG, "低保户", 1, -1);
	month_report_free(&m);
}

/* At the end of October C4 was still open, past its limit; C1 was on
 * day 31. */
static void overdue_at_the_end_of_a_past_month(void **state)
{
	(void)state;
	struct month_report m;
	assert_int_equal(reg_month_report(&reg, "2026-10", TODAY, &m), DB_OK);
	assert_string_equal(m.span.last, "2026-10-31");
	assert_int_equal(m.data.overdue, 2);
	assert_int_equal(m.data.cases, 1);
	assert_int_equal(m.data.closed, 0);
	assert_int_equal(m.data.visits, 1);
	assert_int_equal(m.data.visits_year, 1);
	assert_int_equal(m.data.meetings, 0);
	assert_int_equal(m.data.followed_year, 1);
	month_report_free(&m);
	assert_int_equal(reg_month_report(&reg, "2026-13", TODAY, &m), DB_ERR_SQL);
	month_report_free(&m);
}

static void a_grid_worker_sees_their_grid(void **state)
{
	(void)state;
	const int64_t grids[] = { 3 };
	dbtest_as(&reg, ROLE_GRID, grids, 1);
	struct month_report m;
	assert_int_equal(reg_month_report(&reg, "2026-11", TODAY, &m), DB_OK);
	assert_true(m.scoped);
	assert_int_equal(m.data.visits, 0);
	assert_int_equal(m.data.n[SG_VISIT_GRID], 1);
	row_is(&m.data, SG_VISIT_GRID, "第三网格", 0, 0);
	assert_int_equal(m.data.households, 1);
	assert_int_equal(m.data.residents, 1);
	assert_int_equal(m.data.n[SG_HH_GRID], 1);
	row_is(&m.data, SG_RES_TAG, "残疾人", 0, -1);
	/* Cases and meetings belong to no grid. */
	assert_int_equal(m.data.cases_year, 4);
	month_report_free(&m);
	dbtest_as(&reg, ROLE_DIRECTOR, NULL, 0);
}

static void the_csv_has_every_section(void **state)
{
	(void)state;
	struct month_report m;
	assert_int_equal(reg_month_report(&reg, "2026-11", TODAY, &m), DB_OK);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct csv_writer *w = csv_writer_open(f, CSV_UTF8);
	long rows = 0;
	month_report_csv(&m, w, &rows);
	assert_true(csv_writer_close(&w));
	fclose(f);
	static const char *const want[] = {
		"月度汇总,2026-11\r\n", "\r\n走访\r\n分类,项目,本月,本年累计\r\n", "合计,走访次数,3,4\r\n",
		"按网格,第三网格,0,0\r\n", "\r\n人民调解\r\n", "合计,超期未结,1,\r\n", "受理案件按当前状态,调解成功,0,0\r\n",
		"\r\n议事协商\r\n", "合计,通过的决议,2,3\r\n", "合计,已落实反馈的决议,1,2\r\n",
		"\r\n住户档案\r\n分类,项目,现有\r\n", "户数按网格,第三网格,1\r\n", "户数按类别,人户分离,0\r\n",
		"人数按人员标签,残疾人,1\r\n",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		if (!strstr(buf, want[i]))
			fail_msg("no \"%s\" in:\n%s", want[i], buf);
	assert_true(rows > 40);
	free(buf);
	month_report_free(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(november),
		cmocka_unit_test(overdue_at_the_end_of_a_past_month),
		cmocka_unit_test(a_grid_worker_sees_their_grid),
		cmocka_unit_test(the_csv_has_every_section),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
