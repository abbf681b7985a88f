/* core/demo.h - a demo community: a realistic register to try juwei on.
 *
 * Deterministic for (households, seed, today): the same inputs give the
 * same rows.  Everything goes in one transaction, all or nothing. */
#ifndef JUWEI_DEMO_H
#define JUWEI_DEMO_H

#include <stdint.h>

#include "status.h"

struct db;

struct demo_opts {
	int households;    /* default 2000 */
	uint64_t seed;     /* default 1 */
	const char *today; /* "YYYY-MM-DD"; NULL means the real local date */
};

struct demo_stats {
	int grids, dwellings, households, residents, staff, visits, cases, meetings;
};

enum db_status demo_generate(struct db *db, const struct demo_opts *o, struct demo_stats *out);

#endif
