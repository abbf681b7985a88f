/* core/status.h - what a call into the register can come back with.
 *
 * db/ returns these, core/ passes them on, and core/store.h says what
 * each means to a clerk in the UI language; SQLite's own text never
 * reaches the screen. */
#ifndef JUWEI_STATUS_H
#define JUWEI_STATUS_H

enum db_status {
	DB_OK = 0,
	DB_ERR_CANTOPEN,  /* missing directory, no permission to create */
	DB_ERR_BADNAME,   /* empty, or a name SQLite keeps for itself (":memory:") */
	DB_ERR_READONLY,  /* the file or its directory cannot be written */
	DB_ERR_NOTDB,     /* not an SQLite database */
	DB_ERR_FOREIGN,   /* an SQLite database of some other program */
	DB_ERR_NEWER,     /* schema newer than this program knows */
	DB_ERR_BUSY,      /* locked by another session for too long */
	DB_ERR_CONFLICT,  /* the record changed since it was read */
	DB_ERR_NOTFOUND,
	DB_ERR_SQL,       /* anything else */
	DB_ERR_DENIED,    /* not for the role of the one signed in (core/access.h) */
	DB_ERR_DAMAGED,   /* SQLite's check finds the file damaged */
};

#endif
