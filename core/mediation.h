/* core/mediation.h - the rules of a people's mediation case (人民调解):
 * its states and the moves between them, what each move needs, and the
 * one-month time limit.
 *
 *   受理 → 调解中 → 调解成功 | 调解不成功 | 终止
 *   调解成功 → 履行中 → 已回访 → 结案
 *   调解不成功 / 终止 → 结案   (saying where the matter went)
 *
 * The screens offer only the moves case_moves() lists; case_check_move()
 * says, field by field, what a move still lacks.  履行中 → 已回访 needs a
 * 回访 record (date, by whom, how, what was found).  A closed case (结案)
 * is kept as it is: no edit, party, record or removal; the 主任 may
 * reopen it, saying why, and it goes back to the state it was closed
 * from. */
#ifndef JUWEI_MEDIATION_H
#define JUWEI_MEDIATION_H

#include <stdbool.h>

#include "codes.h"
#include "register.h"
#include "resident.h"

#define CASE_STATES 8
/* The states, in the order of the procedure (NULL-terminated). */
extern const char *const case_states[CASE_STATES + 1];

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
	const char *followup;  /* to 已回访: the date of the latest 回访 record (NULL: none) */
};
/* Check a move: allowed from the state, a date not before acceptance
 * nor after today, and what the target needs (已回访: a 回访 record not
 * after the move's date).  Messages keyed by field: to, date, agreement,
 * perform_manner, perform_deadline, referred_to. */
void case_check_move(const struct case_move *m, const char *accepted, const char *today, struct check *out);

/* The day of the procedure: the day of acceptance is day 1. */
int case_day(const char *accepted, const char *today);
enum case_limit { CASE_IN_TIME, CASE_WARN, CASE_OVERDUE };
/* The one-month limit: a warning from day 25, overdue after day 30; only
 * while the case is open (受理, 调解中). */
enum case_limit case_limit_of(const char *state, const char *accepted, const char *today);

/* "（2026）幸福里人调字第12号". Newly allocated. */
char *case_number(int year, const char *short_name, int seq);


/* A party: a role, and either a resident or a person from outside with
 * a name; an outside ID number and phone are checked and normalised in
 * place.  Messages keyed role, name, sex, age, id_number, phone. */
void case_party_check(struct case_party *p, struct check *out);
/* A party's age on today: a resident's from the birth date; -1 unknown. */
int case_party_age(const struct case_party *p, const char *today);
/* A new case: the accepted date (not in the future), source, type,
 * summary, and at least one 申请人 and one 被申请人 unless the source is
 * 主动排查.  Keys: accepted_date, source, type, summary, applicant,
 * respondent. */
void case_check_new(const struct case_new *c, const struct case_party *p, int np, const char *today,
		    struct check *out);
/* A record: its kind, a date between acceptance and today, text.  A
 * follow-up visit (回访) comes after the agreement (agreed: the date of
 * 调解成功, NULL when there is none), names who made it and how, and
 * says whether the agreement was performed. */
void case_check_record(const struct case_event *e, const char *accepted, const char *agreed, const char *today,
		       struct check *out);
/* The date the case reached 调解成功 (the latest such step; NULL: never). */
const char *case_agreed_on(const struct case_event *e, int n);
/* The date of the latest complete 回访 record (by whom, how, performance,
 * text) dated from `since` (NULL: any) up to `until` (NULL: any); NULL
 * when there is none. */
const char *case_followup_on(const struct case_event *e, int n, const char *since, const char *until);

/* Is a case in this state closed (结案), to be read only? */
bool case_closed(const char *state);
/* A change to case c: refused when it is closed, naming who may reopen
 * it.  Key: state. */
void case_check_open(const struct case_rec *c, struct check *out);
/* The state a closed case goes back to when reopened: the one it was
 * closed from (its records say), else what its result says. */
const char *case_reopen_state(const struct case_rec *c, const struct case_event *e, int n);
/* Reopening: only a closed case, and a reason.  Keys: state, reason. */
void case_check_reopen(const struct case_rec *c, const char *reason, struct check *out);

