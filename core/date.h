/* core/date.h - calendar dates as ISO text. */
#ifndef JUWEI_DATE_H
#define JUWEI_DATE_H

#include <stdbool.h>

/* Today's local date as "YYYY-MM-DD" into buf (11 bytes).  $JUWEI_TODAY
 * (same form) overrides it, so tests and demos are reproducible. */
const char *date_today(char *buf);
/* The time of day now as "HH:MM" into buf (6 bytes).  $JUWEI_NOW (same
 * form) overrides it; when $JUWEI_TODAY fixes the day and $JUWEI_NOW is
 * not set, it is noon of that day, so that tests and demos are
 * reproducible at any hour. */
const char *time_now(char *buf);

/* Parse "YYYY-MM-DD" into its parts; false unless it is a real date. */
bool date_parse_iso(const char *s, int *y, int *m, int *d);
bool date_valid(int y, int m, int d);

/* Days since 1970-01-01 of a real date (proleptic Gregorian). */
long date_to_days(int y, int m, int d);
/* The date of a day number as "YYYY-MM-DD" into buf (11 bytes). */
void date_from_days(long days, char *buf);
/* iso plus n days into buf; false when iso is not a date. */
bool date_add(const char *iso, long n, char *buf);

/* A date as a clerk types it, into ISO form (buf, 11 bytes):
 *   2026-11-22  2026/11/22  2026.11.22  20261122  2026-1-5
 *   2026年11月22日   11-22 or 11月22日 (this year)
 *   今天 or t (today), 昨天 (yesterday), 明天 (tomorrow)
 * today is "YYYY-MM-DD".  Returns NULL on success, else the msgid of
 * what is wrong (for _()). */
const char *date_parse_input(const char *in, const char *today, char *buf);

/* A time of day as a clerk types it (09:30, 9:30, 9.30, 9：30, 930, 0930)
 * into "HH:MM" (buf, 6 bytes); false when it is not one. */
bool time_parse_input(const char *in, char *buf);

/* Whole years from birth to today; -1 when either is not a date. */
int date_age(const char *birth, const char *today);

#endif
