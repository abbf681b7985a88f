/* Unit tests: the meeting lifecycle (every allowed and refused move),
 * the quorum and the majority at their edges: exactly half, nobody
 * present, abstentions, proxies, more votes than people. */
#include "cm.h"
#include "golden.h"

#include "core/document.h"
#include "core/i18n.h"
#include "core/meeting.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdlib.h>
#include <unistd.h>

#include <stdio.h>
#include <string.h>

static void lifecycle(void **state)
{
	(void)state;
	static const char *const ok[][2] = {
		{ "议题征集", "预告" }, { "预告", "召开" }, { "召开", "决议" }, { "决议", "公示" },
		{ "公示", "落实反馈" }, { "议题征集", "取消" }, { "预告", "取消" },
	};
	int allowed = 0;
	for (int i = 0; i < MEETING_STATES; i++)
		for (int j = 0; j < MEETING_STATES; j++) {
			bool want = false;
			for (size_t k = 0; k < ARRAY_SIZE(ok); k++)
				want |= strcmp(ok[k][0], meeting_states[i]) == 0 && strcmp(ok[k][1], meeting_states[j]) == 0;
			if (meeting_move_allowed(meeting_states[i], meeting_states[j]) != want)
				fail_msg("%s → %s", meeting_states[i], meeting_states[j]);
			allowed += want;
		}
	assert_int_equal(allowed, (int)ARRAY_SIZE(ok));
	const char *out[MEETING_STATES + 1];
	assert_int_equal(meeting_moves("召开", out), 1);
	assert_string_equal(out[0], "决议");
	assert_int_equal(meeting_moves("取消", out), 0); /* a cancelled meeting stays so */
	assert_false(meeting_move_allowed("召开", "取消")); /* held: too late to cancel */
}

static void quorum_at_its_edges(void **state)
{
	(void)state;
	assert_false(meeting_quorum(10, 20));   /* exactly half: not more than half */
	assert_true(meeting_quorum(11, 20));
	assert_true(meeting_quorum(6, 11));     /* 6 of 11 */
	assert_false(meeting_quorum(5, 11));
	assert_false(meeting_quorum(0, 0));     /* nobody entitled, nobody there */
	assert_false(meeting_quorum(0, 10));
	assert_true(meeting_quorum(1, 1));
}

static const char *verdict(int present, int entitled, int f, int a, int ab, const char *decision, const char **field)
{
	static char buf[16];
	struct topic_vote v = { present, entitled, f, a, ab, decision };
	struct check c;
	meeting_check_vote(&v, &c);
	*field = c.n ? c.items[0].field : "";
	snprintf(buf, sizeof buf, "%s", check_ok(&c) ? "ok" : "refused");
	check_free(&c);
	return buf;
}

static void majority_at_its_edges(void **state)
{
	(void)state;
	const char *field;
	/* 12 present of 20: 6 for is exactly half, not enough. */
	assert_string_equal(verdict(12, 20, 6, 6, 0, "通过", &field), "refused");
	assert_string_equal(field, "decision");
	assert_string_equal(verdict(12, 20, 7, 5, 0, "通过", &field), "ok");
	/* Abstentions count among those present: 6 for, 2 against, 4 abstain. */
	assert_string_equal(verdict(12, 20, 6, 2, 4, "通过", &field), "refused");
	assert_string_equal(verdict(12, 20, 6, 2, 4, "未通过", &field), "ok");
	/* A carried vote cannot be recorded as failed. */
	assert_string_equal(verdict(12, 20, 9, 3, 0, "未通过", &field), "refused");
	/* No quorum: discussion only, nothing passes. */
	assert_string_equal(verdict(10, 20, 10, 0, 0, "通过", &field), "refused");
	assert_string_equal(verdict(10, 20, 10, 0, 0, "搁置", &field), "ok");
	{
		struct topic_vote v = { 10, 20, 10, 0, 0, "通过" };
		assert_string_equal(meeting_vote_result(&v), "未通过");
	}
	/* Nobody present. */
	assert_string_equal(verdict(0, 20, 0, 0, 0, "通过", &field), "refused");
	assert_string_equal(verdict(0, 20, 0, 0, 0, "无需表决", &field), "ok");
	/* More votes than people, negative votes, an unknown decision. */
	assert_string_equal(verdict(12, 20, 10, 3, 0, "通过", &field), "refused");
	assert_string_equal(field, "votes_for");
	assert_string_equal(verdict(12, 20, -1, 0, 0, "搁置", &field), "refused");
	assert_string_equal(verdict(12, 20, 7, 0, 0, "同意", &field), "refused");
	/* Proxies count as present: 11 attending + 2 proxies of 25 entitled. */
	assert_true(meeting_quorum(11 + 2, 25));
	assert_string_equal(verdict(13, 25, 7, 6, 0, "通过", &field), "ok");
}

