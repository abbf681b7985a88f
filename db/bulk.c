/* db/bulk.c - a long write in one transaction: an import.  The work
 * the triggers of migrations 004 and 006 leave while a connection is in
 * db_bulk_begin() is done here, at the end, in one pass each. */
#include "db.h"

#include "internal.h"

#include "audit.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

/* Step st to its end and finalize it. */
static enum db_status step_done(struct db *db, sqlite3_stmt *st)
{
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* Between the closing statements: write the changed pages out of the
 * cache (into the WAL, still uncommitted).  A statement that has to make
 * room in a cache full of pages changed before it first copies each of
 * them to its statement journal, which is in memory (see db/db.c). */
static void flush_cache(struct db *db)
{
	sqlite3_db_cacheflush(db->h);
}

/* The largest id of a table, for db_bulk_begin(). */
static int64_t max_id(struct db *db, const char *table)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT coalesce(max(id), 0) FROM %s", table);
	sqlite3_stmt *st = db_prepare(db, sql);
	int64_t v = st && sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return v;
}

/* Drop the schema objects st selects (name, type, sql) for the length of
 * the transaction, keeping their text to make them again.  Nobody else
 * sees the difference: the drop and the making again are in the one
 * transaction, and a rollback undoes both. */
static enum db_status drop_for_now(struct db *db, sqlite3_stmt *st)
{
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	/* All read first: sqlite_schema cannot change under a reader. */
	struct strbuf drops = STRBUF_INIT;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *sql = sqlite3_mprintf("DROP %s \"%w\";", (const char *)sqlite3_column_text(st, 1),
					    (const char *)sqlite3_column_text(st, 0));
		if (sql)
			sb_adds(&drops, sql);
		sqlite3_free(sql);
		if (db->bulk.n_dropped == db->bulk.cap_dropped) {
			db->bulk.cap_dropped = db->bulk.cap_dropped ? db->bulk.cap_dropped * 2 : 16;
			db->bulk.dropped = x_realloc(db->bulk.dropped,
						     (size_t)db->bulk.cap_dropped * sizeof *db->bulk.dropped);
		}
		db->bulk.dropped[db->bulk.n_dropped++] = db_col_text(st, 2);
	}
	sqlite3_finalize(st);
	enum db_status s = rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
	if (s == DB_OK && drops.len)
		s = db_exec(db, drops.buf);
	sb_free(&drops);
	return s;
}

/* The triggers that do nothing in a bulk transaction (WHEN NOT
 * juwei_deferred(): migrations 004 and 006).  Without them an insert is
 * a single-row statement, which SQLite runs with no statement journal
 * and no trigger program (50,000 households: 11.8 to 12.7 s instead of
 * 13.4 to 13.7 s). */
static enum db_status drop_deferred_triggers(struct db *db)
{
	return drop_for_now(db, db_prepare(db, "SELECT name, type, sql FROM sqlite_schema WHERE type = 'trigger'"
					   " AND sql LIKE '%WHEN NOT juwei_deferred()%' ORDER BY rowid"));
}

/* Indexes no statement of an import reads, whose keys come in no order
 * (names, phones, rooms), and which enforce nothing (a UNIQUE one
 * would be skipped).  Into a register with no residents they are
 * made at the end, each by one sort, instead of taking every key in
 * random order (50,000 households, four runs each, in turn: 9.1 to
 * 9.3 s instead of 9.3 to 9.7 s). */
static enum db_status drop_late_indexes(struct db *db)
{
	return drop_for_now(db, db_prepare(db, "SELECT name, type, sql FROM sqlite_schema WHERE type = 'index'"
		" AND name IN ('resident_name', 'resident_phone', 'household_phone', 'dwelling_room', 'dwelling_bur')"
		" AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' AND NOT EXISTS (SELECT 1 FROM resident)"
		" ORDER BY rowid"));
}

/* Make them again (when s is DB_OK), and forget their text. */
static enum db_status restore_dropped(struct db *db, enum db_status s)
{
	for (int i = 0; i < db->bulk.n_dropped; i++) {
		if (s == DB_OK)
			s = db_exec(db, db->bulk.dropped[i]);
		x_free(&db->bulk.dropped[i]);
	}
	x_free(&db->bulk.dropped);
	db->bulk.n_dropped = db->bulk.cap_dropped = 0;
	return s;
}

