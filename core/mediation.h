/* core/mediation.h - the rules of a people's mediation case (人民调解):
 * its states and the moves between them, what each move needs, and the
 * one-month time limit.
 *
 *   受理 → 调解中 → 调解成功 | 调解不成功 | 终止
 *   调解成功 → 履行中 → 已回访 → 结案
 *   调解不成功 / 终止 → 结案   (saying where the matter went)
 *
 * The screens offer only the moves case_moves() lists; case_check_move()
 * says, field by field, what a move still lacks. */
#ifndef JUWEI_MEDIATION_H
#define JUWEI_MEDIATION_H

#include <stdbool.h>

#include "db/mediation.h"
#include "register.h"
#include "resident.h"

#define CASE_STATES 8
/* The states, in the order of the procedure. */
extern const char *const case_states[CASE_STATES];

/* The states a case in state `from` may move to (NULL-terminated, in
 * out, at most CASE_STATES); returns how many (0: none, or unknown). */
int case_moves(const char *from, const char **out);
bool case_move_allowed(const char *from, const char *to);

/* What a move carries. */
struct case_move {
	const char *from, *to;
	const char *date;                                /* YYYY-MM-DD */
	const char *agreement, *manner, *deadline;       /* to 调解成功 */
	const char *referred_to;                         /* 调解不成功/终止 → 结案 */
};
/* Check a move: allowed from the state, a date not before acceptance
 * nor after today, and what the target needs.  Messages keyed by field:
 * to, date, agreement, perform_manner, perform_deadline, referred_to. */
void case_check_move(const struct case_move *m, const char *accepted, const char *today, struct check *out);

/* The day of the procedure: the day of acceptance is day 1. */
int case_day(const char *accepted, const char *today);
enum case_limit { CASE_IN_TIME, CASE_WARN, CASE_OVERDUE };
/* The one-month limit: a warning from day 25, overdue after day 30; only
 * while the case is open (受理, 调解中). */
enum case_limit case_limit_of(const char *state, const char *accepted, const char *today);

/* "（2026）幸福里人调字第12号". Newly allocated. */
char *case_number(int year, const char *short_name, int seq);

/* The register's gateway to cases: a new case numbered in its year
 * (*case_no newly allocated), and a checked move (the version read;
 * DB_ERR_CONFLICT when someone else moved the case first). */
enum db_status reg_case_create(const struct reg *r, const struct case_new *c, int64_t *id, char **case_no);
enum db_status reg_case_move(const struct reg *r, const struct case_move_rec *m, const char *accepted,
			     const char *today, struct check *out);

#endif
