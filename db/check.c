/* db/check.c - verifying a register file (see db/check.h). */
#include "check.h"

#include "audit.h"
#include "internal.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

static void add(struct check_findings *c, enum finding_kind kind, const char *name, int64_t id)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->f = x_realloc(c->f, (size_t)c->cap * sizeof *c->f);
	}
	c->f[c->n++] = (struct finding){ kind, x_strdup(name ? name : ""), id };
}

void check_findings_free(struct check_findings *c)
{
	for (int i = 0; i < c->n; i++)
		x_free(&c->f[i].name);
	x_free(&c->f);
	c->n = c->cap = 0;
}

/* SQLite's own look at the file. */
static enum db_status file_check(struct db *db, int max, struct check_findings *c)
{
	sqlite3_stmt *st = db_prepare(db, "PRAGMA quick_check");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, k = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < max) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (t && strcmp(t, "ok") != 0) {
			add(c, FIND_FILE, t, 0);
			k++;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* The end of the chain the last check saw must still be there as it was. */
static enum db_status tail_check(struct db *db, struct check_findings *c)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT r.last_id, r.last_hash = coalesce(a.hash, '') FROM check_run r"
		" LEFT JOIN audit_log a ON a.id = r.last_id WHERE r.last_id > 0 ORDER BY r.id DESC LIMIT 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && !sqlite3_column_int(st, 1))
		add(c, FIND_TAIL, NULL, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_status_of(rc);
	st = db_prepare(db, "SELECT id, coalesce(hash, '') FROM audit_log ORDER BY id DESC LIMIT 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->last_id = sqlite3_column_int64(st, 0);
		snprintf(c->last_hash, sizeof c->last_hash, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* name -> sql of every trigger of db. */
struct triggers {
	char **name, **sql;
	int n;
};

static void triggers_free(struct triggers *t)
{
	for (int i = 0; i < t->n; i++) {
		x_free(&t->name[i]);
		x_free(&t->sql[i]);
	}
	x_free(&t->name);
	x_free(&t->sql);
	t->n = 0;
}

static enum db_status triggers_of(struct db *db, struct triggers *t)
{
	memset(t, 0, sizeof *t);
	sqlite3_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->n == cap) {
			cap = cap ? cap * 2 : 64;
			t->name = x_realloc(t->name, (size_t)cap * sizeof *t->name);
			t->sql = x_realloc(t->sql, (size_t)cap * sizeof *t->sql);
		}
		t->name[t->n] = db_col_text(st, 0);
		t->sql[t->n++] = db_col_text(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

static int find_trigger(const struct triggers *t, const char *name)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->name[i], name) == 0)
			return i;
	return -1;
}

/* The triggers against those of a register the migrations make now. */
static enum db_status trigger_check(struct db *db, const struct triggers *want, struct check_findings *c)
{
	struct triggers have;
	enum db_status s = triggers_of(db, &have);
	for (int i = 0; s == DB_OK && i < want->n; i++) {
		int k = find_trigger(&have, want->name[i]);
		if (k < 0)
			add(c, FIND_TRIGGER_MISSING, want->name[i], 0);
		else if (strcmp(have.sql[k], want->sql[i]) != 0)
			add(c, FIND_TRIGGER_CHANGED, want->name[i], 0);
	}
	for (int i = 0; s == DB_OK && i < have.n; i++)
		if (find_trigger(want, have.name[i]) < 0)
			add(c, FIND_TRIGGER_EXTRA, have.name[i], 0);
	triggers_free(&have);
	return s;
}

/* The columns of table, as "CASE j.key WHEN 'a' THEN t."a" ... END". */
static char *column_case(struct db *db, const char *table)
{
	char *sql = x_asprintf("SELECT name FROM pragma_table_info('%s')", table);
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "CASE j.key");
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		sb_addf(&sb, " WHEN '%s' THEN t.\"%s\"", col, col);
	}
	sqlite3_finalize(st);
	sb_adds(&sb, " END");
	return sb_take(&sb);
}

