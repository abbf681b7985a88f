/* core/transfer.h - importing the register from a spreadsheet (CSV as
 * Excel/WPS save it) and exporting ledgers as CSV.
 *
 * Import: headers in Chinese in any order (小区 楼栋 单元 室 户号 姓名
 * 与户主关系 性别 身份证号 出生日期 民族 联系电话 人员类型 标签 备注 and their
 * common variants); rows of one household go together by 户号, else by
 * address.  Every row goes through the checks the forms use.  It is one
 * transaction: all rows or none; a dry run checks everything and writes
 * nothing.  A person already there (same ID number, or same name and
 * birth date at the address) is skipped or updated, never doubled.
 *
 * Export: GB18030 (opens directly in Excel/WPS on Chinese Windows) or
 * UTF-8 with a BOM; ID numbers and phones masked unless asked for whole;
 * cells are written as a spreadsheet must take them (see csv_writer_row()). */
#ifndef JUWEI_TRANSFER_H
#define JUWEI_TRANSFER_H

#include <stdbool.h>
#include <stdio.h>

#include "csv.h"
#include "register.h"

struct import_problem {
	long line;
	char *column, *value, *reason;
};

struct import_opts {
	enum csv_encoding encoding;
	bool dry_run;
	bool update;          /* on a duplicate: update (else skip) */
	/* Every problem as it is found, all of them (may be NULL); the
	 * report keeps only the first IMPORT_PROBLEMS_KEPT. */
	void (*problem)(void *ctx, const struct import_problem *p);
	void *problem_ctx;
};

#define IMPORT_PROBLEMS_KEPT 1000

struct import_report {
	long rows;
	int households_added, residents_added, residents_updated, residents_skipped;
	int residents_joined;              /* a 户主 row put into the household at its address, as 其他 */
	struct import_problem *problems;   /* the first IMPORT_PROBLEMS_KEPT */
	int n_problems, problems_total;
	char *ignored;                     /* unknown columns, "、"-separated */
	char *fatal;                       /* the file cannot be read at all */
	bool written;                      /* committed */
	enum csv_encoding encoding;
};

/* How far an import is: rows read, problems so far, bytes of the file
 * read and its size (0 when not known: a pipe). */
struct import_progress {
	long rows;
	int problems;
	long long bytes, size;
};

/* progress (may be NULL) is called every few hundred rows, and once at
 * the end. */
enum db_status import_households(struct reg *r, FILE *f, const struct import_opts *o, const char *today,
				 void (*progress)(void *ctx, const struct import_progress *p), void *ctx,
				 struct import_report *out);
/* What an import did (or would do, dry_run), in a line or two. */
char *import_summary(const struct import_report *rep, bool dry_run);
void import_report_free(struct import_report *rep);

enum export_kind { EXPORT_HOUSEHOLDS, EXPORT_VISITS, EXPORT_CASES, EXPORT_MEETINGS, EXPORT_MONTH };

struct export_opts {
	enum csv_encoding encoding;   /* CSV_GB18030 (default) or CSV_UTF8 (with a BOM) */
	bool full;                    /* ID numbers and phones whole */
	const char *month;            /* EXPORT_MONTH: YYYY-MM */
	const char *file;             /* where it goes, for the audit row of a full export */
};

/* May the one signed in export this ledger (whole when full)?  DB_OK,
 * else DB_ERR_DENIED with the roles that may (reg_status_text()). */
enum db_status reg_export_allow(struct reg *r, enum export_kind kind, bool full);

/* Write the ledger to out; *rows says how many data rows.  A full
 * export writes one audit row.  A 网格员's ledgers hold their grids. */
enum db_status export_csv(struct reg *r, FILE *out, enum export_kind kind, const struct export_opts *o,
			  const char *today, long *rows);
/* Parse "households", "visits", "cases", "meetings", "month". */
bool export_kind_parse(const char *s, enum export_kind *k);



#endif
