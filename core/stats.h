/* core/stats.h - the month report (统计): visits, mediation cases,
 * consultation meetings and the register, for a month and the year to
 * its end.  One report, laid out as lines, that the statistics screen
 * draws and the month export writes as CSV sections, so the two always
 * say the same.
 *
 * A 网格员 sees the visits and the register of their grids only (every
 * one of their grids, also one without a visit); cases and meetings
 * belong to no grid and are the committee's. */
#ifndef JUWEI_STATS_H
#define JUWEI_STATS_H

#include <stdbool.h>

#include "csv.h"
#include "register.h"

enum report_line_kind {
	RL_BLANK,    /* between sections */
	RL_SECTION,  /* a section's title; cols says its columns */
	RL_GROUP,    /* the heading of a list */
	RL_TOTAL,    /* a total: label, count (and year) */
	RL_ROW,      /* a row of a list: name, count (and year); max for its bar */
	RL_NONE,     /* a list with no rows */
	RL_SHARE,    /* tagged households: count of year visited in time */
};

struct report_line {
	enum report_line_kind kind;
	const char *group;   /* the CSV's first column: the group or "total" (translated) */
	const char *label;   /* translated text, or a row's name from the register */
	int count, year;     /* year -1: not counted */
	int max;             /* RL_ROW: the largest count of its list */
	int cols;            /* RL_SECTION: 2 (month, year to date) or 1 (now) */
};

struct month_report {
	char month[8];             /* YYYY-MM */
	struct stats_span span;
	bool scoped;               /* a 网格员's: visits and register of their grids */
	struct month_stats data;
	struct report_line *lines;
	int n;
};

/* The days month ("YYYY-MM") covers on today; false when month is not
 * a month. */
bool stats_span_of(const char *month, const char *today, struct stats_span *out);

/* Read and lay out the report of month. */
enum db_status reg_month_report(struct reg *r, const char *month, const char *today, struct month_report *out);
void month_report_free(struct month_report *m);

/* Write it as CSV sections: a title, then each section's title, its
 * header row and rows, a blank row between sections.  *rows: the rows
 * of numbers. */
void month_report_csv(const struct month_report *m, struct csv_writer *w, long *rows);

#endif
