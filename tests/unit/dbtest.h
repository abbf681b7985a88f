/* tests/unit/dbtest.h - small helpers for tests that look into a
 * database with SQL (tests may include db/internal.h). */
#ifndef JUWEI_TEST_DBTEST_H
#define JUWEI_TEST_DBTEST_H

#include "cm.h"
#include "core/i18n.h"
#include "core/register.h"
#include "db/internal.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The integer in the first column of the first row of sql. */
static inline int query_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql);
	if (!st)
		fail_msg("%s: %s", sql, db_errmsg(db));
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A new database (user "clerk") under a name made from path, a
 * mkstemp() template changed in place; the zh_CN catalog loaded.  False
 * when either fails. */
static inline bool dbtest_create(char *path, struct db **db)
{
	int fd = mkstemp(path);
	if (fd < 0)
		return false;
	close(fd);
	unlink(path);
	i18n_init("zh_CN");
	return db_open(path, "clerk", DB_OPEN_CREATE, db, NULL) == DB_OK;
}

/* Remove a test database and the -wal and -shm files beside it. */
static inline void dbtest_remove(const char *path)
{
	char buf[4096];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

/* Close what dbtest_create() opened and remove the files. */
static inline void dbtest_destroy(const char *path, struct db **db)
{
	db_close(db);
	i18n_free();
	dbtest_remove(path);
}

/* Act as a member of staff of role (staff id 900 + role, named after
 * the role) with grids (n of them), without signing in. */
static inline void dbtest_as(struct reg *r, enum role role, const int64_t *grids, int n)
{
	struct access a;
	memset(&a, 0, sizeof a);
	a.staff_id = 900 + role;
	a.role = role;
	snprintf(a.name, sizeof a.name, "%s", role_name(role));
	for (int i = 0; i < n && i < ACCESS_GRIDS; i++)
		a.grids[a.n_grids++] = grids[i];
	reg_set_access(r, &a, role_name(role));
}

#endif
