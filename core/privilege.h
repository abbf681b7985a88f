/* core/privilege.h - juwei installed setgid on a shared server.
 *
 * `make install SHARED=1` installs juwei setgid to the group juwei,
 * whose database directory only that group may read: staff accounts
 * reach the register through juwei alone.  Then juwei holds the group
 * only for the database.  Whatever it does on the user's behalf outside
 * it (reading an import file or the user's keymap, writing an export or
 * a document, running $EDITOR) it does as the user, and the environment
 * cannot send it to another database.
 *
 * Outside such an install (real and effective group the same) every
 * call here does nothing. */
#ifndef JUWEI_PRIVILEGE_H
#define JUWEI_PRIVILEGE_H

#include <stdbool.h>

/* First thing in main: note the groups and go on as the user. */
void priv_init(void);
/* Is this a setgid run? */
bool priv_shared(void);
/* Take the group for the database (open, then every query) ... */
void priv_db(void);
/* ... and give it up again for the user's own files. */
void priv_user(void);
/* In a child about to run another program: give up the group for good. */
void priv_drop(void);

/* The environment variable name, unless this is a setgid run (then
 * NULL: the environment is not the user's to set there). */
const char *priv_getenv(const char *name);

#endif