/* Removing party_id from case c (its parties p): refused when it is the
 * last 申请人 or 被申请人 of a case not found by 主动排查.  Key: party. */
void case_check_party_removal(const struct case_rec *c, const struct case_party *p, int np, int64_t party_id,
			      struct check *out);

/* The register's gateway to cases.  The saving calls check first and
 * return DB_OK with messages in out when they refuse. */
/* A new case with its parties, numbered in its year (*case_no newly
 * allocated) in one transaction. */
enum db_status reg_case_create(struct reg *r, const struct case_new *c, struct case_party *p, int np,
			       const char *today, struct check *out, int64_t *id, char **case_no);
/* A checked move (the version read; DB_ERR_CONFLICT when someone else
 * moved the case first). */
enum db_status reg_case_move(struct reg *r, const struct case_move_rec *m, const char *accepted,
			     const char *today, struct check *out);
enum db_status reg_case_party_add(struct reg *r, int64_t case_id, struct case_party *p, struct check *out);
/* A party removed, as case_check_party_removal() allows. */
enum db_status reg_case_party_remove(struct reg *r, int64_t case_id, int64_t party_id, struct check *out);
/* A record, checked against the case as stored (its acceptance, its
 * agreement, not closed). */
enum db_status reg_case_record(struct reg *r, int64_t case_id, const struct case_event *e, const char *today,
			       struct check *out);
/* The case's own fields (the version read); refused in *out when the
 * case is closed. */
enum db_status reg_case_update(struct reg *r, const struct case_rec *c, struct check *out);
/* A closed case opened again by the 主任 (P_CASE_REOPEN), with the
 * version read and a reason kept in its records (and the audit trail);
 * DB_ERR_CONFLICT when someone else changed it first. */
enum db_status reg_case_reopen(struct reg *r, int64_t case_id, int64_t version, const char *reason,
			       const char *today, struct check *out);
enum db_status reg_case_page(struct reg *r, const struct case_filter *f, const struct case_row *from,
			     int dir, bool inclusive, int limit, struct case_row *out, int *n);
enum db_status reg_case_count(struct reg *r, const struct case_filter *f, int *n);
/* A case with its parties and records (p, e may be NULL), as screens
 * show it: the parties' ID numbers and phones masked, and only names
 * and roles for the roles that may not see the parties' details. */
enum db_status reg_case(struct reg *r, int64_t id, struct case_rec *c, struct case_party **p, int *np,
			struct case_event **e, int *ne);
/* The same whole, for a document: for the roles that may see the
 * parties' details, with a reveal row naming reason. */
enum db_status reg_case_whole(struct reg *r, int64_t id, const char *reason, struct case_rec *c,
			      struct case_party **p, int *np, struct case_event **e, int *ne);
/* Open cases from their day 25 on (warned or overdue), oldest first. */
enum db_status reg_cases_overdue(struct reg *r, const char *today, struct case_row **out, int *n);
enum db_status reg_cases_of_household(struct reg *r, int64_t household_id, struct case_row **out, int *n);

/* The documents of a case (core/mediation_docs.c), to write with
 * doc_text() or doc_html(); committee: the committee's full name. */
struct doc;
struct doc *case_doc_registration(const struct case_rec *c, const struct case_party *p, int np,
				  const char *committee, const char *today);
struct doc *case_doc_agreement(const struct case_rec *c, const struct case_party *p, int np,
			       const char *committee, const char *today);
struct doc *case_doc_followups(const struct case_rec *c, const struct case_event *e, int ne,
			       const char *committee);
/* The yearly register (台账): rows of the year, in number order. */
struct doc *case_doc_register(const struct case_row *rows, int n, int year, const char *committee);

/* File names of documents (without directory or extension, safe for
 * Windows): a case's "（2026）幸福里人调字第12号-回访记录", the year's
 * register "2026年人民调解案件登记台账". */
char *case_doc_file_name(const char *case_no, const char *kind);
char *case_register_file_name(int year);

#endif
