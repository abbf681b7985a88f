/* db/stats.c - the counts of a month report. */
#include "stats.h"

#include "household.h"
#include "internal.h"

#include "core/rules.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

/* Parameters of every statement: ?1 the year's first day, ?2 the last
 * day, ?3 the month's first day, ?4 the day before which an open case
 * is overdue. */
static sqlite3_stmt *prepare(struct db *db, const char *sql, const struct stats_span *sp)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return NULL;
	const char *p[] = { sp->year_first, sp->last, sp->first, sp->overdue_before };
	int n = sqlite3_bind_parameter_count(st);
	for (int i = 0; i < 4 && i < n; i++)
		sqlite3_bind_text(st, i + 1, p[i], -1, SQLITE_STATIC);
	return st;
}

/* Rows of name, month, year (NULL year: -1). */
static enum db_status group(struct db *db, const char *sql, const struct stats_span *sp, struct stat_row **out,
			    int *n)
{
	sqlite3_stmt *st = prepare(db, sql, sp);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct stat_row *r = &(*out)[(*n)++];
		r->name = sqlite3_column_type(st, 0) == SQLITE_NULL ? NULL : db_col_text(st, 0);
		r->count = sqlite3_column_int(st, 1);
		r->year = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* One row of integers into the ints given. */
static enum db_status numbers(struct db *db, const char *sql, const struct stats_span *sp, int *const *to, int n)
{
	sqlite3_stmt *st = prepare(db, sql, sp);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (int i = 0; i < n; i++)
			*to[i] = sqlite3_column_int(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

static enum db_status group_f(struct db *db, const struct stats_span *sp, struct month_stats *out,
			      enum stat_group g, const char *sql)
{
	return group(db, sql, sp, &out->by[g], &out->n[g]);
}

#define SEEN " JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id"
#define MONTH_YEAR(col) "count(*) FILTER (WHERE " col " >= ?3), count(*)"
/* A meeting is held once it reached 召开 and was not cancelled. */
#define HELD(m) " " m ".state NOT IN ('议题征集', '预告', '取消')"
#define OPEN_STATES "('" CASE_STATE_ACCEPTED "', '" CASE_STATE_MEDIATING "')"

static enum db_status visits(struct db *db, const struct stats_span *sp, struct month_stats *out)
{
	const char *scope = db_scope(db);
	const char *gscope = db->scope.on ? " AND juwei_scope(g.id)" : "";
	char *sql[4] = {
		x_asprintf("SELECT s.name, " MONTH_YEAR("v.visit_date") " FROM visit v LEFT JOIN staff s ON s.id = v.staff_id"
			   SEEN " WHERE v.visit_date BETWEEN ?1 AND ?2%s GROUP BY v.staff_id ORDER BY 2 DESC, 3 DESC, 1",
			   scope),
		/* Every grid, those without a visit too. */
		x_asprintf("WITH x(gid, m, y) AS (SELECT d.grid_id, " MONTH_YEAR("v.visit_date") " FROM visit v" SEEN
			   "   WHERE v.visit_date BETWEEN ?1 AND ?2%s GROUP BY d.grid_id)"
			   " SELECT name, m, y FROM (SELECT g.code AS k, g.id AS id, g.name AS name, coalesce(x.m, 0) AS m,"
			   "   coalesce(x.y, 0) AS y FROM grid g LEFT JOIN x ON x.gid = g.id WHERE 1%s"
			   "  UNION ALL SELECT NULL, NULL, NULL, m, y FROM x WHERE gid IS NULL)"
			   " ORDER BY k IS NULL, k, id",
			   scope, gscope),
		x_asprintf("SELECT p.name, " MONTH_YEAR("v.visit_date") " FROM visit v JOIN visit_purpose p ON p.id = v.purpose_id"
			   SEEN " WHERE v.visit_date BETWEEN ?1 AND ?2%s GROUP BY v.purpose_id ORDER BY 2 DESC, 3 DESC, 1",
			   scope),
		x_asprintf("SELECT m.name, " MONTH_YEAR("v.visit_date") " FROM visit v JOIN visit_method m ON m.id = v.method_id"
			   SEEN " WHERE v.visit_date BETWEEN ?1 AND ?2%s GROUP BY v.method_id ORDER BY 2 DESC, 3 DESC, 1",
			   scope),
	};
	static const enum stat_group groups[4] = { SG_VISIT_STAFF, SG_VISIT_GRID, SG_VISIT_PURPOSE, SG_VISIT_METHOD };
	enum db_status s = DB_OK;
	for (int k = 0; k < 4; k++) {
		if (s == DB_OK)
			s = group_f(db, sp, out, groups[k], sql[k]);
		x_free(&sql[k]);
	}
	for (int i = 0; s == DB_OK && i < out->n[SG_VISIT_METHOD]; i++) {
		out->visits += out->by[SG_VISIT_METHOD][i].count;
		out->visits_year += out->by[SG_VISIT_METHOD][i].year;
	}
	/* Households with a rhythm now, and how many of them were not
	 * overdue at the end of the period (the rule of migration 003,
	 * counted at that day). */
	if (s == DB_OK) {
		char *q = x_asprintf(
			"WITH need(hid, iv, since) AS ("
			"  SELECT ht.household_id, t.interval_days, coalesce(ht.since, '')"
			"    FROM household_tag ht JOIN tag t ON t.id = ht.tag_id"
			"   WHERE t.interval_days IS NOT NULL AND t.active = 1"
			"  UNION ALL"
			"  SELECT r.household_id, t.interval_days, coalesce(rt.since, '')"
			"    FROM resident_tag rt JOIN tag t ON t.id = rt.tag_id JOIN resident r ON r.id = rt.resident_id"
			"   WHERE t.interval_days IS NOT NULL AND t.active = 1 AND r.status = '在住'),"
			" lastv(hid, last) AS (SELECT hid, (SELECT max(v.visit_date) FROM visit v"
			"   WHERE v.household_id = hid AND v.visit_date <= ?2) FROM need GROUP BY hid),"
			" due(hid, due) AS (SELECT n.hid, CASE WHEN l.last IS NULL THEN NULL ELSE"
			"   min(date(max(l.last, n.since), '+' || n.iv || ' days')) END"
			"   FROM need n JOIN lastv l ON l.hid = n.hid GROUP BY n.hid)"
			" SELECT count(*), count(*) FILTER (WHERE due.due >= ?2)"
			" FROM due JOIN household h ON h.id = due.hid JOIN dwelling d ON d.id = h.dwelling_id"
			" WHERE h.status = '在住'%s", scope);
		s = numbers(db, q, sp, (int *const[]){ &out->tagged, &out->on_time }, 2);
		x_free(&q);
	}
	return s;
}

static enum db_status cases(struct db *db, const struct stats_span *sp, struct month_stats *out)
{
	enum db_status s = group_f(db, sp, out, SG_CASE_TYPE,
		"SELECT t.name, count(c.id) FILTER (WHERE c.accepted_date >= ?3), count(c.id)"
		" FROM dispute_type t LEFT JOIN mediation_case c ON c.type_id = t.id AND c.accepted_date BETWEEN ?1 AND ?2"
		" WHERE t.active = 1 OR c.id IS NOT NULL GROUP BY t.id ORDER BY t.sort, t.id");
	if (s == DB_OK)
		s = group_f(db, sp, out, SG_CASE_STATE,
			"SELECT c.state, " MONTH_YEAR("c.accepted_date") " FROM mediation_case c"
			" WHERE c.accepted_date BETWEEN ?1 AND ?2 GROUP BY c.state");
	/* Overdue: open on the last day (open now, or first left the open
	 * states after it) and accepted before the limit's first day. */
	if (s == DB_OK)
		s = numbers(db,
			"SELECT count(*) FILTER (WHERE c.accepted_date BETWEEN ?3 AND ?2),"
			" count(*) FILTER (WHERE c.accepted_date BETWEEN ?1 AND ?2),"
			" count(*) FILTER (WHERE c.closed_date BETWEEN ?3 AND ?2),"
			" count(*) FILTER (WHERE c.closed_date BETWEEN ?1 AND ?2),"
			" count(*) FILTER (WHERE c.accepted_date < ?4 AND (c.state IN " OPEN_STATES
			"   OR (SELECT min(e.event_date) FROM case_event e WHERE e.case_id = c.id AND e.kind = '状态变更'"
			"       AND e.from_state IN " OPEN_STATES " AND e.to_state NOT IN " OPEN_STATES ") > ?2))"
			" FROM mediation_case c",
			sp, (int *const[]){ &out->cases, &out->cases_year, &out->closed, &out->closed_year, &out->overdue }, 5);
	return s;
}

static enum db_status meetings(struct db *db, const struct stats_span *sp, struct month_stats *out)
{
	enum db_status s = group_f(db, sp, out, SG_MEETING_KIND,
		"SELECT k.name, count(m.id) FILTER (WHERE m.meeting_date >= ?3), count(m.id)"
		" FROM meeting_kind k LEFT JOIN meeting m ON m.kind_id = k.id AND m.meeting_date BETWEEN ?1 AND ?2 AND" HELD("m")
		" WHERE k.active = 1 OR m.id IS NOT NULL GROUP BY k.id ORDER BY k.sort, k.id");
	for (int i = 0; s == DB_OK && i < out->n[SG_MEETING_KIND]; i++) {
		out->meetings += out->by[SG_MEETING_KIND][i].count;
		out->meetings_year += out->by[SG_MEETING_KIND][i].year;
	}
	/* A decision is a topic adopted (通过); followed up when its
	 * 落实反馈 is dated by the last day. */
#define ADOPTED "i.decision = '通过'"
#define FOLLOWED ADOPTED " AND coalesce(i.follow_up_date, '') <> '' AND i.follow_up_date <= ?2"
	if (s == DB_OK)
		s = numbers(db,
			"SELECT " MONTH_YEAR("m.meeting_date") ","
			" count(*) FILTER (WHERE " ADOPTED " AND m.meeting_date >= ?3), count(*) FILTER (WHERE " ADOPTED "),"
			" count(*) FILTER (WHERE " FOLLOWED " AND m.meeting_date >= ?3), count(*) FILTER (WHERE " FOLLOWED ")"
			" FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id"
			" WHERE m.meeting_date BETWEEN ?1 AND ?2 AND" HELD("m"),
			sp, (int *const[]){ &out->topics, &out->topics_year, &out->decisions, &out->decisions_year,
					    &out->followed, &out->followed_year }, 6);
#undef ADOPTED
#undef FOLLOWED
	return s;
}

static enum db_status register_counts(struct db *db, const struct stats_span *sp, bool sensitive,
				      struct month_stats *out)
{
	const char *scope = db_scope(db);
	const char *gscope = db->scope.on ? " AND juwei_scope(g.id)" : "";
	const char *sens = sensitive ? "" : " AND t.sensitive = 0";
#define LIVING " FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE h.status = '在住'"
	char *sql[4] = {
		x_asprintf("WITH x(gid, n) AS (SELECT d.grid_id, count(*)" LIVING "%s GROUP BY d.grid_id)"
			   " SELECT name, n, NULL FROM (SELECT g.code AS k, g.id AS id, g.name AS name, coalesce(x.n, 0) AS n"
			   "   FROM grid g LEFT JOIN x ON x.gid = g.id WHERE 1%s"
			   "  UNION ALL SELECT NULL, NULL, NULL, n FROM x WHERE gid IS NULL)"
			   " ORDER BY k IS NULL, k, id", scope, gscope),
		x_asprintf("SELECT h.kind, count(*), NULL" LIVING "%s GROUP BY h.kind", scope),
		x_asprintf("WITH x(tid, n) AS (SELECT rt.tag_id, count(*) FROM resident_tag rt"
			   "   JOIN resident r ON r.id = rt.resident_id JOIN household h ON h.id = r.household_id"
			   "   JOIN dwelling d ON d.id = h.dwelling_id WHERE r.status = '在住'%s GROUP BY rt.tag_id)"
			   " SELECT t.name, coalesce(x.n, 0), NULL FROM tag t LEFT JOIN x ON x.tid = t.id"
			   " WHERE t.applies_to = 'resident' AND (t.active = 1 OR x.n > 0)%s ORDER BY t.sort, t.id",
			   scope, sens),
		x_asprintf("WITH x(tid, n) AS (SELECT ht.tag_id, count(*) FROM household_tag ht"
			   "   JOIN household h ON h.id = ht.household_id JOIN dwelling d ON d.id = h.dwelling_id"
			   "   WHERE h.status = '在住'%s GROUP BY ht.tag_id)"
			   " SELECT t.name, coalesce(x.n, 0), NULL FROM tag t LEFT JOIN x ON x.tid = t.id"
			   " WHERE t.applies_to = 'household' AND (t.active = 1 OR x.n > 0)%s ORDER BY t.sort, t.id",
			   scope, sens),
	};
	static const enum stat_group groups[4] = { SG_HH_GRID, SG_HH_KIND, SG_RES_TAG, SG_HH_TAG };
	enum db_status s = DB_OK;
	for (int k = 0; k < 4; k++) {
		if (s == DB_OK)
			s = group_f(db, sp, out, groups[k], sql[k]);
		x_free(&sql[k]);
	}
	if (s == DB_OK) {
		char *q = x_asprintf("SELECT (SELECT count(*)" LIVING "%s),"
				     " (SELECT count(*) FROM resident r JOIN household h ON h.id = r.household_id"
				     "   JOIN dwelling d ON d.id = h.dwelling_id WHERE r.status = '在住'%s)",
				     scope, scope);
		s = numbers(db, q, sp, (int *const[]){ &out->households, &out->residents }, 2);
		x_free(&q);
	}
#undef LIVING
	return s;
}

enum db_status db_month_stats(struct db *db, const struct stats_span *span, bool sensitive, struct month_stats *out)
{
	memset(out, 0, sizeof *out);
	/* One read transaction: the sections agree with each other. */
	bool began = sqlite3_get_autocommit(db->h) && db_exec(db, "BEGIN") == DB_OK;
	enum db_status s = visits(db, span, out);
	if (s == DB_OK)
		s = cases(db, span, out);
	if (s == DB_OK)
		s = meetings(db, span, out);
	if (s == DB_OK)
		s = register_counts(db, span, sensitive, out);
	if (began)
		db_exec(db, "COMMIT");
	if (s != DB_OK)
		month_stats_free(out);
	return s;
}
