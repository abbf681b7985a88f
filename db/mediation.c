/* db/mediation.c - creating cases and moving them between states. */
#include "mediation.h"

#include "internal.h"

#include "core/rules.h"

#include "core/xalloc.h"

#include <stdlib.h>
#include <string.h>

static enum db_status party_insert(struct db *db, int64_t case_id, const struct case_party *p, int sort);

enum db_status db_case_create(struct db *db, const struct case_new *c, const char *prefix, const char *suffix,
			      const struct case_party *parties, int n_parties, int64_t *id, int *seq)
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
	for (int i = 0; i < n_parties && s == DB_OK; i++)
		s = party_insert(db, *id, &parties[i], i + 1);
	if (s != DB_OK) {
		db_rollback(db);
		*id = 0;
		return s;
	}
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
		" WHERE id = ?1 AND version = ?2 AND state = ?9"
		" AND (?3 <> '" CASE_STATE_FOLLOWED "' OR EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = ?1"
		"  AND e.kind = '" CASE_RECORD_FOLLOWUP "' AND e.staff_id IS NOT NULL AND e.method IS NOT NULL"
		"  AND e.performance IS NOT NULL AND coalesce(e.text, '') <> '' AND e.event_date <= ?8))");
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

enum db_status db_case_reopen(struct db *db, int64_t id, int64_t version, const char *to, const char *date,
			      int64_t staff_id, const char *reason)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE mediation_case SET state = ?3, closed_date = NULL,"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND version = ?2 AND state = '" CASE_STATE_CLOSED "'");
	if (!st) {
		s = db_status_of(sqlite3_errcode(db->h));
		db_rollback(db);
		return s;
	}
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_text(st, 3, to, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		s = db_status_of(rc);
	else if (sqlite3_changes(db->h) != 1)
		s = DB_ERR_CONFLICT; /* someone else reopened or changed it first */
	if (s == DB_OK) {
		/* The reason stays in the case's records, as a step back. */
		st = db_prepare(db, "INSERT INTO case_event(case_id, kind, event_date, staff_id, text, from_state, to_state,"
				    " created_by, updated_by) VALUES (?1, '状态变更', ?2, nullif(?3, 0), ?4, '"
				    CASE_STATE_CLOSED "', ?5, juwei_user(), juwei_user())");
		if (!st) {
			s = db_status_of(sqlite3_errcode(db->h));
		} else {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, date, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, staff_id);
			sqlite3_bind_text(st, 4, reason, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, to, -1, SQLITE_STATIC);
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

/* ---- reading and saving the rest of a case ---- */

static enum db_status finish(sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

#define PARTY_NAME "coalesce(r.name, p.name)"
#define CASE_ROW_COLUMNS \
	"c.id, c.year, c.seq, c.case_no, c.accepted_date, t.name," \
	" coalesce((SELECT group_concat(n, '、') FROM (SELECT " PARTY_NAME " AS n FROM case_party p" \
	"   LEFT JOIN resident r ON r.id = p.resident_id WHERE p.case_id = c.id" \
	"   ORDER BY p.role <> '申请人', p.role <> '被申请人', p.sort, p.id)), '')," \
	" coalesce(s.name, ''), c.state, coalesce(c.closed_date, '')"
#define CASE_ROW_FROM \
	" FROM mediation_case c JOIN dispute_type t ON t.id = c.type_id LEFT JOIN staff s ON s.id = c.mediator_id"

static void read_case_row(sqlite3_stmt *st, struct case_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->year = sqlite3_column_int(st, 1);
	r->seq = sqlite3_column_int(st, 2);
	char **dst[] = { &r->case_no, &r->accepted, &r->type, &r->parties, &r->mediator, &r->state, &r->closed };
	for (size_t i = 0; i < ARRAY_SIZE(dst); i++)
		*dst[i] = db_col_text(st, 3 + (int)i);
}

static const char case_where[] =
	" WHERE (?1 = 0 OR c.year = ?1) AND (?2 = '' OR c.state = ?2) AND (?3 = 0 OR c.type_id = ?3)"
	" AND (?4 = 0 OR c.mediator_id = ?4)"
	" AND (?5 = 0 OR (c.state IN ('" CASE_STATE_ACCEPTED "', '" CASE_STATE_MEDIATING "') AND c.accepted_date < ?6))";

static void bind_case_filter(sqlite3_stmt *st, const struct case_filter *f)
{
	sqlite3_bind_int(st, 1, f->year);
	sqlite3_bind_text(st, 2, f->state, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, f->type);
	sqlite3_bind_int64(st, 4, f->mediator);
	sqlite3_bind_int(st, 5, f->overdue);
	sqlite3_bind_text(st, 6, f->accepted_before, -1, SQLITE_STATIC);
}

enum db_status db_case_page(struct db *db, const struct case_filter *f, const struct case_row *from, int dir,
			    bool inclusive, int limit, struct case_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	/* List order is newest first: (year DESC, seq DESC). */
	const char *key = !from ? ""
		: dir > 0 ? (inclusive ? " AND (c.year, c.seq) <= (?7, ?8)" : " AND (c.year, c.seq) < (?7, ?8)")
			  : " AND (c.year, c.seq) > (?7, ?8)";
	char *sql = x_asprintf("SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM "%s%s ORDER BY c.year %s, c.seq %s LIMIT ?9",
			       case_where, key, dir > 0 ? "DESC" : "ASC", dir > 0 ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_case_filter(st, f);
	if (from) {
		sqlite3_bind_int(st, 7, from->year);
		sqlite3_bind_int(st, 8, from->seq);
	}
	sqlite3_bind_int(st, 9, limit);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_case_row(st, &out[(*n)++]);
	sqlite3_finalize(st);
	if (*n < limit && rc != SQLITE_DONE) {
		for (int i = 0; i < *n; i++)
			case_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	if (dir < 0)
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct case_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_case_count(struct db *db, const struct case_filter *f, int *n)
{
	*n = 0;
	char *sql = x_asprintf("SELECT count(*) FROM mediation_case c%s", case_where);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_case_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	return finish(st, rc);
}

static enum db_status case_rows(sqlite3_stmt *st, struct case_row **out, int *n)
{
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		read_case_row(st, &(*out)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < *n; i++)
			case_row_free(&(*out)[i]);
		x_free(out);
		*n = 0;
	}
	return finish(st, rc);
}

enum db_status db_cases_open_before(struct db *db, const char *before, struct case_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM
				      " WHERE c.state IN ('" CASE_STATE_ACCEPTED "', '" CASE_STATE_MEDIATING "') AND c.accepted_date <= ?1"
				      " ORDER BY c.accepted_date, c.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, before, -1, SQLITE_STATIC);
	return case_rows(st, out, n);
}

enum db_status db_cases_of_household(struct db *db, int64_t household_id, struct case_row **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT " CASE_ROW_COLUMNS CASE_ROW_FROM
				      " WHERE c.id IN (SELECT p.case_id FROM case_party p JOIN resident r"
				      "  ON r.id = p.resident_id WHERE r.household_id = ?1)"
				      " ORDER BY c.year DESC, c.seq DESC");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	return case_rows(st, out, n);
}

/* The text fields of a case_rec, in the order of the query below. */
#define CASE_TEXTS(c) \
	{ &(c)->case_no, &(c)->accepted, &(c)->source, &(c)->type, &(c)->summary, &(c)->claims, &(c)->state, \
	  &(c)->result, &(c)->facts, &(c)->agreement, &(c)->manner, &(c)->place, &(c)->deadline, \
	  &(c)->referred_to, &(c)->closed, &(c)->mediator, &(c)->registrar }

enum db_status db_case_get(struct db *db, int64_t id, struct case_rec *c)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT c.id, c.version, c.type_id, coalesce(c.mediator_id, 0), coalesce(c.registrar_id, 0),"
		" coalesce(c.copies, 0), c.case_no, c.accepted_date, c.source, t.name, coalesce(c.summary, ''),"
		" coalesce(c.claims, ''), c.state, coalesce(c.result, ''), coalesce(c.facts, ''),"
		" coalesce(c.agreement, ''), coalesce(c.perform_manner, ''), coalesce(c.perform_place, ''),"
		" coalesce(c.perform_deadline, ''), coalesce(c.referred_to, ''), coalesce(c.closed_date, ''),"
		" coalesce(m.name, ''), coalesce(g.name, '')"
		" FROM mediation_case c JOIN dispute_type t ON t.id = c.type_id"
		" LEFT JOIN staff m ON m.id = c.mediator_id LEFT JOIN staff g ON g.id = c.registrar_id WHERE c.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		case_rec_free(c);
		c->id = sqlite3_column_int64(st, 0);
		c->version = sqlite3_column_int64(st, 1);
		c->type_id = sqlite3_column_int64(st, 2);
		c->mediator_id = sqlite3_column_int64(st, 3);
		c->registrar_id = sqlite3_column_int64(st, 4);
		c->copies = sqlite3_column_int(st, 5);
		char **f[] = CASE_TEXTS(c);
		for (size_t i = 0; i < ARRAY_SIZE(f); i++)
			*f[i] = db_col_text(st, 6 + (int)i);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_case_update(struct db *db, const struct case_rec *c)
{
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE mediation_case SET summary = ?3, claims = ?4, type_id = ?5, mediator_id = nullif(?6, 0),"
		" facts = ?7, agreement = coalesce(?8, CASE WHEN state = '调解成功' THEN agreement END),"
		" perform_manner = ?9, perform_place = ?10, perform_deadline = ?11, copies = nullif(?12, 0),"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND version = ?2 AND state <> '" CASE_STATE_CLOSED "'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->version);
	db_bind_text_or_null(st, 3, c->summary);
	db_bind_text_or_null(st, 4, c->claims);
	sqlite3_bind_int64(st, 5, c->type_id);
	sqlite3_bind_int64(st, 6, c->mediator_id);
	db_bind_text_or_null(st, 7, c->facts);
	db_bind_text_or_null(st, 8, c->agreement);
	db_bind_text_or_null(st, 9, c->manner);
	db_bind_text_or_null(st, 10, c->place);
	db_bind_text_or_null(st, 11, c->deadline);
	sqlite3_bind_int(st, 12, c->copies);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_CONFLICT;
}

/* ---- parties ---- */

#define PARTY_TEXTS(p) \
	{ &(p)->role, &(p)->name, &(p)->sex, &(p)->ethnicity, &(p)->id_number, &(p)->occupation, &(p)->phone, \
	  &(p)->address, &(p)->birth }

static enum db_status party_insert(struct db *db, int64_t case_id, const struct case_party *p, int sort)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO case_party(case_id, role, resident_id, name, sex, ethnicity, age, id_number, occupation,"
		" phone, address, sort, created_by, updated_by)"
		" SELECT ?1, ?2, nullif(?3, 0), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		"  coalesce(?12, (SELECT coalesce(max(sort), 0) + 1 FROM case_party WHERE case_id = ?1)),"
		"  juwei_user(), juwei_user()"
		" FROM mediation_case WHERE id = ?1 AND state <> '" CASE_STATE_CLOSED "'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_text(st, 2, p->role, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, p->resident_id);
	/* A resident's own details live in the register; only the name is
	 * kept, as it was, in case the resident is deleted one day. */
	const char *texts[] = { p->name, p->sex, p->ethnicity };
	for (int i = 0; i < 3; i++)
		db_bind_text_or_null(st, 4 + i, p->resident_id && i > 0 ? NULL : texts[i]);
	if (p->age >= 0 && !p->resident_id)
		sqlite3_bind_int(st, 7, p->age);
	const char *more[] = { p->id_number, p->occupation, p->phone, p->address };
	for (int i = 0; i < 4; i++)
		db_bind_text_or_null(st, 8 + i, p->resident_id && i != 1 && i != 3 ? NULL : more[i]);
	if (sort > 0)
		sqlite3_bind_int(st, 12, sort);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_CONFLICT; /* closed meanwhile */
}

enum db_status db_case_party_add(struct db *db, int64_t case_id, const struct case_party *p)
{
	return party_insert(db, case_id, p, 0);
}

enum db_status db_case_parties(struct db *db, int64_t case_id, struct case_party **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT p.id, coalesce(p.resident_id, 0), coalesce(r.household_id, 0), coalesce(p.age, -1),"
		" p.role, " PARTY_NAME ", coalesce(r.sex, p.sex, ''), coalesce(r.ethnicity, p.ethnicity, ''),"
		" coalesce(r.id_number, p.id_number, ''), coalesce(p.occupation, r.occupation, ''),"
		" coalesce(r.phone, p.phone, ''),"
		" coalesce(p.address, CASE WHEN r.id IS NOT NULL THEN d.compound || ' ' || d.building"
		"  || CASE WHEN d.unit <> '' THEN '-' || d.unit ELSE '' END"
		"  || CASE WHEN d.room <> '' THEN '-' || d.room ELSE '' END END, ''),"
		" coalesce(r.birth_date, '')"
		" FROM case_party p LEFT JOIN resident r ON r.id = p.resident_id"
		" LEFT JOIN household h ON h.id = r.household_id LEFT JOIN dwelling d ON d.id = h.dwelling_id"
		" WHERE p.case_id = ?1 ORDER BY p.role <> '申请人', p.role <> '被申请人', p.sort, p.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, case_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct case_party *p = &(*out)[(*n)++];
		p->id = sqlite3_column_int64(st, 0);
		p->resident_id = sqlite3_column_int64(st, 1);
		p->household_id = sqlite3_column_int64(st, 2);
		p->age = sqlite3_column_int(st, 3);
		char **f[] = PARTY_TEXTS(p);
		for (size_t i = 0; i < ARRAY_SIZE(f); i++)
			*f[i] = db_col_text(st, 4 + (int)i);
	}
	if (rc != SQLITE_DONE)
		case_parties_free(out, n);
	return finish(st, rc);
}

/* ---- records ---- */

#define EVENT_TEXTS(e) \
	{ &(e)->kind, &(e)->date, &(e)->staff, &(e)->text, &(e)->from_state, &(e)->to_state, &(e)->performance, \
	  &(e)->satisfaction, &(e)->method }

enum db_status db_case_events(struct db *db, int64_t case_id, struct case_event **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT e.id, coalesce(e.staff_id, 0), coalesce(e.flare_up, -1), e.kind, e.event_date,"
		" coalesce(s.name, ''), coalesce(e.text, ''), coalesce(e.from_state, ''), coalesce(e.to_state, ''),"
		" coalesce(e.performance, ''), coalesce(e.satisfaction, ''), coalesce(e.method, '')"
		" FROM case_event e LEFT JOIN staff s ON s.id = e.staff_id WHERE e.case_id = ?1"
		" ORDER BY e.event_date, e.id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, case_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct case_event *e = &(*out)[(*n)++];
		e->id = sqlite3_column_int64(st, 0);
		e->staff_id = sqlite3_column_int64(st, 1);
		e->flare_up = sqlite3_column_int(st, 2);
		char **f[] = EVENT_TEXTS(e);
		for (size_t i = 0; i < ARRAY_SIZE(f); i++)
			*f[i] = db_col_text(st, 3 + (int)i);
	}
	if (rc != SQLITE_DONE)
		case_events_free(out, n);
	return finish(st, rc);
}

enum db_status db_case_event_add(struct db *db, int64_t case_id, const struct case_event *e)
{
	sqlite3_stmt *st = db_prepare(db,
		"INSERT INTO case_event(case_id, kind, event_date, staff_id, text, performance, satisfaction, flare_up,"
		" method, created_by, updated_by)"
		" SELECT ?1, ?2, ?3, nullif(?4, 0), ?5, ?6, ?7, ?8, ?9, juwei_user(), juwei_user()"
		" FROM mediation_case WHERE id = ?1 AND state <> '" CASE_STATE_CLOSED "'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, case_id);
	sqlite3_bind_text(st, 2, e->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, e->staff_id);
	db_bind_text_or_null(st, 5, e->text);
	db_bind_text_or_null(st, 6, e->performance);
	db_bind_text_or_null(st, 7, e->satisfaction);
	if (e->flare_up >= 0)
		sqlite3_bind_int(st, 8, e->flare_up);
	db_bind_text_or_null(st, 9, e->method);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_CONFLICT; /* closed meanwhile */
}

enum db_status db_case_party_delete(struct db *db, int64_t party_id)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM case_party WHERE id = ?1 AND (SELECT state FROM mediation_case c"
					  " WHERE c.id = case_party.case_id) <> '" CASE_STATE_CLOSED "'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, party_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	return sqlite3_changes(db->h) == 1 ? DB_OK : DB_ERR_NOTFOUND;
}

enum db_status db_case_party_case(struct db *db, int64_t party_id, int64_t *case_id)
{
	*case_id = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT case_id FROM case_party WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, party_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*case_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_resident_is_party(struct db *db, int64_t resident_id, bool *party)
{
	*party = false;
	sqlite3_stmt *st = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM case_party WHERE resident_id = ?1)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, resident_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*party = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}
