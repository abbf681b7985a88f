/* core/store.h - the register's file as the screens and the command
 * line see it: opening and closing it, and what each status means to a
 * clerk, in the UI language.  Nothing outside db/ names SQLite, and
 * none of SQLite's English reaches the screen. */
#ifndef JUWEI_STORE_H
#define JUWEI_STORE_H

#include <stdbool.h>

#include "status.h"

struct db;

/* Open path (creating it when create), check it is juwei's and bring
 * its schema up to date; user is who the audit trail names.  A file
 * that cannot be written opens read-only (reg_read_only()).  See
 * db_open() for *detail. */
enum db_status store_open(const char *path, const char *user, bool create, struct db **out, char **detail);
void store_close(struct db **db);

/* The schema version this program writes. */
int store_schema_version(void);
/* No households, residents or staff yet. */
bool store_is_empty(struct db *db);
/* The last error of the connection as a status (DB_OK: none). */
enum db_status store_last_status(struct db *db);

/* What s means, as one clause in the UI language ("the register is
 * busy in another session ..."). */
const char *store_status_text(enum db_status s);

#endif
