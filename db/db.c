/* db/db.c - open, check, configure and migrate. */
#include "internal.h"

#include "audit.h"

#include "core/date.h"
#include "core/embed.h"
#include "core/searchkey.h"
#include "core/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MIGRATION_DIR "db/migrations/"

/* Migrations are the embedded files db/migrations/NNN_*.sql, in order. */
static int migration_count(void)
{
	int n = 0;
	for (size_t i = 0; i < embedded_count; i++)
		if (strncmp(embedded_files[i].path, MIGRATION_DIR, strlen(MIGRATION_DIR)) == 0)
			n++;
	return n;
}

static const struct embedded_file *migration(int number)
{
	char prefix[32];
	snprintf(prefix, sizeof prefix, MIGRATION_DIR "%03d_", number);
	for (size_t i = 0; i < embedded_count; i++)
		if (strncmp(embedded_files[i].path, prefix, strlen(prefix)) == 0)
			return &embedded_files[i];
	return NULL;
}

int db_schema_version(void)
{
	return migration_count();
}

enum db_status db_status_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_DONE: case SQLITE_ROW: return DB_OK;
	case SQLITE_BUSY: case SQLITE_LOCKED: return DB_ERR_BUSY;
	case SQLITE_READONLY: return DB_ERR_READONLY;
	case SQLITE_NOTADB: return DB_ERR_NOTDB;
	case SQLITE_CANTOPEN: case SQLITE_PERM: return DB_ERR_CANTOPEN;
	default: return DB_ERR_SQL;
	}
}

sqlite3_stmt *db_cached(struct db *db, int slot, const char *sql)
{
	sqlite3_stmt **st = &db->cached[slot];
	if (*st) {
		sqlite3_reset(*st);
		sqlite3_clear_bindings(*st);
		return *st;
	}
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
		sqlite3_finalize(*st);
		*st = NULL;
	}
	return *st;
}

static unsigned sql_hash(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static sqlite3_stmt *kept_again(struct kept *k, const char *sql)
{
	k->from = sql;
	sqlite3_reset(k->st);
	sqlite3_clear_bindings(k->st);
	return k->st;
}

sqlite3_stmt *db_prepare_kept(struct db *db, const char *sql)
{
	/* Most callers pass the same string each time (a literal): found by
	 * its address before its text is hashed.  strcmp() still decides. */
	for (int i = 0; i < db->n_kept; i++)
		if (db->kept[i].from == sql && strcmp(db->kept[i].sql, sql) == 0)
			return kept_again(&db->kept[i], sql);
	unsigned h = sql_hash(sql);
	for (int i = 0; i < db->n_kept; i++)
		if (db->kept[i].hash == h && strcmp(db->kept[i].sql, sql) == 0)
			return kept_again(&db->kept[i], sql);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	if (db->n_kept == db->cap_kept) {
		db->cap_kept = db->cap_kept ? db->cap_kept * 2 : 16;
		db->kept = x_realloc(db->kept, (size_t)db->cap_kept * sizeof *db->kept);
	}
	db->kept[db->n_kept++] = (struct kept){ x_strdup(sql), sql, h, st };
	return st;
}

int db_kept_done(sqlite3_stmt *st)
{
	return sqlite3_reset(st);
}

sqlite3_stmt *db_prepare(struct db *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

enum db_status db_exec(struct db *db, const char *sql)
{
	return db_status_of(sqlite3_exec(db->h, sql, NULL, NULL, NULL));
}

int db_bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *db_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	int n = sqlite3_column_bytes(st, i);
	return t ? x_strndup((const char *)t, (size_t)n) : x_strdup("");
}

static int pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		return sqlite3_errcode(db->h);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int(st, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* juwei_user(): the acting user, for the audit triggers. */
static void fn_user(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct db *db = sqlite3_user_data(ctx);
	sqlite3_result_text(ctx, db->user, -1, SQLITE_STATIC);
}

/* juwei_search_terms(name, id_number, phone), juwei_former_terms(former)
 * and juwei_phone_terms(phone): the search index terms
 * (core/searchkey.h) as a JSON array, for the triggers of migration 002. */
static const char *arg_text(sqlite3_value *v)
{
	const unsigned char *t = sqlite3_value_text(v);
	return t ? (const char *)t : "";
}

static void fn_search_terms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *json = search_terms_resident(arg_text(argv[0]), arg_text(argv[1]), arg_text(argv[2]));
	sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
	x_free(&json);
}

static void fn_former_terms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *json = search_terms_former(arg_text(argv[0]));
	sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
	x_free(&json);
}

