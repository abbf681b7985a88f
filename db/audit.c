/* db/audit.c - the audit trail as a chain; the acting staff member and
 * the grids they may see, as SQL functions of the connection. */
#include "audit.h"

#include "internal.h"

#include "core/xalloc.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

static void put(struct sha256_ctx *c, const char *s)
{
	static const uint8_t us = 0x1f;
	if (s)
		sha256_update(c, strlen(s), (const uint8_t *)s);
	sha256_update(c, 1, &us);
}

void audit_hash(const char *prev, const char *at, const char *user, int64_t staff_id, const char *table,
		int64_t row_id, const char *action, const char *old_values, const char *new_values,
		char out[AUDIT_HASH_HEX])
{
	struct sha256_ctx c;
	char num[2][24] = { "", "" };
	if (staff_id)
		snprintf(num[0], sizeof num[0], "%lld", (long long)staff_id);
	snprintf(num[1], sizeof num[1], "%lld", (long long)row_id);
	sha256_init(&c);
	const char *parts[] = { prev, at, user, num[0], table, num[1], action, old_values, new_values };
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
		put(&c, parts[i]);
	uint8_t d[SHA256_DIGEST_SIZE];
	sha256_digest(&c, sizeof d, d);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static const char *text_of(sqlite3_value *v)
{
	return (const char *)sqlite3_value_text(v);
}

/* juwei_audit_hash(prev, at, user, staff_id, table, row_id, action, old, new) */
static void fn_audit_hash(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char out[AUDIT_HASH_HEX];
	audit_hash(text_of(argv[0]), text_of(argv[1]), text_of(argv[2]), sqlite3_value_int64(argv[3]),
		   text_of(argv[4]), sqlite3_value_int64(argv[5]), text_of(argv[6]), text_of(argv[7]),
		   text_of(argv[8]), out);
	sqlite3_result_text(ctx, out, -1, SQLITE_TRANSIENT);
}

/* juwei_staff(): the member of staff signed in, NULL when none. */
static void fn_staff(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct db *db = sqlite3_user_data(ctx);
	if (db->staff_id)
		sqlite3_result_int64(ctx, db->staff_id);
	else
		sqlite3_result_null(ctx);
}

/* juwei_scope(grid_id): 1 when the connection may see a household of
 * that grid. */
static void fn_scope(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct db *db = sqlite3_user_data(ctx);
	int ok = !db->scope.on;
	int64_t g = sqlite3_value_int64(argv[0]);
	for (int i = 0; !ok && i < db->scope.n; i++)
		ok = db->scope.grids[i] == g;
	sqlite3_result_int(ctx, ok);
}

int db_audit_functions(struct db *db)
{
	int rc = sqlite3_create_function(db->h, "juwei_audit_hash", 9, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL,
					 fn_audit_hash, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_staff", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, db, fn_staff,
					     NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_scope", 1, SQLITE_UTF8 | SQLITE_INNOCUOUS, db, fn_scope,
					     NULL, NULL);
	return rc;
}

void db_set_actor(struct db *db, const char *user, int64_t staff_id)
{
	char *u = x_strdup(user && *user ? user : "unknown");
	x_free(&db->user);
	db->user = u;
	db->staff_id = staff_id;
}

void db_set_scope(struct db *db, bool scoped, const int64_t *grids, int n)
{
	x_free(&db->scope.grids);
	db->scope.on = scoped;
	db->scope.n = n > 0 ? n : 0;
	if (db->scope.n) {
		db->scope.grids = x_malloc((size_t)db->scope.n * sizeof *grids);
		memcpy(db->scope.grids, grids, (size_t)db->scope.n * sizeof *grids);
	}
}

/* The hash of row as read by a statement whose columns are: id, hash,
 * at, user, staff_id, table_name, row_id, action, old, new. */
static void hash_of_row(sqlite3_stmt *st, const char *prev, char out[AUDIT_HASH_HEX])
{
	audit_hash(prev, (const char *)sqlite3_column_text(st, 2), (const char *)sqlite3_column_text(st, 3),
		   sqlite3_column_int64(st, 4), (const char *)sqlite3_column_text(st, 5), sqlite3_column_int64(st, 6),
		   (const char *)sqlite3_column_text(st, 7), (const char *)sqlite3_column_text(st, 8),
		   (const char *)sqlite3_column_text(st, 9), out);
}

#define ROW_COLUMNS "id, hash, at, user, staff_id, table_name, row_id, action, old_values, new_values"

enum db_status db_audit_seal(struct db *db)
{
	sqlite3_stmt *first = db_prepare(db, "SELECT min(id) FROM audit_log WHERE hash IS NULL");
	if (!first)
		return db_status_of(sqlite3_errcode(db->h));
	int64_t from = sqlite3_step(first) == SQLITE_ROW ? sqlite3_column_int64(first, 0) : 0;
	sqlite3_finalize(first);
	if (!from)
		return DB_OK;
	sqlite3_stmt *prev = db_prepare(db, "SELECT hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1");
	sqlite3_stmt *rows = db_prepare(db, "SELECT " ROW_COLUMNS " FROM audit_log WHERE id >= ?1 ORDER BY id");
	sqlite3_stmt *set = db_prepare(db, "UPDATE audit_log SET staff_id = ?2, hash = ?3 WHERE id = ?1");
	enum db_status s = prev && rows && set ? DB_OK : db_status_of(sqlite3_errcode(db->h));
	char last[AUDIT_HASH_HEX] = "";
	if (s == DB_OK) {
		sqlite3_bind_int64(prev, 1, from);
		if (sqlite3_step(prev) == SQLITE_ROW && sqlite3_column_text(prev, 0))
			snprintf(last, sizeof last, "%s", (const char *)sqlite3_column_text(prev, 0));
		sqlite3_bind_int64(rows, 1, from);
	}
	int rc;
	while (s == DB_OK && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
		/* A row written while no one was signed in keeps no staff. */
		int64_t staff = sqlite3_column_type(rows, 4) == SQLITE_NULL ? db->staff_id : sqlite3_column_int64(rows, 4);
		sqlite3_stmt *r = rows;
		char h[AUDIT_HASH_HEX];
		audit_hash(last, (const char *)sqlite3_column_text(r, 2), (const char *)sqlite3_column_text(r, 3), staff,
			   (const char *)sqlite3_column_text(r, 5), sqlite3_column_int64(r, 6),
			   (const char *)sqlite3_column_text(r, 7), (const char *)sqlite3_column_text(r, 8),
			   (const char *)sqlite3_column_text(r, 9), h);
		sqlite3_reset(set);
		sqlite3_bind_int64(set, 1, sqlite3_column_int64(r, 0));
		if (staff)
			sqlite3_bind_int64(set, 2, staff);
		else
			sqlite3_bind_null(set, 2);
		sqlite3_bind_text(set, 3, h, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(set) != SQLITE_DONE)
			s = db_status_of(sqlite3_errcode(db->h));
		memcpy(last, h, sizeof last);
	}
	sqlite3_finalize(prev);
	sqlite3_finalize(rows);
	sqlite3_finalize(set);
	return s;
}

enum db_status db_audit_verify(struct db *db, int64_t *bad, int64_t *n)
{
	*bad = 0;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT " ROW_COLUMNS " FROM audit_log ORDER BY id");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	char last[AUDIT_HASH_HEX] = "";
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char h[AUDIT_HASH_HEX];
		hash_of_row(st, last, h);
		const char *stored = (const char *)sqlite3_column_text(st, 1);
		(*n)++;
		if (!stored || strcmp(stored, h) != 0) {
			*bad = sqlite3_column_int64(st, 0);
			break;
		}
		memcpy(last, h, sizeof last);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_audit_note(struct db *db, const char *table, int64_t row_id, const char *action, const char *what)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)"
				      " VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), ?1, ?2, ?3, ?4)");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row_id);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, what, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

