/* core/lists.c - the register's paged lists in one shape. */
#include "lists.h"

#include "mediation.h"
#include "meeting.h"
#include "visit.h"
#include "xalloc.h"

#include <string.h>

/* ---- visits: newest first, keyed by date and id ---- */

static enum db_status visit_page(struct reg *r, const void *f, const void *from, int dir, bool inclusive,
				 int limit, void *out, int *n)
{
	return reg_visit_page(r, f, from, dir, inclusive, limit, out, n);
}

static enum db_status visit_count(struct reg *r, const void *f, int *n)
{
	return reg_visit_count(r, f, n);
}

static void visit_free(void *row)
{
	visit_row_free(row);
}

static void visit_key(void *dst, const void *src)
{
	const struct visit_row *s = src;
	*(struct visit_row *)dst = (struct visit_row){ .id = s->id, .date = x_strdup(s->date ? s->date : "") };
}

const struct reg_list visit_list = { sizeof(struct visit_row), visit_page, visit_count, visit_free, visit_key };

/* ---- cases: newest first, keyed by year and number ---- */

static enum db_status case_page(struct reg *r, const void *f, const void *from, int dir, bool inclusive,
				int limit, void *out, int *n)
{
	return reg_case_page(r, f, from, dir, inclusive, limit, out, n);
}

static enum db_status case_count(struct reg *r, const void *f, int *n)
{
	return reg_case_count(r, f, n);
}

static void case_free(void *row)
{
	case_row_free(row);
}

static void case_key(void *dst, const void *src)
{
	const struct case_row *s = src;
	*(struct case_row *)dst = (struct case_row){ .id = s->id, .year = s->year, .seq = s->seq };
}

const struct reg_list case_list = { sizeof(struct case_row), case_page, case_count, case_free, case_key };

/* ---- meetings: newest first, keyed by date and id ---- */

static enum db_status meeting_page(struct reg *r, const void *f, const void *from, int dir, bool inclusive,
				   int limit, void *out, int *n)
{
	return reg_meeting_page(r, f, from, dir, inclusive, limit, out, n);
}

static enum db_status meeting_count(struct reg *r, const void *f, int *n)
{
	return reg_meeting_count(r, f, n);
}

static void meeting_free(void *row)
{
	meeting_row_free(row);
}

static void meeting_key(void *dst, const void *src)
{
	const struct meeting_row *s = src;
	*(struct meeting_row *)dst = (struct meeting_row){ .id = s->id, .date = x_strdup(s->date ? s->date : "") };
}

const struct reg_list meeting_list = { sizeof(struct meeting_row), meeting_page, meeting_count, meeting_free,
				       meeting_key };
