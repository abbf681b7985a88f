/* tui/cli.h - the commands of juwei besides the screen. */
#ifndef JUWEI_CLI_H
#define JUWEI_CLI_H

#include "core/transfer.h"

#include <unistd.h>

struct db;
struct reg;

/* The exit status of a command the role may not run. */
#define CLI_REFUSED 3

/* Set up r for a command run by this login: 0, or CLI_REFUSED (said on
 * standard error, with whom to ask) when the login is nobody's or a
 * retired member's. */
int cli_sign_in(struct db *db, struct reg *r);
/* Say why s (DB_ERR_DENIED) refused, naming the roles that may;
 * returns CLI_REFUSED. */
int cli_refused(struct reg *r, enum db_status s);

/* juwei staff VERB [WHO]: what the command line gave. */
struct staff_cmd {
	const char *verb;      /* list add edit retire pin grids */
	const char *who;       /* a name or login (add: the new name) */
	const char *name, *role, *login, *phone, *grids, *active;
	bool clear;            /* pin --clear */
};
int cli_staff(struct db *db, const struct staff_cmd *c);
/* juwei check: the audit chain, the triggers, the records against their
 * last audited state. */
int cli_check(struct db *db);

/* juwei import households FILE: returns the exit status. */
int cli_import(struct db *db, const char *file, const struct import_opts *o);
/* juwei export KIND: to out_path, or standard output when NULL. */
int cli_export(struct db *db, enum export_kind kind, const char *out_path, const struct export_opts *o);

#endif
