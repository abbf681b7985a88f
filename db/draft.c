/* db/draft.c - the draft table. */
#include "draft.h"

#include "internal.h"

#include "core/xalloc.h"

enum db_status db_draft_save(struct db *db, const char *form, int64_t record_id, const char *json)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO draft(user, form, record_id, data, saved_at)"
		" VALUES (juwei_user(), ?1, ?2, ?3, datetime('now','localtime'))"
		" ON CONFLICT (user, form, record_id) DO UPDATE"
		" SET data = excluded.data, saved_at = excluded.saved_at");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	sqlite3_bind_text(st, 3, json, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return db_status_of(rc);
}

enum db_status db_draft_load(struct db *db, const char *form, int64_t record_id,
			     char **json, char **saved_at)
{
	*json = NULL;
	if (saved_at)
		*saved_at = NULL;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT data, saved_at FROM draft WHERE user = juwei_user() AND form = ?1 AND record_id = ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*json = db_col_text(st, 0);
		if (saved_at)
			*saved_at = db_col_text(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_draft_delete(struct db *db, const char *form, int64_t record_id)
{
	sqlite3_stmt *st = db_prepare(db,
		"DELETE FROM draft WHERE user = juwei_user() AND form = ?1 AND record_id = ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, form, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, record_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return db_status_of(rc);
}

enum db_status db_draft_list(struct db *db, struct draft_info **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT form, record_id, saved_at FROM draft WHERE user = juwei_user()"
		" ORDER BY saved_at DESC, id DESC");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct draft_info *d = &(*out)[(*n)++];
		d->form = db_col_text(st, 0);
		d->record_id = sqlite3_column_int64(st, 1);
		d->saved_at = db_col_text(st, 2);
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
		x_free(&(*d)[i].form);
		x_free(&(*d)[i].saved_at);
	}
	x_free(d);
	*n = 0;
}
