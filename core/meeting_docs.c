/* core/meeting_docs.c - the documents of a meeting: 会议通知, 会议纪要
 * and 公示, through core/document.  Chinese forms whatever the UI
 * language, so their words are data, not messages. */
#include "meeting.h"

#include "document.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

static const char *const numerals[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

/* "议题一", …, "议题十", then "议题11". */
static char *topic_label(int i)
{
	return i < 10 ? x_asprintf("议题%s", numerals[i]) : x_asprintf("议题%d", i + 1);
}

static char *when(const struct meeting_rec *m)
{
	return x_asprintf("%s%s%s", m->date, m->time && *m->time ? " " : "", m->time ? m->time : "");
}

struct doc *meeting_doc_notice(const struct meeting_rec *m, const struct meeting_item *it, int ni,
			       const char *committee)
{
	struct doc *d = doc_new("会议通知");
	doc_subtitle(d, m->title);
	char *t = when(m);
	doc_field(d, "会议类型", m->kind);
	doc_field(d, "时间", t);
	doc_field(d, "地点", m->place ? m->place : "");
	doc_field(d, "主持人", m->host ? m->host : "");
	x_free(&t);
	doc_heading(d, "议题");
	for (int i = 0; i < ni; i++) {
		char *line = x_asprintf("%d. %s", i + 1, it[i].title);
		doc_para(d, line);
		x_free(&line);
	}
	if (ni == 0)
		doc_para(d, "（议题另行通知）");
	doc_para(d, "请准时参加；不能到会的，请提前向居民委员会请假或书面委托他人参加。");
	doc_right(d, committee);
	return d;
}

static void name_list(struct doc *d, const char *label, const struct meeting_attendee *a, int na, const char *mark)
{
	struct strbuf sb = STRBUF_INIT;
	int n = 0;
	for (int i = 0; i < na; i++) {
		if (strcmp(a[i].attendance, mark) != 0)
			continue;
		sb_addf(&sb, "%s%s", n++ ? "、" : "", a[i].name);
		if (a[i].organisation && *a[i].organisation)
			sb_addf(&sb, "（%s）", a[i].organisation);
		if (strcmp(mark, "委托") == 0 && a[i].proxy_name && *a[i].proxy_name)
			sb_addf(&sb, "（委托%s）", a[i].proxy_name);
	}
	if (n) {
		char *lab = x_asprintf("%s（%d人）", label, n);
		doc_field(d, lab, sb.buf);
		x_free(&lab);
	}
	sb_free(&sb);
}

struct doc *meeting_doc_minutes(const struct meeting_rec *m, const struct meeting_attendee *a, int na,
				const struct meeting_item *it, int ni, const struct meeting_amendment *am, int nam,
				const char *committee)
{
	struct doc *d = doc_new("会议纪要");
	doc_subtitle(d, m->title);
	char *t = when(m);
	int present = 0;
	for (int i = 0; i < na; i++)
		present += meeting_counts_present(a[i].attendance);
	int entitled = m->entitled >= 0 ? m->entitled : na;
	bool quorum = meeting_quorum(present, entitled);
	char *counts = x_asprintf("应到 %d 人，实到 %d 人（含委托），%s", entitled, present,
				  quorum ? "超过半数，会议有效" : "未超过半数，不能作出决定");
	doc_field(d, "会议类型", m->kind);
	doc_field(d, "时间", t);
	doc_field(d, "地点", m->place ? m->place : "");
	doc_field(d, "主持人", m->host ? m->host : "");
	doc_field(d, "记录人", m->recorder ? m->recorder : "");
	doc_field(d, "到会情况", counts);
	x_free(&counts);
	x_free(&t);
	name_list(d, "出席", a, na, "出席");
	name_list(d, "委托", a, na, "委托");
	name_list(d, "请假", a, na, "请假");
	name_list(d, "缺席", a, na, "缺席");
	for (int i = 0; i < ni; i++) {
		char *label = topic_label(i);
		char *head = x_asprintf("%s：%s", label, it[i].title);
		doc_heading(d, head);
		x_free(&head);
		x_free(&label);
		if (*it[i].proposal)
			doc_field(d, "提议", it[i].proposal);
		if (*it[i].discussion)
			doc_field(d, "讨论", it[i].discussion);
		if (it[i].votes_for >= 0 || it[i].votes_against >= 0 || it[i].abstain >= 0) {
			char *v = x_asprintf("赞成 %d 票，反对 %d 票，弃权 %d 票", it[i].votes_for > 0 ? it[i].votes_for : 0,
					     it[i].votes_against > 0 ? it[i].votes_against : 0,
					     it[i].abstain > 0 ? it[i].abstain : 0);
			doc_field(d, "表决", v);
			x_free(&v);
		}
		doc_field(d, "结果", *it[i].decision ? it[i].decision : "未表决");
		if (*it[i].decision_text)
			doc_field(d, "决定", it[i].decision_text);
		if (*it[i].minority)
			doc_field(d, "少数意见", it[i].minority);
	}
	if (m->minutes && *m->minutes) {
		doc_heading(d, "其他");
		doc_para(d, m->minutes);
	}
	/* Corrections made after the decision, as written: the record above
	 * stays as it was decided. */
	if (nam > 0) {
		doc_heading(d, "更正记录");
		for (int i = 0; i < nam; i++) {
			char *line = x_asprintf("%d. %s %s 更正%s（%s）：%s；原因：%s", i + 1, am[i].date, am[i].who, am[i].kind,
						am[i].subject, am[i].correction, am[i].reason);
			doc_para(d, line);
			x_free(&line);
		}
	}
	doc_sign(d, "主持人", true);
	doc_sign(d, "记录人", true);
	doc_right(d, committee);
	return d;
}

struct doc *meeting_doc_publication(const struct meeting_rec *m, const struct meeting_item *it, int ni,
				    const char *committee)
{
	struct doc *d = doc_new("公示");
	doc_subtitle(d, m->title);
	char *intro = x_asprintf("%s召开的%s经讨论表决，作出以下决定，现予公示：", m->date, m->kind);
	doc_para(d, intro);
	x_free(&intro);
	int n = 0;
	for (int i = 0; i < ni; i++) {
		if (strcmp(it[i].decision, "通过") != 0)
			continue;
		char *line = x_asprintf("%d. %s%s%s", ++n, it[i].title, *it[i].decision_text ? "：" : "",
					it[i].decision_text);
		doc_para(d, line);
		x_free(&line);
	}
	if (n == 0)
		doc_para(d, "（本次会议没有通过的决定）");
	char *period = x_asprintf("公示期：%s 至 %s。如有异议，请在公示期内向居民委员会书面或口头反映。",
				  m->publish_start && *m->publish_start ? m->publish_start : "____",
				  m->publish_end && *m->publish_end ? m->publish_end : "____");
	doc_para(d, period);
	x_free(&period);
	doc_right(d, committee);
	return d;
}

char *meeting_doc_file_name(const char *date, const char *title, const char *kind)
{
	char *record = x_asprintf("%s-%s", date ? date : "", title ? title : "");
	char *s = doc_file_name(record, kind);
	x_free(&record);
	return s;
}
