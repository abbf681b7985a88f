/* core/resident.h - the rules a resident's record must keep.
 *
 * resident_check() normalises what a clerk typed (spaces, dates in any
 * accepted form, lower-case x, 15-digit ID numbers, phones) and says,
 * field by field and in the UI language, what is wrong.  Errors block
 * saving; warnings (a birth date that does not match the ID number)
 * are shown and let the clerk go on. */
#ifndef JUWEI_RESIDENT_H
#define JUWEI_RESIDENT_H

#include <stdbool.h>

#include "db/db.h"
#include "model.h"

#define CHECK_MAX 32

struct check_item {
	const char *field;  /* key of resident_fields */
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

/* The allowed values of a fixed field ("sex", "relation", ...): a
 * NULL-terminated list, or NULL when the field is free text. */
const char *const *resident_choices(const char *field);

/* Check and normalise rec in place.  db (may be NULL) is asked whether
 * another resident already has the ID number.  today is YYYY-MM-DD. */
void resident_check(struct db *db, struct resident_rec *rec, const char *today, struct check *out);
/* An ID number as resident_check() stores it (trimmed, a 15-character
 * one made 18, x upper-case); a trimmed copy when it is not valid. */
char *resident_id_stored(const char *id_number);

#endif
