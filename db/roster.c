/* db/roster.c - rosters (名单) and their members. */
#include "roster.h"

#include "internal.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

static enum db_status finish(sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

#define ROSTER_COLUMNS \
	"SELECT id, version, name, coalesce(notes, ''), (SELECT count(*) FROM roster_member m WHERE m.roster_id = roster.id)" \
	" FROM roster"

static void read_roster(sqlite3_stmt *st, struct roster *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int64(st, 1);
	r->name = db_col_text(st, 2);
	r->notes = db_col_text(st, 3);
	r->members = sqlite3_column_int(st, 4);
}

enum db_status db_rosters(struct db *db, struct roster **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, ROSTER_COLUMNS " ORDER BY id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		read_roster(st, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE)
		rosters_free(out, n);
	return finish(st, rc);
}

enum db_status db_roster_get(struct db *db, int64_t id, struct roster *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db, ROSTER_COLUMNS " WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_roster(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_roster_named(struct db *db, const char *name, int64_t *id)
{
	*id = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM roster WHERE name = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	return finish(st, rc);
}

enum db_status db_roster_save(struct db *db, struct roster *r)
{
	sqlite3_stmt *st = db_prepare(db, r->id
		? "UPDATE roster SET name = ?2, notes = nullif(?3, ''), version = version + 1,"
		  " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		  " WHERE id = ?1 AND version = ?4"
		: "INSERT INTO roster(name, notes, created_by, updated_by) VALUES (?2, nullif(?3, ''), juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if (r->id) {
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int64(st, 4, r->version);
	}
	sqlite3_bind_text(st, 2, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->notes ? r->notes : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (r->id) {
		if (sqlite3_changes(db->h) == 0)
			return DB_ERR_CONFLICT;
		r->version++;
	} else {
		r->id = sqlite3_last_insert_rowid(db->h);
		r->version = 1;
	}
	return DB_OK;
}

enum db_status db_roster_delete(struct db *db, int64_t id, int64_t version)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM roster WHERE id = ?1 AND version = ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) ? DB_OK : DB_ERR_CONFLICT;
}

enum db_status db_roster_members(struct db *db, int64_t roster_id, struct roster_member **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT m.id, coalesce(m.resident_id, 0), coalesce(r.name, m.name, ''), coalesce(m.organisation, ''),"
		" coalesce(m.role, '') FROM roster_member m LEFT JOIN resident r ON r.id = m.resident_id"
		" WHERE m.roster_id = ?1 ORDER BY m.sort, m.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, roster_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct roster_member *m = &(*out)[(*n)++];
		m->id = sqlite3_column_int64(st, 0);
		m->resident_id = sqlite3_column_int64(st, 1);
		m->name = db_col_text(st, 2);
		m->organisation = db_col_text(st, 3);
		m->role = db_col_text(st, 4);
	}
	if (rc != SQLITE_DONE)
		roster_members_free(out, n);
	return finish(st, rc);
}

enum db_status db_roster_member_add(struct db *db, int64_t roster_id, const struct roster_member *m)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO roster_member(roster_id, resident_id, name, organisation, role, sort, created_by, updated_by)"
		" VALUES (?1, nullif(?2, 0), ?3, nullif(?4, ''), nullif(?5, ''),"
		" (SELECT coalesce(max(sort), 0) + 1 FROM roster_member WHERE roster_id = ?1), juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, roster_id);
	sqlite3_bind_int64(st, 2, m->resident_id);
	db_bind_text_or_null(st, 3, m->resident_id ? NULL : m->name);
	sqlite3_bind_text(st, 4, m->organisation ? m->organisation : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->role ? m->role : "", -1, SQLITE_STATIC);
	return finish(st, sqlite3_step(st));
}

enum db_status db_roster_member_delete(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM roster_member WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	return finish(st, sqlite3_step(st));
}

enum db_status db_roster_member_roster(struct db *db, int64_t id, int64_t *roster_id)
{
	*roster_id = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT roster_id FROM roster_member WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*roster_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_meeting_sources(struct db *db, int64_t meeting_id, int limit, struct meeting_source **out,
				  int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT m.id, m.meeting_date, k.name, m.title,"
		" (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id) AS c"
		" FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id"
		" WHERE m.id <> ?1 AND c > 0 ORDER BY m.meeting_date DESC, m.id DESC LIMIT ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, limit);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct meeting_source *s = &(*out)[(*n)++];
		s->id = sqlite3_column_int64(st, 0);
		s->date = db_col_text(st, 1);
		s->kind = db_col_text(st, 2);
		s->title = db_col_text(st, 3);
		s->attendees = sqlite3_column_int(st, 4);
	}
	if (rc != SQLITE_DONE)
		meeting_sources_free(out, n);
	return finish(st, rc);
}
