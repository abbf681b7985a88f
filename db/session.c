/* db/session.c - the session table. */
#include "session.h"

#include "internal.h"

#include <stdio.h>

enum db_status db_session_begin(struct db *db, const char *host, int64_t pid, const char *started)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO session(user, host, pid, started) VALUES (juwei_user(), ?1, ?2, ?3)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, host, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, pid);
	sqlite3_bind_text(st, 3, started, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		db->session_id = sqlite3_last_insert_rowid(db->h);
	return db_status_of(rc);
}

static enum db_status by_id(struct db *db, const char *sql)
{
	if (!db->session_id)
		return DB_OK;
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, db->session_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return db_status_of(rc);
}

enum db_status db_session_touch(struct db *db)
{
	/* Unversioned: a session's own row, written by it alone. */
	return by_id(db, "UPDATE session SET seen_at = datetime('now','localtime') WHERE id = ?1");
}

enum db_status db_session_end(struct db *db)
{
	enum db_status s = by_id(db, "DELETE FROM session WHERE id = ?1");
	if (s == DB_OK)
		db->session_id = 0;
	return s;
}

enum db_status db_time_ago(struct db *db, int minutes, char *out, int size)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT datetime('now', 'localtime', ?1)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	char mod[32];
	snprintf(mod, sizeof mod, "-%d minutes", minutes);
	sqlite3_bind_text(st, 1, mod, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(out, (size_t)size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

int64_t db_session_id(struct db *db)
{
	return db->session_id;
}
