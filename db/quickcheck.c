/* db/quickcheck.c - is the file whole?  PRAGMA quick_check, on the
 * caller's connection or, after the first screen, in a thread of its
 * own on a connection of its own. */
#include "internal.h"

#include "core/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

struct qc {
	pthread_t thread;
	char *path;
	atomic_int result;  /* -1 running, else an enum db_status */
};

static enum db_status run_check(sqlite3 *h)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK)
		return db_status_of(sqlite3_errcode(h)) == DB_ERR_NOTDB ? DB_ERR_DAMAGED : db_status_of(sqlite3_errcode(h));
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
	sqlite3_finalize(st);
	/* A damaged page can also make the check itself fail. */
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB || (rc == SQLITE_ROW && !ok))
		return DB_ERR_DAMAGED;
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_quick_check(struct db *db)
{
	return run_check(db->h);
}

static void *check_thread(void *arg)
{
	struct qc *q = arg;
	sqlite3 *h = NULL;
	enum db_status s;
	if (sqlite3_open_v2(q->path, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		s = DB_ERR_CANTOPEN;
	else {
		sqlite3_busy_timeout(h, 5000);
		s = run_check(h);
	}
	sqlite3_close(h);
	atomic_store(&q->result, (int)s);
	return NULL;
}

void db_quick_check_start(struct db *db)
{
	if (db->quick || db->memory)
		return;
	struct qc *q = x_calloc(1, sizeof *q);
	q->path = x_strdup(db->path);
	atomic_init(&q->result, -1);
	if (pthread_create(&q->thread, NULL, check_thread, q) != 0) {
		x_free(&q->path);
		x_free(&q);
		return;
	}
	db->quick = q;
}

enum db_status db_quick_check_poll(struct db *db)
{
	struct qc *q = db->quick;
	if (!q)
		return DB_OK;
	int r = atomic_load(&q->result);
	if (r < 0)
		return DB_ERR_BUSY;
	pthread_join(q->thread, NULL);
	x_free(&q->path);
	x_free(&db->quick);
	return (enum db_status)r;
}

void db_quick_check_stop(struct db *db)
{
	struct qc *q = db->quick;
	if (!q)
		return;
	pthread_join(q->thread, NULL);
	x_free(&q->path);
	x_free(&db->quick);
}
