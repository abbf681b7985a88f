/* Unit tests: pinyin readings, folding, and matching names by pinyin. */
#include "cm.h"

#include "core/pinyin.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define READINGS "/usr/share/unicode/Unihan_Readings.txt.bz2"

static bool has_reading(uint32_t cp, const char *want)
{
	const char *r = pinyin_readings(cp);
	if (!r)
		return false;
	size_t n = strlen(want);
	for (const char *p = r; (p = strstr(p, want)); p += n)
		if ((p == r || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return true;
	return false;
}

static void polyphonic_and_v(void **state)
{
	(void)state;
	static const struct { const char *ch, *a, *b; } cases[] = {
		{ "单", "shan", "dan" }, { "曾", "zeng", "ceng" }, { "解", "xie", "jie" },
		{ "区", "ou", "qu" }, { "仇", "qiu", "chou" }, { "查", "zha", "cha" },
		{ "朴", "piao", "pu" }, { "吕", "lv", "lv" }, { "女", "nv", "nv" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		uint32_t cp;
		utf8_decode(cases[i].ch, strlen(cases[i].ch), &cp);
		if (!has_reading(cp, cases[i].a) || !has_reading(cp, cases[i].b))
			fail_msg("%s: readings \"%s\", want %s and %s", cases[i].ch,
				 pinyin_readings(cp) ? pinyin_readings(cp) : "(none)", cases[i].a, cases[i].b);
	}
	assert_null(pinyin_readings('a'));
}

static void folding(void **state)
{
	(void)state;
	char *f = text_fold("張劉陳 ＡＢｃ Li");
	assert_string_equal(f, "张刘陈 abc li");
	x_free(&f);
	assert_int_equal(hanzi_fold(0x5F20), 0x5F20); /* already simplified */
}

static bool match(const char *name, const char *q, int first, int last)
{
	struct pinyin_match m = { -1, -1 };
	if (!pinyin_match(name, q, &m))
		return false;
	if (m.first != first || m.last != last)
		fail_msg("%s ~ %s matched characters %d..%d, not %d..%d", q, name, m.first, m.last, first, last);
	return true;
}

static void matching_names(void **state)
{
	(void)state;
	assert_true(match("张三丰", "zhangsanfeng", 0, 2));
	assert_true(match("张三丰", "zhang san", 0, 1));
	assert_true(match("张三丰", "zhangs", 0, 1));
	assert_true(match("张三丰", "zs", 0, 1));
	assert_true(match("张三丰", "zsf", 0, 2));
	assert_true(match("张三丰", "zhangsf", 0, 2));
	assert_true(match("张三丰", "ZSF", 0, 2));
	assert_true(match("张三丰", "sanfeng", 1, 2));     /* from a later character */
	assert_true(match("張三豐", "zsf", 0, 2));          /* traditional */
	assert_true(match("单雄信", "shan", 0, 0));
	assert_true(match("单雄信", "dxx", 0, 2));
	assert_true(match("曾小贤", "zengxx", 0, 2));
	assert_true(match("吕布", "lvbu", 0, 1));
	assert_true(match("欧阳娜娜", "oynn", 0, 3));
	assert_true(match("欧阳娜娜", "ouyang", 0, 1));
	assert_true(match("阿依古丽·买买提", "mmt", 5, 7));  /* the dot separates */
	assert_true(match("Anna张", "annaz", 0, 4));
	assert_true(match("施志", "shz", 0, 1));            /* sh as an initial */
	assert_false(pinyin_match("张三丰", "zx", NULL));
	assert_false(pinyin_match("张三丰", "zhangsanfengx", NULL));
	assert_false(pinyin_match("张三丰", "", NULL));
	assert_false(pinyin_match("张三丰", "z1", NULL));   /* digits are not pinyin */
	assert_false(pinyin_match("", "z", NULL));
	assert_true(pinyin_match("张三丰", "z", NULL));     /* one letter */
}

/* A sample of the table against Unihan itself: every kMandarin reading
 * (toneless) is among ours. */
static void table_agrees_with_unihan(void **state)
{
	(void)state;
	FILE *f = popen("bzcat " READINGS " 2>/dev/null | grep kMandarin", "r");
	char line[256];
	int checked = 0, n = 0;
	while (f && fgets(line, sizeof line, f)) {
		if (n++ % 97)
			continue; /* a sample */
		unsigned cp;
		char reading[64];
		if (sscanf(line, "U+%x\tkMandarin\t%63s", &cp, reading) != 2)
			continue;
		if (!((cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF)))
			continue;
		/* Strip the tone mark: keep letters, ü → v. */
		char bare[64];
		size_t k = 0;
		for (size_t i = 0; reading[i] && k + 1 < sizeof bare;) {
			uint32_t c;
			i += utf8_decode(reading + i, strlen(reading + i), &c);
			static const char *const from[] = { "āáǎà", "ēéěè", "īíǐì", "ōóǒò", "ūúǔù", "ǖǘǚǜü" };
			static const char to[] = "aeiouv";
			char ch = c < 0x80 ? (char)c : 0;
			for (int t = 0; t < 6 && !ch; t++) {
				char u[5] = { 0 };
				utf8_encode(c, u);
				if (strstr(from[t], u))
					ch = to[t];
			}
			if (ch)
				bare[k++] = ch;
		}
		bare[k] = '\0';
		if (!has_reading(cp, bare))
			fail_msg("U+%04X: Unihan says %s, table has \"%s\"", cp, bare,
				 pinyin_readings(cp) ? pinyin_readings(cp) : "(none)");
		checked++;
	}
	if (f)
		pclose(f);
	if (checked == 0) {
		print_message("Unihan_Readings.txt.bz2 not readable (install unicode-data and bzip2)\n");
		skip();
	}
	print_message("%d readings checked against Unihan\n", checked);
	assert_true(checked > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(polyphonic_and_v),
		cmocka_unit_test(folding),
		cmocka_unit_test(matching_names),
		cmocka_unit_test(table_agrees_with_unihan),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
