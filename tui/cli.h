/* tui/cli.h - the commands of juwei besides the screen. */
#ifndef JUWEI_CLI_H
#define JUWEI_CLI_H

#include "core/transfer.h"

#include <unistd.h>

struct db;

/* juwei import households FILE: returns the exit status. */
int cli_import(struct db *db, const char *file, const struct import_opts *o);
/* juwei export KIND: to out_path, or standard output when NULL. */
int cli_export(struct db *db, enum export_kind kind, const char *out_path, const struct export_opts *o);

#endif