enum db_status db_bulk_begin(struct db *db)
{
	/* 16 MB: a larger cache imports no faster (50,000 households, one
	 * series of runs: 14.8 s with 16 MB, 15.0 s with 32 MB, 14.9 s with
	 * 64 MB, 15.4 s with 8 MB); the import's peak memory was then 35 MB
	 * instead of 54 MB (before the closing sorts had a second thread). */
	enum db_status s = db_exec(db, "PRAGMA cache_size = -16000");
	if (s == DB_OK)
		s = db_begin(db);
	if (s != DB_OK) {
		db_exec(db, "PRAGMA cache_size = -2000");
		return s;
	}
	/* Inside the write transaction nobody else inserts, so every row
	 * this connection adds from now on has an id above these. */
	db->bulk.resident = max_id(db, "resident");
	db->bulk.household = max_id(db, "household");
	db->bulk.resident_tag = max_id(db, "resident_tag");
	db->bulk.household_tag = max_id(db, "household_tag");
	db->bulk.dwelling = max_id(db, "dwelling");
	db->bulk.audit = max_id(db, "audit_log");
	db->bulk.on = true;
	s = drop_deferred_triggers(db);
	if (s == DB_OK)
		s = drop_late_indexes(db);
	if (s != DB_OK) {
		restore_dropped(db, s);
		db->bulk.on = false;
		db_rollback(db);
		db_exec(db, "PRAGMA cache_size = -2000");
	}
	return s;
}

/* The audit rows migration 006 leaves to the end of a bulk transaction:
 * one 'insert' for each row added to table since the mark, written as
 * its trigger writes it, with its columns in the order of
 * pragma_table_info (how tools/gen-audit.sh made the trigger). */
static enum db_status audit_new_rows(struct db *db, const char *table, int64_t mark)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT group_concat(quote(name) || ', ' || name, ', ')"
				      " FROM (SELECT name FROM pragma_table_info(?1) ORDER BY cid)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	char *sql = rc == SQLITE_ROW && sqlite3_column_text(st, 0)
		? x_asprintf("INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)"
			     " SELECT strftime('%%Y-%%m-%%d %%H:%%M:%%f','now','localtime'), juwei_user(), '%s', id,"
			     " 'insert', json_object(%s) FROM %s WHERE id > ?1 ORDER BY id",
			     table, (const char *)sqlite3_column_text(st, 0), table)
		: NULL;
	sqlite3_finalize(st);
	if (!sql)
		return rc == SQLITE_ROW ? DB_ERR_SQL : db_status_of(rc);
	st = db_prepare(db, sql);
	x_free(&sql);
	if (st)
		sqlite3_bind_int64(st, 1, mark);
	return step_done(db, st);
}

/* Before those: the 'update' rows this transaction wrote for rows it
 * added itself.  Its 'insert' rows carry the values committed. */
static enum db_status audit_drop_own_updates(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db,
		"DELETE FROM audit_log WHERE id > ?1 AND action = 'update' AND row_id > CASE table_name"
		" WHEN 'dwelling' THEN ?2 WHEN 'household' THEN ?3 WHEN 'resident' THEN ?4"
		" WHEN 'resident_tag' THEN ?5 WHEN 'household_tag' THEN ?6 END");
	int64_t marks[] = { db->bulk.audit, db->bulk.dwelling, db->bulk.household, db->bulk.resident,
			    db->bulk.resident_tag, db->bulk.household_tag };
	for (int k = 0; st && k < (int)ARRAY_SIZE(marks); k++)
		sqlite3_bind_int64(st, k + 1, marks[k]);
	return step_done(db, st);
}


/* The search terms of the rows added since db_bulk_begin(), as the
 * triggers of migrations 002 and 004 make them: of the residents' names,
 * numbers and phones, of their former names, of the households' phones. */
static const char *const new_terms[] = {
	"SELECT j.value, r.household_id, r.id, r.name, r.relation, 0"
	" FROM resident r, json_each(juwei_search_terms(r.name, r.id_number, r.phone)) j WHERE r.id > ?1",
	"SELECT j.value, r.household_id, r.id, r.former_name, r.relation, 1"
	" FROM resident r, json_each(juwei_former_terms(r.former_name)) j"
	" WHERE r.id > ?1 AND r.former_name IS NOT NULL",
	"SELECT j.value, h.id, 0, '', '', 0"
	" FROM household h, json_each(juwei_phone_terms(h.phone)) j WHERE h.id > ?2",
};
#define TERM_COLUMNS "term, household_id, resident_id, name, relation, former"

static sqlite3_stmt *prepare_marked(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (st) {
		sqlite3_bind_int64(st, 1, db->bulk.resident);
		sqlite3_bind_int64(st, 2, db->bulk.household);
	}
	return st;
}

/* The terms of the new rows, inserted in key order, so that each page of
 * the index is written once.  Into a register with few terms, one
 * INSERT ... SELECT does it.  Such a statement keeps in memory every
 * page it changes that was there before (its statement journal, see
 * db/db.c): into a large register, that is most of the index.  There the
 * sorted terms are read by one statement and inserted one by one by
 * another, which, one row without triggers, journals nothing. */
