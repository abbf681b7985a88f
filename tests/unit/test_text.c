/* Unit tests: UTF-8, display width against Unicode and glibc, fitting,
 * padding and sanitising. */
#include "cm.h"

#include "core/text.h"
#include "core/xalloc.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define EAW "/usr/share/unicode/EastAsianWidth.txt"

/* Every W and F code point in the blocks Chinese text uses is two
 * columns, as EastAsianWidth.txt says. */
static void cjk_wide_per_east_asian_width(void **state)
{
	(void)state;
	FILE *f = fopen(EAW, "r");
	if (!f) {
		print_message("EastAsianWidth.txt not found (install unicode-data)\n");
		skip();
	}
	static const struct { uint32_t lo, hi; } blocks[] = {
		{ 0x1100, 0x115F }, { 0x2E80, 0xA4CF }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF },
		{ 0xFE30, 0xFE4F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x20000, 0x3FFFD },
	};
	char line[512];
	long checked = 0;
	while (fgets(line, sizeof line, f)) {
		unsigned lo, hi;
		char cls[4];
		if (sscanf(line, "%x..%x;%2[A-Za-z]", &lo, &hi, cls) != 3) {
			if (sscanf(line, "%x;%2[A-Za-z]", &lo, cls) != 2)
				continue;
			hi = lo;
		}
		if (strcmp(cls, "W") != 0 && strcmp(cls, "F") != 0)
			continue;
		/* Nonspacing marks inside W ranges (U+302A.., U+3099..) combine
		 * with the character before them: zero columns, as wcwidth and
		 * every terminal have it (UAX #11, 5). */
		const char *gc = strchr(line, '#');
		if (gc && (strncmp(gc, "# Mn", 4) == 0 || strncmp(gc, "# Me", 4) == 0)) {
			for (uint32_t cp = lo; cp <= hi; cp++)
				assert_int_equal(text_cp_width(cp), 0);
			continue;
		}
		for (uint32_t cp = lo; cp <= hi; cp++) {
			for (size_t b = 0; b < sizeof blocks / sizeof blocks[0]; b++) {
				if (cp < blocks[b].lo || cp > blocks[b].hi)
					continue;
				if (text_cp_width(cp) != 2)
					fail_msg("U+%04X is %s in EastAsianWidth.txt but width %d",
						 (unsigned)cp, cls, text_cp_width(cp));
				checked++;
			}
		}
	}
	fclose(f);
	print_message("%ld W/F code points checked\n", checked);
	assert_true(checked > 90000);
}

/* The terminal lays text out by wcwidth() of a UTF-8 locale; ncurses
 * too.  Where glibc knows a code point, we must agree with it. */
static void agrees_with_glibc_wcwidth(void **state)
{
	(void)state;
	if (!setlocale(LC_CTYPE, "C.UTF-8")) {
		print_message("no C.UTF-8 locale\n");
		skip();
	}
	long compared = 0, differ = 0;
	for (uint32_t cp = 0xA0; cp < 0x40000; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		int g = wcwidth((wchar_t)cp);
		if (g < 0)
			continue; /* unassigned for glibc: nothing to agree with */
		compared++;
		if (text_cp_width(cp) != g) {
			if (differ < 10)
				print_message("U+%04X: glibc %d, juwei %d\n", (unsigned)cp, g, text_cp_width(cp));
			differ++;
		}
	}
	setlocale(LC_CTYPE, "C");
	print_message("%ld code points compared with glibc, %ld differ\n", compared, differ);
	assert_true(compared > 100000);
	assert_int_equal(differ, 0);
}

static void common_widths(void **state)
{
	(void)state;
	assert_int_equal(text_width("张三"), 4);
	assert_int_equal(text_width("Li Lei"), 6);
	assert_int_equal(text_width("阿依古丽·买买提"), 15);
	assert_int_equal(text_width("３－２"), 6);    /* full-width forms */
	assert_int_equal(text_width("é"), 1);         /* e + combining acute */
	assert_int_equal(text_width("𠮷"), 2);        /* U+20BB7, 4 bytes */
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_cp_width(0x3000), 2);   /* ideographic space */
	assert_int_equal(text_cp_width(0xFFFD), 1);
}

static void ambiguous_switch(void **state)
{
	(void)state;
	assert_int_equal(text_width("·"), 1);
	assert_int_equal(text_width("…"), 1);
	text_set_ambiguous_wide(true);
	assert_true(text_ambiguous_wide());
	assert_int_equal(text_width("·"), 2);
	assert_int_equal(text_width("…"), 2);
	assert_int_equal(text_width("阿依古丽·买买提"), 16);
	char *p = text_pad("欧阳娜娜", 7, TEXT_LEFT);
	assert_int_equal(text_width(p), 7);
	x_free(&p);
	text_set_ambiguous_wide(false);
	assert_int_equal(text_width("·"), 1);
}

