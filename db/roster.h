/* db/roster.h - rosters (名单) and their members, and the earlier
 * meetings whose attendees a meeting may copy. */
#ifndef JUWEI_DB_ROSTER_H
#define JUWEI_DB_ROSTER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "db.h"

/* Every roster by name, with how many it lists. */
enum db_status db_rosters(struct db *db, struct roster **out, int *n);
enum db_status db_roster_get(struct db *db, int64_t id, struct roster *out);
/* The roster of that name; *id 0 when none. */
enum db_status db_roster_named(struct db *db, const char *name, int64_t *id);
/* Add (id 0: id and version filled in) or change over the version read
 * (DB_ERR_CONFLICT when another session changed it). */
enum db_status db_roster_save(struct db *db, struct roster *r);
/* Delete with its members, over the version read. */
enum db_status db_roster_delete(struct db *db, int64_t id, int64_t version);

/* The members of a roster in their order. */
enum db_status db_roster_members(struct db *db, int64_t roster_id, struct roster_member **out, int *n);
/* Add a member at the end (a resident, or a name from outside). */
enum db_status db_roster_member_add(struct db *db, int64_t roster_id, const struct roster_member *m);
enum db_status db_roster_member_delete(struct db *db, int64_t id);
/* The roster a member is on (DB_ERR_NOTFOUND when gone). */
enum db_status db_roster_member_roster(struct db *db, int64_t id, int64_t *roster_id);

/* The other meetings with attendees, newest first (at most limit). */
enum db_status db_meeting_sources(struct db *db, int64_t meeting_id, int limit, struct meeting_source **out,
				  int *n);

#endif