/* ---- the history screen ---- */

/* A row's record in a few words: the name, title, number or date its
 * values hold. */
#define LABEL(v) \
	"coalesce(json_extract(" v ", '$.name'), json_extract(" v ", '$.title'), json_extract(" v ", '$.case_no')," \
	" json_extract(" v ", '$.visit_date'), json_extract(" v ", '$.compound') || ' ' ||" \
	" json_extract(" v ", '$.building'), json_extract(" v ", '$.whose'), json_extract(" v ", '$.ledger'), '')"
#define AUDIT_COLUMNS \
	"a.id, a.row_id, coalesce(a.staff_id, 0), a.at, coalesce(s.name, a.user), a.table_name, a.action," \
	" " LABEL("coalesce(a.new_values, a.old_values)") ", coalesce(a.old_values, ''), coalesce(a.new_values, '')"
#define AUDIT_FROM " FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id"
/* ?1 staff ?2 table ?3 row ?4 from ?5 to ?6 own ?7 me */
#define AUDIT_WHERE \
	" WHERE (?1 = 0 OR a.staff_id = ?1) AND (?2 = '' OR a.table_name = ?2) AND (?3 = 0 OR a.row_id = ?3)" \
	" AND (?4 = '' OR a.at >= ?4) AND (?5 = '' OR a.at < date(?5, '+1 day'))" \
	" AND (NOT ?6 OR a.staff_id = ?7 OR (a.action IN ('insert', 'update', 'delete')" \
	"  AND a.table_name NOT IN ('staff', 'staff_grid', 'setting')))"

