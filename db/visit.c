/* db/visit.c - visits, their vocabularies, and the Today view's lists. */
#include "visit.h"

#include "household.h"
#include "internal.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

#define ADDRESS(d) \
	d ".compound || ' ' || " d ".building" \
	" || CASE WHEN " d ".unit <> '' THEN '-' || " d ".unit ELSE '' END" \
	" || CASE WHEN " d ".room <> '' THEN '-' || " d ".room ELSE '' END"
#define HEAD(h) \
	"coalesce((SELECT name FROM resident r WHERE r.household_id = " h \
	" AND r.relation = '户主' AND r.status = '在住'), '')"

static const char *const vocab_sql[] = {
	[VOCAB_METHOD]  = "SELECT id, name, 0, active FROM visit_method WHERE ?1 OR active = 1 ORDER BY sort, id",
	[VOCAB_PURPOSE] = "SELECT id, name, 0, active FROM visit_purpose WHERE ?1 OR active = 1 ORDER BY sort, id",
	[VOCAB_REPORT]  = "SELECT id, name, 0, active FROM must_report_item WHERE ?1 OR active = 1 ORDER BY sort, id",
	[VOCAB_STAFF]   = "SELECT id, name, 0, active FROM staff WHERE ?1 OR active = 1 ORDER BY id",
	[VOCAB_GRID]    = "SELECT id, name, 0, 1 FROM grid ORDER BY code, id",
	[VOCAB_TAG]     = ("SELECT id, name, coalesce(interval_days, 0), active FROM tag WHERE ?1 OR active = 1"
			   " ORDER BY sort, id"),
	[VOCAB_DISPUTE] = "SELECT id, name, 0, active FROM dispute_type WHERE ?1 OR active = 1 ORDER BY sort, id",
	[VOCAB_MEETING_KIND] = "SELECT id, name, 0, active FROM meeting_kind WHERE ?1 OR active = 1 ORDER BY sort, id",
};
static const char *const vocab_table[] = {
	[VOCAB_METHOD] = "visit_method", [VOCAB_PURPOSE] = "visit_purpose",
	[VOCAB_REPORT] = "must_report_item", [VOCAB_STAFF] = "staff", [VOCAB_GRID] = "grid",
	[VOCAB_TAG] = "tag", [VOCAB_DISPUTE] = "dispute_type", [VOCAB_MEETING_KIND] = "meeting_kind"
};

static enum db_status done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_vocab(struct db *db, enum vocab_kind kind, bool all, struct vocab **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, vocab_sql[kind]);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int(st, 1, all);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct vocab *v = &(*out)[(*n)++];
		v->id = sqlite3_column_int64(st, 0);
		v->name = db_col_text(st, 1);
		v->extra = sqlite3_column_int(st, 2);
		v->active = sqlite3_column_int(st, 3) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		vocab_free(out, n);
		return db_status_of(rc);
	}
	return DB_OK;
}

