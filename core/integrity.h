/* core/integrity.h - `juwei check`: is the register as juwei left it?
 *
 * The file is whole; every audit row verifies against the one before
 * it, and the end of the chain the last check saw is still there; the
 * triggers are those the migrations make; and every record matches
 * the values of its last audited change, so that a record changed
 * while its trigger was dropped (and then put back) shows too.  The
 * result is kept in the file: the screen warns the 主任 when the last
 * check was not clean. */
#ifndef JUWEI_INTEGRITY_H
#define JUWEI_INTEGRITY_H

#include <stdbool.h>

#include "register.h"

#define CHECK_MAX_EACH 20

/* Run the check and keep its result.  *report is what it found, a line
 * each, in the UI language (newly allocated; "" when clean); *rows the
 * audit rows read. */
enum db_status reg_check(struct reg *r, bool *clean, char **report, long long *rows);
/* SQLite's quick check of the file, now (before an import or a
 * backup): DB_ERR_DAMAGED makes the session read-only. */
enum db_status reg_quick_check(struct reg *r);
/* The same in the background after the first screen: start it, then
 * poll between keys; true once, when it found the file damaged (the
 * session is read-only from then on). */
void reg_quick_check_start(struct reg *r);
bool reg_quick_check_damaged(struct reg *r);
/* Was the last check not clean?  *at says when it ran. */
bool reg_last_check_failed(struct reg *r, char *at, int at_size);

#endif
