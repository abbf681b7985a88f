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

void db_forget_id_owner(struct db *db)
{
	x_free(&db->id_owner.id_number);
	x_free(&db->id_owner.name);
	x_free(&db->id_owner.address);
	db->id_owner.owner = 0;
}

/* In a bulk transaction no other connection writes, so an answer stays
 * true until this one changes a row: an import asks for the owner of
 * each ID number twice, to know whether the person is there already and
 * then in resident_check(), with no write between (50,000 households:
 * 0.42 s for the 276,682 lookups).  A number has at most one owner, so
 * the answer for any exclude_id follows from the owner. */
enum db_status db_resident_id_owner(struct db *db, const char *id_number, int64_t exclude_id,
				    int64_t *owner, char **name, char **address)
{
	*owner = 0;
	*name = *address = NULL;
	int64_t changes = sqlite3_total_changes64(db->h);
	if (db->bulk.on && db->id_owner.id_number && db->id_owner.changes == changes &&
	    strcmp(db->id_owner.id_number, id_number) == 0) {
		if (db->id_owner.owner && db->id_owner.owner != exclude_id) {
			*owner = db->id_owner.owner;
			*name = x_strdup(db->id_owner.name);
			*address = x_strdup(db->id_owner.address);
		}
		return DB_OK;
	}
	db_forget_id_owner(db);
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT r.id, r.name, d.compound || ' ' || d.building"
		"  || CASE WHEN d.unit <> '' THEN '-' || d.unit ELSE '' END"
		"  || CASE WHEN d.room <> '' THEN '-' || d.room ELSE '' END"
		" FROM resident r JOIN household h ON h.id = r.household_id"
		" JOIN dwelling d ON d.id = h.dwelling_id"
		" WHERE r.id_number = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, id_number, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int64_t found = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (found && found != exclude_id) {
		*owner = found;
		*name = db_col_text(st, 1);
		*address = db_col_text(st, 2);
	}
	if (db->bulk.on && (rc == SQLITE_ROW || rc == SQLITE_DONE)) {
		db->id_owner.id_number = x_strdup(id_number);
		db->id_owner.owner = found;
		db->id_owner.name = found ? db_col_text(st, 1) : NULL;
		db->id_owner.address = found ? db_col_text(st, 2) : NULL;
		db->id_owner.changes = changes;
	}
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
