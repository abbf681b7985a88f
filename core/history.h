/* core/history.h - the audit history as the 主任 reads it: who changed
 * what and when, who saw whose whole ID number and why, what was
 * exported; a change field by field with the forms' labels.
 *
 * P_AUDIT: the 主任 reads all of it; a 社工 their own rows and the
 * changes of the register's records (not the staff's, not the settings,
 * not what others looked at). */
#ifndef JUWEI_HISTORY_H
#define JUWEI_HISTORY_H

#include <stdio.h>

#include "csv.h"
#include "model.h"
#include "register.h"

extern const struct reg_list history_list; /* struct audit_filter, struct audit_row (core/lists.h) */

enum db_status reg_history_page(struct reg *r, const struct audit_filter *f, const struct audit_row *from, int dir,
				bool inclusive, int limit, struct audit_row *out, int *n);
enum db_status reg_history_count(struct reg *r, const struct audit_filter *f, int *n);
enum db_status reg_history_get(struct reg *r, int64_t id, struct audit_row *out);

/* What a table or an action of the trail is called ("居民", "修改"). */
const char *history_table_name(const char *table);
const char *history_action_name(const char *action);
/* The tables a filter offers and their names, NULL-terminated. */
extern const char *const history_tables[];
extern const char *const history_table_names[];

/* One field of a change. */
struct history_field {
	const char *label;     /* the form's label, translated */
	char *before, *after;  /* "" when there was none */
};
/* The fields of row that a change touched (an insert: every field it
 * set; a delete: every field it had; a reveal or an export: what it
 * says), labelled as the forms label them, vocabulary ids by name.  Housekeeping columns
 * (created_at, version ...) are left out; a PIN shows only as set. */
void reg_history_fields(struct reg *r, const struct audit_row *row, struct history_field **out, int *n);
void history_fields_free(struct history_field **f, int *n);
/* The whole of row as text, for the screen: when, who, what, fields. */
char *reg_history_text(struct reg *r, const struct audit_row *row);

/* Every row of f as CSV to out (GB18030 unless utf8); *rows says how
 * many. */
enum db_status history_csv(struct reg *r, const struct audit_filter *f, FILE *out, enum csv_encoding enc,
			   long *rows);

#endif
