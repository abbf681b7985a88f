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

#include "check.h"
#include "model.h"

struct db;

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