static void decoding(void **state)
{
	(void)state;
	uint32_t cp;
	assert_int_equal(utf8_decode("\xC0\x80", 2, &cp), 1);      /* overlong */
	assert_int_equal(cp, TEXT_REPLACEMENT);
	assert_int_equal(utf8_decode("\xE0\x80\x80", 3, &cp), 1);  /* overlong */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);  /* surrogate */
	assert_int_equal(cp, TEXT_REPLACEMENT);
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1); /* > U+10FFFF */
	assert_int_equal(utf8_decode("\xE5\xBC", 2, &cp), 1);      /* truncated */
	assert_int_equal(utf8_decode("\xE5\xBC\xA0", 3, &cp), 3);  /* 张 */
	assert_int_equal(cp, 0x5F20);
	assert_int_equal(utf8_decode("\xF0\xA0\xAE\xB7", 4, &cp), 4);
	assert_int_equal(cp, 0x20BB7);
	assert_int_equal(utf8_decode("\x80", 1, &cp), 1);
	assert_int_equal(cp, TEXT_REPLACEMENT);
	char buf[4];
	assert_int_equal(utf8_encode(0x20BB7, buf), 4);
	assert_memory_equal(buf, "\xF0\xA0\xAE\xB7", 4);
	assert_int_equal(utf8_encode(0xD800, buf), 3);             /* → U+FFFD */
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_true(utf8_valid("张三 abc", strlen("张三 abc")));
	assert_true(utf8_valid("\xEF\xBF\xBD", 3));
	assert_false(utf8_valid("a\xFF", 2));
	assert_int_equal(text_chars("a张b三"), 4);
}

/* pad must give exactly cols columns; check the text too. */
static void pad_is(const char *s, int cols, enum text_align a, const char *want)
{
	char *p = text_pad(s, cols, a);
	assert_int_equal(text_width(p), cols);
	assert_string_equal(p, want);
	x_free(&p);
}

static void fitting_and_padding(void **state)
{
	(void)state;
	pad_is("张三", 4, TEXT_LEFT, "张三");
	pad_is("张三", 6, TEXT_LEFT, "张三  ");
	pad_is("张三", 6, TEXT_RIGHT, "  张三");
	pad_is("张三", 7, TEXT_CENTER, " 张三  ");
	pad_is("欧阳娜娜", 7, TEXT_LEFT, "欧阳娜…");
	pad_is("欧阳娜娜", 8, TEXT_LEFT, "欧阳娜娜");
	/* A wide character never straddles the edge: a space fills in. */
	pad_is("欧阳娜娜", 6, TEXT_LEFT, "欧阳… ");
	pad_is("Li Lei", 4, TEXT_LEFT, "Li …");
	pad_is("Anna张", 6, TEXT_LEFT, "Anna张");
	pad_is("Anna张", 5, TEXT_LEFT, "Anna…");
	pad_is("张", 1, TEXT_LEFT, "…");
	pad_is("张三", 2, TEXT_LEFT, "… ");
	pad_is("abc", 0, TEXT_LEFT, "");
	pad_is("", 3, TEXT_LEFT, "   ");
	text_set_ascii(true);
	pad_is("欧阳娜娜", 7, TEXT_LEFT, "欧阳娜~");
	text_set_ascii(false);

	int used;
	bool cut;
	assert_int_equal(text_fit("张三丰", 5, &used, &cut), 6);
	assert_true(cut);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit("张三丰", 6, &used, &cut), 9);
	assert_false(cut);
	assert_int_equal(text_fit("张三丰", 0, &used, &cut), 0);
	/* A prefix without ellipsis, as text wrapping needs. */
	assert_int_equal(text_prefix("张三丰", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_prefix("a张", 2, &used), 1);
	assert_int_equal(text_prefix("abc", 0, &used), 0);
}

static void sanitize_is(const char *in, size_t len, const char *want)
{
	char *s = text_sanitize(in, len);
	assert_string_equal(s, want);
	x_free(&s);
}

static void sanitising(void **state)
{
	(void)state;
	sanitize_is("a\x1b[2Jb", (size_t)-1, "a^[[2Jb");
	sanitize_is("\x1b]0;title\x07", (size_t)-1, "^[]0;title^G");
	sanitize_is("\xff\xfe", (size_t)-1, "\xEF\xBF\xBD\xEF\xBF\xBD");
	sanitize_is("a\xE2\x80\xAE" "b\xE2\x80\x8B" "c", (size_t)-1, "abc"); /* RLO, ZWSP */
	sanitize_is("\xC2\x9B" "31m", (size_t)-1, "<9B>31m");              /* C1 CSI */
	sanitize_is("a\tb\x7f", (size_t)-1, "a b^?");
	sanitize_is("a\nb", (size_t)-1, "a^Jb");
	sanitize_is("张\0三", 4, "张^@");
	sanitize_is(NULL, 0, "");
	char *m = text_sanitize_multiline("a\r\nb\rc\n\x1b", (size_t)-1);
	assert_string_equal(m, "a\nb\nc\n^[");
	x_free(&m);
}

