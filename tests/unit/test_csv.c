/* Unit tests: the CSV reader - encodings, RFC 4180 quoting, line
 * endings, and malformed input (unclosed quote, stray bytes, invalid
 * GB18030, a BOM in the middle, a 1 MB field), across chunk boundaries. */
#define _GNU_SOURCE /* fopencookie(), for a stream whose reads fail */
#include "cm.h"

#include "core/csv.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Read text as CSV; rows joined as "a|b|c\n". */
static char *read_all(const char *data, size_t len, enum csv_encoding enc, int *status, long *err_line)
{
	FILE *f = fmemopen((void *)data, len, "r");
	assert_non_null(f);
	struct csv *c = csv_open(f, enc);
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	char **fields;
	int n, r;
	long line;
	while ((r = csv_next(c, &fields, &n, &line)) == 1) {
		for (int i = 0; i < n; i++) {
			if (i)
				sb_addc(&sb, '|');
			sb_adds(&sb, fields[i]);
		}
		sb_addf(&sb, "@%ld\n", line);
	}
	*status = r;
	if (err_line)
		csv_error(c, err_line);
	csv_close(&c);
	fclose(f);
	return sb_take(&sb);
}

#define READS(text, want) do { int st_; char *got_ = read_all(text, strlen(text), CSV_AUTO, &st_, NULL); \
	assert_int_equal(st_, 0); assert_string_equal(got_, want); x_free(&got_); } while (0)

static void quoting_and_line_endings(void **state)
{
	(void)state;
	READS("a,b,c\r\n1,2,3\r\n", "a|b|c@1\n1|2|3@2\n");
	READS("a,b\n1,2", "a|b@1\n1|2@2\n");                      /* no final line break */
	READS("\"x,y\",\"say \"\"hi\"\"\",z\n", "x,y|say \"hi\"|z@1\n");
	READS("\"two\nlines\",b\nc,d\n", "two\nlines|b@1\nc|d@3\n"); /* a line break inside */
	READS("a,b\r\n\r\n\n1,2\n", "a|b@1\n1|2@4\n");            /* blank lines skipped */
	READS("a,b\r\n1,2\n3,4\r5,6\n", "a|b@1\n1|2@2\n3|4@3\n5|6@4\n"); /* mixed endings */
	READS(",,\n", "||@1\n");                                   /* empty fields */
	READS("\xEF\xBB\xBF姓名,小区\n张三,幸福里\n", "姓名|小区@1\n张三|幸福里@2\n"); /* BOM */
	READS("a,b\n\xEF\xBB\xBF张三,c\n", "a|b@1\n张三|c@2\n");    /* a BOM in the middle */
}

static void malformed_input(void **state)
{
	(void)state;
	int st;
	long line;
	char *got = read_all("a,b\n\"open,c\nd,e\n", 16, CSV_AUTO, &st, &line);
	assert_int_equal(st, -1);
	assert_int_equal(line, 2);        /* where the quote opened */
	x_free(&got);
	/* UTF-8 at first, stray bytes later: refused, not guessed. */
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 5000; i++)
		sb_adds(&sb, "张三,幸福里\n");
	sb_adds(&sb, "\xff\xfe,x\n");
	got = read_all(sb.buf, sb.len, CSV_AUTO, &st, &line);
	assert_int_equal(st, -1);
	assert_int_equal(line, 5001);
	x_free(&got);
	sb_free(&sb);
	/* Invalid GB18030. */
	got = read_all("\xd5\xc5,\x81\x20\n", 7, CSV_GB18030, &st, &line);
	assert_int_equal(st, -1);
	x_free(&got);
	/* A 1 MB field is read whole, across many chunks. */
	sb_adds(&sb, "\"");
	for (int i = 0; i < (1 << 20) / 3; i++)
		sb_adds(&sb, "字");
	sb_adds(&sb, "\",end\n");
	got = read_all(sb.buf, sb.len, CSV_UTF8, &st, NULL);
	assert_int_equal(st, 0);
	assert_int_equal(strlen(got), (size_t)((1 << 20) / 3 * 3 + strlen("|end@1\n")));
	x_free(&got);
	sb_free(&sb);
}

/* Text in GB18030, as Excel saves it on Chinese Windows. */
static char *to_gb(const char *utf8, size_t *len)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	assert_true(cd != (iconv_t)-1);
	size_t in_left = strlen(utf8), out_left = in_left * 2 + 4;
	char *out = x_calloc(1, out_left), *o = out;
	char *in = (char *)utf8;
	assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static void gb18030_is_detected_and_converted(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "姓名,与户主关系,身份证号码\r\n");
	/* Enough rows that characters are split between chunks. */
	for (int i = 0; i < 20000; i++)
		sb_addf(&sb, "欧阳娜娜%d,户主,11010519491231002X\r\n", i);
	size_t len;
	char *gb = to_gb(sb.buf, &len);
	assert_int_equal(csv_detect(gb, len < 65536 ? len : 65536), CSV_GB18030);
	assert_int_equal(csv_detect(sb.buf, sb.len), CSV_UTF8);
	FILE *f = fmemopen(gb, len, "r");
	struct csv *c = csv_open(f, CSV_AUTO);
	assert_int_equal(csv_encoding_of(c), CSV_GB18030);
	char **fields;
	int n, rows = 0;
	long line;
	while (csv_next(c, &fields, &n, &line) == 1) {
		assert_int_equal(n, 3);
		if (rows == 0)
			assert_string_equal(fields[0], "姓名");
		if (rows == 19999)
			assert_string_equal(fields[0], "欧阳娜娜19998");
		rows++;
	}
	assert_null(csv_error(c, NULL));
	assert_int_equal(rows, 20001);
	csv_close(&c);
	fclose(f);
	x_free(&gb);
	sb_free(&sb);
}

