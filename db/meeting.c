/* db/meeting.c - consultation meetings, their attendees and topics. */
#include "meeting.h"

#include "internal.h"

#include "core/rules.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A write the schema refused because the meeting has decided meanwhile
 * (the triggers of migration 010) is a conflict, as a version is. */
static enum db_status status_of(struct db *db, int rc)
{
	if (rc == SQLITE_CONSTRAINT && strstr(sqlite3_errmsg(db->h), "meeting record kept"))
		return DB_ERR_CONFLICT;
	return db_status_of(rc);
}

static enum db_status finish(sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

/* finish() for the writes of attendance and topics. */
static enum db_status finish_write(struct db *db, sqlite3_stmt *st, int rc)
{
	enum db_status s = rc == SQLITE_DONE || rc == SQLITE_ROW ? DB_OK : status_of(db, rc);
	sqlite3_finalize(st);
	return s;
}

static void bind_int_or_null(sqlite3_stmt *st, int i, int64_t v, int64_t null_when)
{
	if (v == null_when)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

/* ---- the list ---- */

#define PRESENT(m) \
	"(SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = " m " AND a.attendance IN ('" ATTEND_PRESENT "', '" ATTEND_PROXY "'))"
#define ROW_COLUMNS \
	"m.id, m.meeting_date, coalesce(m.start_time, ''), k.name, m.title, coalesce(m.place, ''), m.state, " \
	PRESENT("m.id") ", coalesce(m.entitled, -1)"
#define ROW_FROM " FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id"

static void read_row(sqlite3_stmt *st, struct meeting_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	char **dst[] = { &r->date, &r->time, &r->kind, &r->title, &r->place, &r->state };
	for (size_t i = 0; i < ARRAY_SIZE(dst); i++)
		*dst[i] = db_col_text(st, 1 + (int)i);
	r->present = sqlite3_column_int(st, 7);
	r->entitled = sqlite3_column_int(st, 8);
}

static const char list_where[] =
	" WHERE (?1 = '' OR m.state = ?1) AND (?2 = '' OR m.meeting_date >= ?2) AND (?3 = '' OR m.meeting_date <= ?3)";

static void bind_filter(sqlite3_stmt *st, const struct meeting_filter *f)
{
	sqlite3_bind_text(st, 1, f->state, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->to, -1, SQLITE_STATIC);
}

enum db_status db_meeting_page(struct db *db, const struct meeting_filter *f, const struct meeting_row *from,
			       int dir, bool inclusive, int limit, struct meeting_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	const char *key = !from ? ""
		: dir > 0 ? (inclusive ? " AND (m.meeting_date, m.id) <= (?4, ?5)" : " AND (m.meeting_date, m.id) < (?4, ?5)")
			  : " AND (m.meeting_date, m.id) > (?4, ?5)";
	char *sql = x_asprintf("SELECT " ROW_COLUMNS ROW_FROM "%s%s ORDER BY m.meeting_date %s, m.id %s LIMIT ?6",
			       list_where, key, dir > 0 ? "DESC" : "ASC", dir > 0 ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_filter(st, f);
	if (from) {
		sqlite3_bind_text(st, 4, from->date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, from->id);
	}
	sqlite3_bind_int(st, 6, limit);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, &out[(*n)++]);
	sqlite3_finalize(st);
	if (*n < limit && rc != SQLITE_DONE) {
		for (int i = 0; i < *n; i++)
			meeting_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	if (dir < 0)
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct meeting_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_meeting_count(struct db *db, const struct meeting_filter *f, int *n)
{
	*n = 0;
	char *sql = x_asprintf("SELECT count(*) FROM meeting m%s", list_where);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	return finish(st, rc);
}

enum db_status db_meetings_due(struct db *db, const char *today, int days, struct meeting_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT " ROW_COLUMNS ROW_FROM
		" WHERE m.state = '决议' OR (m.state IN ('公示', '落实反馈') AND EXISTS (SELECT 1 FROM meeting_item i"
		"  WHERE i.meeting_id = m.id AND i.decision = '通过' AND coalesce(i.follow_up_date, '') = ''"
		"  AND coalesce(m.publish_start, m.meeting_date) <= date(?1, '-' || ?2 || ' days')))"
		" ORDER BY m.state <> '决议', m.meeting_date, m.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, today, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, days);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		read_row(st, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < *n; i++)
			meeting_row_free(&(*out)[i]);
		x_free(out);
		*n = 0;
	}
	return finish(st, rc);
}

/* ---- one meeting ---- */

#define REC_TEXTS(m) \
	{ &(m)->kind, &(m)->title, &(m)->date, &(m)->time, &(m)->place, &(m)->state, &(m)->history, &(m)->minutes, \
	  &(m)->publish_start, &(m)->publish_end, &(m)->notes, &(m)->host, &(m)->recorder }

enum db_status db_meeting_get(struct db *db, int64_t id, struct meeting_rec *m)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT m.id, m.version, m.kind_id, coalesce(m.host_id, 0), coalesce(m.recorder_id, 0),"
		" coalesce(m.entitled, -1), k.name, m.title, m.meeting_date, coalesce(m.start_time, ''),"
		" coalesce(m.place, ''), m.state, coalesce(m.state_history, ''), coalesce(m.minutes, ''),"
		" coalesce(m.publish_start, ''), coalesce(m.publish_end, ''), coalesce(m.notes, ''),"
		" coalesce(h.name, ''), coalesce(r.name, '')"
		" FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id LEFT JOIN staff h ON h.id = m.host_id"
		" LEFT JOIN staff r ON r.id = m.recorder_id WHERE m.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		meeting_rec_free(m);
		m->id = sqlite3_column_int64(st, 0);
		m->version = sqlite3_column_int64(st, 1);
		m->kind_id = sqlite3_column_int64(st, 2);
		m->host_id = sqlite3_column_int64(st, 3);
		m->recorder_id = sqlite3_column_int64(st, 4);
		m->entitled = sqlite3_column_int(st, 5);
		char **f[] = REC_TEXTS(m);
		for (size_t i = 0; i < ARRAY_SIZE(f); i++)
			*f[i] = db_col_text(st, 6 + (int)i);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_meeting_save(struct db *db, struct meeting_rec *m)
{
	sqlite3_stmt *st = db_prepare(db, m->id
		? "UPDATE meeting SET kind_id = ?3, title = ?4, meeting_date = ?5, start_time = ?6, place = ?7,"
		  " host_id = ?8, recorder_id = ?9, entitled = ?10, minutes = ?11, notes = ?12,"
		  " version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		  " WHERE id = ?1 AND version = ?2"
		: "INSERT INTO meeting(kind_id, title, meeting_date, start_time, place, host_id, recorder_id, entitled,"
		  " minutes, notes, created_by, updated_by)"
		  " SELECT ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, juwei_user(), juwei_user() WHERE ?1 = 0 AND ?2 = 0");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int64(st, 2, m->id ? m->version : 0);
	sqlite3_bind_int64(st, 3, m->kind_id);
	sqlite3_bind_text(st, 4, m->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, m->date, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 6, m->time);
	db_bind_text_or_null(st, 7, m->place);
	bind_int_or_null(st, 8, m->host_id, 0);
	bind_int_or_null(st, 9, m->recorder_id, 0);
	bind_int_or_null(st, 10, m->entitled, -1);
	db_bind_text_or_null(st, 11, m->minutes);
	db_bind_text_or_null(st, 12, m->notes);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (sqlite3_changes(db->h) != 1)
		return DB_ERR_CONFLICT;
	if (!m->id) {
		m->id = sqlite3_last_insert_rowid(db->h);
		m->version = 1;
	} else {
		m->version++;
	}
	return DB_OK;
}

enum db_status db_meeting_move(struct db *db, int64_t id, int64_t version, const char *from, const char *to,
			       const char *date, const char *publish_start, const char *publish_end)
{
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE meeting SET state = ?4,"
		" state_history = coalesce(state_history || char(10), '') || ?5 || ' ' || juwei_user() || ' ' || ?3"
		"  || ' → ' || ?4,"
		" publish_start = coalesce(?6, publish_start), publish_end = coalesce(?7, publish_end),"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND version = ?2 AND state = ?3");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 6, publish_start);
	db_bind_text_or_null(st, 7, publish_end);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_CONFLICT;
}

/* ---- attendees ---- */

enum db_status db_meeting_attendees(struct db *db, int64_t meeting_id, struct meeting_attendee **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.id, coalesce(a.resident_id, 0), coalesce(r.name, a.name, ''), coalesce(a.organisation, ''),"
		" coalesce(a.role, ''), a.attendance, coalesce(a.proxy_name, '')"
		" FROM meeting_attendee a LEFT JOIN resident r ON r.id = a.resident_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.sort, a.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct meeting_attendee *a = &(*out)[(*n)++];
		a->id = sqlite3_column_int64(st, 0);
		a->resident_id = sqlite3_column_int64(st, 1);
		char **f[] = { &a->name, &a->organisation, &a->role, &a->attendance, &a->proxy_name };
		for (size_t k = 0; k < ARRAY_SIZE(f); k++)
			*f[k] = db_col_text(st, 2 + (int)k);
	}
	if (rc != SQLITE_DONE)
		meeting_attendees_free(out, n);
	return finish(st, rc);
}

enum db_status db_meeting_attendee_add(struct db *db, int64_t meeting_id, const struct meeting_attendee *a)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO meeting_attendee(meeting_id, resident_id, name, organisation, role, attendance, proxy_name,"
		" sort, created_by, updated_by) VALUES (?1, nullif(?2, 0), ?3, ?4, ?5, coalesce(?6, '出席'), ?7,"
		" (SELECT coalesce(max(sort), 0) + 1 FROM meeting_attendee WHERE meeting_id = ?1),"
		" juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, a->resident_id);
	db_bind_text_or_null(st, 3, a->resident_id ? NULL : a->name);
	db_bind_text_or_null(st, 4, a->organisation);
	db_bind_text_or_null(st, 5, a->role);
	db_bind_text_or_null(st, 6, a->attendance);
	db_bind_text_or_null(st, 7, a->proxy_name);
	return finish_write(db, st, sqlite3_step(st));
}

enum db_status db_meeting_attendance(struct db *db, int64_t attendee_id, const char *was, const char *attendance)
{
	/* Over the mark the clerk saw (?3 = what was read): another clerk's
	 * mark made meanwhile is a conflict, not overwritten. */
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE meeting_attendee SET attendance = ?2, version = version + 1,"
		" updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND coalesce(attendance, '') = ?3");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, attendee_id);
	sqlite3_bind_text(st, 2, attendance, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, was ? was : "", -1, SQLITE_STATIC);
	enum db_status s = finish_write(db, st, sqlite3_step(st));
	if (s != DB_OK || sqlite3_changes(db->h) == 1)
		return s;
	st = db_prepare(db, "SELECT coalesce(attendance, '') = ?2 FROM meeting_attendee WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, attendee_id);
	sqlite3_bind_text(st, 2, attendance, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	s = rc != SQLITE_ROW ? DB_ERR_NOTFOUND : sqlite3_column_int(st, 0) ? DB_OK : DB_ERR_CONFLICT;
	sqlite3_finalize(st);
	return s;
}

enum db_status db_meeting_present(struct db *db, int64_t meeting_id, int *present, int *listed)
{
	*present = *listed = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FILTER (WHERE attendance IN ('" ATTEND_PRESENT "', '" ATTEND_PROXY "')), count(*)"
				      " FROM meeting_attendee WHERE meeting_id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*present = sqlite3_column_int(st, 0);
		*listed = sqlite3_column_int(st, 1);
	}
	return finish(st, rc);
}

/* ---- topics ---- */

#define ITEM_TEXTS(it) \
	{ &(it)->title, &(it)->proposal, &(it)->discussion, &(it)->decision, &(it)->decision_text, \
	  &(it)->minority, &(it)->follow_up, &(it)->follow_up_date }

enum db_status db_meeting_items(struct db *db, int64_t meeting_id, struct meeting_item **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, version, seq, coalesce(votes_for, -1), coalesce(votes_against, -1),"
		" coalesce(votes_abstain, -1), title, coalesce(proposal, ''), coalesce(discussion, ''),"
		" coalesce(decision, ''), coalesce(decision_text, ''), coalesce(minority_opinion, ''),"
		" coalesce(follow_up, ''), coalesce(follow_up_date, '')"
		" FROM meeting_item WHERE meeting_id = ?1 ORDER BY seq, id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct meeting_item *it = &(*out)[(*n)++];
		it->id = sqlite3_column_int64(st, 0);
		it->version = sqlite3_column_int64(st, 1);
		it->seq = sqlite3_column_int(st, 2);
		it->votes_for = sqlite3_column_int(st, 3);
		it->votes_against = sqlite3_column_int(st, 4);
		it->abstain = sqlite3_column_int(st, 5);
		char **f[] = ITEM_TEXTS(it);
		for (size_t k = 0; k < ARRAY_SIZE(f); k++)
			*f[k] = db_col_text(st, 6 + (int)k);
	}
	if (rc != SQLITE_DONE)
		meeting_items_free(out, n);
	return finish(st, rc);
}

