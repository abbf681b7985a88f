/* Unit tests: what a search string means; ID masking; dates. */
#include "cm.h"

#include "core/date.h"
#include "core/register.h"
#include "core/search.h"
#include "core/xalloc.h"

#include <string.h>

static void parse(const char *in, struct hh_filter *f)
{
	memset(f, 0, sizeof *f);
	search_parse(in, f);
}

static void addresses(void **state)
{
	(void)state;
	struct hh_filter f;
	parse("3-2-501", &f);
	assert_int_equal(f.kind, HH_ADDRESS);
	assert_string_equal(f.building, "3");
	assert_string_equal(f.unit, "2");
	assert_string_equal(f.room, "501");
	parse(" 12-1 ", &f);
	assert_int_equal(f.kind, HH_ADDRESS);
	assert_string_equal(f.building, "12");
	assert_string_equal(f.unit, "1");
	assert_string_equal(f.room, "");
	parse("3-", &f);
	assert_int_equal(f.kind, HH_ADDRESS);
	assert_string_equal(f.building, "3");
	/* An input method in full-width mode. */
	parse("３－２－５０１", &f);
	assert_int_equal(f.kind, HH_ADDRESS);
	assert_string_equal(f.room, "501");
	parse("3—2—501", &f);
	assert_int_equal(f.kind, HH_ADDRESS);
	/* Not addresses. */
	parse("-3", &f);
	assert_int_not_equal(f.kind, HH_ADDRESS);
	parse("3--2", &f);
	assert_int_not_equal(f.kind, HH_ADDRESS);
	parse("1-2-3-4", &f);
	assert_int_not_equal(f.kind, HH_ADDRESS);
	parse("张-三", &f);
	assert_int_equal(f.kind, HH_TEXT);
}

static void digits_and_text(void **state)
{
	(void)state;
	struct hh_filter f;
	parse("002x", &f);
	assert_int_equal(f.kind, HH_DIGITS);
	assert_string_equal(f.text, "002X");
	parse("5678", &f);
	assert_int_equal(f.kind, HH_DIGITS);
	parse("56", &f); /* too short to mean an ID or phone */
	assert_int_equal(f.kind, HH_TEXT);
	parse("欧阳", &f);
	assert_int_equal(f.kind, HH_TEXT);
	assert_string_equal(f.text, "欧阳");
	parse("", &f);
	assert_int_equal(f.kind, HH_ALL);
	parse("　 ", &f); /* ideographic space */
	assert_int_equal(f.kind, HH_ALL);
}

static void long_input_is_cut_on_a_character(void **state)
{
	(void)state;
	struct hh_filter f;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 100; i++)
		sb_adds(&sb, "张");
	parse(sb.buf, &f);
	sb_free(&sb);
	assert_int_equal(f.kind, HH_TEXT);
	assert_true(strlen(f.text) < sizeof f.text);
	assert_int_equal(strlen(f.text) % 3, 0);
}

static void sensitive_flag_survives(void **state)
{
	(void)state;
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	f.show_sensitive = true;
	search_parse("3-2", &f);
	assert_true(f.show_sensitive);
}

static void masking(void **state)
{
	(void)state;
	char *m = id_mask("11010519491231002X");
	assert_string_equal(m, "110105********002X");
	x_free(&m);
	m = id_mask("");
	assert_string_equal(m, "");
	x_free(&m);
	m = id_mask("12345");
	assert_string_equal(m, "*****");
	x_free(&m);
	assert_null(m);
}

static void ages(void **state)
{
	(void)state;
	assert_int_equal(date_age("1949-12-31", "2026-11-22"), 76);
	assert_int_equal(date_age("1949-11-22", "2026-11-22"), 77);
	assert_int_equal(date_age("2000-02-29", "2026-02-28"), 25);
	assert_int_equal(date_age("2030-01-01", "2026-11-22"), -1);
	assert_int_equal(date_age("", "2026-11-22"), -1);
	assert_int_equal(date_age("1999-02-30", "2026-11-22"), -1);
	int y, mo, d;
	assert_true(date_parse_iso("2024-02-29", &y, &mo, &d));
	assert_false(date_parse_iso("2023-02-29", &y, &mo, &d));
	assert_false(date_parse_iso("1900-02-29", &y, &mo, &d));
	assert_true(date_parse_iso("2000-02-29", &y, &mo, &d));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(addresses),
		cmocka_unit_test(digits_and_text),
		cmocka_unit_test(long_input_is_cut_on_a_character),
		cmocka_unit_test(sensitive_flag_survives),
		cmocka_unit_test(masking),
		cmocka_unit_test(ages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