static enum db_status add_terms(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM search_term LIMIT 1 OFFSET 50000");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	if (rc == SQLITE_DONE) {
		enum db_status s = DB_OK;
		for (size_t i = 0; i < ARRAY_SIZE(new_terms) && s == DB_OK; i++) {
			char *sql = x_asprintf("INSERT OR IGNORE INTO search_term(" TERM_COLUMNS ") %s ORDER BY 1",
					       new_terms[i]);
			s = step_done(db, prepare_marked(db, sql));
			x_free(&sql);
		}
		return s;
	}
	sqlite3_stmt *ins = db_prepare(db, "INSERT OR IGNORE INTO search_term(" TERM_COLUMNS ")"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	enum db_status s = ins ? DB_OK : db_status_of(sqlite3_errcode(db->h));
	for (size_t k = 0; k < ARRAY_SIZE(new_terms) && s == DB_OK; k++) {
		char *sql = x_asprintf("%s ORDER BY 1", new_terms[k]);
		sqlite3_stmt *sel = prepare_marked(db, sql);
		x_free(&sql);
		if (!sel)
			s = db_status_of(sqlite3_errcode(db->h));
		while (s == DB_OK && (rc = sqlite3_step(sel)) == SQLITE_ROW) {
			for (int i = 0; i < 6; i++)
				sqlite3_bind_value(ins, i + 1, sqlite3_column_value(sel, i));
			rc = sqlite3_step(ins);
			sqlite3_reset(ins);
			if (rc != SQLITE_DONE)
				s = db_status_of(rc);
		}
		if (s == DB_OK && rc != SQLITE_DONE)
			s = db_status_of(rc);
		sqlite3_finalize(sel);
	}
	sqlite3_finalize(ins);
	return s;
}

enum db_status db_bulk_end(struct db *db, bool commit)
{
	enum db_status s = DB_OK;
	if (commit) {
		flush_cache(db);
		/* What is left reads and writes in order, and sorts.  The
		 * sorter works in runs the size of the cache, and small runs
		 * sort faster: for 50,000 households the terms took 2.7 s with
		 * 8 MB instead of 3.4 s with 32 MB; the whole import, three runs
		 * each, 10.6 to 11.3 s with 4 MB, 11.2 to 12.0 s with 8 MB, and
		 * 37 MB of memory at its peak instead of 49.  A second thread
		 * sorts runs while the first makes them: the whole import 13.7 s
		 * (two runs) instead of 14.5 and 15.0 s, when it was slower. */
		db_exec(db, "PRAGMA cache_size = -4000; PRAGMA threads = 2");
	}
	db->bulk.on = false;
	db_forget_id_owner(db);
	/* What the deferred triggers of migration 004 would have done, in
	 * one pass each, the terms in key order: inserting a b-tree's keys in
	 * order touches each page once. */
	if (commit) {
		s = audit_drop_own_updates(db);
		const struct { const char *table; int64_t mark; } audited[] = {
			{ "dwelling", db->bulk.dwelling }, { "household", db->bulk.household },
			{ "resident", db->bulk.resident }, { "resident_tag", db->bulk.resident_tag },
			{ "household_tag", db->bulk.household_tag },
		};
		for (size_t i = 0; i < ARRAY_SIZE(audited) && s == DB_OK; i++) {
			s = audit_new_rows(db, audited[i].table, audited[i].mark);
			flush_cache(db);
		}
	}
	if (commit && s == DB_OK)
		s = add_terms(db);
	static const char *const sql[] = {
		("CREATE TEMP TABLE bulk_due AS SELECT household_id AS id FROM household_tag WHERE id > ?2"
		 " UNION SELECT r.household_id FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id"
		 " WHERE rt.id > ?1"),
		"DELETE FROM household_due WHERE household_id IN (SELECT id FROM temp.bulk_due)",
		("INSERT INTO household_due SELECT * FROM household_due_now"
		 " WHERE household_id IN (SELECT id FROM temp.bulk_due) AND due IS NOT NULL"),
		"DROP TABLE temp.bulk_due",
	};
	for (size_t i = 0; commit && i < ARRAY_SIZE(sql) && s == DB_OK; i++) {
		sqlite3_stmt *st = db_prepare(db, sql[i]);
		if (!st) {
			s = db_status_of(sqlite3_errcode(db->h));
			break;
		}
		int64_t marks[] = { db->bulk.resident_tag, db->bulk.household_tag };
		for (int k = 0; k < sqlite3_bind_parameter_count(st); k++)
			sqlite3_bind_int64(st, k + 1, marks[k]);
		s = step_done(db, st);
		flush_cache(db);
	}
	if (commit)
		s = restore_dropped(db, s);
	else
		restore_dropped(db, DB_ERR_SQL); /* only forgets: the rollback makes them again */
	/* The rows of the trail written in the bulk join its chain. */
	if (commit && s == DB_OK)
		s = db_audit_seal(db);
	if (commit && s == DB_OK)
		s = db_commit(db);
	if (!commit || s != DB_OK)
		db_rollback(db);
	db_exec(db, "PRAGMA cache_size = -2000; PRAGMA threads = 0");
	return s;
}
