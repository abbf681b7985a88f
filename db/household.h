/* db/household.h - household list and detail queries. */
#ifndef JUWEI_DB_HOUSEHOLD_H
#define JUWEI_DB_HOUSEHOLD_H

#include "core/model.h"
#include "db.h"

/* Fill up to limit rows of the list in list order, starting after
 * from (dir > 0; from itself first when inclusive) or before it
 * (dir < 0; the rows still come back in ascending order).  from NULL
 * or with a NULL sort_key means from the very start (dir > 0) or the
 * very end (dir < 0).  *n receives the count.  Memory is bounded by
 * limit, whatever the size of the file. */
enum db_status db_household_page(struct db *db, const struct hh_filter *f,
				 const struct hh_key *from, int dir, bool inclusive,
				 int limit, struct hh_row *out, int *n);

/* One row of the list by household id (search results come as ids). */
enum db_status db_household_row(struct db *db, int64_t id, bool show_sensitive, struct hh_row *out);

/* The rows of households ids[0..n), in that order (missing ones left
 * out); *got says how many. */
enum db_status db_household_rows(struct db *db, const int64_t *ids, int n, bool show_sensitive,
				 struct hh_row *out, int *got);

/* Number of households the filter lets through. */
enum db_status db_household_count(struct db *db, const struct hh_filter *f, int *n);

/* A household with its dwelling, grid and members.  DB_ERR_NOTFOUND
 * when it has gone (deleted by another session). */
enum db_status db_household_get(struct db *db, int64_t id, bool show_sensitive,
				struct household *out);

/* The community's name ("" when the register has none); newly allocated. */
char *db_community_name(struct db *db);

#endif
