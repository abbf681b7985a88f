/* db/stats.h - the counts of a month report: visits, mediation cases,
 * meetings and the register (core/stats.h lays them out). */
#ifndef JUWEI_DB_STATS_H
#define JUWEI_DB_STATS_H

#include "core/model.h"
#include "db.h"

/* The counts over span (core fills it in).  Visits and the register
 * hold the grids the connection may see; cases and meetings belong to
 * no grid and are the committee's.  Sensitive tags only for those who
 * may see them (sensitive: core says, by the role).  Rows of the fixed
 * code lists (states, household kinds)
 * come only where counted; core puts in the rest. */
enum db_status db_month_stats(struct db *db, const struct stats_span *span, bool sensitive, struct month_stats *out);

#endif
