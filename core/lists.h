/* core/lists.h - the register's paged lists in one shape: visits, cases
 * and meetings, each with its own filter and row, as the list view of
 * tui/listview.c pages them (keyset pages in list order, both ways, and
 * a count).  The typed functions of core/visit.h, core/mediation.h and
 * core/meeting.h do the work. */
#ifndef JUWEI_LISTS_H
#define JUWEI_LISTS_H

#include <stdbool.h>
#include <stddef.h>

#include "register.h"

struct reg_list {
	size_t row_size;
	/* Up to limit rows from `from` (see core/listwin.h). */
	enum db_status (*page)(struct reg *r, const void *filter, const void *from, int dir, bool inclusive,
			       int limit, void *out, int *n);
	enum db_status (*count)(struct reg *r, const void *filter, int *n);
	void (*free_row)(void *row);
	/* What paging from a row needs of it, copied. */
	void (*copy_key)(void *dst, const void *src);
};

extern const struct reg_list visit_list;    /* struct visit_filter, struct visit_row */
extern const struct reg_list case_list;     /* struct case_filter, struct case_row */
extern const struct reg_list meeting_list;  /* struct meeting_filter, struct meeting_row */

#endif
