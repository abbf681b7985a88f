/* db/household_edit.c - saving households, dwellings, heads and tags. */
#include "household_edit.h"

#include "internal.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

enum db_status db_household_rec_get(struct db *db, int64_t id, struct household_rec *rec)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT h.id, h.version, d.id, d.compound, d.building, d.unit, d.room,"
		" coalesce(d.tenure, ''), h.kind, coalesce(h.phone, ''), coalesce(h.reg_no, ''),"
		" coalesce(h.notes, ''), h.status, coalesce(g.name, '')"
		" FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		" LEFT JOIN grid g ON g.id = d.grid_id WHERE h.id = ?1" SCOPE_SQL);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rec->id = sqlite3_column_int64(st, 0);
		rec->version = sqlite3_column_int64(st, 1);
		rec->dwelling_id = sqlite3_column_int64(st, 2);
		char **dst[] = { &rec->compound, &rec->building, &rec->unit, &rec->room, &rec->tenure,
				 &rec->kind, &rec->phone, &rec->reg_no, &rec->notes, &rec->status, &rec->grid };
		for (size_t i = 0; i < ARRAY_SIZE(dst); i++) {
			x_free(dst[i]);
			*dst[i] = db_col_text(st, 3 + (int)i);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

/* Run a statement that returns at most one integer; then finalize it,
 * or only reset it when it is kept on the connection. */
static enum db_status int_of(sqlite3_stmt *st, int64_t *out, bool kept)
{
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (kept)
		db_kept_done(st);
	else
		sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* Run a statement that returns nothing, the same way. */
static enum db_status run(sqlite3_stmt *st, bool kept)
{
	int64_t unused;
	return int_of(st, &unused, kept);
}

#define one_int(st, out) int_of(st, out, false)
#define one_int_kept(st, out) int_of(st, out, true)
#define step_done(st) run(st, false)
#define step_done_kept(st) run(st, true)

/* rec's compound, building, unit and room as ?1..?4. */
static void bind_address(sqlite3_stmt *st, const struct household_rec *rec)
{
	sqlite3_bind_text(st, 1, rec->compound, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, rec->building, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rec->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, rec->room, -1, SQLITE_STATIC);
}

/* The tenure of an existing dwelling as the form gives it.  A form
 * that read it (rec->tenure_read) writes it only when the clerk changed
 * it, and only over what they read (same: the dwelling is the one read)
 * else DB_ERR_CONFLICT: a clerk saving another household of the
 * dwelling does not put back a tenure read before someone changed it.
 * A new household or an import sets it when it gives one. */
static enum db_status tenure_of(struct db *db, const struct household_rec *rec, bool same)
{
	const char *now = rec->tenure ? rec->tenure : "";
	if (rec->tenure_read ? strcmp(now, rec->tenure_read) == 0 : !*now)
		return DB_OK;
	bool checked = rec->tenure_read && same;
	sqlite3_stmt *st = db_prepare_kept(db, checked
		? "UPDATE dwelling SET tenure = nullif(?2, ''), version = version + 1,"
		  " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		  " WHERE id = ?1 AND coalesce(tenure, '') = ?3"
		: /* Unversioned: a new household or an import names its dwelling's tenure. */
		  "UPDATE dwelling SET tenure = nullif(?2, ''), version = version + 1,"
		  " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		  " WHERE id = ?1 AND tenure IS NOT nullif(?2, '')");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, rec->dwelling_id);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	if (checked)
		sqlite3_bind_text(st, 3, rec->tenure_read, -1, SQLITE_STATIC);
	enum db_status s = step_done_kept(st);
	return s == DB_OK && checked && sqlite3_changes(db->h) == 0 ? DB_ERR_CONFLICT : s;
}

/* The dwelling at rec's address, created when it is new; its tenure
 * follows the form (tenure_of()). */
enum db_status db_dwelling_for_tx(struct db *db, struct household_rec *rec)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"SELECT id FROM dwelling WHERE compound = ?1 AND building = ?2 AND unit = ?3 AND room = ?4");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_address(st, rec);
	int64_t id;
	enum db_status s = one_int_kept(st, &id);
	if (s != DB_OK)
		return s;
	if (id) {
		bool same = id == rec->dwelling_id;
		rec->dwelling_id = id;
		return tenure_of(db, rec, same);
	}
	/* A new dwelling joins the grid of its building, else of its
	 * compound (the grid most of its dwellings are in).  The grid is
	 * looked up first: an INSERT that reads its own table, or an ORDER
	 * BY with LIMIT, makes SQLite open a temporary b-tree every time,
	 * which is most of the cost of an import. */
#define MOST_COMMON_GRID(where) \
	"(SELECT grid_id FROM (SELECT grid_id, max(n) FROM (SELECT grid_id, count(*) AS n FROM dwelling" \
	" WHERE " where " AND grid_id IS NOT NULL GROUP BY grid_id)))"
	st = db_prepare_kept(db, "SELECT coalesce(" MOST_COMMON_GRID("compound = ?1 AND building = ?2") ","
			     MOST_COMMON_GRID("compound = ?1") ")");
#undef MOST_COMMON_GRID
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_address(st, rec);
	int64_t grid;
	if ((s = one_int_kept(st, &grid)) != DB_OK)
		return s;
	st = db_prepare_kept(db,
		"INSERT INTO dwelling(compound, building, unit, room, tenure, grid_id, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, nullif(?6, 0), juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_address(st, rec);
	db_bind_text_or_null(st, 5, rec->tenure);
	sqlite3_bind_int64(st, 6, grid);
	s = step_done_kept(st);
	if (s == DB_OK)
		rec->dwelling_id = sqlite3_last_insert_rowid(db->h);
	return s;
}

static void bind_household(sqlite3_stmt *st, const struct household_rec *rec)
{
	sqlite3_bind_int64(st, 1, rec->dwelling_id);
	sqlite3_bind_text(st, 2, rec->kind, -1, SQLITE_STATIC);
	db_bind_text_or_null(st, 3, rec->phone);
	db_bind_text_or_null(st, 4, rec->reg_no);
	db_bind_text_or_null(st, 5, rec->notes);
}

enum db_status db_household_insert_tx(struct db *db, struct household_rec *rec, struct resident_rec *head)
{
	sqlite3_stmt *st = db_prepare_kept(db,
		"INSERT INTO household(dwelling_id, kind, phone, reg_no, notes, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_household(st, rec);
	enum db_status s = step_done_kept(st);
	if (s != DB_OK)
		return s;
	rec->id = sqlite3_last_insert_rowid(db->h);
	rec->version = 1;
	if (!head)
		return DB_OK;
	head->household_id = rec->id;
	head->id = 0;
	return db_resident_insert_tx(db, head);
}

static enum db_status update(struct db *db, struct household_rec *rec)
{
	sqlite3_stmt *st = db_prepare(db,
		"UPDATE household SET dwelling_id = ?1, kind = ?2, phone = ?3, reg_no = ?4, notes = ?5,"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?6 AND version = ?7");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_household(st, rec);
	sqlite3_bind_int64(st, 6, rec->id);
	sqlite3_bind_int64(st, 7, rec->version);
	enum db_status s = step_done(st);
	if (s != DB_OK)
		return s;
	if (sqlite3_changes(db->h) == 1) {
		rec->version++;
		return DB_OK;
	}
	st = db_prepare(db, "SELECT count(*) FROM household WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, rec->id);
	int64_t there;
	s = one_int(st, &there);
	return s != DB_OK ? s : there ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
}

/* A household moves to or is made in a dwelling the connection may see
 * (a 网格员's own grids), else DB_ERR_DENIED. */
static enum db_status dwelling_in_scope(struct db *db, int64_t dwelling_id)
{
	if (!db->scope.on)
		return DB_OK;
	sqlite3_stmt *st = db_prepare(db, "SELECT juwei_scope(grid_id) FROM dwelling d WHERE d.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, dwelling_id);
	int64_t ok;
	enum db_status s = one_int(st, &ok);
	return s != DB_OK ? s : ok ? DB_OK : DB_ERR_DENIED;
}

enum db_status db_household_grid(struct db *db, int64_t id, int64_t *grid)
{
	*grid = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(d.grid_id, 0) FROM household h"
				      " JOIN dwelling d ON d.id = h.dwelling_id WHERE h.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*grid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_resident_household(struct db *db, int64_t resident_id, int64_t *household_id)
{
	*household_id = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT household_id FROM resident WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, resident_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*household_id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_household_save(struct db *db, struct household_rec *rec, struct resident_rec *head)
{
	int64_t old_dwelling = rec->dwelling_id, old_id = rec->id, old_version = rec->version;
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	/* The dwelling the household is in now: the one its tenure was read of. */
	if (rec->id) {
		sqlite3_stmt *st = db_prepare(db, "SELECT dwelling_id FROM household WHERE id = ?1");
		if (!st)
			s = db_status_of(sqlite3_errcode(db->h));
		else {
			sqlite3_bind_int64(st, 1, rec->id);
			s = one_int(st, &rec->dwelling_id);
		}
	}
	if (s == DB_OK)
		s = db_dwelling_for_tx(db, rec);
	if (s == DB_OK)
		s = dwelling_in_scope(db, rec->dwelling_id);
	if (s == DB_OK)
		s = rec->id ? update(db, rec) : db_household_insert_tx(db, rec, head);
	if (s == DB_OK)
		s = db_commit(db);
	else
		db_rollback(db);
	if (s != DB_OK) {
		/* Nothing was written: the record is as the caller had it. */
		rec->dwelling_id = old_dwelling;
		rec->id = old_id;
		rec->version = old_version;
		if (head && !old_id)
			head->household_id = head->id = 0;
	}
	return s;
}

enum db_status db_dwelling_search(struct db *db, const char *text, int limit,
				  struct dwelling_hit **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT d.id, d.compound, d.building, d.unit, d.room, coalesce(g.name, '')"
		" FROM dwelling d LEFT JOIN grid g ON g.id = d.grid_id"
		" WHERE instr(d.compound || ' ' || d.building"
		"   || CASE WHEN d.unit <> '' THEN '-' || d.unit ELSE '' END"
		"   || CASE WHEN d.room <> '' THEN '-' || d.room ELSE '' END, ?1) > 0" SCOPE_SQL
		" ORDER BY d.sort_key, d.id LIMIT ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit);
	struct dwelling_hit *h = x_calloc((size_t)(limit > 0 ? limit : 1), sizeof *h);
	int k = 0, rc = SQLITE_DONE;
	while (k < limit && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		h[k].id = sqlite3_column_int64(st, 0);
		h[k].compound = db_col_text(st, 1);
		h[k].building = db_col_text(st, 2);
		h[k].unit = db_col_text(st, 3);
		h[k].room = db_col_text(st, 4);
		h[k].grid = db_col_text(st, 5);
		k++;
	}
	if (k < limit && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		dwelling_hits_free(&h, &k);
		return db_status_of(rc);
	}
	sqlite3_finalize(st);
	*out = h;
	*n = k;
	return DB_OK;
}

enum db_status db_household_head(struct db *db, int64_t household_id, int64_t *id, char **name)
{
	*id = 0;
	*name = NULL;
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT id, name FROM resident WHERE household_id = ?1"
					  " AND relation = '户主' AND status = '在住'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*name = db_col_text(st, 1);
	}
	db_kept_done(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_household_living(struct db *db, int64_t household_id, int64_t *n)
{
	sqlite3_stmt *st = db_prepare_kept(db, "SELECT count(*) FROM resident WHERE household_id = ?1"
					  " AND status = '在住'");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	return one_int_kept(st, n);
}

/* Unversioned: a change of head reads both members in its own
 * transaction (db_household_set_head) and writes their relation alone. */
static enum db_status set_relation(struct db *db, int64_t id, const char *relation)
{
	sqlite3_stmt *st = db_prepare(db, "UPDATE resident SET relation = ?2, version = version + 1,"
					  " updated_at = datetime('now','localtime'), updated_by = juwei_user()"
					  " WHERE id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, relation, -1, SQLITE_STATIC);
	enum db_status s = step_done(st);
	return s == DB_OK && sqlite3_changes(db->h) != 1 ? DB_ERR_NOTFOUND : s;
}

enum db_status db_household_set_head(struct db *db, int64_t household_id, int64_t new_head,
				     const char *old_relation)
{
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	int64_t old;
	char *name = NULL;
	s = db_household_head(db, household_id, &old, &name);
	x_free(&name);
	/* The old head steps down first: the index allows one head. */
	if (s == DB_OK && old && old != new_head)
		s = set_relation(db, old, old_relation);
	if (s == DB_OK)
		s = set_relation(db, new_head, "户主");
	if (s == DB_OK)
		return db_commit(db);
	db_rollback(db);
	return s;
}

enum db_status db_household_sync_status(struct db *db, int64_t household_id)
{
	/* Unversioned: the status follows the residents, read in the same
	 * statement; it holds nothing a clerk typed. */
	sqlite3_stmt *st = db_prepare_kept(db,
		"UPDATE household SET status = CASE WHEN EXISTS (SELECT 1 FROM resident"
		"   WHERE household_id = ?1 AND status = '在住') THEN '在住' ELSE '已迁出' END,"
		" version = version + 1, updated_at = datetime('now','localtime'), updated_by = juwei_user()"
		" WHERE id = ?1 AND status IS NOT CASE WHEN EXISTS (SELECT 1 FROM resident"
		"   WHERE household_id = ?1 AND status = '在住') THEN '在住' ELSE '已迁出' END");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, household_id);
	return step_done_kept(st);
}

static bool kind_ok(const char *kind)
{
	return strcmp(kind, "household") == 0 || strcmp(kind, "resident") == 0;
}

static enum db_status read_items(sqlite3_stmt *st, struct tag_item **out, int *n)
{
	int cap = 8, k = 0, rc;
	struct tag_item *t = x_calloc((size_t)cap, sizeof *t);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (k == cap) {
			cap *= 2;
			t = x_realloc(t, (size_t)cap * sizeof *t);
		}
		t[k].id = sqlite3_column_int64(st, 0);
		t[k].name = db_col_text(st, 1);
		t[k].since = db_col_text(st, 2);
		t[k].note = db_col_text(st, 3);
		t[k].retired = sqlite3_column_count(st) > 4 && sqlite3_column_int(st, 4) == 0;
		k++;
	}
	sqlite3_finalize(st);
	*out = t;
	*n = k;
	if (rc != SQLITE_DONE) {
		tag_items_free(out, n);
		return db_status_of(rc);
	}
	return DB_OK;
}

enum db_status db_tag_vocab(struct db *db, const char *kind, bool sensitive,
			    struct tag_item **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, name, '', '' FROM tag WHERE applies_to = ?1"
					  " AND active = 1 AND (sensitive = 0 OR ?2) ORDER BY sort, id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, sensitive);
	return read_items(st, out, n);
}

enum db_status db_tag_held(struct db *db, const char *kind, int64_t owner, bool sensitive,
			   struct tag_item **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (!kind_ok(kind))
		return DB_ERR_SQL;
	char *sql = x_asprintf("SELECT l.id, t.name, coalesce(l.since, ''), coalesce(l.note, ''), t.active"
			       " FROM %s_tag l JOIN tag t ON t.id = l.tag_id WHERE l.%s_id = ?1"
			       " AND (t.sensitive = 0 OR ?2) ORDER BY t.sort, t.id", kind, kind);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, owner);
	sqlite3_bind_int(st, 2, sensitive);
	return read_items(st, out, n);
}

enum db_status db_tag_add(struct db *db, const char *kind, int64_t owner, int64_t tag_id,
			  const char *since, const char *note)
{
	if (!kind_ok(kind))
		return DB_ERR_SQL;
	/* Asked first, not as INSERT ... WHERE NOT EXISTS: an INSERT that
	 * reads its own table stages its rows in a temporary b-tree. */
	char *sql = x_asprintf("SELECT count(*) FROM %s_tag WHERE %s_id = ?1 AND tag_id = ?2", kind, kind);
	sqlite3_stmt *st = db_prepare_kept(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, owner);
	sqlite3_bind_int64(st, 2, tag_id);
	int64_t have;
	enum db_status s = one_int_kept(st, &have);
	if (s != DB_OK)
		return s;
	if (have)
		return DB_ERR_CONFLICT;
	sql = x_asprintf("INSERT INTO %s_tag(%s_id, tag_id, since, note, created_by, updated_by)"
			 " VALUES (?1, ?2, ?3, ?4, juwei_user(), juwei_user())", kind, kind);
	st = db_prepare_kept(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, owner);
	sqlite3_bind_int64(st, 2, tag_id);
	db_bind_text_or_null(st, 3, since);
	db_bind_text_or_null(st, 4, note);
	return step_done_kept(st);
}

enum db_status db_tag_remove(struct db *db, const char *kind, int64_t link_id)
{
	if (!kind_ok(kind))
		return DB_ERR_SQL;
	char *sql = x_asprintf("DELETE FROM %s_tag WHERE id = ?1", kind);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, link_id);
	enum db_status s = step_done(st);
	return s == DB_OK && sqlite3_changes(db->h) == 0 ? DB_ERR_NOTFOUND : s;
}


/* ---- the vocabulary itself ---- */

enum db_status db_tag_defs(struct db *db, int64_t id, struct tag_def **out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, version, name, applies_to, coalesce(interval_days, 0), sensitive, active,"
		" (SELECT count(*) FROM household_tag WHERE tag_id = t.id)"
		" + (SELECT count(*) FROM resident_tag WHERE tag_id = t.id)"
		" FROM tag t WHERE ?1 = 0 OR id = ?1 ORDER BY sort, id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		struct tag_def *t = &(*out)[(*n)++];
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(st, 0);
		t->version = sqlite3_column_int64(st, 1);
		t->name = db_col_text(st, 2);
		snprintf(t->applies_to, sizeof t->applies_to, "%s", (const char *)sqlite3_column_text(st, 3));
		t->interval = sqlite3_column_int(st, 4);
		t->sensitive = sqlite3_column_int(st, 5) != 0;
		t->active = sqlite3_column_int(st, 6) != 0;
		t->held = sqlite3_column_int(st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		tag_defs_free(out, n);
		return db_status_of(rc);
	}
	return DB_OK;
}

enum db_status db_tag_named(struct db *db, const char *name, int64_t *id)
{
	*id = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM tag WHERE name = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_tag_define(struct db *db, struct tag_def *t)
{
	sqlite3_stmt *st = db_prepare(db, t->id
		? "UPDATE tag SET name = ?2, applies_to = ?3, interval_days = nullif(?4, 0), sensitive = ?5,"
		  " active = ?6, version = version + 1, updated_at = datetime('now','localtime'),"
		  " updated_by = juwei_user() WHERE id = ?1 AND version = ?7"
		: "INSERT INTO tag(name, applies_to, interval_days, sensitive, active, sort, created_by, updated_by)"
		  " VALUES (?2, ?3, nullif(?4, 0), ?5, ?6, (SELECT coalesce(max(sort), 0) + 1 FROM tag),"
		  " juwei_user(), juwei_user())");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if (t->id) {
		sqlite3_bind_int64(st, 1, t->id);
		sqlite3_bind_int64(st, 7, t->version);
	}
	sqlite3_bind_text(st, 2, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, t->applies_to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, t->interval > 0 ? t->interval : 0);
	sqlite3_bind_int(st, 5, t->sensitive);
	sqlite3_bind_int(st, 6, t->active);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_status_of(rc);
	if (t->id) {
		if (sqlite3_changes(db->h) == 0)
			return DB_ERR_CONFLICT;
		t->version++;
	} else {
		t->id = sqlite3_last_insert_rowid(db->h);
		t->version = 1;
	}
	return DB_OK;
}

enum db_status db_tag_link(struct db *db, const char *kind, int64_t link_id, int64_t *owner, bool *sensitive)
{
	*owner = 0;
	*sensitive = false;
	if (!kind_ok(kind))
		return DB_ERR_SQL;
	char *sql = x_asprintf("SELECT l.%s_id, t.sensitive FROM %s_tag l JOIN tag t ON t.id = l.tag_id"
			       " WHERE l.id = ?1", kind, kind);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, link_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*owner = sqlite3_column_int64(st, 0);
		*sensitive = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}