enum db_status db_meeting_item_save(struct db *db, int64_t meeting_id, struct meeting_item *it)
{
	sqlite3_stmt *st = db_prepare(db, it->id
		? "UPDATE meeting_item SET title = ?4, proposal = ?5, discussion = ?6, votes_for = ?7,"
		  " votes_against = ?8, votes_abstain = ?9, decision = ?10, decision_text = ?11, minority_opinion = ?12,"
		  " version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		  " WHERE id = ?1 AND version = ?2 AND meeting_id = ?3"
		: "INSERT INTO meeting_item(meeting_id, seq, title, proposal, discussion, votes_for, votes_against,"
		  " votes_abstain, decision, decision_text, minority_opinion, created_by, updated_by)"
		  " SELECT ?3, coalesce(max(seq), 0) + 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, juwei_user(), juwei_user()"
		  " FROM meeting_item WHERE meeting_id = ?3 AND ?1 = 0 AND ?2 = 0");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, it->id);
	sqlite3_bind_int64(st, 2, it->id ? it->version : 0);
	sqlite3_bind_int64(st, 3, meeting_id);
	sqlite3_bind_text(st, 4, it->title, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 5, it->proposal);
	db_bind_text_or_null(st, 6, it->discussion);
	bind_int_or_null(st, 7, it->votes_for, -1);
	bind_int_or_null(st, 8, it->votes_against, -1);
	bind_int_or_null(st, 9, it->abstain, -1);
	db_bind_text_or_null(st, 10, it->decision);
	db_bind_text_or_null(st, 11, it->decision_text);
	db_bind_text_or_null(st, 12, it->minority);
	int rc = sqlite3_step(st);
	enum db_status s = rc == SQLITE_DONE ? DB_OK : status_of(db, rc);
	sqlite3_finalize(st);
	if (s != DB_OK)
		return s;
	if (sqlite3_changes(db->h) != 1)
		return DB_ERR_CONFLICT;
	if (!it->id) {
		it->id = sqlite3_last_insert_rowid(db->h);
		it->version = 1;
	} else {
		it->version++;
	}
	return DB_OK;
}