static void fn_phone_terms(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	char *json = search_terms_phone(arg_text(argv[0]));
	sqlite3_result_text(ctx, json, -1, SQLITE_TRANSIENT);
	x_free(&json);
}

/* juwei_deferred(): 1 while this connection is in db_bulk_begin(); the
 * triggers of migration 004 then leave their work to db_bulk_end(). */
static void fn_deferred(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	struct db *db = sqlite3_user_data(ctx);
	sqlite3_result_int(ctx, db->bulk.on);
}

/* juwei_today(): today's date as juwei sees it ($JUWEI_TODAY for tests),
 * for the due dates of migration 003. */
static void fn_today(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	char buf[11];
	sqlite3_result_text(ctx, date_today(buf), -1, SQLITE_TRANSIENT);
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return x_strdup(".");
	if (slash == path)
		return x_strdup("/");
	return x_strndup(path, (size_t)(slash - path));
}

/* Look at the file before SQLite does, so that nothing is written to a
 * file that is not ours. */
static enum db_status precheck(const char *path, int flags, bool *exists)
{
	struct stat sb;
	*exists = false;
	/* SQLite gives "" and ":memory:" (and any name starting with ':')
	 * a database that vanishes on close: never what a clerk means. */
	if (path[0] == '\0' || path[0] == ':')
		return DB_ERR_BADNAME;
	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode))
			return DB_ERR_NOTDB;
		*exists = sb.st_size > 0;
		/* The effective ids: on a shared server juwei's group opens it. */
		if (faccessat(AT_FDCWD, path, R_OK, AT_EACCESS) != 0)
			return DB_ERR_CANTOPEN;
		if (sb.st_size > 0) {
			char head[16] = { 0 };
			FILE *f = fopen(path, "rb");
			if (!f)
				return DB_ERR_CANTOPEN;
			size_t n = fread(head, 1, sizeof head, f);
			fclose(f);
			if (n != sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
				return DB_ERR_NOTDB;
		}
		if (faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
			return DB_ERR_READONLY;
	} else if (errno != ENOENT || !(flags & DB_OPEN_CREATE)) {
		return DB_ERR_CANTOPEN;
	}
	/* WAL keeps -wal and -shm files beside the database. */
	char *dir = dir_of(path);
	int ok = faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS);
	int err = errno;
	x_free(&dir);
	if (ok != 0)
		return err == ENOENT ? DB_ERR_CANTOPEN : DB_ERR_READONLY;
	return DB_OK;
}

