/* core/phone.c - mobile and landline numbers. */
#include "phone.h"

#include "i18n.h"

#include <stdio.h>
#include <string.h>

enum phone_kind phone_normalize(const char *in, char *out, size_t n, const char **why)
{
	char d[32];
	size_t k = 0;
	*why = NULL;
	if (n)
		out[0] = '\0';
	for (const char *p = in ? in : ""; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (k + 1 >= sizeof d) {
				*why = N_("Too many digits for a phone number.");
				return PHONE_BAD;
			}
			d[k++] = *p;
		} else if (*p == '+' && k == 0) {
			/* +86 is handled with the digits below */
		} else if (*p == '*') {
			*why = N_("This number is masked (it has *): the whole number is needed.");
			return PHONE_BAD;
		} else if (!strchr(" -()", *p)) {
			*why = N_("A phone number has only digits, spaces and dashes.");
			return PHONE_BAD;
		}
	}
	d[k] = '\0';
	const char *s = d;
	if (k == 13 && strncmp(s, "86", 2) == 0)
		s += 2;
	else if (k == 15 && strncmp(s, "0086", 4) == 0)
		s += 4;
	size_t len = strlen(s);
	if (len == 0) {
		*why = N_("Enter a phone number.");
		return PHONE_BAD;
	}
	if (s[0] == '1') {
		if (len != 11 || s[1] < '3') {
			*why = N_("A mobile number has 11 digits and starts with 13 to 19.");
			return PHONE_BAD;
		}
		snprintf(out, n, "%s", s);
		return PHONE_MOBILE;
	}
	if (s[0] != '0') {
		*why = N_("A landline needs its area code, e.g. 010-64001234.");
		return PHONE_BAD;
	}
	size_t area = s[1] == '1' || s[1] == '2' ? 3 : 4;
	size_t local = len > area ? len - area : 0;
	if (s[1] == '0' || local < 7 || local > 8 || (area == 3 && local != 8)) {
		*why = N_("A landline is an area code and 7 or 8 digits, e.g. 010-64001234.");
		return PHONE_BAD;
	}
	snprintf(out, n, "%.*s-%s", (int)area, s, s + area);
	return PHONE_LANDLINE;
}
