/* db/import.c - lookups for importing, and the rows of the exports. */
#include "import.h"

#include "household.h"
#include "internal.h"

#include "core/rules.h"

#include "core/xalloc.h"
#include "household_edit.h"

#include <stdio.h>
#include <string.h>

enum db_status db_import_find_household(struct db *db, const char *reg_no, const struct household_rec *addr,
					int64_t *id)
{
	*id = 0;
	sqlite3_stmt *st;
	if (reg_no && *reg_no) {
		/* The living one first.  Two subqueries on the index of reg_no,
		 * not an ORDER BY of an expression, which sorts every time. */
		st = db_prepare_kept(db, "SELECT coalesce("
				    "(SELECT id FROM household WHERE reg_no = ?1 AND status = '在住' ORDER BY id LIMIT 1),"
				    "(SELECT id FROM household WHERE reg_no = ?1 ORDER BY id LIMIT 1))");
		if (!st)
			return db_status_of(sqlite3_errcode(db->h));
		sqlite3_bind_text(st, 1, reg_no, -1, SQLITE_STATIC);
	} else {
		/* The living household at the address, one without a 户号
		 * first: a row with no 户号 is about what lives there, even
		 * when the register knows that household by its number. */
		st = db_prepare_kept(db, "SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
				    " WHERE d.compound = ?1 AND d.building = ?2 AND d.unit = ?3 AND d.room = ?4"
				    " AND h.status = '在住'"
				    " ORDER BY coalesce(h.reg_no, '') <> '', h.id LIMIT 1");
		if (!st)
			return db_status_of(sqlite3_errcode(db->h));
		sqlite3_bind_text(st, 1, addr->compound, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, addr->building, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, addr->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, addr->room, -1, SQLITE_STATIC);
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_import_find_person(struct db *db, const char *name, const char *birth,
				     int64_t household_id, int64_t *id)
{
	*id = 0;
	/* "+name": through the household's few members, not through
	 * everyone of the same name (a common name has a hundred in a large
	 * register), which SQLite picks without statistics. */
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT id FROM resident WHERE household_id = ?1 AND +name = ?2"
					  " AND coalesce(birth_date, '') = ?3 ORDER BY id LIMIT 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, birth ? birth : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_import_tag(struct db *db, const char *name, int64_t *id, char *applies, size_t size)
{
	*id = 0;
	applies[0] = '\0';
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT id, applies_to FROM tag WHERE name = ?1 AND active = 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		snprintf(applies, size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_import_household_fields(struct db *db, int64_t id, const char *kind, const char *reg_no)
{
	/* Unversioned: an import (--on-duplicate update) writes what its file
	 * says, in one transaction, and says so in its report. */
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE household SET kind = coalesce(nullif(?2, ''), kind), reg_no = coalesce(nullif(?3, ''), reg_no),"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND (kind IS NOT coalesce(nullif(?2, ''), kind) OR reg_no IS NOT coalesce(nullif(?3, ''), reg_no))");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind ? kind : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, reg_no ? reg_no : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* Run sql and hand each row's text columns to fn. */
static enum db_status each_row(struct db *db, const char *sql, int ncols, bool sensitive,
			       void (*fn)(void *ctx, const char *const *cols), void *ctx)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int(st, 1, sensitive ? 1 : 0);
	const char *cols[32];
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (int i = 0; i < ncols && i < 32; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			cols[i] = t ? (const char *)t : "";
		}
		fn(ctx, cols);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_export_residents(struct db *db, bool sensitive,
				   void (*fn)(void *ctx, const char *const *cols), void *ctx)
{
	return each_row(db,
		"SELECT d.compound, d.building, d.unit, d.room, coalesce(h.reg_no, ''), h.kind, r.name, r.relation,"
		" coalesce(r.sex, ''), coalesce(r.id_number, ''), coalesce(r.birth_date, ''),"
		" coalesce(r.ethnicity, ''), coalesce(r.phone, ''), r.residence_type, r.status,"
		" coalesce(r.status_date, ''), coalesce(r.moved_to, ''),"
		" coalesce((SELECT group_concat(name, '、') FROM (SELECT t.name FROM resident_tag rt"
		"   JOIN tag t ON t.id = rt.tag_id WHERE rt.resident_id = r.id AND (t.sensitive = 0 OR ?1)"
		"   UNION ALL SELECT t.name FROM household_tag ht JOIN tag t ON t.id = ht.tag_id"
		"   WHERE ht.household_id = h.id AND r.relation = '户主' AND (t.sensitive = 0 OR ?1))), ''),"
		" coalesce(r.notes, '')"
		" FROM resident r JOIN household h ON h.id = r.household_id JOIN dwelling d ON d.id = h.dwelling_id"
		" WHERE 1" SCOPE_SQL " ORDER BY d.sort_key, h.id, r.relation <> '户主', r.id",
		EXPORT_NCOLUMNS, sensitive, fn, ctx);
}

#define ADDR(d) d ".compound || ' ' || " d ".building" \
	" || CASE WHEN " d ".unit <> '' THEN '-' || " d ".unit ELSE '' END" \
	" || CASE WHEN " d ".room <> '' THEN '-' || " d ".room ELSE '' END"

enum db_status db_export_visits(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx)
{
	return each_row(db,
		"SELECT v.visit_date, " ADDR("d") ","
		" coalesce((SELECT name FROM resident x WHERE x.household_id = h.id AND x.relation = '户主'"
		"   AND x.status = '在住'), ''), m.name, p.name, coalesce(s.name, ''), coalesce(r.name, ''),"
		" coalesce(v.findings, ''), coalesce(v.needs, ''),"
		" coalesce((SELECT group_concat(i.name, '、') FROM visit_report vr JOIN must_report_item i"
		"   ON i.id = vr.item_id WHERE vr.visit_id = v.id), ''),"
		" CASE WHEN v.follow_up THEN '是' ELSE '否' END, coalesce(v.next_visit_date, '')"
		" FROM visit v JOIN household h ON h.id = v.household_id JOIN dwelling d ON d.id = h.dwelling_id"
		" JOIN visit_method m ON m.id = v.method_id JOIN visit_purpose p ON p.id = v.purpose_id"
		" LEFT JOIN staff s ON s.id = v.staff_id LEFT JOIN resident r ON r.id = v.resident_id"
		" WHERE ?1 = ?1" SCOPE_SQL " ORDER BY v.visit_date DESC, v.id DESC",
		VISIT_EXPORT_NCOLUMNS, false, fn, ctx);
}

enum db_status db_export_cases(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx)
{
	return each_row(db,
		"SELECT c.case_no, c.accepted_date, c.source, t.name, c.state,"
		" coalesce((SELECT group_concat(coalesce(r.name, p.name), '、') FROM case_party p"
		"   LEFT JOIN resident r ON r.id = p.resident_id WHERE p.case_id = c.id AND p.role = '申请人'), ''),"
		" coalesce((SELECT group_concat(coalesce(r.name, p.name), '、') FROM case_party p"
		"   LEFT JOIN resident r ON r.id = p.resident_id WHERE p.case_id = c.id AND p.role = '被申请人'), ''),"
		" coalesce(s.name, ''), coalesce(c.summary, '')"
		" FROM mediation_case c JOIN dispute_type t ON t.id = c.type_id LEFT JOIN staff s ON s.id = c.mediator_id"
		" WHERE ?1 = ?1 ORDER BY c.year, c.seq",
		CASE_EXPORT_NCOLUMNS, false, fn, ctx);
}

enum db_status db_export_meetings(struct db *db, void (*fn)(void *ctx, const char *const *cols), void *ctx)
{
	return each_row(db,
		"SELECT m.meeting_date, k.name, m.title, coalesce(m.place, ''), m.state,"
		" coalesce(CAST(m.entitled AS TEXT), ''),"
		" (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id = m.id AND a.attendance IN ('" ATTEND_PRESENT "', '" ATTEND_PROXY "'))"
		" FROM meeting m JOIN meeting_kind k ON k.id = m.kind_id WHERE ?1 = ?1 ORDER BY m.meeting_date, m.id",
		MEETING_EXPORT_NCOLUMNS, false, fn, ctx);
}

enum db_status db_dwelling_for_import(struct db *db, struct household_rec *rec)
{
	return db_dwelling_for_tx(db, rec);
}

enum db_status db_household_insert_import(struct db *db, struct household_rec *rec)
{
	return db_household_insert_tx(db, rec, NULL);
}

enum db_status db_resident_insert_import(struct db *db, struct resident_rec *rec)
{
	return db_resident_insert_tx(db, rec);
}

enum db_status db_resident_update_import(struct db *db, struct resident_rec *rec)
{
	return db_resident_update_tx(db, rec);
}