static bool has(const struct check *c, const char *field)
{
	return check_find(c, field) != NULL;
}

static void what_a_meeting_needs(void **state)
{
	(void)state;
	struct check c;
	struct meeting_rec m;
	meeting_rec_init(&m);
	m.kind_id = 1;
	m.title = "加装电梯";
	m.date = "2026-11-30";
	m.time = "14:30";
	m.entitled = 40;
	meeting_check(&m, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	struct meeting_rec bad;
	meeting_rec_init(&bad);
	bad.title = "";
	bad.date = "2026-13-01";
	bad.time = "25:00";
	bad.entitled = -5;
	meeting_check(&bad, &c);
	assert_true(has(&c, "kind") && has(&c, "title") && has(&c, "date") && has(&c, "time") && has(&c, "entitled"));
	check_free(&c);
	/* Publication needs its dates, the end not before the start. */
	struct meeting_rec mr = { .state = "决议", .date = "2026-11-20", .time = "" };
	meeting_check_move(&mr, "公示", "2026-11-22", "2026-11-22", "2026-11-21", "2026-11-22", "12:00", &c);
	assert_true(has(&c, "publish_end"));
	check_free(&c);
	meeting_check_move(&mr, "公示", "2026-11-22", "2026-11-22", "2026-11-29", "2026-11-22", "12:00", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	mr.state = "召开";
	meeting_check_move(&mr, "公示", "2026-11-22", NULL, NULL, "2026-11-22", "12:00", &c);
	assert_true(has(&c, "to"));
	check_free(&c);
	mr.state = "预告";
	meeting_check_move(&mr, "召开", "2026-11-23", NULL, NULL, "2026-11-22", "12:00", &c);
	assert_true(has(&c, "date")); /* in the future */
	check_free(&c);
}

/* The steps' dates: the clerk's meeting of 12-10 moved through 召开, 决议
 * and 公示 on 12-03 must be refused at each. */
static void steps_keep_their_order(void **state)
{
	(void)state;
	struct check c;
	struct meeting_rec m = { .state = "预告", .date = "2026-12-10", .time = "09:30",
				 .history = "2026-12-01 clerk 议题征集 → 预告" };
	/* 召开 not before the meeting's day ... */
	meeting_check_move(&m, "召开", "2026-12-03", NULL, NULL, "2026-12-03", "10:00", &c);
	assert_true(has(&c, "date"));
	assert_non_null(strstr(c.items[0].message, "2026-12-10"));
	check_free(&c);
	/* ... nor its time on the day itself ... */
	meeting_check_move(&m, "召开", "2026-12-10", NULL, NULL, "2026-12-10", "09:29", &c);
	assert_true(has(&c, "date"));
	assert_non_null(strstr(c.items[0].message, "09:30"));
	check_free(&c);
	meeting_check_move(&m, "召开", "2026-12-10", NULL, NULL, "2026-12-10", "09:30", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* ... recorded on a later day, the time of day does not matter. */
	meeting_check_move(&m, "召开", "2026-12-10", NULL, NULL, "2026-12-11", "08:00", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* A step is not dated before the one before it (预告 on 12-01). */
	meeting_check_move(&m, "取消", "2026-11-30", NULL, NULL, "2026-12-03", "12:00", &c);
	assert_true(has(&c, "date"));
	check_free(&c);
	/* 决议 not before 召开. */
	m.state = "召开";
	m.history = "2026-12-01 clerk 议题征集 → 预告\n2026-12-11 clerk 预告 → 召开";
	meeting_check_move(&m, "决议", "2026-12-10", NULL, NULL, "2026-12-12", "12:00", &c);
	assert_true(has(&c, "date"));
	assert_non_null(strstr(c.items[0].message, "2026-12-11"));
	check_free(&c);
	meeting_check_move(&m, "决议", "2026-12-11", NULL, NULL, "2026-12-12", "12:00", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* 公示 not before 决议, nor its posting. */
	m.state = "决议";
	m.history = "2026-12-01 clerk 议题征集 → 预告\n2026-12-10 clerk 预告 → 召开\n2026-12-12 clerk 召开 → 决议";
	char d[11];
	assert_true(meeting_step_date(m.history, "召开", d));
	assert_string_equal(d, "2026-12-10");
	assert_true(meeting_step_date(m.history, NULL, d));
	assert_string_equal(d, "2026-12-12");
	assert_false(meeting_step_date(m.history, "公示", d));
	meeting_check_move(&m, "公示", "2026-12-11", "2026-12-12", "2026-12-19", "2026-12-13", "12:00", &c);
	assert_true(has(&c, "date") && !has(&c, "publish_start"));
	check_free(&c);
	meeting_check_move(&m, "公示", "2026-12-12", "2026-12-03", "2026-12-10", "2026-12-13", "12:00", &c);
	assert_true(has(&c, "publish_start") && !has(&c, "date"));
	check_free(&c);
	meeting_check_move(&m, "公示", "2026-12-12", "2026-12-12", "2026-12-19", "2026-12-13", "12:00", &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* Without the steps in its history (older rows), a held meeting's
	 * steps are not dated before the meeting. */
	m.history = "2026-12-10 议题征集";
	meeting_check_move(&m, "公示", "2026-12-03", "2026-12-03", "2026-12-10", "2026-12-13", "12:00", &c);
	assert_true(has(&c, "date") && has(&c, "publish_start"));
	check_free(&c);
	/* The record is open until the decision. */
	assert_true(meeting_record_open("议题征集") && meeting_record_open("召开"));
	assert_false(meeting_record_open("决议") || meeting_record_open("公示") || meeting_record_open("取消"));
	assert_true(meeting_amendable("决议") && meeting_amendable("落实反馈"));
	assert_false(meeting_amendable("召开") || meeting_amendable("取消"));
	/* An edit of a decided meeting keeps its date, time and number
	 * entitled; a held one is not moved after the day it was held. */
	struct meeting_rec was = { .state = "决议", .date = "2026-12-10", .time = "09:30", .entitled = 30,
				   .history = "2026-12-01 clerk 议题征集 → 预告\n2026-12-10 clerk 预告 → 召开" };
	struct meeting_rec now = was;
	now.date = "2026-12-11";
	now.entitled = 31;
	c.n = 0;
	meeting_check_edit(&was, &now, &c);
	assert_true(has(&c, "date") && has(&c, "entitled") && !has(&c, "time"));
	check_free(&c);
	was.state = "召开";
	now.entitled = 30;
	meeting_check_edit(&was, &now, &c);
	assert_true(has(&c, "date"));
	check_free(&c);
	now.date = "2026-12-09";
	meeting_check_edit(&was, &now, &c);
	assert_true(check_ok(&c));
	check_free(&c);
}

static void what_a_topic_needs(void **state)
{
	(void)state;
	struct check c;
	struct meeting_item it;
	meeting_item_init(&it);
	it.title = "东门门禁";
	/* Gathered beforehand: no votes, no decision, nothing to check. */
	meeting_check_item(&it, 0, 15, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	/* Without a quorum: discussion and 搁置 are fine, 通过 is not. */
	it.decision = "搁置";
	meeting_check_item(&it, 7, 15, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	it.decision = "通过";
	it.votes_for = 7;
	it.votes_against = 0;
	it.abstain = 0;
	meeting_check_item(&it, 7, 15, &c);
	assert_true(has(&c, "decision"));
	check_free(&c);
	/* With it: 6 of 10 pass, 5 of 10 do not. */
	it.votes_for = 6;
	meeting_check_item(&it, 10, 15, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	it.votes_for = 5;
	meeting_check_item(&it, 10, 15, &c);
	assert_true(has(&c, "decision"));
	check_free(&c);
	it.title = "";
	it.decision = NULL;
	it.votes_for = it.votes_against = it.abstain = -1;
	meeting_check_item(&it, 10, 15, &c);
	assert_true(has(&c, "title"));
	check_free(&c);
	meeting_check_follow_up("2026-11-23", "", "2026-11-22", &c);
	assert_true(has(&c, "date") && has(&c, "text"));
	check_free(&c);
}

static char path[] = "/tmp/juwei-meeting-test-XXXXXX";

static void a_meeting_in_the_database(void **state)
{
	(void)state;
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct db *db;
	assert_int_equal(db_open(path, "clerk", DB_OPEN_CREATE, &db, NULL), DB_OK);
	assert_int_equal(db_exec(db, "INSERT OR IGNORE INTO meeting_kind(name) VALUES ('居民议事会');"
				     "INSERT OR REPLACE INTO setting(key, value) VALUES ('meeting.follow_up_days', '20')"),
			 DB_OK);
	struct reg r;
	reg_init(&r, db);
	struct meeting_rec m;
	meeting_rec_init(&m);
	m.kind_id = query_int(db, "SELECT id FROM meeting_kind WHERE name = '居民议事会'");
	m.title = x_strdup("东门改造");
	m.date = x_strdup("2026-11-01");
	m.entitled = 5;
	struct check c;
	assert_int_equal(reg_meeting_save(&r, &m, &c), DB_OK);
	assert_true(check_ok(&c) && m.id > 0);
	/* Five attendees: 2 present, a proxy, one on leave, one absent. */
	const char *marks[] = { "出席", "出席", "委托", "请假", "缺席" };
	for (int i = 0; i < 5; i++) {
		char name[32];
		snprintf(name, sizeof name, "居民%d", i + 1);
		struct meeting_attendee a = { .name = name };
		assert_int_equal(reg_meeting_attendee_add(&r, m.id, &a, &c), DB_OK);
		assert_true(check_ok(&c));
	}
	struct meeting_attendee nobody = { 0 };
	assert_int_equal(reg_meeting_attendee_add(&r, m.id, &nobody, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	struct meeting_attendee *a;
	int na;
	assert_int_equal(reg_meeting(&r, m.id, &m, &a, &na, NULL, NULL), DB_OK);
	assert_int_equal(na, 5);
	for (int i = 0; i < 5; i++)
		assert_int_equal(reg_meeting_attendance(&r, a[i].id, a[i].attendance, marks[i], &c), DB_OK);
	/* A mark over one read before another clerk's: a conflict. */
	assert_int_equal(reg_meeting_attendance(&r, a[0].id, "请假", "缺席", &c), DB_ERR_CONFLICT);
	assert_int_equal(reg_meeting_attendance(&r, a[0].id, marks[0], marks[0], &c), DB_OK);
	check_free(&c);
	meeting_attendees_free(&a, &na);
	int present, listed;
	assert_int_equal(reg_meeting_present(&r, m.id, &present, &listed), DB_OK);
	assert_int_equal(present, 3); /* the proxy counts */
	assert_int_equal(listed, 5);
	/* 3 of 5 entitled: a quorum; 2 of 3 present carry a vote. */
	struct meeting_item it;
	meeting_item_init(&it);
	it.title = x_strdup("门禁");
	it.votes_for = 2;
	it.votes_against = 1;
	it.abstain = 0;
	it.decision = x_strdup("通过");
	assert_int_equal(reg_meeting_item_save(&r, m.id, &it, &c), DB_OK);
	assert_true(check_ok(&c) && it.id > 0);
	struct meeting_item lost;
	meeting_item_init(&lost);
	lost.title = x_strdup("花坛");
	lost.votes_for = 1;
	lost.votes_against = 2;
	lost.abstain = 0;
	lost.decision = x_strdup("通过");
	assert_int_equal(reg_meeting_item_save(&r, m.id, &lost, &c), DB_OK);
	assert_false(check_ok(&c)); /* 1 of 3 does not carry */
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting_item"), 1);
	meeting_item_free(&lost);
	/* Through the steps to publication; a stale move is a conflict. */
	const char *steps[] = { "预告", "召开", "决议" };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(reg_meeting(&r, m.id, &m, NULL, NULL, NULL, NULL), DB_OK);
		assert_int_equal(reg_meeting_move(&r, &m, steps[i], "2026-11-01", NULL, NULL, "2026-11-22", "12:00", &c),
				 DB_OK);
		assert_true(check_ok(&c));
	}
	/* Decided, the meeting keeps its topics. */
	assert_int_equal(reg_meeting_item_remove(&r, it.id, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting_item"), 1);
	/* m is as read before the last move: its version is stale. */
	x_free(&m.state);
	m.state = x_strdup("决议");
	assert_int_equal(reg_meeting_move(&r, &m, "公示", "2026-11-02", "2026-11-02", "2026-11-09", "2026-11-22", "12:00",
					  &c), DB_ERR_CONFLICT);
	struct meeting_row *due;
	int nd, days;
	assert_int_equal(reg_meetings_due(&r, "2026-11-22", &due, &nd, &days), DB_OK);
	assert_int_equal(nd, 1); /* a decision awaiting publication */
	assert_int_equal(days, 20);
	meeting_row_free(&due[0]);
	x_free(&due);
	assert_int_equal(reg_meeting(&r, m.id, &m, NULL, NULL, NULL, NULL), DB_OK);
	assert_int_equal(reg_meeting_move(&r, &m, "公示", "2026-11-02", "2026-11-02", "2026-11-09", "2026-11-22", "12:00",
					  &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting WHERE state_history LIKE '%决议 → 公示'"), 1);
	/* Published on 11-02: listed from 11-22 (20 days) until a follow-up. */
	assert_int_equal(reg_meetings_due(&r, "2026-11-21", &due, &nd, &days), DB_OK);
	assert_int_equal(nd, 0);
	assert_int_equal(reg_meetings_due(&r, "2026-11-22", &due, &nd, &days), DB_OK);
	assert_int_equal(nd, 1);
	meeting_row_free(&due[0]);
	x_free(&due);
	assert_int_equal(reg_meeting_follow_up(&r, it.id, "2026-11-22", "门禁已装", "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(reg_meetings_due(&r, "2026-11-22", &due, &nd, &days), DB_OK);
	assert_int_equal(nd, 0);
	meeting_item_free(&it);
	meeting_rec_free(&m);
	reg_free(&r);
	db_close(&db);
	dbtest_remove(path);
}

static void minutes_and_notice(void **state)
{
	(void)state;
	struct meeting_rec m;
	meeting_rec_init(&m);
	m.kind = "居民议事会";
	m.title = "东门改造议事";
	m.date = "2026-11-22";
	m.time = "14:30";
	m.place = "社区活动室";
	m.host = "王悦";
	m.recorder = "赵龙明";
	m.entitled = 7;
	m.minutes = "会后由物业公司报价。";
	m.publish_start = "2026-11-23";
	m.publish_end = "2026-11-30";
	struct meeting_attendee a[5] = {
		{ .name = "欧阳娜娜", .attendance = "出席", .organisation = "", .role = "", .proxy_name = "" },
		{ .name = "王", .attendance = "出席", .organisation = "", .role = "", .proxy_name = "" },
		{ .name = "阿依古丽·买买提", .attendance = "委托", .organisation = "", .role = "", .proxy_name = "王" },
		{ .name = "李娜", .attendance = "请假", .organisation = "", .role = "", .proxy_name = "" },
		{ .name = "张经理", .attendance = "出席", .organisation = "阳光物业", .role = "列席", .proxy_name = "" },
	};
	struct meeting_item it[2] = {
		{ .seq = 1, .title = "东门加装门禁", .proposal = "由业主提出。", .discussion = "多数赞成，担心费用。",
		  .votes_for = 3, .votes_against = 1, .abstain = 0, .decision = "通过",
		  .decision_text = "年底前装好，费用由公共收益支出。", .minority = "一人认为应先征求全体业主意见。",
		  .follow_up = "", .follow_up_date = "" },
		{ .seq = 2, .title = "东门拆除花坛", .proposal = "", .discussion = "", .votes_for = 1,
		  .votes_against = 3, .abstain = 0, .decision = "未通过", .decision_text = "", .minority = "",
		  .follow_up = "", .follow_up_date = "" },
	};
	struct doc *d = meeting_doc_minutes(&m, a, 5, it, 2, NULL, 0, "幸福里社区居民委员会");
	char *text = doc_text(d, 72);
	same_as_golden("minutes.txt", text);
	assert_non_null(strstr(text, "应到 7 人，实到 4 人（含委托），超过半数，会议有效"));
	x_free(&text);
	doc_free(&d);
	d = meeting_doc_notice(&m, it, 2, "幸福里社区居民委员会");
	text = doc_text(d, 72);
	same_as_golden("notice.txt", text);
	x_free(&text);
	doc_free(&d);
	d = meeting_doc_publication(&m, it, 2, "幸福里社区居民委员会");
	text = doc_html(d);
	same_as_golden("publication.html", text);
	assert_null(strstr(text, "东门拆除花坛")); /* only what passed is published */
	x_free(&text);
	doc_free(&d);
	/* The corrections made after the decision follow the record. */
	struct meeting_amendment am = { .kind = "到会情况", .subject = "王（记为出席）", .correction = "应为请假",
					.reason = "签到表核对有误", .date = "2026-11-24", .who = "王悦" };
	d = meeting_doc_minutes(&m, a, 5, it, 2, &am, 1, "幸福里社区居民委员会");
	text = doc_text(d, 200);
	assert_non_null(strstr(text, "更正记录"));
	assert_non_null(strstr(text, "2026-11-24 王悦 更正到会情况（王（记为出席））："));
	assert_non_null(strstr(text, "原因：签到表核对有误"));
	assert_non_null(strstr(text, "应到 7 人，实到 4 人（含委托）")); /* the record stays as decided */
	x_free(&text);
	doc_free(&d);
}

/* From 决议 on the attendance, the topics and the votes are the record:
 * the register refuses to change them with a message, the schema too
 * (another clerk, the sqlite3 shell); a correction is an amendment with
 * a reason, kept and audited. */
static void a_decided_meeting_keeps_its_record(void **state)
{
	(void)state;
	char p[] = "/tmp/juwei-meeting-kept-XXXXXX";
	int fd = mkstemp(p);
	assert_true(fd >= 0);
	close(fd);
	unlink(p);
	struct db *db;
	assert_int_equal(db_open(p, "clerk", DB_OPEN_CREATE, &db, NULL), DB_OK);
	assert_int_equal(db_exec(db, "INSERT OR IGNORE INTO meeting_kind(name) VALUES ('居民议事会')"), DB_OK);
	struct reg r;
	reg_init(&r, db);
	struct meeting_rec m;
	meeting_rec_init(&m);
	m.kind_id = query_int(db, "SELECT id FROM meeting_kind WHERE name = '居民议事会'");
	m.title = x_strdup("东门改造");
	m.date = x_strdup("2026-11-10");
	m.time = x_strdup("09:30");
	m.entitled = 3;
	struct check c = { 0 };
	assert_int_equal(reg_meeting_save(&r, &m, &c), DB_OK);
	assert_true(check_ok(&c));
	for (int i = 0; i < 3; i++) {
		struct meeting_attendee a = { .name = i ? "居民" : "居民甲" };
		assert_int_equal(reg_meeting_attendee_add(&r, m.id, &a, &c), DB_OK);
		assert_true(check_ok(&c));
	}
	struct meeting_item it;
	meeting_item_init(&it);
	it.title = x_strdup("门禁");
	it.votes_for = 2;
	it.votes_against = 1;
	it.abstain = 0;
	it.decision = x_strdup("通过");
	assert_int_equal(reg_meeting_item_save(&r, m.id, &it, &c), DB_OK);
	assert_true(check_ok(&c));
	/* No correction before the decision: the record itself changes. */
	struct meeting_amendment am = { .kind = "到会情况", .subject = "居民甲", .correction = "应为缺席",
					.reason = "签到表有误", .date = "2026-11-12" };
	assert_int_equal(reg_meeting_amend(&r, m.id, &am, "2026-11-22", &c), DB_OK);
	assert_true(has(&c, "kind"));
	check_free(&c);
	const char *steps[] = { "预告", "召开", "决议" };
	const char *dates[] = { "2026-11-01", "2026-11-10", "2026-11-11" };
	for (int i = 0; i < 3; i++) {
		assert_int_equal(reg_meeting(&r, m.id, &m, NULL, NULL, NULL, NULL), DB_OK);
		assert_int_equal(reg_meeting_move(&r, &m, steps[i], dates[i], NULL, NULL, "2026-11-22", "12:00", &c), DB_OK);
		assert_true(check_ok(&c));
	}
	struct meeting_attendee *a;
	int na;
	assert_int_equal(reg_meeting(&r, m.id, &m, &a, &na, NULL, NULL), DB_OK);
	/* Attendance: no mark, no one added or removed, with the reason. */
	assert_int_equal(reg_meeting_attendance(&r, a[0].id, "出席", "缺席", &c), DB_OK);
	assert_true(has(&c, "attendance"));
	assert_non_null(strstr(c.items[0].message, "决议"));
	assert_non_null(strstr(c.items[0].message, "更正"));
	check_free(&c);
	struct meeting_attendee late = { .name = "迟到的人" };
	assert_int_equal(reg_meeting_attendee_add(&r, m.id, &late, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(reg_meeting_attendee_remove(&r, a[1].id, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	/* Topics and votes: none added, changed or removed. */
	struct meeting_item more;
	meeting_item_init(&more);
	more.title = x_strdup("花坛");
	assert_int_equal(reg_meeting_item_save(&r, m.id, &more, &c), DB_OK);
	assert_true(has(&c, "decision"));
	check_free(&c);
	meeting_item_free(&more);
	it.votes_for = 1;
	it.votes_against = 2;
	x_free(&it.decision);
	it.decision = x_strdup("未通过");
	assert_int_equal(reg_meeting_item_save(&r, m.id, &it, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	assert_int_equal(reg_meeting_item_remove(&r, it.id, &c), DB_OK);
	assert_false(check_ok(&c));
	check_free(&c);
	/* Its date, time and number entitled stay; its notes may change. */
	x_free(&m.date);
	m.date = x_strdup("2026-11-12");
	assert_int_equal(reg_meeting_save(&r, &m, &c), DB_OK);
	assert_true(has(&c, "date"));
	check_free(&c);
	x_free(&m.date);
	m.date = x_strdup("2026-11-10");
	x_free(&m.notes);
	m.notes = x_strdup("会后补记");
	assert_int_equal(reg_meeting_save(&r, &m, &c), DB_OK);
	assert_true(check_ok(&c));
	/* Behind juwei's back, the schema refuses too. */
	assert_int_not_equal(db_exec(db, "UPDATE meeting_attendee SET attendance = '缺席'"), DB_OK);
	assert_int_not_equal(db_exec(db, "DELETE FROM meeting_item"), DB_OK);
	assert_int_not_equal(db_exec(db, "UPDATE meeting_item SET votes_for = 0"), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting_attendee WHERE attendance = '出席'"), 3);
	assert_int_equal(query_int(db, "SELECT count(*) FROM meeting_item WHERE decision = '通过' AND votes_for = 2"), 1);
	/* A correction needs what is right and why, dated from the decision. */
	struct meeting_amendment bad = { .kind = "到会情况", .subject = "居民甲", .correction = "",
					 .reason = "", .date = "2026-11-10" };
	assert_int_equal(reg_meeting_amend(&r, m.id, &bad, "2026-11-22", &c), DB_OK);
	assert_true(has(&c, "correction") && has(&c, "reason") && has(&c, "date"));
	check_free(&c);
	am.attendee_id = a[0].id;
	assert_int_equal(reg_meeting_amend(&r, m.id, &am, "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c) && am.id > 0);
	struct meeting_amendment *got;
	int ng;
	assert_int_equal(reg_meeting_amendments(&r, m.id, &got, &ng), DB_OK);
	assert_int_equal(ng, 1);
	assert_string_equal(got[0].reason, "签到表有误");
	assert_string_equal(got[0].who, "clerk");
	assert_string_equal(got[0].date, "2026-11-12");
	meeting_amendments_free(&got, &ng);
	/* Kept as written, and audited. */
	assert_int_not_equal(db_exec(db, "UPDATE meeting_amendment SET reason = '改了'"), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'meeting_amendment'"
				       " AND action = 'insert'"), 1);
	/* After publication the follow-up of a passed topic still goes on. */
	assert_int_equal(reg_meeting(&r, m.id, &m, NULL, NULL, NULL, NULL), DB_OK);
	assert_int_equal(reg_meeting_move(&r, &m, "公示", "2026-11-12", "2026-11-12", "2026-11-19", "2026-11-22", "12:00",
					  &c), DB_OK);
	assert_true(check_ok(&c));
	assert_int_equal(reg_meeting_follow_up(&r, it.id, "2026-11-22", "门禁已装", "2026-11-22", &c), DB_OK);
	assert_true(check_ok(&c));
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
	meeting_attendees_free(&a, &na);
	meeting_item_free(&it);
	meeting_rec_free(&m);
	reg_free(&r);
	db_close(&db);
	dbtest_remove(p);
}

int main(void)
{
	i18n_init("zh_CN");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lifecycle),
		cmocka_unit_test(quorum_at_its_edges),
		cmocka_unit_test(majority_at_its_edges),
		cmocka_unit_test(what_a_meeting_needs),
		cmocka_unit_test(steps_keep_their_order),
		cmocka_unit_test(what_a_topic_needs),
		cmocka_unit_test(a_meeting_in_the_database),
		cmocka_unit_test(minutes_and_notice),
		cmocka_unit_test(a_decided_meeting_keeps_its_record),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_free();
	return rc;
}