static void bind_audit_filter(sqlite3_stmt *st, const struct audit_filter *f)
{
	sqlite3_bind_int64(st, 1, f->staff);
	sqlite3_bind_text(st, 2, f->table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, f->row_id);
	sqlite3_bind_text(st, 4, f->from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, f->to, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, f->own);
	sqlite3_bind_int64(st, 7, f->me);
}

static void read_audit_row(sqlite3_stmt *st, struct audit_row *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->row_id = sqlite3_column_int64(st, 1);
	r->staff_id = sqlite3_column_int64(st, 2);
	char **t[] = { &r->at, &r->who, &r->table, &r->action, &r->label, &r->old_values, &r->new_values };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		*t[i] = db_col_text(st, 3 + (int)i);
}

enum db_status db_audit_page(struct db *db, const struct audit_filter *f, const struct audit_row *from, int dir,
			     bool inclusive, int limit, struct audit_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	/* List order is newest first: id descending. */
	const char *key = !from ? "" : dir > 0 ? (inclusive ? " AND a.id <= ?8" : " AND a.id < ?8") : " AND a.id > ?8";
	char *sql = x_asprintf("SELECT " AUDIT_COLUMNS AUDIT_FROM AUDIT_WHERE "%s ORDER BY a.id %s LIMIT ?9", key,
			       dir > 0 ? "DESC" : "ASC");
	sqlite3_stmt *st = db_prepare(db, sql);
	x_free(&sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_audit_filter(st, f);
	if (from)
		sqlite3_bind_int64(st, 8, from->id);
	sqlite3_bind_int(st, 9, limit);
	int rc = SQLITE_DONE;
	while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_audit_row(st, &out[(*n)++]);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		for (int i = 0; i < *n; i++)
			audit_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	if (dir < 0)
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct audit_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_audit_count(struct db *db, const struct audit_filter *f, int *n)
{
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*)" AUDIT_FROM AUDIT_WHERE);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_audit_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_audit_get(struct db *db, int64_t id, struct audit_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db, "SELECT " AUDIT_COLUMNS AUDIT_FROM " WHERE a.id = ?1");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_audit_row(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_audit_each(struct db *db, const struct audit_filter *f,
			     void (*fn)(void *ctx, const struct audit_row *row), void *ctx)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " AUDIT_COLUMNS AUDIT_FROM AUDIT_WHERE " ORDER BY a.id DESC");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_audit_filter(st, f);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_row r;
		read_audit_row(st, &r);
		fn(ctx, &r);
		audit_row_free(&r);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
