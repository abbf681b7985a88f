/* core/staff.h - the members of staff, kept by the 主任: name, role,
 * login, phone, grids, in service or retired, PIN.
 *
 * The screen and `juwei staff` both come here; every call but the
 * sign-in list needs P_ADMIN.  A PIN hash never leaves core: a record
 * read here says only whether a PIN is set (pin_hash "1" or ""). */
#ifndef JUWEI_STAFF_H
#define JUWEI_STAFF_H

#include "check.h"
#include "lists.h"
#include "model.h"
#include "register.h"

/* The members in service, for the sign-in screen (no permission: it is
 * the door).  *out newly allocated; free with staff_recs_free(). */
enum db_status reg_staff_door(struct reg *r, struct staff_rec **out, int *n);

/* Every member, retired ones last. */
enum db_status reg_staff_list(struct reg *r, struct staff_rec **out, int *n);
enum db_status reg_staff_get(struct reg *r, int64_t id, struct staff_rec *out);
/* Check and save a member (id 0: a new one).  Refused with messages
 * in out: a bad name, role, login or phone, a grid that is not there,
 * the last 主任 in service retired or given another role. */
enum db_status reg_staff_save(struct reg *r, struct staff_rec *s, struct check *out);
/* Set (or with "" clear) a member's PIN: the 主任 for anyone, a member
 * for themself. */
enum db_status reg_staff_set_pin(struct reg *r, int64_t id, const char *pin, struct check *out);
/* The member named name or whose login is name (the command line). */
enum db_status reg_staff_find(struct reg *r, const char *name, struct staff_rec *out);

/* A member's grids by name, "、"-separated; newly allocated. */
char *reg_staff_grid_names(struct reg *r, const struct staff_rec *s);
/* Grid names ("第一网格、第二网格", or comma-separated) into s's grids;
 * false when one is no grid (its name copied into bad). */
bool reg_staff_parse_grids(struct reg *r, const char *text, struct staff_rec *s, char *bad, size_t size);

/* The members as a list of the screens (core/lists.h): struct
 * staff_rec rows, no filter; retired ones last. */
extern const struct reg_list staff_reg_list;

#endif
