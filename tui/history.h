/* tui/history.h - the audit history screen (tui/view_history.c). */
#ifndef JUWEI_HISTORY_VIEW_H
#define JUWEI_HISTORY_VIEW_H

#include <stdint.h>

struct app;

/* The history of one record: table "household", "resident",
 * "mediation_case" ... and its id. */
struct history_arg {
	const char *table;
	int64_t id;
};
void history_show(struct app *app, const char *table, int64_t id);

#endif
