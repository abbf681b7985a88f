/* tui/cli_transfer.c - juwei import and juwei export on the command line. */
#include "cli.h"

#include "core/date.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/transfer.h"
#include "core/store.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void show_progress(void *ctx, const struct import_progress *p)
{
	bool *tty = ctx;
	if (!*tty)
		return;
	fputc('\r', stderr);
	if (p->size > 0)
		fprintf(stderr, "%3d%%  ", (int)(p->bytes * 100 / p->size));
	fprintf(stderr, _("%ld rows read, %d problems so far"), p->rows, p->problems);
}

/* Every problem, as it is found: a long file's may be many more than
 * the report keeps. */
static void print_problem(void *ctx, const struct import_problem *p)
{
	bool *tty = ctx;
	if (*tty)
		fputs("\r\033[K", stderr); /* over the progress line */
	/* What the file holds is printed as text, never as terminal codes. */
	char *column = text_sanitize(p->column, (size_t)-1), *value = text_sanitize(p->value, (size_t)-1);
	char *reason = text_sanitize(p->reason, (size_t)-1);
	fprintf(stderr, _("line %ld, %s \"%s\": %s\n"), p->line, column, value, reason);
	x_free(&column);
	x_free(&value);
	x_free(&reason);
}

int cli_import(struct db *db, const char *file, const struct import_opts *opts)
{
	bool tty = isatty(fileno(stderr));
	struct import_opts o_all = *opts;
	o_all.problem = print_problem;
	o_all.problem_ctx = &tty;
	const struct import_opts *o = &o_all;
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	if (!f) {
		fprintf(stderr, _("juwei: cannot read %s\n"), file);
		return 1;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("juwei: %s is a folder; give the CSV file in it\n"), file);
		fclose(f);
		return 1;
	}
	struct reg r;
	if (cli_sign_in(db, &r) != 0) {
		if (f != stdin)
			fclose(f);
		return CLI_REFUSED;
	}
	char today[11];
	struct import_report rep;
	enum db_status s = import_households(&r, f, o, date_today(today), show_progress, &tty, &rep);
	if (tty)
		fputc('\n', stderr);
	if (f != stdin)
		fclose(f);
	int rc = 0;
	if (s == DB_ERR_DENIED) {
		rc = cli_refused(&r, s);
		import_report_free(&rep);
		reg_free(&r);
		return rc;
	}
	if (rep.fatal) {
		fprintf(stderr, "juwei: %s\n", rep.fatal);
		rc = 1;
	} else if (s != DB_OK) {
		fprintf(stderr, _("juwei: the import failed: %s\n"), s == DB_ERR_READONLY ? reg_status_text(&r, s)
			: store_status_text(store_last_status(db)));
		rc = 1;
	}
	if (rep.ignored) {
		char *ignored = text_sanitize(rep.ignored, (size_t)-1);
		fprintf(stderr, _("juwei: columns not known, ignored: %s\n"), ignored);
		x_free(&ignored);
	}
	if (!rep.fatal && (rep.problems_total || o->dry_run || rep.written)) {
		char *sum = import_summary(&rep, o->dry_run);
		fputs(sum, stdout);
		x_free(&sum);
		if (rep.problems_total)
			rc = 1;
	}
	import_report_free(&rep);
	reg_free(&r);
	return rc;
}

int cli_export(struct db *db, enum export_kind kind, const char *out_path, const struct export_opts *opts)
{
	struct reg r;
	if (cli_sign_in(db, &r) != 0)
		return CLI_REFUSED;
	struct export_opts o_named = *opts;
	o_named.file = out_path ? out_path : "-";
	const struct export_opts *o = &o_named;
	enum db_status s = reg_export_allow(&r, kind, o->full);
	if (s != DB_OK) {
		int rc = cli_refused(&r, s);
		reg_free(&r);
		return rc;
	}
	/* A CSV is for a file or a program; on a terminal its bytes would
	 * be the terminal's to act on. */
	if (!out_path && isatty(STDOUT_FILENO)) {
		fputs(_("juwei: a ledger is not written to the terminal; give a file with --out FILE "
			"(or send it to a program: | ...)\n"), stderr);
		reg_free(&r);
		return 2;
	}
	FILE *out = out_path ? fopen(out_path, "wb") : stdout;
	if (!out) {
		fprintf(stderr, _("juwei: cannot write %s\n"), out_path);
		reg_free(&r);
		return 1;
	}
	char today[11];
	long rows = 0;
	s = export_csv(&r, out, kind, o, date_today(today), &rows);
	int rc = 0;
	if (out != stdout && fclose(out) != 0)
		s = DB_ERR_CANTOPEN;
	if (s != DB_OK) {
		fprintf(stderr, _("juwei: the export failed: %s\n"), s == DB_ERR_CANTOPEN ? _("could not write the file")
			: store_status_text(store_last_status(db)));
		rc = 1;
	} else if (out_path) {
		fprintf(stderr, _("juwei: %ld rows written to %s (%s).\n"), rows, out_path,
			o->encoding == CSV_UTF8 ? "UTF-8" : "GB18030");
	}
	reg_free(&r);
	return rc;
}