/* What an editor keeps of typed or pasted text: controls and invisible
 * characters go (not shown as ^X), line breaks follow the editor. */
static void cleaning_input(void **state)
{
	(void)state;
	size_t n;
	char *c = text_clean_input("张\x1b[31m三\r\n李\rb\tc\xE2\x80\x8B" "x", true, &n);
	assert_string_equal(c, "张[31m三\n李\nb cx");
	assert_int_equal(n, 13);
	x_free(&c);
	c = text_clean_input("张\x1b[31m三\r\n李\rb\tc\xE2\x80\x8B" "x", false, &n);
	assert_string_equal(c, "张[31m三 李 b cx");
	assert_int_equal(n, 13);
	x_free(&c);
	c = text_clean_input("\x7f\xC2\x9B", false, &n);
	assert_string_equal(c, "");
	assert_int_equal(n, 0);
	x_free(&c);
}

/* Whatever bytes come in, what comes out is valid UTF-8 with nothing
 * below 0x20 and no DEL. */
static void sanitising_any_bytes(void **state)
{
	(void)state;
	uint64_t x = 88172645463325252ull;
	unsigned char buf[64];
	for (int round = 0; round < 20000; round++) {
		size_t n = (size_t)(round % 64);
		for (size_t i = 0; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = (unsigned char)x;
		}
		char *s = text_sanitize((const char *)buf, n);
		size_t len = strlen(s);
		assert_true(utf8_valid(s, len));
		for (size_t i = 0; i < len; i++)
			assert_true((unsigned char)s[i] >= 0x20 && s[i] != 0x7f);
		assert_true(text_width(s) >= 0);
		x_free(&s);
	}
}

static void offsets(void **state)
{
	(void)state;
	size_t *b = NULL;
	int *c = NULL;
	size_t n = text_offsets("a张b三", &b, &c);
	assert_int_equal(n, 4);
	const size_t wb[] = { 0, 1, 4, 5, 8 };
	const int wc[] = { 0, 1, 3, 4, 6 };
	for (size_t i = 0; i <= n; i++) {
		assert_int_equal(b[i], wb[i]);
		assert_int_equal(c[i], wc[i]);
	}
	x_free(&b);
	x_free(&c);
	assert_null(b);
}

/* Wrapping: no line starts with closing punctuation nor ends with an
 * opening bracket; the last character goes down instead. */
static void line_breaks(void **state)
{
	(void)state;
	/* 10 columns: 5 Chinese characters. */
	assert_int_equal(text_line_break("一二三四五六七", 10), 15);        /* plain */
	assert_int_equal(text_line_break("一二三四五。六", 10), 12);        /* 。 would start the line */
	assert_int_equal(text_line_break("一二三四（五六", 10), 12);        /* （ would end it */
	assert_int_equal(text_line_break("一二三四五）。", 10), 12);
	assert_int_equal(text_line_break("一二三", 10), 9);                 /* all of it fits */
	assert_int_equal(text_line_break("一。", 2), 3);                   /* a lone character stays */
	assert_int_equal(text_line_break("abcdefghij, k", 10), 9);          /* ASCII too */
	assert_int_equal(text_line_break("", 10), 0);
	/* A number is not cut: it goes down whole ... */
	assert_int_equal(text_line_break("号码110105194912310021", 12), 6);
	assert_int_equal(text_line_break("ab Anna Smith", 10), 8);
	/* ... also when it must go down with the punctuation after it ... */
	assert_int_equal(text_line_break("小区 1-3-202）已", 12), 11);
	assert_int_equal(text_line_break("小区1-3-202）已", 11), 10);
	/* ... unless it alone is wider than the line. */
	assert_int_equal(text_line_break("110105194912310021", 10), 10);
	/* Wrapping a whole text keeps every line within the width. */
	const char *s = "经调解，双方自愿达成如下协议：一、楼上于月底前修复防水层。二、赔偿损失。";
	while (*s) {
		size_t n = text_line_break(s, 12);
		assert_true(n > 0);
		assert_true(text_width_n(s, n) <= 12);
		s += n;
		assert_false(strncmp(s, "。", 3) == 0 || strncmp(s, "，", 3) == 0 || strncmp(s, "：", 3) == 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(line_breaks),
		cmocka_unit_test(cjk_wide_per_east_asian_width),
		cmocka_unit_test(agrees_with_glibc_wcwidth),
		cmocka_unit_test(common_widths),
		cmocka_unit_test(ambiguous_switch),
		cmocka_unit_test(decoding),
		cmocka_unit_test(fitting_and_padding),
		cmocka_unit_test(sanitising),
		cmocka_unit_test(sanitising_any_bytes),
		cmocka_unit_test(cleaning_input),
		cmocka_unit_test(offsets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