enum db_status db_meeting_follow_up(struct db *db, int64_t item_id, const char *date, const char *text)
{
	/* Unversioned: a follow-up is a dated line added at the end; no
	 * clerk's text is written over. */
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE meeting_item SET follow_up = coalesce(follow_up || char(10), '') || ?2 || ' ' || ?3,"
		" follow_up_date = ?2, version = version + 1, updated_at = datetime('now','localtime'),"
		" updated_by = juwei_user() WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_NOTFOUND;
}

int db_setting_int(struct db *db, const char *key, int def)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT value FROM setting WHERE key = ?1");
	if (!st)
		return def;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int v = def;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char *end;
		long l = t ? strtol(t, &end, 10) : 0;
		if (t && *t && !*end && l >= 0 && l < 100000)
			v = (int)l;
	}
	sqlite3_finalize(st);
	return v;
}

enum db_status db_setting_set_int(struct db *db, const char *key, int value)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO setting(key, value, updated_at, updated_by)"
				      " VALUES (?1, ?2, datetime('now','localtime'), juwei_user())"
				      " ON CONFLICT(key) DO UPDATE SET value = excluded.value,"
				      " updated_at = excluded.updated_at, updated_by = excluded.updated_by");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	char buf[16];
	snprintf(buf, sizeof buf, "%d", value);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, buf, -1, SQLITE_TRANSIENT);
	return finish(st, sqlite3_step(st));
}

