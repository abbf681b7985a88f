/* db/audit.h - the audit trail as a chain, who is acting, and what they
 * may see of the register.
 *
 * Every row of audit_log carries the SHA-256 of the previous row's hash
 * and its own fields (migration 008): deleting or changing a row behind
 * juwei's back breaks the chain at that row. */
#ifndef JUWEI_DB_AUDIT_H
#define JUWEI_DB_AUDIT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "core/model.h"

/* The hash of an audit row, as 64 hex digits into out: over prev (""
 * for the first row) and the fields, each followed by a unit separator
 * (0x1f); a NULL field counts as "". */
#define AUDIT_HASH_HEX 65
void audit_hash(const char *prev, const char *at, const char *user, int64_t staff_id, const char *table,
		int64_t row_id, const char *action, const char *old_values, const char *new_values,
		char out[AUDIT_HASH_HEX]);

/* The SQL functions of the chain and of access, on a new connection:
 * juwei_audit_hash(...), juwei_staff(), juwei_scope(grid_id). */
int db_audit_functions(struct db *db);

/* Who the audit trail names from now on: user (the login or the staff
 * member) and the staff member's id (0: none). */
void db_set_actor(struct db *db, const char *user, int64_t staff_id);
/* What the register shows: only the households of grids (n of them)
 * when scoped, else all. */
void db_set_scope(struct db *db, bool scoped, const int64_t *grids, int n);

/* Chain the rows that have no hash yet, in order (after migration 008,
 * and at the end of an import). */
enum db_status db_audit_seal(struct db *db);
/* Walk the chain: *bad is the id of the first row whose hash does not
 * verify (0: all do); *rows how many were read. */
enum db_status db_audit_verify(struct db *db, int64_t *bad, int64_t *rows);
/* A row of the trail that is not a change of a record: a reveal, an
 * export, a sign-in.  what is a JSON object. */
enum db_status db_audit_note(struct db *db, const char *table, int64_t row_id, const char *action, const char *what);

/* The history screen: rows of f newest first, keyed by id (from: the
 * row to page from, NULL: the newest); how many; one row; every row of
 * f in order for a CSV (fn gets each). */
enum db_status db_audit_page(struct db *db, const struct audit_filter *f, const struct audit_row *from, int dir,
			     bool inclusive, int limit, struct audit_row *out, int *n);
enum db_status db_audit_count(struct db *db, const struct audit_filter *f, int *n);
enum db_status db_audit_get(struct db *db, int64_t id, struct audit_row *out);
enum db_status db_audit_each(struct db *db, const struct audit_filter *f,
			     void (*fn)(void *ctx, const struct audit_row *row), void *ctx);

#endif