/* Rows written for a spreadsheet, in UTF-8 (the BOM checked, then cut). */
static char *write_rows(enum csv_encoding enc, const char *const *cells, int n, size_t *len)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);
	struct csv_writer *w = csv_writer_open(f, enc);
	assert_non_null(w);
	csv_writer_row(w, cells, n);
	csv_writer_row(w, cells, 1);
	assert_true(csv_writer_close(&w));
	assert_null(w);
	fclose(f);
	*len = size;
	return buf;
}

static void writing_rows(void **state)
{
	(void)state;
	static const char *const cells[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " lead", "=1+2",
		"-3", "@x", "110105194912310021", "0012", "13800001111", "0", "" };
	size_t len;
	char *buf = write_rows(CSV_UTF8, cells, 13, &len);
	assert_true(len > 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0);
	assert_string_equal(buf + 3, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" lead\",'=1+2,"
			  "'-3,'@x,\t110105194912310021,\t0012,13800001111,0,\r\nplain\r\n");
	free(buf);
	/* GB18030, no BOM; read back by the reader, every cell restored. */
	static const char *const zh[] = { "张三", "=HYPERLINK(\"x\")", "110105194912310021", "0571", "欧阳·娜娜" };
	buf = write_rows(CSV_GB18030, zh, 5, &len);
	assert_false(len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0);
	FILE *f = fmemopen(buf, len, "r");
	struct csv *c = csv_open(f, CSV_AUTO);
	assert_int_equal(csv_encoding_of(c), CSV_GB18030);
	char **fields;
	int n;
	long line;
	assert_int_equal(csv_next(c, &fields, &n, &line), 1);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++) {
		cell_restore(fields[i]);
		assert_string_equal(fields[i], zh[i]);
	}
	csv_close(&c);
	fclose(f);
	free(buf);
}

static void restoring_cells(void **state)
{
	(void)state;
	static const char *const pairs[][2] = {
		{ "\t110105194912310021", "110105194912310021" }, { "  张三　", "张三" },
		{ "\xC2\xA0x\xC2\xA0", "x" }, { "'=SUM(A1)", "=SUM(A1)" }, { "'-3", "-3" },
		{ "'abc", "'abc" }, { "'", "'" }, { "\t \t", "" }, { "", "" }, { "a b", "a b" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(pairs); i++) {
		char *s = x_strdup(pairs[i][0]);
		cell_restore(s);
		assert_string_equal(s, pairs[i][1]);
		x_free(&s);
	}
}

/* A stream that gives size bytes of rows, then fails as a disk or a
 * network share may. */
struct failing { size_t given, size; };

static ssize_t failing_read(void *cookie, char *buf, size_t n)
{
	struct failing *fs = cookie;
	if (fs->given >= fs->size) {
		errno = EIO;
		return -1;
	}
	size_t k = 0;
	for (; k < n && fs->given < fs->size; k++, fs->given++)
		buf[k] = "幸福里,张三,户主\n"[fs->given % strlen("幸福里,张三,户主\n")];
	return (ssize_t)k;
}

/* What was read before a failed read never passes for the whole file,
 * at the start as after many rows. */
static void a_read_that_fails_is_an_error(void **state)
{
	(void)state;
	const size_t sizes[] = { 0, 24 * 10000 };
	for (size_t i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct failing fs = { 0, sizes[i] };
		FILE *f = fopencookie(&fs, "r", (cookie_io_functions_t){ .read = failing_read });
		assert_non_null(f);
		struct csv *c = csv_open(f, CSV_UTF8);
		char **fields;
		int n, rc, rows = 0;
		long line;
		while ((rc = csv_next(c, &fields, &n, &line)) == 1)
			rows++;
		assert_int_equal(rc, -1);
		long el;
		const char *e = csv_error(c, &el);
		assert_non_null(e);
		assert_non_null(strstr(e, "文件没能读完"));
		assert_true(rows <= 10000);
		csv_close(&c);
		fclose(f);
	}
}

int main(void)
{
	i18n_init("zh_CN");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quoting_and_line_endings),
		cmocka_unit_test(malformed_input),
		cmocka_unit_test(gb18030_is_detected_and_converted),
		cmocka_unit_test(writing_rows),
		cmocka_unit_test(restoring_cells),
		cmocka_unit_test(a_read_that_fails_is_an_error),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_free();
	return r;
}
