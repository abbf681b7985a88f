/* tui/formrec.h - a record's field table (core/model.h) as a form: the
 * fields it adds, its values into the form and back, and the record as
 * another session saved it, as the form shows it (the conflict prompt).
 * One function each, for every record the forms edit. */
#ifndef JUWEI_FORMREC_H
#define JUWEI_FORMREC_H

#include "core/kv.h"
#include "core/model.h"
#include "form.h"

struct app;

/* The fields of table t named in keys (NULL-terminated; NULL: all), in
 * that order, their keys prefixed; a vocabulary's entries as choices. */
void formrec_add(struct app *app, struct form *f, const struct rec_field *t, int n, const char *prefix,
		 const char *const *keys);
/* One field, with its own label (NULL: the table's). */
struct ffield *formrec_add_field(struct app *app, struct form *f, const struct rec_field *rf, const char *prefix,
				 const char *label);
/* The record's values into the fields the form has. */
void formrec_load(struct form *f, const void *rec, const struct rec_field *t, int n, const char *prefix);
/* The form's values into the record (only the fields the form has;
 * strings replaced by copies, "" when empty). */
void formrec_store(const struct form *f, void *rec, const struct rec_field *t, int n, const char *prefix);
/* The record's values as the form's fields would show them. */
void formrec_kv(const struct form *f, const void *rec, const struct rec_field *t, int n, const char *prefix,
		struct kv *out);

#endif
