/* tests/tools/sqlrun.c - run SQL from stdin against a juwei database,
 * opened the way juwei opens it (so juwei_user() exists and the audit
 * triggers fire).  Tests use it to make fixtures: households with
 * hostile names, names of every length.
 *
 * usage: sqlrun DB [USER] < script.sql */
#include "core/xalloc.h"
#include "db/db.h"
#include "db/internal.h"

#include <stdio.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: sqlrun DB [USER] < script.sql\n");
		return 2;
	}
	struct strbuf sb = STRBUF_INIT;
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, stdin)) > 0)
		sb_add(&sb, buf, n);
	struct db *db = NULL;
	char *detail = NULL;
	enum db_status s = db_open(argv[1], argc > 2 ? argv[2] : "test", DB_OPEN_CREATE, &db, &detail);
	if (s != DB_OK) {
		fprintf(stderr, "sqlrun: cannot open %s (%d): %s\n", argv[1], s, detail ? detail : "");
		x_free(&detail);
		sb_free(&sb);
		return 1;
	}
	char *err = NULL;
	int rc = sqlite3_exec(db->h, sb.buf ? sb.buf : "", NULL, NULL, &err);
	if (rc != SQLITE_OK)
		fprintf(stderr, "sqlrun: %s\n", err ? err : "error");
	sqlite3_free(err);
	db_close(&db);
	sb_free(&sb);
	return rc == SQLITE_OK ? 0 : 1;
}
