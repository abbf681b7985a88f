/* core/date.c - calendar helpers. */
#include "date.h"
#include "privilege.h"

#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

bool date_valid(int y, int m, int d)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	int max = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

bool date_parse_iso(const char *s, int *y, int *m, int *d)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	*y = atoi(s);
	*m = atoi(s + 5);
	*d = atoi(s + 8);
	return date_valid(*y, *m, *d);
}

const char *date_today(char *buf)
{
	int y, m, d;
	const char *env = priv_getenv("JUWEI_TODAY");
	if (!env || !date_parse_iso(env, &y, &m, &d)) {
		time_t now = time(NULL);
		struct tm tm;
		localtime_r(&now, &tm);
		y = tm.tm_year + 1900;
		m = tm.tm_mon + 1;
		d = tm.tm_mday;
	}
	/* The year is 1..9999 here, so this is always 10 characters. */
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
	return buf;
}

const char *time_now(char *buf)
{
	const char *env = priv_getenv("JUWEI_NOW");
	char hhmm[6];
	if (env && time_parse_input(env, hhmm)) {
		memcpy(buf, hhmm, 6);
		return buf;
	}
	int y, m, d;
	const char *day = priv_getenv("JUWEI_TODAY");
	if (day && date_parse_iso(day, &y, &m, &d)) {
		memcpy(buf, "12:00", 6);
		return buf;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%02d:%02d", tm.tm_hour % 24, tm.tm_min % 60);
	memcpy(buf, tmp, 5);
	buf[5] = '\0';
	return buf;
}

int date_age(const char *birth, const char *today)
{
	int by, bm, bd, ty, tm, td;
	if (!date_parse_iso(birth, &by, &bm, &bd) || !date_parse_iso(today, &ty, &tm, &td))
		return -1;
	int age = ty - by;
	if (tm < bm || (tm == bm && td < bd))
		age--;
	return age < 0 ? -1 : age;
}

/* Howard Hinnant's days-from-civil, for any year of the calendar. */
long date_to_days(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void date_from_days(long z, char *buf)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%04ld-%02ld-%02ld", y % 10000, m, d);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
}

bool date_add(const char *iso, long n, char *buf)
{
	int y, m, d;
	if (!date_parse_iso(iso, &y, &m, &d))
		return false;
	date_from_days(date_to_days(y, m, d) + n, buf);
	return true;
}

/* Up to max digits at *p; -1 when there are none. */
static int digits(const char **p, int max, int *count)
{
	int v = 0, n = 0;
	while (n < max && **p >= '0' && **p <= '9') {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*count = n;
	return n ? v : -1;
}

/* Skip one separator: - / . or the characters 年 月 (and a final 日). */
static bool separator(const char **p)
{
	static const char *const seps[] = { "-", "/", ".", "年", "月" };
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		size_t n = strlen(seps[i]);
		if (strncmp(*p, seps[i], n) == 0) {
			*p += n;
			return true;
		}
	}
	return false;
}

const char *date_parse_input(const char *in, const char *today, char *buf)
{
	int ty, tm, td;
	if (!date_parse_iso(today, &ty, &tm, &td))
		return N_("Today's date is not known.");
	/* Trim spaces (and ideographic spaces) around the input. */
	while (*in == ' ' || strncmp(in, "　", 3) == 0)
		in += *in == ' ' ? 1 : 3;
	char s[64];
	snprintf(s, sizeof s, "%s", in);
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	static const struct { const char *word; int offset; } words[] = {
		{ "今天", 0 }, { "t", 0 }, { "T", 0 }, { "昨天", -1 }, { "明天", 1 },
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i].word) == 0) {
			date_from_days(date_to_days(ty, tm, td) + words[i].offset, buf);
			return NULL;
		}
	if (n == 0)
		return N_("Enter a date, e.g. 2026-11-22.");
	const char *p = s;
	int c1, c2, c3, y, m, d;
	int a = digits(&p, 8, &c1);
	if (a < 0)
		return N_("Not a date; write it as 2026-11-22.");
	if (c1 == 8 && *p == '\0') {           /* 20261122 */
		y = a / 10000;
		m = a / 100 % 100;
		d = a % 100;
	} else if (c1 == 4 && separator(&p)) {   /* 2026-11-22, 2026年11月22日 */
		y = a;
		m = digits(&p, 2, &c2);
		if (m < 0 || !separator(&p))
			return N_("Not a date; write it as 2026-11-22.");
		d = digits(&p, 2, &c3);
		if (d < 0)
			return N_("Not a date; write it as 2026-11-22.");
	} else if (c1 <= 2 && separator(&p)) {   /* 11-22, 11月22日: this year */
		y = ty;
		m = a;
		d = digits(&p, 2, &c2);
		if (d < 0)
			return N_("Not a date; write it as 2026-11-22.");
	} else {
		return N_("Not a date; write it as 2026-11-22.");
	}
	if (strcmp(p, "日") == 0)
		p += strlen("日");
	if (*p != '\0')
		return N_("Not a date; write it as 2026-11-22.");
	if (!date_valid(y, m, d))
		return N_("There is no such day in the calendar.");
	char tmp[48];
	snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	memcpy(buf, tmp, 10);
	buf[10] = '\0';
	return NULL;
}

bool time_parse_input(const char *in, char *buf)
{
	int h = -1, m = -1, used = 0;
	size_t digits = strspn(in, "0123456789");
	if ((digits == 3 || digits == 4) && !in[digits]) {
		int v = atoi(in);
		h = v / 100;
		m = v % 100;
	} else if (digits >= 1 && digits <= 2) {
		h = atoi(in);
		const char *p = in + digits;
		if (*p == ':' || *p == '.')
			p++;
		else if (strncmp(p, "：", 3) == 0)
			p += 3;
		else
			return false;
		if (strspn(p, "0123456789") != 2 || p[2] || sscanf(p, "%2d%n", &m, &used) != 1)
			return false;
	}
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return false;
	snprintf(buf, 6, "%02d:%02d", h, m);
	return true;
}