/* Delete the row id of table (meeting_attendee or meeting_item). */
static enum db_status delete_row(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	enum db_status s = rc == SQLITE_DONE ? DB_OK : status_of(db, rc);
	sqlite3_finalize(st);
	if (s != DB_OK)
		return s;
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_NOTFOUND;
}

enum db_status db_meeting_attendee_delete(struct db *db, int64_t attendee_id)
{
	return delete_row(db, "DELETE FROM meeting_attendee WHERE id = ?1", attendee_id);
}

enum db_status db_meeting_item_delete(struct db *db, int64_t item_id)
{
	return delete_row(db, "DELETE FROM meeting_item WHERE id = ?1", item_id);
}

enum db_status db_meeting_state_of(struct db *db, int64_t attendee_id, int64_t item_id, char **state)
{
	*state = NULL;
	sqlite3_stmt *st = db_prepare(db, attendee_id
		? "SELECT m.state FROM meeting m JOIN meeting_attendee a ON a.meeting_id = m.id WHERE a.id = ?1"
		: "SELECT m.state FROM meeting m JOIN meeting_item i ON i.meeting_id = m.id WHERE i.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, attendee_id ? attendee_id : item_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*state = db_col_text(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

/* ---- amendments ---- */

enum db_status db_meeting_amend(struct db *db, int64_t meeting_id, struct meeting_amendment *a)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO meeting_amendment(meeting_id, kind, attendee_id, item_id, subject, correction, reason,"
		" amend_date, staff_id, created_by, updated_by)"
		" VALUES (?1, ?2, nullif(?3, 0), nullif(?4, 0), ?5, ?6, ?7, ?8, juwei_staff(), juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_text(st, 2, a->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->attendee_id);
	sqlite3_bind_int64(st, 4, a->item_id);
	sqlite3_bind_text(st, 5, a->subject, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->correction, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, a->reason, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, a->date, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	a->id = sqlite3_last_insert_rowid(db->h);
	return DB_OK;
}

enum db_status db_meeting_amendments(struct db *db, int64_t meeting_id, struct meeting_amendment **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.id, coalesce(a.attendee_id, 0), coalesce(a.item_id, 0), a.kind, a.subject, a.correction,"
		" a.reason, a.amend_date, coalesce(s.name, a.created_by)"
		" FROM meeting_amendment a LEFT JOIN staff s ON s.id = a.staff_id"
		" WHERE a.meeting_id = ?1 ORDER BY a.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct meeting_amendment *a = &(*out)[(*n)++];
		a->id = sqlite3_column_int64(st, 0);
		a->attendee_id = sqlite3_column_int64(st, 1);
		a->item_id = sqlite3_column_int64(st, 2);
		char **f[] = { &a->kind, &a->subject, &a->correction, &a->reason, &a->date, &a->who };
		for (size_t k = 0; k < ARRAY_SIZE(f); k++)
			*f[k] = db_col_text(st, 3 + (int)k);
	}
	if (rc != SQLITE_DONE)
		meeting_amendments_free(out, n);
	return finish(st, rc);
}
