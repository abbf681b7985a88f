/* db/document.c - the files documents were written to. */
#include "document.h"

#include "internal.h"

enum db_status db_document_is(struct db *db, const char *path, const char *record, const char *kind, bool *ours)
{
	*ours = false;
	sqlite3_stmt *st = db_prepare(db, "SELECT record = ?2 AND kind = ?3 FROM document_file WHERE path = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*ours = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_document_written(struct db *db, const char *path, const char *record, const char *kind)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO document_file(path, record, kind, written_by) VALUES (?1, ?2, ?3, juwei_user())"
		" ON CONFLICT(path) DO UPDATE SET record = excluded.record, kind = excluded.kind,"
		" written_at = datetime('now','localtime'), written_by = excluded.written_by");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, record, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
