/* db/demo.h - inserts for the demo community generator (core/demo.c).
 *
 * All inserts of one run share prepared statements and one transaction:
 * demo_db_open begins it, demo_db_close commits it or rolls it back.
 * After the first failure every insert returns 0 and does nothing; the
 * close reports the failure. */
#ifndef JUWEI_DB_DEMO_H
#define JUWEI_DB_DEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

struct demo_db;

struct demo_db *demo_db_open(struct db *db);
/* Commit when commit is true and nothing failed; else roll back. */
enum db_status demo_db_close(struct demo_db **d, bool commit);

struct demo_resident {
	int64_t household_id;
	const char *name, *sex, *birth_date, *id_number, *ethnicity, *relation;
	const char *phone, *political, *education, *occupation, *employment;
	const char *residence_type, *arrival_date, *arrival_reason;
	const char *status, *status_date, *moved_to, *notes;
};

struct demo_visit {
	int64_t household_id, resident_id, staff_id;
	const char *date, *method, *purpose, *findings, *needs, *next_date;
	bool follow_up;
};

struct demo_case {
	int year, seq;
	const char *case_no, *accepted, *source, *type, *summary, *claims, *state;
	const char *result, *facts, *agreement, *manner, *place, *deadline;
	const char *referred_to, *closed;
	int copies;
	int64_t registrar_id, mediator_id, co_mediator_id;
};

struct demo_party {
	int64_t case_id, resident_id;
	const char *role, *name, *sex, *ethnicity, *id_number, *occupation, *phone, *address;
	int age, sort;
};

struct demo_event {
	int64_t case_id, staff_id;
	const char *kind, *date, *text, *from_state, *to_state;
	const char *performance, *satisfaction;
	int flare_up; /* -1: not recorded */
	const char *method; /* a 回访: how it was made */
};

struct demo_meeting {
	const char *kind, *title, *date, *time, *place, *state, *history, *minutes;
	const char *publish_start, *publish_end;
	int64_t host_id, recorder_id;
	int entitled;
};

struct demo_attendee {
	int64_t meeting_id, resident_id;
	const char *name, *organisation, *role, *attendance, *proxy_name;
	int sort;
};

struct demo_item {
	int64_t meeting_id;
	int seq, votes_for, votes_against, votes_abstain; /* votes < 0: none */
	const char *title, *proposal, *discussion, *decision, *decision_text;
	const char *minority, *follow_up, *follow_up_date;
};

int64_t demo_db_community(struct demo_db *d, const char *name, const char *area_code,
			  const char *street, const char *district, const char *address,
			  const char *phone, const char *short_name);
int64_t demo_db_staff(struct demo_db *d, const char *name, const char *role,
		      const char *login, const char *phone);
int64_t demo_db_grid(struct demo_db *d, const char *code, const char *name, int64_t worker_id);
void demo_db_staff_grid(struct demo_db *d, int64_t staff_id, int64_t grid_id);
int64_t demo_db_dwelling(struct demo_db *d, int64_t grid_id, const char *compound,
			 const char *building, const char *unit, const char *room,
			 const char *tenure);
int64_t demo_db_household(struct demo_db *d, int64_t dwelling_id, const char *reg_no,
			  const char *kind, const char *phone, const char *notes,
			  const char *status);
int64_t demo_db_resident(struct demo_db *d, const struct demo_resident *r);
/* Tags by name from the tag vocabulary. */
void demo_db_resident_tag(struct demo_db *d, int64_t resident_id, const char *tag,
			  const char *since, const char *note);
void demo_db_household_tag(struct demo_db *d, int64_t household_id, const char *tag,
			   const char *since, const char *note);
int64_t demo_db_visit(struct demo_db *d, const struct demo_visit *v);
void demo_db_visit_report(struct demo_db *d, int64_t visit_id, const char *item);
int64_t demo_db_case(struct demo_db *d, const struct demo_case *c);
void demo_db_party(struct demo_db *d, const struct demo_party *p);
void demo_db_event(struct demo_db *d, const struct demo_event *e);
int64_t demo_db_meeting(struct demo_db *d, const struct demo_meeting *m);
/* A meeting reaches its state (written 召开 while its attendance and
 * topics go in: from 决议 on, the schema keeps them). */
/* A closed case's closing date: the day of its last step. */
void demo_db_case_closed(struct demo_db *d, int64_t case_id, const char *date);
void demo_db_meeting_state(struct demo_db *d, int64_t meeting_id, const char *state);
void demo_db_attendee(struct demo_db *d, const struct demo_attendee *a);
void demo_db_item(struct demo_db *d, const struct demo_item *it);
/* Rosters: a roster, a member (a resident, a member of staff by name, or
 * a name), and the heads of households of up to most buildings, one a
 * building, as its 楼组长. */
int64_t demo_db_roster(struct demo_db *d, const char *name, const char *notes);
void demo_db_roster_member(struct demo_db *d, int64_t roster_id, int64_t resident_id, int64_t staff_id,
			   const char *name, const char *organisation, const char *role, int sort);
void demo_db_roster_building_heads(struct demo_db *d, int64_t roster_id, int most);

#endif
