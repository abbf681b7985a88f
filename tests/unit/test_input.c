/* Unit tests: dates and phone numbers as a clerk types them. */
#include "cm.h"

#include "core/date.h"
#include "core/phone.h"

#include <string.h>

#define TODAY "2026-11-22"

static void date_is(const char *in, const char *want)
{
	char buf[11];
	const char *err = date_parse_input(in, TODAY, buf);
	if (err)
		fail_msg("\"%s\": %s", in, err);
	assert_string_equal(buf, want);
}

static void date_refused(const char *in)
{
	char buf[11];
	if (!date_parse_input(in, TODAY, buf))
		fail_msg("\"%s\" was taken as %s", in, buf);
}

static void dates(void **state)
{
	(void)state;
	date_is("2026-11-22", "2026-11-22");
	date_is("20261122", "2026-11-22");
	date_is("2026/11/22", "2026-11-22");
	date_is("2026.1.5", "2026-01-05");
	date_is("2026年11月2日", "2026-11-02");
	date_is("11-22", "2026-11-22");        /* this year */
	date_is("3月8日", "2026-03-08");
	date_is("今天", TODAY);
	date_is("t", TODAY);
	date_is(" t ", TODAY);
	date_is("昨天", "2026-11-21");
	date_is("明天", "2026-11-23");
	date_is("2024-02-29", "2024-02-29");
	date_refused("1999-02-30");
	date_refused("19990230");
	date_refused("2023-02-29");
	date_refused("2026-13-01");
	date_refused("2026-11");
	date_refused("2026-11-22x");
	date_refused("");
	date_refused("明年");
	date_refused("22/11/2026");
	date_refused("123");
}

static void phone_is(const char *in, enum phone_kind kind, const char *want)
{
	char out[24];
	const char *why;
	enum phone_kind k = phone_normalize(in, out, sizeof out, &why);
	if (k != kind)
		fail_msg("\"%s\": kind %d, wanted %d (%s)", in, k, kind, why ? why : "");
	assert_string_equal(out, want);
}

static void phone_refused(const char *in)
{
	char out[24];
	const char *why = NULL;
	if (phone_normalize(in, out, sizeof out, &why) != PHONE_BAD)
		fail_msg("\"%s\" was taken as %s", in, out);
	assert_non_null(why);
}

static void phones(void **state)
{
	(void)state;
	phone_is("13812345678", PHONE_MOBILE, "13812345678");
	phone_is("138 1234 5678", PHONE_MOBILE, "13812345678");
	phone_is("+86 138-1234-5678", PHONE_MOBILE, "13812345678");
	phone_is("008613812345678", PHONE_MOBILE, "13812345678");
	phone_is("010-64001234", PHONE_LANDLINE, "010-64001234");
	phone_is("(010) 6400 1234", PHONE_LANDLINE, "010-64001234");
	phone_is("02112345678", PHONE_LANDLINE, "021-12345678");
	phone_is("0571-8888888", PHONE_LANDLINE, "0571-8888888");
	phone_is("0571-88888888", PHONE_LANDLINE, "0571-88888888");
	phone_refused("1381234567");      /* 10 digits */
	phone_refused("12812345678");     /* no such mobile prefix */
	phone_refused("64001234");        /* no area code */
	phone_refused("010-6400123");     /* 7 digits after 010 */
	phone_refused("001-12345678");
	phone_refused("138l2345678");     /* letter l for 1 */
	phone_refused("");
	phone_refused("1234567890123456789012345678901234");
}

static void times_as_typed(void **state)
{
	(void)state;
	static const char *const ok[][2] = {
		{ "09:30", "09:30" }, { "9:30", "09:30" }, { "9.30", "09:30" }, { "9：30", "09:30" },
		{ "930", "09:30" }, { "0930", "09:30" }, { "14:05", "14:05" }, { "0:00", "00:00" }, { "23:59", "23:59" },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		char buf[6] = "";
		if (!time_parse_input(ok[i][0], buf) || strcmp(buf, ok[i][1]) != 0)
			fail_msg("%s: got %s, want %s", ok[i][0], buf, ok[i][1]);
	}
	static const char *const bad[] = { "", "24:00", "9:60", "9:5", "12345", "9:30am", "下午", "9::30", "-1:30", "1" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char buf[6];
		if (time_parse_input(bad[i], buf))
			fail_msg("%s was taken as %s", bad[i], buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(times_as_typed),
		cmocka_unit_test(dates),
		cmocka_unit_test(phones),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
