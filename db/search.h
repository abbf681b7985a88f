/* db/search.h - looking up the search index (see core/searchkey.h). */
#ifndef JUWEI_DB_SEARCH_H
#define JUWEI_DB_SEARCH_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

/* A resident (or a household's own phone: resident_id 0) found. */
struct search_hit {
	int64_t household_id, resident_id;
	char kind;           /* the term's kind letter (N n I i P p D T), or 'R' for a room */
	bool former;         /* name is the former name the term was made from */
	char *name, *relation;  /* "" for a household's phone or a room */
};

/* Append to *hits (growing it) the owners of terms that start with
 * prefix, at most limit of them. */
enum db_status db_search_prefix(struct db *db, const char *prefix, int limit,
				struct search_hit **hits, int *n, int *cap);
/* Append the households whose dwelling has this room number. */
enum db_status db_search_room(struct db *db, const char *room, int limit,
			      struct search_hit **hits, int *n, int *cap);
void search_hits_free(struct search_hit **hits, int *n, int *cap);

/* The compounds of the register, in order; *out newly allocated. */
enum db_status db_compounds(struct db *db, char ***out, int *n);

#endif
