/* Unit tests: the document writer and the mediation documents.  The
 * agreement is compared with golden files (tests/golden/) as text, its
 * columns lined up whatever the length of the Chinese names, and as
 * HTML, where a party named <script>alert(1)</script> is text.  Run with
 * JUWEI_GOLDEN_WRITE=1 to write the golden files again after a change
 * meant to alter them; then read the diff before committing it. */
#include "cm.h"
#include "dbtest.h"
#include "golden.h"

#include "core/document.h"
#include "core/mediation.h"
#include "core/meeting.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A case at the agreement: parties with names of 2, 4 and many
 * characters, one a resident, one hostile. */
static void fixture(struct case_rec *c, struct case_party p[3])
{
	case_rec_init(c);
	c->case_no = x_strdup("（2026）幸福里人调字第12号");
	c->accepted = x_strdup("2026-11-02");
	c->source = x_strdup("当事人申请");
	c->type = x_strdup("邻里纠纷");
	c->summary = x_strdup("楼上卫生间漏水，浸湿楼下天花板。");
	c->claims = x_strdup("请求维修并赔偿损失。");
	c->state = x_strdup("调解成功");
	c->facts = x_strdup("经查，漏水系楼上防水层老化所致。\n楼上应承担维修责任。");
	c->agreement = x_strdup("一、欧阳娜娜于2026年11月30日前修复防水层；\n二、赔偿王伟装修损失人民币贰仟元整。");
	c->manner = x_strdup("现金");
	c->place = x_strdup("居委会调解室");
	c->deadline = x_strdup("2026-11-30");
	c->mediator = x_strdup("赵龙明");
	c->registrar = x_strdup("高帆");
	memset(p, 0, 3 * sizeof *p);
	p[0] = (struct case_party){ .role = "申请人", .name = "王伟", .sex = "男", .ethnicity = "汉族",
				    .phone = "13800138000", .address = "幸福里小区 3-2-501", .resident_id = 7,
				    .birth = "1960-05-01", .age = -1 };
	p[1] = (struct case_party){ .role = "被申请人", .name = "欧阳娜娜", .sex = "女", .age = 35,
				    .id_number = "11010519491231002X", .occupation = "教师",
				    .address = "幸福里小区 3-2-601" };
	p[2] = (struct case_party){ .role = "第三人", .name = "<script>alert(1)</script>", .age = -1,
				    .address = "阳光物业 & \"服务\"中心" };
}

static void agreement_as_text(void **state)
{
	(void)state;
	struct case_rec c;
	struct case_party p[3];
	fixture(&c, p);
	struct doc *d = case_doc_agreement(&c, p, 3, "幸福里社区居民委员会", "2026-11-22");
	char *text = doc_text(d, 72);
	same_as_golden("agreement.txt", text);
	/* Every line within 72 columns, and the field values start in one
	 * column whatever the label ("申请人" and "被申请人"). */
	int value_col = -1;
	for (char *line = text, *nl; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		assert_non_null(nl);
		*nl = '\0';
		assert_true(text_width(line) <= 72);
		char *colon = strstr(line, "：");
		if (colon && !strstr(line, "（签名）") && (strncmp(line, "申请人", 9) == 0 || strncmp(line, "被申请人", 12) == 0 ||
			      strncmp(line, "第三人", 9) == 0)) {
			int col = text_width_n(line, (size_t)(colon - line));
			if (value_col < 0)
				value_col = col;
			assert_int_equal(col, value_col);
		}
	}
	assert_int_equal(value_col, 8);
	x_free(&text);
	doc_free(&d);
	case_rec_free(&c);
}