static enum db_status migrate(struct db *db, char **detail)
{
	int have = 0;
	/* A current schema needs no write lock: opening to read (an export
	 * during a long import) does not wait for one. */
	if (pragma_int(db, "PRAGMA user_version", &have) != SQLITE_OK)
		return DB_ERR_SQL;
	if (have == migration_count())
		return DB_OK;
	if (db->read_only)
		return DB_ERR_READONLY; /* it would need an upgrade, which cannot be written */
	enum db_status s = db_begin(db);
	if (s != DB_OK)
		return s;
	/* Read again inside the write lock: another session may have
	 * migrated the file a moment ago. */
	if (pragma_int(db, "PRAGMA user_version", &have) != SQLITE_OK) {
		s = DB_ERR_SQL;
		goto fail;
	}
	int want = migration_count();
	if (have > want) {
		s = DB_ERR_NEWER;
		goto fail;
	}
	/* Migration 005 edits sqlite_schema with writable_schema, which a
	 * SQLite built to start in defensive mode refuses: off while the
	 * migrations run, then as it was. */
	int defensive = 0, rc = SQLITE_OK;
	const struct embedded_file *m = NULL;
	char *err = NULL;
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, -1, &defensive);
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, 0, (int *)NULL);
	for (int v = have + 1; v <= want && rc == SQLITE_OK; v++) {
		m = migration(v);
		rc = m ? sqlite3_exec(db->h, m->data, NULL, NULL, &err) : SQLITE_ERROR;
	}
	sqlite3_db_config(db->h, SQLITE_DBCONFIG_DEFENSIVE, defensive, (int *)NULL);
	if (rc != SQLITE_OK) {
		if (detail)
			*detail = x_asprintf("%s: %s", m ? m->path : "migration", err ? err : "missing");
		sqlite3_free(err);
		s = DB_ERR_SQL;
		goto fail;
	}
	/* Migration 008 made the trail a chain: the rows before it join it. */
	if (want > have && (s = db_audit_seal(db)) != DB_OK)
		goto fail;
	if (want > have) {
		char sql[96];
		snprintf(sql, sizeof sql, "PRAGMA user_version = %d; PRAGMA application_id = %d",
			 want, DB_APPLICATION_ID);
		if ((s = db_exec(db, sql)) != DB_OK)
			goto fail;
	}
	return db_commit(db);
fail:
	db_rollback(db);
	return s;
}

static enum db_status configure(struct db *db)
{
	sqlite3_busy_timeout(db->h, 5000);
	int app = 0, ver = 0, tables = 0;
	int rc = pragma_int(db, "PRAGMA application_id", &app);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "PRAGMA user_version", &ver);
	if (rc == SQLITE_OK)
		rc = pragma_int(db, "SELECT count(*) FROM sqlite_schema", &tables);
	if (rc != SQLITE_OK)
		return db_status_of(rc);
	if (app != DB_APPLICATION_ID && (app != 0 || tables > 0 || ver > 0))
		return DB_ERR_FOREIGN;
	if (ver > migration_count())
		return DB_ERR_NEWER;
	if (sqlite3_db_readonly(db->h, "main") == 1 && !db->read_only)
		return DB_ERR_READONLY;

	/* Only now, with the file known to be ours, change anything.  A new
	 * file gets pages of 8 KB, SQLite's default being 4 KB; an existing
	 * one keeps its own (the size of a WAL file's pages cannot change).
	 * Measured on 50,000 households, in turn, 4 KB / 8 KB / 16 KB: their
	 * import 10.1-10.6 s / 9.1-10.7 s / 9.1-10.0 s (six runs of 8 and 16
	 * KB, three of 4); the first screen 18-21 / 19-21 / 23-27 ms; in
	 * `make bench`, Today 16.6 / 18.4 / 23.0 ms and a visit saved 0.9 /
	 * 1.0 / 1.4 ms (p50).  Larger pages write an import faster and read
	 * scattered rows slower. */
	if (tables == 0 && (rc = sqlite3_exec(db->h, "PRAGMA page_size = 8192", NULL, NULL, NULL)) != SQLITE_OK)
		return db_status_of(rc);
	if (db->memory) /* no WAL in memory, and nothing to keep on a crash */
		return db_exec(db, "PRAGMA foreign_keys = ON");
	if (db->read_only) /* as the file is: nothing is changed */
		return DB_OK;
	sqlite3_stmt *st = db_prepare(db, "PRAGMA journal_mode = WAL");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	rc = sqlite3_step(st);
	bool wal = rc == SQLITE_ROW &&
		   strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal)
		return rc == SQLITE_ROW ? DB_ERR_SQL : db_status_of(rc);
	return db_exec(db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
}

