/* core/mediation_docs.c - the documents of a mediation case, in the
 * wording of the forms committees use: 人民调解受理登记表, 人民调解协议书,
 * 回访记录 and the yearly case register (台账).  They are Chinese forms
 * whatever the UI language, so their words are data, not messages. */
#include "mediation.h"

#include "document.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* "单田芳，男，汉族，76岁，职业……，电话……，住址……": what is known. */
static char *party_line(const struct case_party *p, const char *today, bool with_id)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, p->name);
	const char *parts[] = { p->sex, p->ethnicity };
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++)
		if (parts[i] && *parts[i])
			sb_addf(&sb, "，%s", parts[i]);
	int age = case_party_age(p, today);
	if (age >= 0)
		sb_addf(&sb, "，%d岁", age);
	if (with_id && p->id_number && *p->id_number)
		sb_addf(&sb, "，身份证号码%s", p->id_number);
	if (p->occupation && *p->occupation)
		sb_addf(&sb, "，%s", p->occupation);
	if (p->phone && *p->phone)
		sb_addf(&sb, "，电话%s", p->phone);
	if (p->address && *p->address)
		sb_addf(&sb, "，住址（单位）%s", p->address);
	return sb_take(&sb);
}

static const char *or_blank(const char *s)
{
	return s && *s ? s : "";
}

struct doc *case_doc_registration(const struct case_rec *c, const struct case_party *p, int np,
				  const char *committee, const char *today)
{
	struct doc *d = doc_new("人民调解受理登记表");
	doc_subtitle(d, c->case_no);
	doc_field(d, "受理日期", c->accepted);
	doc_field(d, "纠纷来源", c->source);
	doc_field(d, "纠纷类型", c->type);
	for (int i = 0; i < np; i++) {
		char *line = party_line(&p[i], today, true);
		doc_field(d, p[i].role, line);
		x_free(&line);
	}
	doc_field(d, "纠纷简要情况", or_blank(c->summary));
	doc_field(d, "当事人请求", or_blank(c->claims));
	doc_field(d, "调解员", or_blank(c->mediator));
	doc_field(d, "登记人", or_blank(c->registrar));
	doc_sign(d, "登记人", true);
	doc_right(d, committee);
	return d;
}

struct doc *case_doc_agreement(const struct case_rec *c, const struct case_party *p, int np,
			       const char *committee, const char *today)
{
	struct doc *d = doc_new("人民调解协议书");
	doc_subtitle(d, c->case_no);
	for (int i = 0; i < np; i++) {
		char *line = party_line(&p[i], today, true);
		doc_field(d, p[i].role, line);
		x_free(&line);
	}
	doc_heading(d, "纠纷主要事实、争议事项及各方责任");
	doc_para(d, *or_blank(c->facts) ? c->facts : or_blank(c->summary));
	doc_heading(d, "经调解，自愿达成如下协议");
	doc_para(d, or_blank(c->agreement));
	doc_heading(d, "履行");
	doc_field(d, "履行方式", or_blank(c->manner));
	doc_field(d, "履行地点", or_blank(c->place));
	doc_field(d, "履行期限", or_blank(c->deadline));
	char copies[160];
	int n = c->copies > 0 ? c->copies : np + 1;
	snprintf(copies, sizeof copies, "本协议书一式%d份，当事人、人民调解委员会各持一份。", n);
	doc_para(d, copies);
	for (int i = 0; i < np; i++) {
		char *label = x_asprintf("%s（签名）%s", p[i].role, p[i].name);
		doc_sign(d, label, true);
		x_free(&label);
	}
	char *mediator = x_asprintf("人民调解员（签名）%s", or_blank(c->mediator));
	doc_sign(d, mediator, true);
	x_free(&mediator);
	char *seal = x_asprintf("%s（盖章）", committee);
	doc_right(d, seal);
	x_free(&seal);
	return d;
}

struct doc *case_doc_followups(const struct case_rec *c, const struct case_event *e, int ne,
			       const char *committee)
{
	struct doc *d = doc_new("回访记录");
	doc_subtitle(d, c->case_no);
	doc_field(d, "纠纷类型", c->type);
	doc_field(d, "协议内容", or_blank(c->agreement));
	doc_field(d, "履行期限", or_blank(c->deadline));
	static const char *const head[] = { "回访日期", "回访人", "回访方式", "履行情况", "满意度", "是否反复",
					    "回访情况" };
	doc_table(d, 7, head);
	for (int i = 0; i < ne; i++) {
		if (strcmp(e[i].kind, "回访") != 0)
			continue;
		const char *flare = e[i].flare_up == 1 ? "是" : e[i].flare_up == 0 ? "否" : "";
		const char *row[] = { e[i].date, e[i].staff, or_blank(e[i].method), e[i].performance, e[i].satisfaction,
				      flare, e[i].text };
		doc_row(d, row);
	}
	doc_sign(d, "回访人", true);
	doc_right(d, committee);
	return d;
}

char *case_doc_file_name(const char *case_no, const char *kind)
{
	return doc_file_name(case_no, kind);
}

char *case_register_file_name(int year)
{
	char *name = x_asprintf("%d年人民调解案件登记台账", year);
	char *s = doc_file_safe(name);
	x_free(&name);
	return s;
}

struct doc *case_doc_register(const struct case_row *rows, int n, int year, const char *committee)
{
	char *title = x_asprintf("%d年度人民调解案件登记台账", year);
	struct doc *d = doc_new(title);
	x_free(&title);
	doc_subtitle(d, committee);
	static const char *const head[] = { "案号", "受理日期", "纠纷类型", "当事人", "调解员", "状态", "结案日期" };
	doc_table(d, 7, head);
	for (int i = 0; i < n; i++) {
		const char *row[] = { rows[i].case_no, rows[i].accepted, rows[i].type, rows[i].parties,
				      rows[i].mediator, rows[i].state, rows[i].closed };
		doc_row(d, row);
	}
	char total[64];
	snprintf(total, sizeof total, "共 %d 件。", n);
	doc_para(d, total);
	return d;
}
