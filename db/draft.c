/* db/draft.c - the draft table. */
#include "draft.h"

#include "internal.h"

#include "core/xalloc.h"

/* A session id as stored: NULL when there is none (a command). */
static void bind_session(sqlite3_stmt *st, int i, const struct db *db)
{
	if (db->session_id)
		sqlite3_bind_int64(st, i, db->session_id);
	else
		sqlite3_bind_null(st, i);
}

enum db_status db_draft_save(struct db *db, const char *form, int64_t record_id, const char *json)
{
	/* Replaced in one transaction (no UPSERT: NULL session ids never
	 * conflict). */
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	s = db_draft_delete(db, form, record_id);
	sqlite3_stmt *st = s == DB_OK ? db_prepare(db,
		"INSERT INTO draft(user, form, record_id, session_id, data, saved_at)"
		" VALUES (juwei_user(), ?1, ?2, ?4, ?3, datetime('now','localtime'))") : NULL;
	if (st) {
		sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, record_id);
		sqlite3_bind_text(st, 3, json, -1, SQLITE_STATIC);
		bind_session(st, 4, db);
		s = db_status_of(sqlite3_step(st));
		sqlite3_finalize(st);
	} else if (s == DB_OK) {
		s = db_status_of(sqlite3_errcode(db->h));
	}
	if (s == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

enum db_status db_draft_delete(struct db *db, const char *form, int64_t record_id)
{
	sqlite3_stmt *st = db_prepare(db,
		"DELETE FROM draft WHERE user = juwei_user() AND form = ?1 AND record_id = ?2 AND session_id IS ?3");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	bind_session(st, 3, db);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return db_status_of(rc);
}

enum db_status db_draft_list(struct db *db, const char *form, int64_t record_id, struct draft_info **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT d.id, d.record_id, coalesce(d.session_id, 0), d.form, d.saved_at, coalesce(s.host, ''),"
		" coalesce(s.started, ''), coalesce(s.pid, 0), coalesce(s.seen_at, '')"
		" FROM draft d LEFT JOIN session s ON s.id = d.session_id"
		" WHERE d.user = juwei_user() AND (?1 IS NULL OR (d.form = ?1 AND d.record_id = ?2))"
		" ORDER BY d.saved_at DESC, d.id DESC");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if (form)
		sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct draft_info *d = &(*out)[(*n)++];
		d->id = sqlite3_column_int64(st, 0);
		d->record_id = sqlite3_column_int64(st, 1);
		d->session_id = sqlite3_column_int64(st, 2);
		d->form = db_col_text(st, 3);
		d->saved_at = db_col_text(st, 4);
		d->host = db_col_text(st, 5);
		d->started = db_col_text(st, 6);
		d->pid = sqlite3_column_int64(st, 7);
		d->seen_at = db_col_text(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		draft_info_free(out, n);
		return db_status_of(rc);
	}
	return DB_OK;
}

void draft_info_free(struct draft_info **d, int *n)
{
	for (int i = 0; *d && i < *n; i++) {
		char **t[] = { &(*d)[i].form, &(*d)[i].saved_at, &(*d)[i].host, &(*d)[i].started, &(*d)[i].seen_at };
		for (size_t k = 0; k < sizeof t / sizeof t[0]; k++)
			x_free(t[k]);
	}
	x_free(d);
	*n = 0;
}

enum db_status db_draft_data(struct db *db, int64_t id, char **json)
{
	*json = NULL;
	sqlite3_stmt *st = db_prepare(db, "SELECT data FROM draft WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*json = db_col_text(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_draft_adopt(struct db *db, int64_t id)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	sqlite3_stmt *st = db_prepare(db,
		"DELETE FROM draft WHERE session_id IS ?2 AND id <> ?1 AND (user, form, record_id) ="
		" (SELECT user, form, record_id FROM draft WHERE id = ?1)");
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		bind_session(st, 2, db);
		s = db_status_of(sqlite3_step(st));
		sqlite3_finalize(st);
	} else {
		s = db_status_of(sqlite3_errcode(db->h));
	}
	/* Unversioned: a draft is no record of the register; it changes hands
	 * only from a session that has ended. */
	if (s == DB_OK && (st = db_prepare(db, "UPDATE draft SET session_id = ?2 WHERE id = ?1"))) {
		sqlite3_bind_int64(st, 1, id);
		bind_session(st, 2, db);
		s = db_status_of(sqlite3_step(st));
		sqlite3_finalize(st);
	}
	if (s == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}