/* Before SQLite's first use in the process.  A statement inside a
 * transaction keeps the pages it changes in a statement journal, to undo
 * itself alone; past 64 KB (16 pages: one resident insert that splits a
 * few index pages) SQLite moves that journal to a temporary file for the
 * rest of the transaction, and from then on every page every statement
 * changes is a write to it: a sixth of the time of a long import.  So
 * statement journals stay in memory.  (A larger threshold instead of
 * none: SQLite 3.40 then fails with SQLITE_FULL once a journal passes
 * it, from about 192 KB on.)  So no statement may change much of what
 * was there before it: an import's rows are small statements, and its
 * closing passes write the cache out first and add their terms to a
 * large register one by one (db/bulk.c); a migration that rewrites a
 * large table must work in parts. */
static void configure_library(void)
{
	static bool done;
	if (!done) {
		done = true;
		/* SQLITE_MISUSE when SQLite is in use already: then it keeps
		 * its default, which is only slower. */
		(void)sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
		/* No counting of SQLite's memory, which nothing here reads:
		 * each allocation then takes no lock (50,000 households: 9.4
		 * to 10.0 s instead of 10.1 to 10.8 s, three runs each). */
		(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
}

/* A file juwei may not write.  In WAL mode SQLite still wants the -shm
 * file; where it cannot make one (a directory it may not write either),
 * the file is opened as it stands (immutable): nobody can be writing
 * it then but its owner, who is not using juwei on it. */
static int open_read_only(const char *path, sqlite3 **h, int flags)
{
	int rc = sqlite3_open_v2(path, h, flags & ~SQLITE_OPEN_URI, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_exec(*h, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL)) == SQLITE_OK)
		return SQLITE_OK;
	sqlite3_close(*h);
	*h = NULL;
	char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
	rc = uri ? sqlite3_open_v2(uri, h, flags, NULL) : SQLITE_NOMEM;
	sqlite3_free(uri);
	return rc;
}

bool db_read_only(struct db *db)
{
	return db->read_only;
}

enum db_status db_query_only(struct db *db)
{
	db->read_only = true;
	return db_exec(db, "PRAGMA query_only = 1");
}

enum db_status db_open(const char *path, const char *user, int flags,
		       struct db **out, char **detail)
{
	*out = NULL;
	if (detail)
		*detail = NULL;
	bool exists = false, read_only = false;
	enum db_status s = DB_OK;
	if (flags & DB_OPEN_MEMORY)
		path = ":memory:";
	else if ((s = precheck(path, flags, &exists)) == DB_ERR_READONLY && (flags & DB_OPEN_READ_ONLY_OK) && exists)
		read_only = true; /* a file that cannot be written is read */
	else if (s != DB_OK)
		return s;

	struct db *db = x_calloc(1, sizeof *db);
	db->memory = flags & DB_OPEN_MEMORY;
	db->read_only = read_only;
	db->path = x_strdup(path);
	db->user = x_strdup(user && *user ? user : "unknown");
	configure_library();
	int of = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
	if ((flags & (DB_OPEN_CREATE | DB_OPEN_MEMORY)) && !read_only)
		of |= SQLITE_OPEN_CREATE;
	int rc = read_only ? open_read_only(path, &db->h, of) : sqlite3_open_v2(path, &db->h, of, NULL);
	if (rc != SQLITE_OK) {
		s = db_status_of(rc);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	rc = sqlite3_create_function(db->h, "juwei_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
				     db, fn_user, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_search_terms", 3,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
					     NULL, fn_search_terms, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_deferred", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					     db, fn_deferred, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_today", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
					     NULL, fn_today, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_former_terms", 1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
					     NULL, fn_former_terms, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_create_function(db->h, "juwei_phone_terms", 1,
					     SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC,
					     NULL, fn_phone_terms, NULL, NULL);
	if (rc == SQLITE_OK)
		rc = db_audit_functions(db);
	if (rc != SQLITE_OK) {
		s = DB_ERR_SQL;
		goto fail;
	}
	if ((s = configure(db)) != DB_OK || (s = migrate(db, detail)) != DB_OK)
		goto fail;
	*out = db;
	return DB_OK;
fail:
	if (detail && !*detail && db->h)
		*detail = x_strdup(sqlite3_errmsg(db->h));
	sqlite3_close(db->h);
	db->h = NULL;
	/* A file we created ourselves and could not set up goes again. */
	if (!exists && (flags & DB_OPEN_CREATE) && s != DB_ERR_CANTOPEN) {
		struct stat sb;
		if (stat(path, &sb) == 0 && sb.st_size == 0)
			unlink(path);
	}
	x_free(&db->path);
	x_free(&db->user);
	x_free(&db);
	return s;
}

void db_close(struct db **pdb)
{
	if (*pdb)
		db_quick_check_stop(*pdb);
	struct db *db = *pdb;
	if (!db)
		return;
	for (size_t i = 0; i < sizeof db->cached / sizeof db->cached[0]; i++)
		sqlite3_finalize(db->cached[i]);
	for (int i = 0; i < db->n_kept; i++) {
		sqlite3_finalize(db->kept[i].st);
		x_free(&db->kept[i].sql);
	}
	x_free(&db->kept);
	db_forget_id_owner(db);
	sqlite3_close(db->h);
	x_free(&db->path);
	x_free(&db->user);
	x_free(&db->rolled_back);
	x_free(&db->scope.grids);
	x_free(pdb);
}

int db_user_version(struct db *db)
{
	int v = 0;
	pragma_int(db, "PRAGMA user_version", &v);
	return v;
}

bool db_is_empty(struct db *db)
{
	int n = 0;
	pragma_int(db, "SELECT (SELECT count(*) FROM household) + (SELECT count(*) FROM resident)"
		       " + (SELECT count(*) FROM staff) + (SELECT count(*) FROM community)", &n);
	return n == 0;
}

int db_data_version(struct db *db)
{
	int v = 0;
	pragma_int(db, "PRAGMA data_version", &v);
	return v;
}

const char *db_errmsg(struct db *db)
{
	/* A rollback clears SQLite's message; keep the one that caused it. */
	if (sqlite3_errcode(db->h) == SQLITE_OK && db->rolled_back)
		return db->rolled_back;
	return sqlite3_errmsg(db->h);
}

enum db_status db_last_status(struct db *db)
{
	int rc = sqlite3_errcode(db->h);
	if (rc == SQLITE_OK && db->rolled_back)
		rc = db->rolled_back_code;
	enum db_status s = db_status_of(rc);
	return s == DB_OK && db->rolled_back ? DB_ERR_SQL : s;
}

const char *db_user(struct db *db)
{
	return db->user;
}

const char *db_path(struct db *db)
{
	return db->path;
}

enum db_status db_begin(struct db *db)
{
	x_free(&db->rolled_back);
	return db_exec(db, "BEGIN IMMEDIATE");
}

enum db_status db_commit(struct db *db)
{
	return db_exec(db, "COMMIT");
}

void db_rollback(struct db *db)
{
	x_free(&db->rolled_back);
	db->rolled_back_code = sqlite3_errcode(db->h);
	if (db->rolled_back_code != SQLITE_OK)
		db->rolled_back = x_strdup(sqlite3_errmsg(db->h));
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

static bool check_one(struct db *db, const char *sql, bool want_ok, struct strbuf *sb)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st) {
		sb_addf(sb, "%s: %s\n", sql, sqlite3_errmsg(db->h));
		return false;
	}
	bool clean = true;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (want_ok && t && strcmp(t, "ok") == 0)
			continue;
		clean = false;
		sb_addf(sb, "%s: %s\n", sql, t ? t : "(row)");
	}
	sqlite3_finalize(st);
	return clean;
}

bool db_check(struct db *db, char **report)
{
	struct strbuf sb = STRBUF_INIT;
	bool a = check_one(db, "PRAGMA integrity_check", true, &sb);
	bool b = check_one(db, "PRAGMA foreign_key_check", false, &sb);
	*report = sb_take(&sb);
	return a && b;
}
