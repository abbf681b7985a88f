/* db/mediation.h - mediation cases: numbering and moves between states. */
#ifndef JUWEI_DB_MEDIATION_H
#define JUWEI_DB_MEDIATION_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "db.h"



/* Create a case, numbered within its year (the year of accepted_date):
 * the next number after the highest of that year, taken inside one
 * write transaction so that two sessions never get the same or skip
 * one.  The case number is prefix, the number, suffix.  *id, *seq. */
enum db_status db_case_create(struct db *db, const struct case_new *c, const char *prefix, const char *suffix,
			      const struct case_party *parties, int n_parties, int64_t *id, int *seq);

/* A move with the version read (DB_ERR_CONFLICT when the case moved
 * meanwhile); to 已回访 only with a complete 回访 record (staff, method,
 * performance, text) dated on or before the move. */
enum db_status db_case_move(struct db *db, const struct case_move_rec *m);
/* A closed case (结案) back in state `to`, with the reason as a record
 * of the step (from 结案, dated, by staff_id); DB_ERR_CONFLICT when it is
 * no longer closed or its version moved on. */
enum db_status db_case_reopen(struct db *db, int64_t id, int64_t version, const char *to, const char *date,
			      int64_t staff_id, const char *reason);


/* Newest first (year, number); keyset pages as db_visit_page(). */
enum db_status db_case_page(struct db *db, const struct case_filter *f, const struct case_row *from, int dir,
			    bool inclusive, int limit, struct case_row *out, int *n);
enum db_status db_case_count(struct db *db, const struct case_filter *f, int *n);
/* Open cases (受理, 调解中) accepted on or before `before`, oldest first. */
enum db_status db_cases_open_before(struct db *db, const char *before, struct case_row **out, int *n);
/* The cases residents of a household are parties to. */
enum db_status db_cases_of_household(struct db *db, int64_t household_id, struct case_row **out, int *n);

enum db_status db_case_get(struct db *db, int64_t id, struct case_rec *c);
/* Save the editable fields of c (summary, claims, type, mediator, facts,
 * agreement, manner, place, deadline, copies) with the version read. */
enum db_status db_case_update(struct db *db, const struct case_rec *c);
/* A closed case (结案) takes no update, party or record: those writes
 * change nothing and return DB_ERR_CONFLICT (DB_ERR_NOTFOUND for a
 * party's removal), whatever core checked before. */

enum db_status db_case_parties(struct db *db, int64_t case_id, struct case_party **out, int *n);
enum db_status db_case_party_add(struct db *db, int64_t case_id, const struct case_party *p);
enum db_status db_case_party_delete(struct db *db, int64_t party_id);
/* The case a party belongs to. */
enum db_status db_case_party_case(struct db *db, int64_t party_id, int64_t *case_id);
/* Is a resident a party of some case? */
enum db_status db_resident_is_party(struct db *db, int64_t resident_id, bool *party);

enum db_status db_case_events(struct db *db, int64_t case_id, struct case_event **out, int *n);
enum db_status db_case_event_add(struct db *db, int64_t case_id, const struct case_event *e);

/* The community's short name for case numbers ("" when none); newly
 * allocated. */
char *db_community_short_name(struct db *db);

#endif
