/* core/check.h - what a check of a record found, field by field.
 *
 * Every rule of core/ (a resident, a visit, a case, a meeting) reports
 * into one of these: messages in the UI language keyed by the field
 * they are about.  Errors block saving; warnings are shown and let the
 * clerk go on. */
#ifndef JUWEI_CHECK_H
#define JUWEI_CHECK_H

#include <stdbool.h>

#define CHECK_MAX 32

struct check_item {
	const char *field;  /* the key of the field it is about */
	char *message;      /* in the UI language */
	bool warning;
};

struct check {
	struct check_item items[CHECK_MAX];
	int n;
};

void check_free(struct check *c);
/* No errors (warnings are allowed). */
bool check_ok(const struct check *c);
/* Add a message about field (an error unless warning); at most CHECK_MAX. */
void check_add(struct check *c, const char *field, bool warning, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Replace *p by a copy without ASCII and ideographic spaces at its ends. */
void check_trim(char **p);

/* The first message about field, or NULL. */
const struct check_item *check_find(const struct check *c, const char *field);

#endif
