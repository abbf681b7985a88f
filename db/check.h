/* db/check.h - what `juwei check` verifies in a register file: the
 * file itself, the audit chain and its end, the triggers against the
 * schema the migrations make, and every record against its last
 * audited state (core/integrity.c says what each finding means). */
#ifndef JUWEI_DB_CHECK_H
#define JUWEI_DB_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

enum finding_kind {
	FIND_FILE,             /* SQLite's integrity check: name says what */
	FIND_CHAIN,            /* audit row id does not verify */
	FIND_TAIL,             /* audit row id, the end of the last check, is gone or changed */
	FIND_TRIGGER_MISSING,  /* trigger name is not there */
	FIND_TRIGGER_CHANGED,  /* trigger name is not as the migrations made it */
	FIND_TRIGGER_EXTRA,    /* trigger name is not juwei's */
	FIND_STATE,            /* record id of table name differs from its last audited state */
	FIND_UNAUDITED,        /* record id of table name has no audit row */
	FIND_VANISHED,         /* record id of table name is gone without an audited delete */
};

struct finding {
	enum finding_kind kind;
	char *name;
	int64_t id;
};

struct check_findings {
	struct finding *f;
	int n, cap;
	int64_t rows;           /* audit rows read */
	int64_t last_id;        /* the end of the chain now */
	char last_hash[65];
};
void check_findings_free(struct check_findings *c);

/* Look at everything; at most max findings of each kind. */
enum db_status db_check_run(struct db *db, int max, struct check_findings *out);
/* Keep the result (and the end of the chain) for the next check and
 * the screen. */
enum db_status db_check_save(struct db *db, bool clean, const char *findings, const struct check_findings *c);
/* The last check: *have false when there was none. */
enum db_status db_check_last(struct db *db, bool *have, bool *clean, char *at, int at_size);

#endif
