/* core/stats.c - the month report laid out as lines. */
#include "stats.h"

#include "codes.h"
#include "date.h"
#include "i18n.h"
#include "mediation.h"
#include "rules.h"
#include "xalloc.h"

#include "db/stats.h"

#include <stdio.h>
#include <string.h>

bool stats_span_of(const char *month, const char *today, struct stats_span *sp)
{
	memset(sp, 0, sizeof *sp);
	int y, m, ty, tm, td;
	char tail;
	if (!month || sscanf(month, "%4d-%2d%c", &y, &m, &tail) != 2 || m < 1 || m > 12 || y < 1900 || y > 9998 ||
	    !date_parse_iso(today, &ty, &tm, &td))
		return false;
	date_from_days(date_to_days(y, 1, 1), sp->year_first);
	date_from_days(date_to_days(y, m, 1), sp->first);
	long end = date_to_days(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - 1, now = date_to_days(ty, tm, td);
	long last = end < now ? end : now;
	date_from_days(last, sp->last);
	/* A case accepted on that day is on day CASE_LIMIT_DAYS on the last
	 * day (the day of acceptance is day 1): before it, overdue. */
	date_from_days(last - (CASE_LIMIT_DAYS - 1), sp->overdue_before);
	return true;
}

struct lay {
	struct month_report *m;
	int cap;
};

static struct report_line *add(struct lay *l, enum report_line_kind kind, const char *group, const char *label,
			       int count, int year)
{
	struct month_report *m = l->m;
	if (m->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		m->lines = x_realloc(m->lines, (size_t)l->cap * sizeof *m->lines);
	}
	struct report_line *ln = &m->lines[m->n++];
	*ln = (struct report_line){ kind, group, label, count, year, 0, 0 };
	return ln;
}

static void section(struct lay *l, const char *title, int cols)
{
	if (l->m->n)
		add(l, RL_BLANK, "", "", 0, -1);
	add(l, RL_SECTION, "", title, 0, -1)->cols = cols;
}

/* A list under its heading; rows with no name are called unnamed. */
static void list(struct lay *l, const char *heading, const struct stat_row *rows, int n, const char *unnamed)
{
	add(l, RL_GROUP, heading, heading, 0, -1);
	int max = 0;
	for (int i = 0; i < n; i++)
		if (rows[i].count > max)
			max = rows[i].count;
	for (int i = 0; i < n; i++)
		add(l, RL_ROW, heading, rows[i].name ? rows[i].name : unnamed, rows[i].count, rows[i].year)->max = max;
	if (!n)
		add(l, RL_NONE, heading, _("none"), 0, -1);
}

/* A fixed code list (states, household kinds): every code in its order,
 * with its counts or 0, then any other value the register holds. */
static void coded(struct lay *l, const char *heading, const char *const *codes, const struct stat_row *rows,
		  int n, bool with_year)
{
	add(l, RL_GROUP, heading, heading, 0, -1);
	int max = 0;
	for (int i = 0; i < n; i++)
		if (rows[i].count > max)
			max = rows[i].count;
	for (int c = 0; codes[c]; c++) {
		int count = 0, year = with_year ? 0 : -1;
		for (int i = 0; i < n; i++)
			if (rows[i].name && strcmp(rows[i].name, codes[c]) == 0) {
				count = rows[i].count;
				year = rows[i].year;
			}
		add(l, RL_ROW, heading, codes[c], count, year)->max = max;
	}
	for (int i = 0; i < n; i++) {
		bool known = false;
		for (int c = 0; codes[c] && !known; c++)
			known = rows[i].name && strcmp(rows[i].name, codes[c]) == 0;
		if (!known)
			add(l, RL_ROW, heading, rows[i].name ? rows[i].name : "-", rows[i].count, rows[i].year)->max = max;
	}
}

static void lay_out(struct month_report *m)
{
	struct lay l = { m, 0 };
	const struct month_stats *d = &m->data;
	const char *total = _("Total");
	section(&l, m->scoped ? _("Visits (your grids)") : _("Visits"), 2);
	add(&l, RL_TOTAL, total, _("Visits made"), d->visits, d->visits_year);
	add(&l, RL_SHARE, _("Tagged households"), _("Visited within their interval"), d->on_time, d->tagged);
	list(&l, _("By staff"), d->by[SG_VISIT_STAFF], d->n[SG_VISIT_STAFF], _("(nobody named)"));
	list(&l, _("By grid"), d->by[SG_VISIT_GRID], d->n[SG_VISIT_GRID], _("(no grid)"));
	list(&l, _("By purpose"), d->by[SG_VISIT_PURPOSE], d->n[SG_VISIT_PURPOSE], "-");
	list(&l, _("By method"), d->by[SG_VISIT_METHOD], d->n[SG_VISIT_METHOD], "-");

	section(&l, m->scoped ? _("People's mediation (whole community)") : _("People's mediation"), 2);
	add(&l, RL_TOTAL, total, _("Cases accepted"), d->cases, d->cases_year);
	add(&l, RL_TOTAL, total, _("Cases closed"), d->closed, d->closed_year);
	add(&l, RL_TOTAL, total, _("Open past the time limit"), d->overdue, -1);
	list(&l, _("Accepted, by dispute type"), d->by[SG_CASE_TYPE], d->n[SG_CASE_TYPE], "-");
	coded(&l, _("Accepted, by state now"), case_states, d->by[SG_CASE_STATE], d->n[SG_CASE_STATE], true);

	section(&l, m->scoped ? _("Consultation meetings (whole community)") : _("Consultation meetings"), 2);
	add(&l, RL_TOTAL, total, _("Meetings held"), d->meetings, d->meetings_year);
	add(&l, RL_TOTAL, total, _("Topics"), d->topics, d->topics_year);
	add(&l, RL_TOTAL, total, _("Decisions adopted"), d->decisions, d->decisions_year);
	add(&l, RL_TOTAL, total, _("Decisions with a follow-up"), d->followed, d->followed_year);
	list(&l, _("Held, by kind"), d->by[SG_MEETING_KIND], d->n[SG_MEETING_KIND], "-");

	section(&l, m->scoped ? _("The register (your grids)") : _("The register"), 1);
	add(&l, RL_TOTAL, total, _("Households living here"), d->households, -1);
	add(&l, RL_TOTAL, total, _("Residents living here"), d->residents, -1);
	list(&l, _("Households by grid"), d->by[SG_HH_GRID], d->n[SG_HH_GRID], _("(no grid)"));
	coded(&l, _("Households by kind"), code_household_kinds, d->by[SG_HH_KIND], d->n[SG_HH_KIND], false);
	list(&l, _("Residents by tag"), d->by[SG_RES_TAG], d->n[SG_RES_TAG], "-");
	list(&l, _("Households by tag"), d->by[SG_HH_TAG], d->n[SG_HH_TAG], "-");
}

enum db_status reg_month_report(struct reg *r, const char *month, const char *today, struct month_report *out)
{
	memset(out, 0, sizeof *out);
	if (!stats_span_of(month, today, &out->span))
		return DB_ERR_SQL;
	snprintf(out->month, sizeof out->month, "%.7s", month);
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_month_stats(r->db, &out->span, r->show_sensitive, &out->data);
	if (s != DB_OK)
		return s;
	out->scoped = access_scoped(&r->acc);
	lay_out(out);
	return DB_OK;
}

void month_report_free(struct month_report *m)
{
	month_stats_free(&m->data);
	x_free(&m->lines);
	m->n = 0;
}

void month_report_csv(const struct month_report *m, struct csv_writer *w, long *rows)
{
	*rows = 0;
	csv_writer_row(w, (const char *const[]){ _("Month report"), m->month }, 2);
	csv_writer_row(w, (const char *const[]){ _("From"), m->span.first, _("To"), m->span.last }, 4);
	csv_writer_row(w, NULL, 0);
	const char *head2[] = { _("Group"), _("Item"), _("This month"), _("Year to date") };
	const char *head1[] = { _("Group"), _("Item"), _("Now") };
	int cols = 2;
	char a[24], b[24];
	for (int i = 0; i < m->n; i++) {
		const struct report_line *ln = &m->lines[i];
		snprintf(a, sizeof a, "%d", ln->count);
		snprintf(b, sizeof b, "%d", ln->year);
		switch (ln->kind) {
		case RL_BLANK:
			csv_writer_row(w, NULL, 0);
			break;
		case RL_SECTION:
			cols = ln->cols;
			csv_writer_row(w, (const char *const[]){ ln->label }, 1);
			csv_writer_row(w, cols == 2 ? head2 : head1, 2 + cols);
			break;
		case RL_GROUP:
		case RL_NONE:
			break;
		case RL_SHARE:
			/* Two plain numbers: "5/9" would become a date in a spreadsheet. */
			csv_writer_row(w, (const char *const[]){ ln->group, ln->label, a }, 3);
			snprintf(b, sizeof b, "%d", ln->year);
			csv_writer_row(w, (const char *const[]){ ln->group, _("With a visiting rhythm"), b }, 3);
			*rows += 2;
			break;
		case RL_TOTAL:
		case RL_ROW:
			csv_writer_row(w, (const char *const[]){ ln->group, ln->label, a, ln->year >= 0 ? b : "" },
				       2 + cols);
			(*rows)++;
			break;
		}
	}
}