int64_t db_staff_of_user(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM staff WHERE os_login = ?1 AND active = 1");
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

enum db_status db_vocab_add(struct db *db, enum vocab_kind kind, const char *name, int64_t *id)
{
	if (kind != VOCAB_METHOD && kind != VOCAB_PURPOSE && kind != VOCAB_REPORT)
		return DB_ERR_SQL;
	char *sql = x_asprintf("INSERT INTO %s(name, sort, created_by, updated_by)"
			       " VALUES (?1, (SELECT coalesce(max(sort), 0) + 1 FROM %s), juwei_user(), juwei_user())",
			       vocab_table[kind], vocab_table[kind]);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	enum db_status s = done(st);
	if (s == DB_OK && id)
		*id = sqlite3_last_insert_rowid(db->h);
	return s;
}

static enum db_status set_column(struct db *db, enum vocab_kind kind, int64_t id, const char *col,
				 const char *text, int number, bool is_text)
{
	/* Unversioned: one column of a vocabulary entry, which the 主任 alone
	 * edits, one entry at a time. */
	char *sql = x_asprintf("UPDATE %s SET %s = ?2, version = version + 1,"
			       " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
			       " WHERE id = ?1", vocab_table[kind], col);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	if (is_text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	else if (number)
		sqlite3_bind_int(st, 2, number);
	else
		sqlite3_bind_null(st, 2);
	enum db_status s = done(st);
	return s == DB_OK && sqlite3_changes(db->h) == 0 ? DB_ERR_NOTFOUND : s;
}

enum db_status db_vocab_rename(struct db *db, enum vocab_kind kind, int64_t id, const char *name)
{
	return set_column(db, kind, id, "name", name, 0, true);
}

enum db_status db_vocab_set_active(struct db *db, enum vocab_kind kind, int64_t id, bool active)
{
	if (kind == VOCAB_GRID)
		return DB_ERR_SQL;
	/* Unversioned: as set_column(). */
	char *sql = x_asprintf("UPDATE %s SET active = ?2, version = version + 1,"
			       " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
			       " WHERE id = ?1", vocab_table[kind]);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, active ? 1 : 0);
	return done(st);
}

enum db_status db_tag_set_interval(struct db *db, int64_t id, int interval)
{
	return set_column(db, VOCAB_TAG, id, "interval_days", NULL, interval > 0 ? interval : 0, false);
}

/* ---- one visit ---- */

enum db_status db_visit_get(struct db *db, int64_t id, struct visit_rec *v)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, version, household_id, coalesce(resident_id, 0), coalesce(staff_id, 0),"
		" method_id, purpose_id, visit_date, coalesce(findings, ''), coalesce(needs, ''),"
		" coalesce(next_visit_date, ''), follow_up, follow_up_done FROM visit WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		visit_rec_free(v);
		visit_rec_init(v);
		v->id = sqlite3_column_int64(st, 0);
		v->version = sqlite3_column_int64(st, 1);
		v->household_id = sqlite3_column_int64(st, 2);
		v->resident_id = sqlite3_column_int64(st, 3);
		v->staff_id = sqlite3_column_int64(st, 4);
		v->method_id = sqlite3_column_int64(st, 5);
		v->purpose_id = sqlite3_column_int64(st, 6);
		x_free(&v->visit_date);
		v->visit_date = db_col_text(st, 7);
		x_free(&v->findings);
		v->findings = db_col_text(st, 8);
		x_free(&v->needs);
		v->needs = db_col_text(st, 9);
		x_free(&v->next_visit_date);
		v->next_visit_date = db_col_text(st, 10);
		v->follow_up = sqlite3_column_int(st, 11) != 0;
		v->follow_up_done = sqlite3_column_int(st, 12) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
	st = db_prepare(db, "SELECT item_id FROM visit_report WHERE visit_id = ?1 ORDER BY item_id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n_reports == cap) {
			cap = cap ? cap * 2 : 4;
			v->reports = x_realloc(v->reports, (size_t)cap * sizeof *v->reports);
		}
		v->reports[v->n_reports++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

static void bind_visit(sqlite3_stmt *st, const struct visit_rec *v)
{
	sqlite3_bind_int64(st, 1, v->household_id);
	if (v->resident_id)
		sqlite3_bind_int64(st, 2, v->resident_id);
	if (v->staff_id)
		sqlite3_bind_int64(st, 3, v->staff_id);
	sqlite3_bind_int64(st, 4, v->method_id);
	sqlite3_bind_int64(st, 5, v->purpose_id);
	sqlite3_bind_text(st, 6, v->visit_date, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 7, v->findings);
	db_bind_text_or_null(st, 8, v->needs);
	db_bind_text_or_null(st, 9, v->next_visit_date);
	sqlite3_bind_int(st, 10, v->follow_up);
	sqlite3_bind_int(st, 11, v->follow_up && v->follow_up_done);
}

static enum db_status save_reports(struct db *db, const struct visit_rec *v)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM visit_report WHERE visit_id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, v->id);
	enum db_status s = done(st);
	for (int i = 0; s == DB_OK && i < v->n_reports; i++) {
		st = db_prepare(db, "INSERT OR IGNORE INTO visit_report(visit_id, item_id, created_by, updated_by)"
				    " VALUES (?1, ?2, juwei_user(), juwei_user())");
		if (!st)
			return db_status_of(sqlite3_errcode(db->h));
		sqlite3_bind_int64(st, 1, v->id);
		sqlite3_bind_int64(st, 2, v->reports[i]);
		s = done(st);
	}
	return s;
}

