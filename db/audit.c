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
