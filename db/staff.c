/* db/staff.c - the members of staff, their grids, PINs and locks. */
#include "staff.h"

#include "internal.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

#define COLUMNS "id, version, name, role, coalesce(os_login, ''), coalesce(phone, ''), coalesce(pin_hash, ''), active"

static enum db_status grids_of(struct db *db, struct staff_rec *s)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT grid_id FROM staff_grid WHERE staff_id = ?1 ORDER BY grid_id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, s->id);
	s->n_grids = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && s->n_grids < STAFF_GRIDS)
		s->grids[s->n_grids++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

static void read_staff(sqlite3_stmt *st, struct staff_rec *s)
{
	staff_rec_free(s);
	s->id = sqlite3_column_int64(st, 0);
	s->version = sqlite3_column_int64(st, 1);
	char **texts[] = { &s->name, &s->role, &s->os_login, &s->phone, &s->pin_hash };
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		*texts[i] = db_col_text(st, 2 + (int)i);
	s->active = sqlite3_column_int(st, 7) != 0;
}

/* The one member sql (with ?1 bound by bind) finds. */
static enum db_status one(struct db *db, const char *sql, const char *text, int64_t id, struct staff_rec *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_staff(st, out);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
	return grids_of(db, out);
}

enum db_status db_staff_count(struct db *db, int *n)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM staff");
	*n = 0;
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_staff_by_login(struct db *db, const char *login, struct staff_rec *out)
{
	return one(db, "SELECT " COLUMNS " FROM staff WHERE os_login = ?1", login, 0, out);
}

enum db_status db_staff_get(struct db *db, int64_t id, struct staff_rec *out)
{
	return one(db, "SELECT " COLUMNS " FROM staff WHERE id = ?1", NULL, id, out);
}

enum db_status db_staff_list(struct db *db, struct staff_rec **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT " COLUMNS " FROM staff ORDER BY active DESC, id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		staff_rec_init(&(*out)[*n]);
		read_staff(st, &(*out)[(*n)++]);
	}
	sqlite3_finalize(st);
	enum db_status s = rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
	for (int i = 0; s == DB_OK && i < *n; i++)
		s = grids_of(db, &(*out)[i]);
	if (s != DB_OK)
		staff_recs_free(out, n);
	return s;
}

static enum db_status step(struct db *db, sqlite3_stmt *st)
{
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

static enum db_status write_row(struct db *db, struct staff_rec *s)
{
	sqlite3_stmt *st = db_prepare(db, s->id
		? "UPDATE staff SET name = ?2, role = ?3, os_login = ?4, phone = ?5, active = ?6, version = version + 1,"
		  " updated_at = datetime('now','localtime'), updated_by = juwei_user() WHERE id = ?1 AND version = ?7"
		: "INSERT INTO staff(name, role, os_login, phone, active, created_by, updated_by)"
		  " VALUES (?2, ?3, ?4, ?5, ?6, juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if (s->id)
		sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_text(st, 2, s->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, s->role, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 4, s->os_login);
	db_bind_text_or_null(st, 5, s->phone);
	sqlite3_bind_int(st, 6, s->active);
	if (s->id)
		sqlite3_bind_int64(st, 7, s->version);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (!s->id) {
		s->id = sqlite3_last_insert_rowid(db->h);
		s->version = 1;
		return DB_OK;
	}
	if (sqlite3_changes(db->h) != 1)
		return DB_ERR_CONFLICT;
	s->version++;
	return DB_OK;
}

static enum db_status write_grids(struct db *db, const struct staff_rec *s)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM staff_grid WHERE staff_id = ?1 AND grid_id NOT IN"
				      " (SELECT value FROM json_each(?2))");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	struct strbuf json = STRBUF_INIT;
	sb_addc(&json, '[');
	for (int i = 0; i < s->n_grids; i++)
		sb_addf(&json, "%s%lld", i ? "," : "", (long long)s->grids[i]);
	sb_addc(&json, ']');
	sqlite3_bind_int64(st, 1, s->id);
	sqlite3_bind_text(st, 2, json.buf, -1, SQLITE_TRANSIENT);
	enum db_status r = step(db, st);
	st = r == DB_OK ? db_prepare(db, "INSERT OR IGNORE INTO staff_grid(staff_id, grid_id, created_by, updated_by)"
				     " SELECT ?1, value, juwei_user(), juwei_user() FROM json_each(?2)") : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, s->id);
		sqlite3_bind_text(st, 2, json.buf, -1, SQLITE_TRANSIENT);
		r = step(db, st);
	}
	sb_free(&json);
	return r;
}

