/* core/visit.h - home visits: the rules a visit keeps, and the register's
 * gateway to visits, vocabularies and what is due (see db/visit.h). */
#ifndef JUWEI_VISIT_H
#define JUWEI_VISIT_H

#include "register.h"
#include "resident.h"

/* Check a visit: a real date not after today, a method and a purpose,
 * a next visit after the visit itself; dates typed in any accepted form
 * are rewritten as YYYY-MM-DD.  Messages are keyed by field: visit_date,
 * staff, method, purpose, next_visit_date, findings, needs. */
void visit_check(struct visit_rec *v, const char *today, struct check *out);

enum db_status reg_vocab(struct reg *r, enum vocab_kind kind, bool all, struct vocab **out, int *n);
int64_t reg_staff_of_user(struct reg *r);
enum db_status reg_vocab_add(struct reg *r, enum vocab_kind kind, const char *name);
enum db_status reg_vocab_rename(struct reg *r, enum vocab_kind kind, int64_t id, const char *name);
enum db_status reg_vocab_set_active(struct reg *r, enum vocab_kind kind, int64_t id, bool active);
enum db_status reg_tag_set_interval(struct reg *r, int64_t tag, int days);

enum db_status reg_visit(struct reg *r, int64_t id, struct visit_rec *out);
enum db_status reg_visit_save(struct reg *r, struct visit_rec *v);
enum db_status reg_visit_delete(struct reg *r, int64_t id, int64_t version);
/* Mark the follow-up a visit asked for as done. */
enum db_status reg_visit_followed(struct reg *r, int64_t id);
enum db_status reg_visit_page(struct reg *r, const struct visit_filter *f, const struct visit_row *from,
			      int dir, bool inclusive, int limit, struct visit_row *out, int *n);
enum db_status reg_visit_count(struct reg *r, const struct visit_filter *f, int *n);
enum db_status reg_household_visits(struct reg *r, int64_t household_id, const char *today, int limit,
				    struct visit_row **out, int *n, char **last, char **due);

/* A planned visit (a visit's 下次走访) as of today: none, upcoming (after
 * today), due (today, or up to PLAN_MISSED_DAYS days ago) or missed
 * (longer ago; core/rules.h). */
enum plan_state { PLAN_NONE, PLAN_UPCOMING, PLAN_DUE, PLAN_MISSED };
enum plan_state visit_plan_state(const char *plan, const char *today);
/* The next visit the household's latest visit planned ("" : none), and
 * its state. */
enum db_status reg_household_plan(struct reg *r, int64_t household_id, const char *today, char **plan,
				  enum plan_state *state);

/* What Today asks for as of today, narrowed by grid and tag (0: any):
 * plans more than PLAN_MISSED_DAYS days past are missed, tags visited
 * at least every SHORT_INTERVAL_DAYS days are urgent. */
void today_query_init(struct today_query *q, const char *today, int64_t grid, int64_t tag);
/* Today's lists (see db/visit.h): their counts, a page of one, the row
 * of a household (a visit, for follow-ups) in one. */
enum db_status reg_today_count(struct reg *r, const struct today_query *q, int counts[TODAY_LISTS]);
enum db_status reg_today_page(struct reg *r, const struct today_query *q, enum today_list list,
			      const struct today_row *from, int dir, bool inclusive, int limit, struct today_row *out,
			      int *n);
enum db_status reg_today_find(struct reg *r, const struct today_query *q, enum today_list list, int64_t hid,
			      int64_t vid, struct today_row *out);
/* The first limit rows of each list (none when limit is 0) and the
 * counts. */
enum db_status reg_today(struct reg *r, const char *today, int64_t grid, int64_t tag, int limit,
			 struct today *out);

#endif
