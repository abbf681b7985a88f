/* db/staff.h - the members of staff, their grids, PINs and sign-in
 * locks. */
#ifndef JUWEI_DB_STAFF_H
#define JUWEI_DB_STAFF_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "db.h"

/* How many members of staff there are (retired ones too). */
enum db_status db_staff_count(struct db *db, int *n);
/* The member whose os_login is login (active or not): DB_ERR_NOTFOUND
 * when none. */
enum db_status db_staff_by_login(struct db *db, const char *login, struct staff_rec *out);
enum db_status db_staff_get(struct db *db, int64_t id, struct staff_rec *out);
/* Every member (retired ones last), newly allocated. */
enum db_status db_staff_list(struct db *db, struct staff_rec **out, int *n);
/* Insert (id 0) or update with the version read; the grids replaced. */
enum db_status db_staff_save(struct db *db, struct staff_rec *s);
enum db_status db_staff_set_pin(struct db *db, int64_t id, const char *pin_hash);

/* The sign-in lock: wrong PINs so far, and until when (local time
 * "YYYY-MM-DD HH:MM:SS", "" when not locked) the member is locked. */
enum db_status db_staff_lock(struct db *db, int64_t id, int *failed, char *until, int size);
/* One more wrong PIN; at `limit` the member is locked for `minutes`. */
enum db_status db_staff_lock_fail(struct db *db, int64_t id, int limit, int minutes);
enum db_status db_staff_lock_clear(struct db *db, int64_t id);
/* Is until still in the future? */
bool db_staff_locked(struct db *db, const char *until);

#endif