enum db_status db_staff_save(struct db *db, struct staff_rec *s)
{
	enum db_status r = db_begin(db);
	if (r != DB_OK)
		return r;
	int64_t was = s->id, version = s->version;
	if ((r = write_row(db, s)) == DB_OK && (r = write_grids(db, s)) == DB_OK && (r = db_commit(db)) == DB_OK)
		return DB_OK;
	db_rollback(db);
	s->id = was;
	s->version = version;
	return r;
}

enum db_status db_staff_set_pin(struct db *db, int64_t id, const char *pin_hash)
{
	/* Unversioned: a new PIN replaces whatever was set, by intent. */
	sqlite3_stmt *st = db_prepare(db, "UPDATE staff SET pin_hash = ?2, version = version + 1,"
				      " updated_at = datetime('now','localtime'), updated_by = juwei_user() WHERE id = ?1");
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		db_bind_text_or_null(st, 2, pin_hash);
	}
	enum db_status r = step(db, st);
	return r == DB_OK && sqlite3_changes(db->h) == 0 ? DB_ERR_NOTFOUND : r;
}

enum db_status db_staff_lock(struct db *db, int64_t id, int *failed, char *until, int size)
{
	*failed = 0;
	until[0] = '\0';
	sqlite3_stmt *st = db_prepare(db, "SELECT failed, coalesce(locked_until, '') FROM staff_lock WHERE staff_id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*failed = sqlite3_column_int(st, 0);
		snprintf(until, (size_t)size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_staff_lock_fail(struct db *db, int64_t id, int limit, int minutes)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO staff_lock(staff_id, failed) VALUES (?1, 1)"
		" ON CONFLICT(staff_id) DO UPDATE SET failed = CASE WHEN locked_until IS NOT NULL"
		"  AND locked_until <= datetime('now','localtime') THEN 1 ELSE failed + 1 END,"
		"  locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= datetime('now','localtime')"
		"  THEN NULL ELSE locked_until END;"
		);
	if (st)
		sqlite3_bind_int64(st, 1, id);
	enum db_status r = step(db, st);
	st = r == DB_OK ? db_prepare(db, "UPDATE staff_lock SET locked_until = datetime('now','localtime', ?3)"
				     " WHERE staff_id = ?1 AND failed >= ?2 AND locked_until IS NULL") : NULL;
	if (st) {
		char span[32];
		snprintf(span, sizeof span, "+%d minutes", minutes);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, limit);
		sqlite3_bind_text(st, 3, span, -1, SQLITE_TRANSIENT);
		r = step(db, st);
	}
	return r;
}

enum db_status db_staff_lock_clear(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM staff_lock WHERE staff_id = ?1");
	if (st)
		sqlite3_bind_int64(st, 1, id);
	return step(db, st);
}

bool db_staff_locked(struct db *db, const char *until)
{
	if (!until || !*until)
		return false;
	sqlite3_stmt *st = db_prepare(db, "SELECT ?1 > datetime('now','localtime')");
	if (!st)
		return true; /* when in doubt, locked */
	sqlite3_bind_text(st, 1, until, -1, SQLITE_STATIC);
	bool locked = sqlite3_step(st) != SQLITE_ROW || sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return locked;
}
