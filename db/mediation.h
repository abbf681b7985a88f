/* db/mediation.h - mediation cases: numbering and moves between states. */
#ifndef JUWEI_DB_MEDIATION_H
#define JUWEI_DB_MEDIATION_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

struct case_new {
	const char *accepted_date, *source, *summary, *claims;
	int64_t type_id, registrar_id, mediator_id;
};

/* A party as stored: a resident (resident_id, the other fields read from
 * the register) or a person from outside.  Strings newly allocated when
 * read; as input they are only borrowed. */
struct case_party {
	int64_t id, resident_id, household_id;
	char *role, *name, *sex, *ethnicity, *id_number, *occupation, *phone, *address;
	char *birth; /* a resident's birth date (read only) */
	int age;     /* a person from outside; -1: not given */
};
void case_party_free(struct case_party *p);
void case_parties_free(struct case_party **p, int *n);

/* Create a case, numbered within its year (the year of accepted_date):
 * the next number after the highest of that year, taken inside one
 * write transaction so that two sessions never get the same or skip
 * one.  The case number is prefix, the number, suffix.  *id, *seq. */
enum db_status db_case_create(struct db *db, const struct case_new *c, const char *prefix, const char *suffix,
			      const struct case_party *parties, int n_parties, int64_t *id, int *seq);

/* Record a move of state (checked by core): the case's state and what
 * the move brings, and a 状态变更 event; with the version read. */
struct case_move_rec {
	int64_t id, version, staff_id;
	const char *from, *to, *date;
	const char *agreement, *manner, *deadline, *referred_to;
};
enum db_status db_case_move(struct db *db, const struct case_move_rec *m);

/* A row of the case list. */
struct case_row {
	int64_t id;
	int year, seq;
	char *case_no, *accepted, *type, *parties, *mediator, *state, *closed;
};
void case_row_free(struct case_row *r);

/* What the list shows: year (0: all), state ("" all), type and mediator
 * (0: all), open cases past their limit only (overdue, with today). */
struct case_filter {
	int year;
	char state[32];
	int64_t type, mediator;
	bool overdue;
	char today[11];
};
/* Newest first (year, number); keyset pages as db_visit_page(). */
enum db_status db_case_page(struct db *db, const struct case_filter *f, const struct case_row *from, int dir,
			    bool inclusive, int limit, struct case_row *out, int *n);
enum db_status db_case_count(struct db *db, const struct case_filter *f, int *n);
/* Open cases (受理, 调解中) accepted on or before `before`, oldest first. */
enum db_status db_cases_open_before(struct db *db, const char *before, struct case_row **out, int *n);
/* The cases residents of a household are parties to. */
enum db_status db_cases_of_household(struct db *db, int64_t household_id, struct case_row **out, int *n);

/* A whole case. */
struct case_rec {
	int64_t id, version, type_id, mediator_id, registrar_id;
	int copies;
	char *case_no, *accepted, *source, *type, *summary, *claims, *state, *result, *facts, *agreement,
	     *manner, *place, *deadline, *referred_to, *closed, *mediator, *registrar;
};
void case_rec_init(struct case_rec *c);
void case_rec_free(struct case_rec *c);
enum db_status db_case_get(struct db *db, int64_t id, struct case_rec *c);
/* Save the editable fields of c (summary, claims, type, mediator, facts,
 * agreement, manner, place, deadline, copies) with the version read. */
enum db_status db_case_update(struct db *db, const struct case_rec *c);

enum db_status db_case_parties(struct db *db, int64_t case_id, struct case_party **out, int *n);
enum db_status db_case_party_add(struct db *db, int64_t case_id, const struct case_party *p);
enum db_status db_case_party_delete(struct db *db, int64_t party_id);

/* A record of the case (调查 / 调解 / 回访 / 其他, and 状态变更). */
struct case_event {
	int64_t id, staff_id;
	char *kind, *date, *staff, *text, *from_state, *to_state, *performance, *satisfaction;
	int flare_up; /* -1: not said */
};
void case_events_free(struct case_event **e, int *n);
enum db_status db_case_events(struct db *db, int64_t case_id, struct case_event **out, int *n);
enum db_status db_case_event_add(struct db *db, int64_t case_id, const struct case_event *e);

/* The community's short name for case numbers ("" when none); newly
 * allocated. */
char *db_community_short_name(struct db *db);

#endif
