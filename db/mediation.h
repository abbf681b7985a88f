/* db/mediation.h - mediation cases: numbering and moves between states. */
#ifndef JUWEI_DB_MEDIATION_H
#define JUWEI_DB_MEDIATION_H

#include <stdint.h>

#include "db.h"

struct case_new {
	const char *accepted_date, *source, *summary, *claims;
	int64_t type_id, registrar_id, mediator_id;
};

/* Create a case, numbered within its year (the year of accepted_date):
 * the next number after the highest of that year, taken inside one
 * write transaction so that two sessions never get the same or skip
 * one.  The case number is prefix, the number, suffix.  *id, *seq. */
enum db_status db_case_create(struct db *db, const struct case_new *c, const char *prefix, const char *suffix,
			      int64_t *id, int *seq);

/* Record a move of state (checked by core): the case's state and what
 * the move brings, and a 状态变更 event; with the version read. */
struct case_move_rec {
	int64_t id, version, staff_id;
	const char *from, *to, *date;
	const char *agreement, *manner, *deadline, *referred_to;
};
enum db_status db_case_move(struct db *db, const struct case_move_rec *m);

/* The community's short name for case numbers ("" when none); newly
 * allocated. */
char *db_community_short_name(struct db *db);

#endif
