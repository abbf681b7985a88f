/* db/visit.h - home visits (走访), their vocabularies, and what is due. */
#ifndef JUWEI_DB_VISIT_H
#define JUWEI_DB_VISIT_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "db.h"

/* Active entries in their order (all of them when all). */
enum db_status db_vocab(struct db *db, enum vocab_kind kind, bool all, struct vocab **out, int *n);
/* The staff member whose os_login is the acting user; 0 when none. */
int64_t db_staff_of_user(struct db *db);

/* Settings: rename an entry, set its order or activity, a tag's interval. */
enum db_status db_vocab_add(struct db *db, enum vocab_kind kind, const char *name, int64_t *id);
enum db_status db_vocab_rename(struct db *db, enum vocab_kind kind, int64_t id, const char *name);
enum db_status db_vocab_set_active(struct db *db, enum vocab_kind kind, int64_t id, bool active);
/* interval 0 clears it (the tag sets no visiting rhythm). */
enum db_status db_tag_set_interval(struct db *db, int64_t id, int interval);

enum db_status db_visit_get(struct db *db, int64_t id, struct visit_rec *out);
/* Insert (id 0) or update with the version read (DB_ERR_CONFLICT when
 * someone else saved since); the must-report items are replaced. */
enum db_status db_visit_save(struct db *db, struct visit_rec *v);
/* Delete with the version read. */
enum db_status db_visit_delete(struct db *db, int64_t id, int64_t version);

/* The visit list, newest first, keyset-paged like the household list. */
enum db_status db_visit_page(struct db *db, const struct visit_filter *f, const struct visit_row *from,
			     int dir, bool inclusive, int limit, struct visit_row *out, int *n);
enum db_status db_visit_count(struct db *db, const struct visit_filter *f, int *n);

/* A household's visits, newest first (at most limit), its last visit
 * (on or before today) and the date its next visit is due ("" when
 * its tags set no rhythm; never visited: today). */
enum db_status db_household_visits(struct db *db, int64_t household_id, const char *today, int limit,
				   struct visit_row **out, int *n, char **last, char **due);

/* Today's lists (core/model.h: enum today_list), as filtered by q (its
 * grid and tag, 0: any): how many each holds, and pages of one of them
 * in its order, keyset-paged like the visit list (from: a row of that
 * list; NULL: its start, or its end when dir < 0).  The overdue list
 * holds tagged households whose visit was due before today (or never
 * visited), the most urgent first (the rank of struct today_row). */
enum db_status db_today_count(struct db *db, const struct today_query *q, int counts[TODAY_LISTS]);
enum db_status db_today_page(struct db *db, const struct today_query *q, enum today_list list,
			     const struct today_row *from, int dir, bool inclusive, int limit, struct today_row *out,
			     int *n);
/* The row of household hid (of visit vid, for follow-ups) in list:
 * DB_ERR_NOTFOUND when it is not there. */
enum db_status db_today_find(struct db *db, const struct today_query *q, enum today_list list, int64_t hid,
			     int64_t vid, struct today_row *out);
/* The next visit the household's latest visit planned ("" : none). */
enum db_status db_household_plan(struct db *db, int64_t household_id, char **plan);

#endif
