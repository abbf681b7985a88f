/* db/resident.h - reading and saving one resident. */
#ifndef JUWEI_DB_RESIDENT_H
#define JUWEI_DB_RESIDENT_H

#include "core/model.h"
#include "db.h"

/* Fill rec (initialised with resident_rec_init) from the row. */
enum db_status db_resident_get(struct db *db, int64_t id, struct resident_rec *rec);

/* Insert (rec->id == 0) or update.  An update names the version it
 * read: when someone else saved the row since, nothing is written and
 * DB_ERR_CONFLICT comes back (DB_ERR_NOTFOUND when it was deleted).
 * On success rec->id and rec->version are the stored ones.  Empty
 * fields are stored as NULL. */
enum db_status db_resident_save(struct db *db, struct resident_rec *rec);

/* Who else has this ID number: *owner is 0 when nobody (other than
 * exclude_id) does; else *name and *address (newly allocated) say who. */
enum db_status db_resident_id_owner(struct db *db, const char *id_number, int64_t exclude_id,
				    int64_t *owner, char **name, char **address);

#endif
