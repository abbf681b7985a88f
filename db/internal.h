/* db/internal.h - what the files of db/ share; nothing outside db/. */
#ifndef JUWEI_DB_INTERNAL_H
#define JUWEI_DB_INTERNAL_H

#include <sqlite3.h>

#include "db.h"

#include <stdint.h>

struct db {
	sqlite3 *h;
	char *path;
	char *user;
	bool memory;         /* DB_OPEN_MEMORY */
	bool read_only;      /* opened read-only, or made so (db_query_only()) */
	struct qc *quick;    /* a quick check running in a thread (db/quickcheck.c) */
	int64_t staff_id;    /* the member of staff signed in (juwei_staff()) */
	int64_t session_id;  /* this running juwei (db/session.h); 0: a command */
	struct { bool on; int64_t *grids; int n; } scope;  /* juwei_scope() */
	char *rolled_back; /* the error that made the last rollback */
	int rolled_back_code; /* and its SQLite code */
	/* Statements a keystroke runs many times, prepared once. */
	sqlite3_stmt *cached[4];
	/* Statements an import runs for every row, kept by their text. */
	struct kept { char *sql; const char *from; unsigned hash; sqlite3_stmt *st; } *kept;
	int n_kept, cap_kept;
	/* db_bulk_begin(): on, the largest ids before it, and the text of
	 * the triggers and indexes it dropped for the transaction. */
	struct {
		bool on;
		int64_t resident, household, resident_tag, household_tag, dwelling, audit;
		char **dropped;
		int n_dropped, cap_dropped;
	} bulk;
	/* The last answer of db_resident_id_owner() in a bulk transaction,
	 * and sqlite3_total_changes64() when it was read (db/resident.c). */
	struct { char *id_number, *name, *address; int64_t owner, changes; } id_owner;
};

/* Wait for a quick check still running (db_close()). */
void db_quick_check_stop(struct db *db);

/* Forget db->id_owner. */
void db_forget_id_owner(struct db *db);

/* The statement for sql, prepared once and kept on the connection (its
 * triggers are compiled once too); reset and unbound, ready to bind.
 * Give it back with db_kept_done(), never sqlite3_finalize(). */
sqlite3_stmt *db_prepare_kept(struct db *db, const char *sql);
/* Reset a kept statement: it holds no lock between uses. */
int db_kept_done(sqlite3_stmt *st);

/* Slots of db->cached. */
enum { STMT_SEARCH_PREFIX, STMT_SEARCH_ROOM, STMT_SEARCH_PREFIX_SCOPED };

/* The households a connection may see, as a condition on the dwelling
 * d of a query.  Statements of one row take it always; those over many
 * rows take db_scope(), which is "" where nothing is scoped so that
 * the planner keeps its fast paths. */
#define SCOPE_SQL " AND juwei_scope(d.grid_id)"
static inline const char *db_scope(const struct db *db)
{
	return db->scope.on ? SCOPE_SQL : "";
}

/* The statement in slot, prepared on first use and reset for reuse;
 * NULL on failure.  Do not finalize it: db_close() does. */
sqlite3_stmt *db_cached(struct db *db, int slot, const char *sql);

/* Prepare sql; on failure returns NULL (the error stays in db->h). */
sqlite3_stmt *db_prepare(struct db *db, const char *sql);
/* Map an SQLite result code to a status. */
enum db_status db_status_of(int rc);
/* Run SQL without results. */
enum db_status db_exec(struct db *db, const char *sql);

/* Bind a C string, or NULL for an empty or NULL one. */
int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s);
/* Newly allocated copy of a text column ("" for NULL). */
char *db_col_text(sqlite3_stmt *st, int i);

/* Insert a resident inside the caller's transaction. */
struct resident_rec;
enum db_status db_resident_insert_tx(struct db *db, struct resident_rec *rec);
/* Update with the version read, inside the caller's transaction. */
enum db_status db_resident_update_tx(struct db *db, struct resident_rec *rec);
/* The dwelling at rec's address (created when new) into rec->dwelling_id. */
struct household_rec;
enum db_status db_dwelling_for_tx(struct db *db, struct household_rec *rec);
/* Insert a household (and its head, when given) inside a transaction. */
enum db_status db_household_insert_tx(struct db *db, struct household_rec *rec, struct resident_rec *head);

#endif
