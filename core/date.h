/* core/date.h - calendar dates as ISO text. */
#ifndef JUWEI_DATE_H
#define JUWEI_DATE_H

#include <stdbool.h>

/* Today's local date as "YYYY-MM-DD" into buf (11 bytes).  $JUWEI_TODAY
 * (same form) overrides it, so tests and demos are reproducible. */
const char *date_today(char *buf);

/* Parse "YYYY-MM-DD" into its parts; false unless it is a real date. */
bool date_parse_iso(const char *s, int *y, int *m, int *d);
bool date_valid(int y, int m, int d);

/* Days since 1970-01-01 of a real date (proleptic Gregorian). */
long date_to_days(int y, int m, int d);
/* The date of a day number as "YYYY-MM-DD" into buf (11 bytes). */
void date_from_days(long days, char *buf);
/* iso plus n days into buf; false when iso is not a date. */
bool date_add(const char *iso, long n, char *buf);

/* Whole years from birth to today; -1 when either is not a date. */
int date_age(const char *birth, const char *today);

#endif