static enum db_status rows_into(struct db *db, const char *sql, enum finding_kind kind, const char *table,
				int max, struct check_findings *c)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, max);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		add(c, kind, table, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* Every record of an audited table against the values of its last
 * insert or update in the trail: a change made while its trigger was
 * dropped shows, even with the trigger back. */
static enum db_status state_check(struct db *db, const char *table, int max, struct check_findings *c)
{
	char *cases = column_case(db, table);
	if (!cases)
		return db_status_of(sqlite3_errcode(db->h));
#define LAST \
	"WITH last AS (SELECT row_id, max(id) AS id FROM audit_log WHERE table_name = ?1" \
	" AND action IN ('insert', 'update', 'delete') GROUP BY row_id) "
	char *changed = x_asprintf(LAST
		"SELECT t.rowid FROM \"%s\" t JOIN last l ON l.row_id = t.rowid JOIN audit_log a ON a.id = l.id"
		" WHERE a.action = 'delete' OR EXISTS (SELECT 1 FROM json_each(a.new_values) j WHERE %s IS NOT j.value)"
		" ORDER BY t.rowid LIMIT ?2", table, cases);
	char *unaudited = x_asprintf(LAST
		"SELECT t.rowid FROM \"%s\" t WHERE NOT EXISTS (SELECT 1 FROM last l WHERE l.row_id = t.rowid)"
		" ORDER BY t.rowid LIMIT ?2", table);
	char *vanished = x_asprintf(LAST
		"SELECT l.row_id FROM last l JOIN audit_log a ON a.id = l.id WHERE a.action <> 'delete'"
		" AND NOT EXISTS (SELECT 1 FROM \"%s\" t WHERE t.rowid = l.row_id) ORDER BY l.row_id LIMIT ?2", table);
#undef LAST
	enum db_status s = rows_into(db, changed, FIND_STATE, table, max, c);
	if (s == DB_OK)
		s = rows_into(db, unaudited, FIND_UNAUDITED, table, max, c);
	if (s == DB_OK)
		s = rows_into(db, vanished, FIND_VANISHED, table, max, c);
	x_free(&changed);
	x_free(&unaudited);
	x_free(&vanished);
	x_free(&cases);
	return s;
}

/* The audited tables: those the reference gives an insert trigger
 * named <table>_audit_insert. */
static enum db_status audited_states(struct db *db, const struct triggers *want, int max, struct check_findings *c)
{
	enum db_status s = DB_OK;
	const char *suffix = "_audit_insert";
	size_t sl = strlen(suffix);
	for (int i = 0; s == DB_OK && i < want->n; i++) {
		size_t n = strlen(want->name[i]);
		if (n <= sl || strcmp(want->name[i] + n - sl, suffix) != 0)
			continue;
		char *table = x_strndup(want->name[i], n - sl);
		s = state_check(db, table, max, c);
		x_free(&table);
	}
	return s;
}

enum db_status db_check_run(struct db *db, int max, struct check_findings *out)
{
	memset(out, 0, sizeof *out);
	struct db *ref = NULL;
	enum db_status s = file_check(db, max, out);
	int64_t bad = 0;
	if (s == DB_OK && (s = db_audit_verify(db, &bad, &out->rows)) == DB_OK && bad)
		add(out, FIND_CHAIN, NULL, bad);
	if (s == DB_OK)
		s = tail_check(db, out);
	if (s == DB_OK)
		s = db_open(NULL, "check", DB_OPEN_MEMORY, &ref, NULL);
	struct triggers want = { 0 };
	if (s == DB_OK)
		s = triggers_of(ref, &want);
	if (s == DB_OK)
		s = trigger_check(db, &want, out);
	if (s == DB_OK)
		s = audited_states(db, &want, max, out);
	triggers_free(&want);
	db_close(&ref);
	return s;
}

enum db_status db_check_save(struct db *db, bool clean, const char *findings, const struct check_findings *c)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO check_run(clean, findings, last_id, last_hash)"
				      " VALUES (?1, ?2, ?3, ?4)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int(st, 1, clean);
	sqlite3_bind_text(st, 2, findings, -1, SQLITE_STATIC);
	/* A chain that did not verify is no end to hold the next check to. */
	sqlite3_bind_int64(st, 3, clean ? c->last_id : 0);
	sqlite3_bind_text(st, 4, clean ? c->last_hash : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_check_last(struct db *db, bool *have, bool *clean, char *at, int at_size)
{
	*have = false;
	*clean = true;
	sqlite3_stmt *st = db_prepare(db, "SELECT clean, at FROM check_run ORDER BY id DESC LIMIT 1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*have = true;
		*clean = sqlite3_column_int(st, 0) != 0;
		snprintf(at, (size_t)at_size, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
