/* db/db.h - opening, configuring and migrating a juwei database.
 *
 * The only layer that talks to SQLite.  Callers get status codes; the
 * tui turns them into messages in the UI language. */
#ifndef JUWEI_DB_H
#define JUWEI_DB_H

#include <stdbool.h>

#include "core/status.h"

/* "JUWE" - PRAGMA application_id of a juwei database. */
#define DB_APPLICATION_ID 0x4A555745

struct db;

enum {
	DB_OPEN_CREATE = 1,  /* create the file when it does not exist */
	DB_OPEN_MEMORY = 2,  /* a private register in memory (path ignored): the schema as the migrations make it */
	DB_OPEN_READ_ONLY_OK = 4, /* a file that cannot be written opens read-only (db_read_only()) */
};

/* Open path, check it is ours, configure the connection (WAL,
 * synchronous=FULL, foreign_keys, busy_timeout) and bring the schema
 * up to date in one transaction.  user is the acting user recorded by
 * the audit triggers.  On failure *out is NULL, nothing in the file
 * has changed, and *detail (if given) receives a newly allocated
 * technical detail (may be NULL). */
enum db_status db_open(const char *path, const char *user, int flags,
		       struct db **out, char **detail);
void db_close(struct db **db);

/* The schema version this program writes (number of migrations). */
int db_schema_version(void);
/* The schema version of the open file. */
int db_user_version(struct db *db);

/* True when the database holds no households, residents or staff. */
bool db_is_empty(struct db *db);

/* A number that changes whenever another connection has committed to
 * the file since this one last looked (PRAGMA data_version). */
int db_data_version(struct db *db);

/* The last SQLite error message of this connection (English, for
 * logs and tests; the screen says store_status_text() instead). */
const char *db_errmsg(struct db *db);
/* The status of the last error of this connection (DB_OK: none). */
enum db_status db_last_status(struct db *db);
const char *db_user(struct db *db);
const char *db_path(struct db *db);

/* Transactions.  db_begin takes the write lock at once (IMMEDIATE). */
enum db_status db_begin(struct db *db);
/* A long write (an import) in one transaction, begun by db_bulk_begin():
 * a 16 MB page cache, and the audit rows, search terms and visit due
 * dates of the rows it adds left for db_bulk_end(db, true), which adds
 * them in one pass each and commits (migrations 004 and 006).
 * db_bulk_end(db, false) rolls everything back. */
enum db_status db_bulk_begin(struct db *db);
enum db_status db_bulk_end(struct db *db, bool commit);
enum db_status db_commit(struct db *db);
void db_rollback(struct db *db);

/* Check the file: "ok" results of integrity_check and foreign_key_check.
 * Returns true when both are clean; *report receives what was found. */
bool db_check(struct db *db, char **report);

/* Was it opened read-only (a file that cannot be written), or made so? */
bool db_read_only(struct db *db);
/* From now on this connection writes nothing (a damaged file). */
enum db_status db_query_only(struct db *db);

/* SQLite's quick check of the file: DB_OK, DB_ERR_DAMAGED, or why it
 * could not run. */
enum db_status db_quick_check(struct db *db);
/* The same on a connection of its own in a thread, so that the first
 * screen does not wait: start it, then poll (DB_ERR_BUSY while it runs). */
void db_quick_check_start(struct db *db);
enum db_status db_quick_check_poll(struct db *db);

#endif
