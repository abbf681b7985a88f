/* db/resident.c - one resident: read, insert, update with a version. */
#include "resident.h"

#include "internal.h"

#include "core/xalloc.h"

#include <string.h>

/* The columns are the keys of core's resident_fields table. */
static char *column_list(const char *prefix)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < resident_field_count; i++)
		sb_addf(&sb, "%s%s%s", i ? ", " : "", prefix, resident_fields[i].key);
	return sb_take(&sb);
}

enum db_status db_resident_get(struct db *db, int64_t id, struct resident_rec *rec)
{
	static char *sql; /* made once: the fields are fixed */
	if (!sql) {
		char *cols = column_list("");
		sql = x_asprintf("SELECT id, household_id, version, %s FROM resident WHERE id = ?1", cols);
		x_free(&cols);
	}
	sqlite3_stmt *st = db_prepare_kept(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rec->id = sqlite3_column_int64(st, 0);
		rec->household_id = sqlite3_column_int64(st, 1);
		rec->version = sqlite3_column_int64(st, 2);
		for (int i = 0; i < resident_field_count; i++) {
			char **p = &REC_STR(rec, &resident_fields[i]);
			x_free(p);
			*p = db_col_text(st, 3 + i);
		}
	}
	db_kept_done(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

static void bind_fields(sqlite3_stmt *st, const struct resident_rec *rec, int first)
{
	for (int i = 0; i < resident_field_count; i++)
		db_bind_text_or_null(st, first + i, REC_STR(rec, &resident_fields[i]));
}

enum db_status db_resident_insert_tx(struct db *db, struct resident_rec *rec)
{
	static char *sql; /* made once: the fields are fixed */
	if (!sql) {
		char *cols = column_list("");
		struct strbuf q = STRBUF_INIT;
		for (int i = 0; i < resident_field_count; i++)
			sb_addf(&q, ", ?%d", i + 2);
		sql = x_asprintf("INSERT INTO resident(household_id, %s, created_by, updated_by)"
				 " VALUES (?1%s, juwei_user(), juwei_user())", cols, q.buf ? q.buf : "");
		x_free(&cols);
		sb_free(&q);
	}
	sqlite3_stmt *st = db_prepare_kept(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, rec->household_id);
	bind_fields(st, rec, 2);
	int rc = sqlite3_step(st);
	db_kept_done(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	rec->id = sqlite3_last_insert_rowid(db->h);
	rec->version = 1;
	return DB_OK;
}

enum db_status db_resident_update_tx(struct db *db, struct resident_rec *rec)
{
	struct strbuf set = STRBUF_INIT;
	for (int i = 0; i < resident_field_count; i++)
		sb_addf(&set, "%s = ?%d, ", resident_fields[i].key, i + 4);
	char *sql = x_asprintf("UPDATE resident SET %shousehold_id = ?3, version = version + 1,"
			       " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
			       " WHERE id = ?1 AND version = ?2", set.buf ? set.buf : "");
	sqlite3_stmt *st = db_prepare(db, sql);
	sb_free(&set);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, rec->id);
	sqlite3_bind_int64(st, 2, rec->version);
	sqlite3_bind_int64(st, 3, rec->household_id);
	bind_fields(st, rec, 4);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (sqlite3_changes(db->h) == 1) {
		rec->version++;
		return DB_OK;
	}
	/* Nothing changed: the row moved on, or went. */
	struct resident_rec now;
	resident_rec_init(&now);
	enum db_status s = db_resident_get(db, rec->id, &now);
	resident_rec_free(&now);
	return s == DB_OK ? DB_ERR_CONFLICT : s;
}

enum db_status db_resident_save(struct db *db, struct resident_rec *rec)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	s = rec->id ? db_resident_update_tx(db, rec) : db_resident_insert_tx(db, rec);
	if (s == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

enum db_status db_resident_id_owner(struct db *db, const char *id_number, int64_t exclude_id,
				    int64_t *owner, char **name, char **address)
{
	*owner = 0;
	*name = *address = NULL;
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT r.id, r.name, d.compound || ' ' || d.building"
		"  || CASE WHEN d.unit <> '' THEN '-' || d.unit ELSE '' END"
		"  || CASE WHEN d.room <> '' THEN '-' || d.room ELSE '' END"
		" FROM resident r JOIN household h ON h.id = r.household_id"
		" JOIN dwelling d ON d.id = h.dwelling_id"
		" WHERE r.id_number = ?1 AND r.id <> ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, exclude_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*owner = sqlite3_column_int64(st, 0);
		*name = db_col_text(st, 1);
		*address = db_col_text(st, 2);
	}
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
