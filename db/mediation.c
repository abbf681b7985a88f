/* db/mediation.c - creating cases and moving them between states. */
#include "mediation.h"

#include "internal.h"

#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum db_status db_case_create(struct db *db, const struct case_new *c, const char *prefix, const char *suffix,
			      int64_t *id, int *seq)
{
	*id = 0;
	*seq = 0;
	int year = atoi(c->accepted_date);
	enum db_status s = db_begin(db); /* BEGIN IMMEDIATE: one writer at a time */
	if (s != DB_OK)
		return s;
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO mediation_case(year, seq, case_no, accepted_date, source, type_id, summary, claims,"
		" registrar_id, mediator_id, created_by, updated_by)"
		" SELECT ?1, n, ?2 || n || ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, juwei_user(), juwei_user()"
		" FROM (SELECT coalesce(max(seq), 0) + 1 AS n FROM mediation_case WHERE year = ?1)");
	if (!st) {
		s = db_status_of(sqlite3_errcode(db->h));
		db_rollback(db);
		return s;
	}
	sqlite3_bind_int(st, 1, year);
	sqlite3_bind_text(st, 2, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, suffix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, c->accepted_date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, c->source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, c->type_id);
	db_bind_text_or_null(st, 7, c->summary);
	db_bind_text_or_null(st, 8, c->claims);
	if (c->registrar_id)
		sqlite3_bind_int64(st, 9, c->registrar_id);
	if (c->mediator_id)
		sqlite3_bind_int64(st, 10, c->mediator_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		s = db_status_of(rc);
		db_rollback(db);
		return s;
	}
	*id = sqlite3_last_insert_rowid(db->h);
	st = db_prepare(db, "SELECT seq FROM mediation_case WHERE id = ?1");
	if (st) {
		sqlite3_bind_int64(st, 1, *id);
		if (sqlite3_step(st) == SQLITE_ROW)
			*seq = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	s = db_commit(db);
	if (s != DB_OK) {
		db_rollback(db);
		*id = 0;
		*seq = 0;
	}
	return s;
}

enum db_status db_case_move(struct db *db, const struct case_move_rec *m)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE mediation_case SET state = ?3,"
		" result = CASE WHEN ?3 IN ('调解成功', '调解不成功', '终止') THEN ?3 ELSE result END,"
		" agreement = coalesce(?4, agreement), perform_manner = coalesce(?5, perform_manner),"
		" perform_deadline = coalesce(?6, perform_deadline), referred_to = coalesce(?7, referred_to),"
		" closed_date = CASE WHEN ?3 = '结案' THEN ?8 ELSE closed_date END,"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND version = ?2 AND state = ?9");
	if (!st) {
		s = db_status_of(sqlite3_errcode(db->h));
		db_rollback(db);
		return s;
	}
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int64(st, 2, m->version);
	sqlite3_bind_text(st, 3, m->to, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 4, m->agreement);
	db_bind_text_or_null(st, 5, m->manner);
	db_bind_text_or_null(st, 6, m->deadline);
	db_bind_text_or_null(st, 7, m->referred_to);
	sqlite3_bind_text(st, 8, m->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, m->from, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		s = db_status_of(rc);
	} else if (sqlite3_changes(db->h) != 1) {
		s = DB_ERR_CONFLICT; /* someone else moved or saved it first */
	} else {
		st = db_prepare(db, "INSERT INTO case_event(case_id, kind, event_date, staff_id, from_state, to_state,"
				    " created_by, updated_by) VALUES (?1, '状态变更', ?2, ?3, ?4, ?5, juwei_user(), juwei_user())");
		if (!st) {
			s = db_status_of(sqlite3_errcode(db->h));
		} else {
			sqlite3_bind_int64(st, 1, m->id);
			sqlite3_bind_text(st, 2, m->date, -1, SQLITE_STATIC);
			if (m->staff_id)
				sqlite3_bind_int64(st, 3, m->staff_id);
			sqlite3_bind_text(st, 4, m->from, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, m->to, -1, SQLITE_STATIC);
			rc = sqlite3_step(st);
			sqlite3_finalize(st);
			s = rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
		}
	}
	if (s == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

char *db_community_short_name(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT short_name FROM community ORDER BY id LIMIT 1");
	char *name = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		name = db_col_text(st, 0);
	sqlite3_finalize(st);
	return name ? name : x_strdup("");
}