static void agreement_as_html(void **state)
{
	(void)state;
	struct case_rec c;
	struct case_party p[3];
	fixture(&c, p);
	struct doc *d = case_doc_agreement(&c, p, 3, "幸福里社区居民委员会", "2026-11-22");
	char *html = doc_html(d);
	same_as_golden("agreement.html", html);
	/* The hostile name is text, and what opens is closed. */
	assert_null(strstr(html, "<script"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
	assert_non_null(strstr(html, "阳光物业 &amp; &quot;服务&quot;中心"));
	const char *tags[] = { "html", "head", "body", "table", "tr", "td", "p", "h1", "h2", "style", "title" };
	for (size_t i = 0; i < ARRAY_SIZE(tags); i++) {
		char open[16], close[16];
		snprintf(open, sizeof open, "<%s", tags[i]);
		snprintf(close, sizeof close, "</%s>", tags[i]);
		int n_open = 0, n_close = 0;
		for (const char *q = html; (q = strstr(q, open)); q++)
			n_open += q[strlen(open)] == '>' || q[strlen(open)] == ' ';
		for (const char *q = html; (q = strstr(q, close)); q++)
			n_close++;
		if (n_open != n_close)
			fail_msg("<%s> opened %d times, closed %d times", tags[i], n_open, n_close);
	}
	assert_non_null(strstr(html, "@page { size: A4"));
	x_free(&html);
	doc_free(&d);
	case_rec_free(&c);
}

static void no_data_reaches_the_terminal_raw(void **state)
{
	(void)state;
	struct doc *d = doc_new("标题\x1b]0;owned\x07");
	doc_field(d, "姓名", "张三\x1b[2J");
	static const char *const head[] = { "a\tb", "c" };
	doc_table(d, 2, head);
	static const char *const row[] = { "\x9b" "31m红", "绿" };
	doc_row(d, row);
	char *text = doc_text(d, 40);
	for (const unsigned char *q = (const unsigned char *)text; *q; q++)
		assert_true(*q >= 0x20 || *q == '\n');
	assert_null(strstr(text, "\xc2\x9b"));
	x_free(&text);
	doc_free(&d);
}

static void register_of_the_year(void **state)
{
	(void)state;
	struct case_row rows[2] = {
		{ .case_no = "（2026）幸福里人调字第1号", .accepted = "2026-01-02", .type = "养犬", .parties = "张三、李四",
		  .mediator = "王悦", .state = "结案", .closed = "2026-01-20" },
		{ .case_no = "（2026）幸福里人调字第2号", .accepted = "2026-01-14", .type = "房屋宅基地",
		  .parties = "欧阳娜娜、买买提·艾力", .mediator = "赵龙明", .state = "调解中", .closed = "" },
	};
	struct doc *d = case_doc_register(rows, 2, 2026, "幸福里社区居民委员会");
	char *text = doc_text(d, 100);
	same_as_golden("register.txt", text);
	x_free(&text);
	doc_free(&d);
}

/* ---- file names ---- */

static void names_are_safe_on_windows(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j" },
		{ "会议通知. . ", "会议通知" },
		{ " .隐藏", "隐藏" },
		{ "CON", "_CON" },
		{ "nul.txt", "_nul.txt" },
		{ "COM3", "_COM3" },
		{ "CONSOLE", "CONSOLE" },
		{ "", "_" },
		{ "标题\x1b[2J\t尾", "标题^[[2J 尾" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *s = doc_file_safe(cases[i].in);
		if (strcmp(s, cases[i].out) != 0)
			fail_msg("%s: %s, not %s", cases[i].in, s, cases[i].out);
		x_free(&s);
	}
	/* Long names are cut between characters. */
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 100; i++)
		sb_adds(&sb, "议");
	char *s = doc_file_safe(sb.buf);
	assert_true(strlen(s) <= 150 && strlen(s) % 3 == 0);
	x_free(&s);
	sb_free(&sb);
}

static void every_document_is_named_by_its_record(void **state)
{
	(void)state;
	char *s = case_doc_file_name("（2026）幸福里人调字第12号", "回访记录");
	assert_string_equal(s, "（2026）幸福里人调字第12号-回访记录");
	x_free(&s);
	s = case_register_file_name(2026);
	assert_string_equal(s, "2026年人民调解案件登记台账");
	x_free(&s);
	/* Two meetings of one day: two names. */
	char *a = meeting_doc_file_name("2026-12-10", "楼道堆物整治", "会议通知");
	char *b = meeting_doc_file_name("2026-12-10", "加装电梯听证会", "会议通知");
	assert_string_equal(a, "2026-12-10-楼道堆物整治-会议通知");
	assert_string_equal(b, "2026-12-10-加装电梯听证会-会议通知");
	x_free(&a);
	x_free(&b);
	s = meeting_doc_file_name("2026-12-10", "1/2 楼: 议事?", "公示");
	assert_string_equal(s, "2026-12-10-1_2 楼_ 议事_-公示");
	x_free(&s);
}

static char docdb_path[] = "/tmp/juwei-document-test-XXXXXX";
static char dir[] = "/tmp/juwei-documents-XXXXXX";

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char buf[256];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	return x_strdup(buf);
}