enum db_status db_visit_save(struct db *db, struct visit_rec *v)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	int64_t old_id = v->id, old_version = v->version;
	sqlite3_stmt *st;
	if (!v->id) {
		st = db_prepare(db,
			"INSERT INTO visit(household_id, resident_id, staff_id, method_id, purpose_id, visit_date,"
			" findings, needs, next_visit_date, follow_up, follow_up_done, created_by, updated_by)"
			" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, juwei_user(), juwei_user())");
	} else {
		st = db_prepare(db,
			"UPDATE visit SET household_id = ?1, resident_id = ?2, staff_id = ?3, method_id = ?4,"
			" purpose_id = ?5, visit_date = ?6, findings = ?7, needs = ?8, next_visit_date = ?9,"
			" follow_up = ?10, follow_up_done = ?11, version = version + 1,"
			" updated_at = datetime('now','localtime'), updated_by = juwei_user()"
			" WHERE id = ?12 AND version = ?13");
	}
	if (!st) {
		s = db_status_of(sqlite3_errcode(db->h));
		db_rollback(db);
		return s;
	}
	bind_visit(st, v);
	if (v->id) {
		sqlite3_bind_int64(st, 12, v->id);
		sqlite3_bind_int64(st, 13, v->version);
	}
	s = done(st);
	if (s == DB_OK && !v->id) {
		v->id = sqlite3_last_insert_rowid(db->h);
		v->version = 1;
	} else if (s == DB_OK) {
		if (sqlite3_changes(db->h) == 1) {
			v->version++;
		} else {
			struct visit_rec now;
			visit_rec_init(&now);
			s = db_visit_get(db, v->id, &now) == DB_OK ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
			visit_rec_free(&now);
		}
	}
	if (s == DB_OK)
		s = save_reports(db, v);
	if (s == DB_OK)
		s = db_commit(db);
	if (s != DB_OK) {
		db_rollback(db);
		v->id = old_id;
		v->version = old_version;
	}
	return s;
}

enum db_status db_visit_delete(struct db *db, int64_t id, int64_t version)
{
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM visit WHERE id = ?1 AND version = ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	enum db_status s = done(st);
	if (s != DB_OK || sqlite3_changes(db->h) == 1)
		return s;
	struct visit_rec now;
	visit_rec_init(&now);
	s = db_visit_get(db, id, &now) == DB_OK ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
	visit_rec_free(&now);
	return s;
}

/* ---- the visit list ---- */

#define VISIT_COLUMNS \
	"v.id, v.household_id, v.visit_date, " ADDRESS("d") ", " HEAD("v.household_id") "," \
	" p.name, m.name, coalesce(s.name, ''), coalesce(v.findings, ''), coalesce(rr.name, '')," \
	" v.follow_up AND NOT v.follow_up_done, EXISTS (SELECT 1 FROM visit_report x WHERE x.visit_id = v.id)"
#define VISIT_FROM \
	" FROM visit v JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id" \
	" JOIN visit_purpose p ON p.id = v.purpose_id JOIN visit_method m ON m.id = v.method_id" \
	" LEFT JOIN staff s ON s.id = v.staff_id LEFT JOIN resident rr ON rr.id = v.resident_id"

static void read_visit_row(sqlite3_stmt *st, struct visit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->household_id = sqlite3_column_int64(st, 1);
	r->date = db_col_text(st, 2);
	r->address = db_col_text(st, 3);
	r->head = db_col_text(st, 4);
	r->purpose = db_col_text(st, 5);
	r->method = db_col_text(st, 6);
	r->staff = db_col_text(st, 7);
	r->findings = db_col_text(st, 8);
	r->resident = db_col_text(st, 9);
	r->follow_up = sqlite3_column_int(st, 10) != 0;
	r->reported = sqlite3_column_int(st, 11) != 0;
}

/* ?1 from ?2 to ?3 grid ?4 staff ?5 purpose ?6 report item; ?7 ?8 the
 * key (date, id) to page from; ?9 the limit. */
