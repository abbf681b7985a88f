/* Fuzz target: what a clerk types into ID, date and phone fields. */
#include "fuzz.h"

#include "core/date.h"
#include "core/idcard.h"
#include "core/phone.h"
#include "core/xalloc.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = x_strndup((const char *)data, size);
	struct idcard_info info;
	if (idcard_parse(s, &info) == ID_OK) {
		/* What it accepts is a valid 18-character number whose date
		 * parses and whose check character is its own. */
		int y, m, d;
		if (strlen(info.number) != 18 || !date_parse_iso(info.birth, &y, &m, &d) ||
		    idcard_check_char(info.number) != info.number[17])
			__builtin_trap();
		struct idcard_info again;
		if (idcard_parse(info.number, &again) != ID_OK || strcmp(again.number, info.number) != 0)
			__builtin_trap();
	}
	char buf[11];
	int y, m, d;
	if (date_parse_iso(s, &y, &m, &d)) {
		date_add(s, 0, buf);
		if (strcmp(buf, s) != 0)
			__builtin_trap();
	}
	/* Typed dates come out as real ISO dates or not at all. */
	if (!date_parse_input(s, "2026-11-22", buf) && !date_parse_iso(buf, &y, &m, &d))
		__builtin_trap();
	char phone[24];
	const char *why;
	enum phone_kind k = phone_normalize(s, phone, sizeof phone, &why);
	if ((k == PHONE_BAD) != (why != NULL) || (k == PHONE_MOBILE && strlen(phone) != 11))
		__builtin_trap();
	x_free(&s);
	return 0;
}
