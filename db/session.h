/* db/session.h - the running juweis of a register (migration 009), so
 * that a draft goes back to the session that typed it, or to another
 * once that one has ended. */
#ifndef JUWEI_DB_SESSION_H
#define JUWEI_DB_SESSION_H

#include <stdint.h>

#include "db.h"

/* This process begins a session: host, process id and its start (the
 * system's own words, to tell a reused id apart).  Drafts saved from
 * now on are this session's. */
enum db_status db_session_begin(struct db *db, const char *host, int64_t pid, const char *started);
/* Still here (every minute or so): a session on another host counts as
 * ended when it has not said so for a while. */
enum db_status db_session_touch(struct db *db);
/* The session ends (its drafts stay, for the next session). */
enum db_status db_session_end(struct db *db);
/* This process's session (0: none, a command). */
int64_t db_session_id(struct db *db);
/* The current local time, "YYYY-MM-DD HH:MM:SS", minus minutes. */
enum db_status db_time_ago(struct db *db, int minutes, char *out, int size);

#endif