static const char visit_where[] =
	" WHERE (?1 = '' OR v.visit_date >= ?1) AND (?2 = '' OR v.visit_date <= ?2)"
	" AND (?3 = 0 OR d.grid_id = ?3) AND (?4 = 0 OR v.staff_id = ?4)"
	" AND (?5 = 0 OR v.purpose_id = ?5)"
	" AND (?6 = 0 OR EXISTS (SELECT 1 FROM visit_report x WHERE x.visit_id = v.id AND x.item_id = ?6))";

static void bind_visit_filter(sqlite3_stmt *st, const struct visit_filter *f)
{
	sqlite3_bind_text(st, 1, f->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, f->grid);
	sqlite3_bind_int64(st, 4, f->staff);
	sqlite3_bind_int64(st, 5, f->purpose);
	sqlite3_bind_int64(st, 6, f->report);
}

enum db_status db_visit_page(struct db *db, const struct visit_filter *f, const struct visit_row *from,
			     int dir, bool inclusive, int limit, struct visit_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	/* List order is newest first: (visit_date DESC, id DESC). */
	const char *key = !from ? ""
		: dir > 0 ? (inclusive ? " AND (v.visit_date, v.id) <= (?7, ?8)" : " AND (v.visit_date, v.id) < (?7, ?8)")
			  : " AND (v.visit_date, v.id) > (?7, ?8)";
	char *sql = x_asprintf("SELECT " VISIT_COLUMNS VISIT_FROM "%s%s%s ORDER BY v.visit_date %s, v.id %s LIMIT ?9",
			       visit_where, db_scope(db), key, dir > 0 ? "DESC" : "ASC", dir > 0 ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_visit_filter(st, f);
	if (from) {
		sqlite3_bind_text(st, 7, from->date, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 8, from->id);
	}
	sqlite3_bind_int(st, 9, limit);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_visit_row(st, &out[(*n)++]);
	if (*n < limit && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		for (int i = 0; i < *n; i++)
			visit_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	sqlite3_finalize(st);
	if (dir < 0)
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct visit_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_visit_count(struct db *db, const struct visit_filter *f, int *n)
{
	*n = 0;
	char *sql = x_asprintf("SELECT count(*) FROM visit v JOIN household h ON h.id = v.household_id"
			       " JOIN dwelling d ON d.id = h.dwelling_id%s%s", visit_where, db_scope(db));
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_visit_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

/* ---- what is due ---- */

/* Households holding tag ?3 (0: any), themselves or a living resident. */
#define HAS_TAG(hid) \
	"(?3 = 0 OR EXISTS (SELECT 1 FROM household_tag x WHERE x.household_id = " hid " AND x.tag_id = ?3)" \
	" OR EXISTS (SELECT 1 FROM resident r JOIN resident_tag y ON y.resident_id = r.id" \
	"  WHERE r.household_id = " hid " AND r.status = '在住' AND y.tag_id = ?3))"
/* The tags that give a household its rhythm (?5: may the user see
 * sensitive ones). */
#define RHYTHM_TAGS(hid) \
	"coalesce((SELECT group_concat(name, '、') FROM (SELECT DISTINCT t.name FROM tag t" \
	"  WHERE t.interval_days IS NOT NULL AND (t.sensitive = 0 OR ?5) AND (" \
	"   t.id IN (SELECT tag_id FROM household_tag WHERE household_id = " hid ")" \
	"   OR t.id IN (SELECT y.tag_id FROM resident r JOIN resident_tag y ON y.resident_id = r.id" \
	"    WHERE r.household_id = " hid " AND r.status = '在住')) ORDER BY t.sort)), '')"

enum db_status db_household_visits(struct db *db, int64_t household_id, const char *today, int limit,
				   struct visit_row **out, int *n, char **last, char **due)
{
	*out = NULL;
	*n = 0;
	*last = x_strdup("");
	*due = x_strdup("");
	sqlite3_stmt *st = db_prepare(db, "SELECT " VISIT_COLUMNS VISIT_FROM
				      " WHERE v.household_id = ?1" SCOPE_SQL " ORDER BY v.visit_date DESC, v.id DESC LIMIT ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_int(st, 2, limit);
	*out = x_calloc((size_t)(limit > 0 ? limit : 1), sizeof **out);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_visit_row(st, &(*out)[(*n)++]);
	sqlite3_finalize(st);
	st = db_prepare(db,
		"SELECT coalesce((SELECT max(visit_date) FROM visit WHERE household_id = ?1 AND visit_date <= ?2), ''),"
		" coalesce((SELECT CASE due WHEN '' THEN ?2 ELSE due END FROM household_due WHERE household_id = ?1), '')");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_text(st, 2, today, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		x_free(last);
		x_free(due);
		*last = db_col_text(st, 0);
		*due = db_col_text(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

/* A household with a tag that makes it urgent (?5: may the user see
 * sensitive tags; ?6: the short interval): a sensitive tag, or one
 * visited at least every ?6 days (core/rules.h). */
#define URGENT_TAG \
	" t.active = 1 AND (t.sensitive = 0 OR ?5) AND (t.sensitive = 1 OR t.interval_days <= ?6)"
#define URGENT(hid) \
	"(EXISTS (SELECT 1 FROM household_tag x JOIN tag t ON t.id = x.tag_id" \
	"  WHERE x.household_id = " hid " AND" URGENT_TAG ")" \
	" OR EXISTS (SELECT 1 FROM resident r JOIN resident_tag y ON y.resident_id = r.id JOIN tag t ON t.id = y.tag_id" \
	"  WHERE r.household_id = " hid " AND r.status = '在住' AND" URGENT_TAG "))"

/* The lists, each without its date range. */
#define OVERDUE_FROM \
	" FROM household_due hd JOIN household h ON h.id = hd.household_id JOIN dwelling d ON d.id = h.dwelling_id" \
	" WHERE (?2 = 0 OR d.grid_id = ?2)" SCOPE_SQL " AND " HAS_TAG("hd.household_id")
#define OVERDUE_WHERE OVERDUE_FROM " AND hd.due < ?1"
/* A plan: the next date the latest visit of a household set. */
#define PLAN_FROM \
	" FROM visit v JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id" \
	" WHERE v.next_visit_date IS NOT NULL AND h.status = '在住'" \
	" AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = v.household_id" \
	"   AND (w.visit_date > v.visit_date OR (w.visit_date = v.visit_date AND w.id > v.id)))" \
	" AND (?2 = 0 OR d.grid_id = ?2)" SCOPE_SQL " AND " HAS_TAG("v.household_id")
/* Planned for today or up to the missing day (?9); missed before it. */
#define PLANNED_RANGE " AND v.next_visit_date <= ?1 AND v.next_visit_date >= ?9"
#define MISSED_RANGE " AND v.next_visit_date < ?9"
/* Follow-ups asked for and not done yet. */
#define FOLLOWUP_WHERE \
	" FROM visit v JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id" \
	" WHERE v.follow_up = 1 AND v.follow_up_done = 0 AND v.visit_date <= ?1" \
	" AND (?2 = 0 OR d.grid_id = ?2)" SCOPE_SQL " AND " HAS_TAG("v.household_id")

/* The columns shown, over an inner query q(hid, vid, k, dw, ...) that
 * picked the rows (cheap columns only). */
#define SHOWN(detail, days) \
	"SELECT q.hid, q.vid, " ADDRESS("d") ", " HEAD("q.hid") ", " RHYTHM_TAGS("q.hid") ", " detail ", " days ", q.k" \
	" FROM (SELECT "

/* ?1 today ?2 grid ?3 tag ?4 limit ?5 sensitive ?6 short interval ?7 ?8
 * the key to page from ?9 the missing day ?10 a household ?11 a visit. */
static void bind_query(sqlite3_stmt *st, const struct today_query *q, bool sens, int limit, const struct today_row *from,
		       int64_t hid, int64_t vid)
{
	sqlite3_bind_text(st, 1, q->today, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, q->grid);
	sqlite3_bind_int64(st, 3, q->tag);
	sqlite3_bind_int(st, 4, limit);
	sqlite3_bind_int(st, 5, sens);
	sqlite3_bind_int(st, 6, q->short_days);
	if (from) {
		sqlite3_bind_text(st, 7, from->key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 8, from->household_id && !from->visit_id ? from->household_id : from->visit_id);
	}
	sqlite3_bind_text(st, 9, q->missed_before, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, hid);
	sqlite3_bind_int64(st, 11, vid);
}

/* One list (one rank of the overdue list) in the direction dir: rows
 * after (before) from, or from its start (end) when from is NULL;
 * with hid or vid, only that household's or visit's row.  Rows come
 * nearest first: descending when dir < 0. */
static enum db_status page_one(struct db *db, const struct today_query *q, enum today_list list, int rank,
			       const struct today_row *from, int dir, bool inclusive, int limit, int64_t hid,
			       int64_t vid, struct today_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	const char *asc = dir > 0 ? "ASC" : "DESC";
	const char *cmp = dir > 0 ? (inclusive ? ">=" : ">") : (inclusive ? "<=" : "<");
	char *sql;
	if (list == TODAY_OVERDUE) {
		char key[96] = "", only[48] = "";
		if (from)
			snprintf(key, sizeof key, " AND (hd.due, hd.household_id) %s (?7, ?8)", cmp);
		if (hid)
			snprintf(only, sizeof only, " AND hd.household_id = ?10");
		sql = x_asprintf(SHOWN("q.last", "q.days")
			"hd.household_id AS hid, 0 AS vid, hd.due AS k, h.dwelling_id AS dw, coalesce(hd.last, '') AS last,"
			"   CASE WHEN hd.last IS NULL THEN -1 ELSE CAST(julianday(?1) - julianday(hd.due) AS INTEGER) END AS days"
			"   " OVERDUE_FROM " AND %s AND %s" URGENT("hd.household_id") "%s%s"
			"   ORDER BY hd.due %s, hd.household_id %s LIMIT ?4) q"
			" JOIN dwelling d ON d.id = q.dw ORDER BY q.k %s, q.hid %s",
			rank < 2 ? "hd.due = ''" : "hd.due > '' AND hd.due < ?1", rank % 2 ? "NOT" : "", key, only,
			asc, asc, asc, asc);
	} else if (list == TODAY_FOLLOWUP) {
		char key[96] = "", only[48] = "";
		if (from)
			snprintf(key, sizeof key, " AND (v.visit_date, v.id) %s (?7, ?8)", cmp);
		if (vid)
			snprintf(only, sizeof only, " AND v.id = ?11");
		sql = x_asprintf(SHOWN("q.k || ' ' || q.what", "CAST(julianday(?1) - julianday(q.k) AS INTEGER)")
			"v.household_id AS hid, v.id AS vid, v.visit_date AS k, h.dwelling_id AS dw,"
			"   coalesce(nullif(v.needs, ''), v.findings, '') AS what"
			"   " FOLLOWUP_WHERE "%s%s ORDER BY v.visit_date %s, v.id %s LIMIT ?4) q"
			" JOIN dwelling d ON d.id = q.dw ORDER BY q.k %s, q.vid %s",
			key, only, asc, asc, asc, asc);
	} else {
		char key[96] = "", only[48] = "";
		if (from)
			snprintf(key, sizeof key, " AND (v.next_visit_date, v.id) %s (?7, ?8)", cmp);
		if (hid)
			snprintf(only, sizeof only, " AND v.household_id = ?10");
		sql = x_asprintf(SHOWN("q.k", "CAST(julianday(?1) - julianday(q.k) AS INTEGER)")
			"v.household_id AS hid, v.id AS vid, v.next_visit_date AS k, h.dwelling_id AS dw"
			"   " PLAN_FROM "%s%s%s ORDER BY v.next_visit_date %s, v.id %s LIMIT ?4) q"
			" JOIN dwelling d ON d.id = q.dw ORDER BY q.k %s, q.vid %s",
			list == TODAY_PLANNED ? PLANNED_RANGE : MISSED_RANGE, key, only, asc, asc, asc, asc);
	}
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_query(st, q, q->sensitive, limit, from, hid, vid);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct today_row *r = &out[(*n)++];
		memset(r, 0, sizeof *r);
		r->household_id = sqlite3_column_int64(st, 0);
		r->visit_id = sqlite3_column_int64(st, 1);
		r->address = db_col_text(st, 2);
		r->head = db_col_text(st, 3);
		r->tags = db_col_text(st, 4);
		r->detail = db_col_text(st, 5);
		r->days = sqlite3_column_int(st, 6);
		snprintf(r->key, sizeof r->key, "%s", sqlite3_column_text(st, 7) ? (const char *)sqlite3_column_text(st, 7) : "");
		r->rank = list == TODAY_OVERDUE ? rank : 0;
	}
	sqlite3_finalize(st);
	if (*n < limit && rc != SQLITE_DONE) {
		for (int i = 0; i < *n; i++)
			today_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	return DB_OK;
}

/* The ranks of a list: the overdue list is paged one rank after the
 * other, each in the order of the due index. */
static int ranks_of(enum today_list list)
{
	return list == TODAY_OVERDUE ? 4 : 1;
}

enum db_status db_today_page(struct db *db, const struct today_query *q, enum today_list list,
			     const struct today_row *from, int dir, bool inclusive, int limit, struct today_row *out,
			     int *n)
{
	*n = 0;
	int ranks = ranks_of(list);
	int rank = from ? from->rank : dir > 0 ? 0 : ranks - 1;
	enum db_status s = DB_OK;
	for (; s == DB_OK && *n < limit && rank >= 0 && rank < ranks; rank += dir > 0 ? 1 : -1) {
		int got = 0;
		s = page_one(db, q, list, rank, from, dir, inclusive, limit - *n, 0, 0, out + *n, &got);
		*n += got;
		from = NULL; /* the next rank from its start (end) */
	}
	if (s != DB_OK) {
		for (int i = 0; i < *n; i++)
			today_row_free(&out[i]);
		*n = 0;
		return s;
	}
	if (dir < 0) /* nearest first: into list order */
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct today_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_today_find(struct db *db, const struct today_query *q, enum today_list list, int64_t hid,
			     int64_t vid, struct today_row *out)
{
	memset(out, 0, sizeof *out);
	if (list == TODAY_FOLLOWUP ? !vid : !hid)
		return DB_ERR_NOTFOUND;
	int got = 0;
	enum db_status s = DB_OK;
	for (int rank = 0; s == DB_OK && !got && rank < ranks_of(list); rank++)
		s = page_one(db, q, list, rank, NULL, 1, false, 1, list == TODAY_FOLLOWUP ? 0 : hid,
			     list == TODAY_FOLLOWUP ? vid : 0, out, &got);
	return s != DB_OK ? s : got ? DB_OK : DB_ERR_NOTFOUND;
}

static enum db_status count_of(struct db *db, const char *sql, const struct today_query *q, int *all)
{
	*all = 0;
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, q->today, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, q->grid);
	sqlite3_bind_int64(st, 3, q->tag);
	sqlite3_bind_text(st, 9, q->missed_before, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*all = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_today_count(struct db *db, const struct today_query *q, int counts[TODAY_LISTS])
{
	memset(counts, 0, TODAY_LISTS * sizeof *counts);
	/* Without a filter the overdue count needs nothing but the due index. */
	enum db_status s = count_of(db, q->grid || q->tag || db->scope.on ? "SELECT count(*)" OVERDUE_WHERE
				    : "SELECT count(*) FROM household_due WHERE due < ?1 AND ?2 = ?2 AND ?3 = ?3"
				      " AND ?9 = ?9", q, &counts[TODAY_OVERDUE]);
	if (s == DB_OK)
		s = count_of(db, "SELECT count(*)" PLAN_FROM PLANNED_RANGE, q, &counts[TODAY_PLANNED]);
	if (s == DB_OK)
		s = count_of(db, "SELECT count(*)" PLAN_FROM MISSED_RANGE, q, &counts[TODAY_MISSED]);
	if (s == DB_OK)
		s = count_of(db, "SELECT count(*)" FOLLOWUP_WHERE, q, &counts[TODAY_FOLLOWUP]);
	if (s != DB_OK)
		memset(counts, 0, TODAY_LISTS * sizeof *counts);
	return s;
}

enum db_status db_household_plan(struct db *db, int64_t household_id, char **plan)
{
	*plan = x_strdup("");
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(v.next_visit_date, '') FROM visit v"
				      " WHERE v.household_id = ?1 ORDER BY v.visit_date DESC, v.id DESC LIMIT 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		x_free(plan);
		*plan = db_col_text(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