/* Two meetings of one day with one title, a register, and a file juwei
 * did not write: none is written over by another's document, and a
 * document printed again replaces its own file. */
static void no_document_overwrites_another_record_s(void **state)
{
	(void)state;
	struct db *db;
	assert_true(dbtest_create(docdb_path, &db));
	assert_non_null(mkdtemp(dir));
	struct reg r;
	reg_init(&r, db);
	char *name = meeting_doc_file_name("2026-12-10", "居民议事会", "会议通知");
	char *path = x_asprintf("%s/%s.html", dir, name);
	x_free(&name);
	char *first, *second, *again, *p;
	assert_int_equal(reg_doc_write(&r, path, "第一次会议", "meeting:1", "会议通知", &first), DB_OK);
	assert_string_equal(first, path);
	/* The second meeting of that day and title: a file of its own. */
	p = reg_doc_path(&r, path, "meeting:2", "会议通知");
	char *want2 = x_asprintf("%s/2026-12-10-居民议事会-会议通知-2.html", dir);
	assert_string_equal(p, want2);
	x_free(&p);
	assert_int_equal(reg_doc_write(&r, path, "第二次会议", "meeting:2", "会议通知", &second), DB_OK);
	assert_string_equal(second, want2);
	char *text = slurp(path);
	assert_string_equal(text, "第一次会议");
	x_free(&text);
	/* Printed again, each replaces its own. */
	assert_int_equal(reg_doc_write(&r, path, "第一次会议（改）", "meeting:1", "会议通知", &again), DB_OK);
	assert_string_equal(again, path);
	x_free(&again);
	assert_int_equal(reg_doc_write(&r, path, "第二次会议（改）", "meeting:2", "会议通知", &again), DB_OK);
	assert_string_equal(again, want2);
	x_free(&again);
	text = slurp(path);
	assert_string_equal(text, "第一次会议（改）");
	x_free(&text);
	text = slurp(want2);
	assert_string_equal(text, "第二次会议（改）");
	x_free(&text);
	/* A file juwei did not write is kept. */
	char *reg_name = case_register_file_name(2026);
	char *ledger = x_asprintf("%s/%s.txt", dir, reg_name);
	x_free(&reg_name);
	FILE *f = fopen(ledger, "w");
	assert_non_null(f);
	fputs("手写的台账", f);
	fclose(f);
	char *w;
	assert_int_equal(reg_doc_write(&r, ledger, "台账", "case_register:2026", "年度案件登记台账", &w), DB_OK);
	assert_non_null(strstr(w, "2026年人民调解案件登记台账-2.txt"));
	text = slurp(ledger);
	assert_string_equal(text, "手写的台账");
	x_free(&text);
	unlink(w);
	x_free(&w);
	unlink(ledger);
	x_free(&ledger);
	unlink(first);
	unlink(second);
	x_free(&first);
	x_free(&second);
	x_free(&want2);
	x_free(&path);
	rmdir(dir);
	reg_free(&r);
	dbtest_destroy(docdb_path, &db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agreement_as_text),
		cmocka_unit_test(agreement_as_html),
		cmocka_unit_test(no_data_reaches_the_terminal_raw),
		cmocka_unit_test(register_of_the_year),
		cmocka_unit_test(names_are_safe_on_windows),
		cmocka_unit_test(every_document_is_named_by_its_record),
		cmocka_unit_test(no_document_overwrites_another_record_s),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
