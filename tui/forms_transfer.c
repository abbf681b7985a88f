/* tui/forms_transfer.c - import and export from the screen: a form for
 * the choices, a progress line while a long file is read, and the
 * report (every problem with its line) in a scrollable page. */
#include "forms.h"

#include "app.h"
#include "core/date.h"
#include "core/text.h"
#include "core/transfer.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"

#include <curses.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static const char *const kinds[] = { "住户及成员", "走访记录", "调解案件", "议事会议", "月度汇总", NULL };
static const char *const kind_files[] = { "住户", "走访", "调解", "议事", "月度汇总" };
static const char *const encodings[] = { "GB18030", "UTF-8", NULL };
static const char *const import_encodings[] = { "自动识别", "GB18030", "UTF-8", NULL };
static const char *const duplicates[] = { "跳过", "更新", NULL };

static void no_ctx(void *p)
{
	(void)p;
}

char *forms_documents_dir(void)
{
	const char *d = getenv("XDG_DOCUMENTS_DIR");
	if (d && *d)
		return x_strdup(d);
	const char *home = getenv("HOME");
	if (!home || !*home)
		return x_strdup(".");
	char *docs = x_asprintf("%s/Documents", home);
	struct stat sb;
	if (stat(docs, &sb) == 0 && S_ISDIR(sb.st_mode))
		return docs;
	x_free(&docs);
	return x_strdup(home);
}

static int index_of(const char *const *list, const char *v)
{
	for (int i = 0; list[i]; i++)
		if (strcmp(list[i], v) == 0)
			return i;
	return -1;
}

/* ---- export ---- */

/* The file juwei proposes for a ledger: under the documents directory,
 * named by the ledger and the day. */
static char *export_path(const struct app *app, int kind)
{
	char *dir = forms_documents_dir();
	char *path = x_asprintf("%s/juwei-%s-%s.csv", dir, kind_files[kind < 0 ? 0 : kind], app->today);
	x_free(&dir);
	return path;
}

static void export_check(struct app *app, struct form *f, bool saving)
{
	/* Another ledger: a file name juwei proposed follows; one the clerk
	 * typed stays. */
	char *want = export_path(app, index_of(kinds, form_get(f, "kind")));
	for (int k = 0; kinds[k]; k++) {
		char *p = export_path(app, k);
		if (strcmp(p, form_get(f, "file")) == 0 && strcmp(p, want) != 0)
			form_set(f, "file", want);
		x_free(&p);
	}
	x_free(&want);
	if (saving && !*form_get(f, "file"))
		form_msg(f, "file", _("This field is required."), false);
	const char *m = form_get(f, "month");
	int y, mo;
	char tail;
	if (index_of(kinds, form_get(f, "kind")) == EXPORT_MONTH &&
	    (sscanf(m, "%4d-%2d%c", &y, &mo, &tail) != 2 || mo < 1 || mo > 12))
		form_msg(f, "month", _("Write the month as YYYY-MM, e.g. 2026-11."), false);
}

static enum db_status export_save(struct app *app, struct form *f)
{
	int k = index_of(kinds, form_get(f, "kind"));
	const char *path = form_get(f, "file");
	struct export_opts o = { strcmp(form_get(f, "encoding"), "UTF-8") == 0 ? CSV_UTF8 : CSV_GB18030,
				 form_yes(f, "full") > 0, form_get(f, "month"), path };
	enum db_status s = reg_export_allow(&app->reg, (enum export_kind)(k < 0 ? 0 : k), o.full);
	if (s != DB_OK) {
		form_msg(f, o.full ? "full" : "kind", reg_status_text(&app->reg, s), false);
		return DB_ERR_SQL;
	}
	FILE *out = fopen(path, "wb");
	if (!out) {
		form_msg(f, "file", _("Cannot write this file (no such directory, or no permission)."), false);
		return DB_ERR_SQL;
	}
	long rows = 0;
	s = export_csv(&app->reg, out, (enum export_kind)(k < 0 ? 0 : k), &o, app->today, &rows);
	if (fclose(out) != 0 && s == DB_OK)
		s = DB_ERR_CANTOPEN;
	if (s == DB_OK)
		app_message(app, false, _("%ld rows written to %s."), rows, path);
	else
		form_msg(f, "file", _("Could not write the whole file."), false);
	return s == DB_OK ? DB_OK : DB_ERR_SQL;
}

static const struct form_ops export_ops = {
	.check = export_check,
	.save = export_save,
	.free_ctx = no_ctx,
};

static void export_form(struct app *app, int kind, const char *month)
{
	struct form *f = form_new(&export_ops, NULL, _("Export a ledger to CSV (Excel/WPS)"));
	struct field_def kd = { "kind", N_("What"), FK_SELECT, 0, true, kinds };
	struct field_def md = { "month", N_("Month"), FK_TEXT, 7, false, NULL };
	struct field_def ed = { "encoding", N_("Encoding"), FK_SELECT, 0, true, encodings };
	struct field_def fd = { "full", N_("Whole ID numbers and phones"), FK_YESNO, 1, false, NULL };
	struct field_def pd = { "file", N_("File"), FK_TEXT, 240, true, NULL };
	form_add(f, &kd);
	form_add(f, &md);
	form_add(f, &ed);
	form_add(f, &fd);
	form_add(f, &pd);
	char *path = export_path(app, kind);
	form_set(f, "kind", kinds[kind]);
	form_set(f, "month", month);
	form_set(f, "encoding", "GB18030");
	form_set_yes(f, "full", 0);
	form_set(f, "file", path);
	x_free(&path);
	form_open(app, f);
}

void forms_export(struct app *app)
{
	char month[8];
	snprintf(month, sizeof month, "%.7s", app->today);
	export_form(app, 0, month);
}

void forms_export_month(struct app *app, const char *month)
{
	export_form(app, EXPORT_MONTH, month);
}

/* ---- import ---- */

/* The list of an import's problems, under the documents directory:
 * this, the day, .csv.  Not offered as a file to import. */
#define PROBLEMS_STEM "juwei-导入问题-"

/* The file last imported or checked, offered again: a dry run is
 * usually followed by the real import of the same file. */
static char last_file[4096];

struct progress {
	struct app *app;
	double last;
	/* Every problem, also those past what the report keeps, goes to a
	 * CSV file beside the clerk's own, to open in Excel/WPS. */
	char *problems_path;
	FILE *problems_file;
	struct csv_writer *problems;
	bool problems_failed;
};

static void show_progress(void *ctx, const struct import_progress *pr)
{
	struct progress *p = ctx;
	double now = app_elapsed_ms();
	if (now - p->last < 100)
		return;
	p->last = now;
	struct app *app = p->app;
	char buf[160];
	int y = app->rows - 2, w = app->cols / 4;
	if (pr->size > 0)
		snprintf(buf, sizeof buf, _("Importing: %d%%, %ld rows read, %d problems so far"),
			 (int)(pr->bytes * 100 / pr->size), pr->rows, pr->problems);
	else
		snprintf(buf, sizeof buf, _("Importing: %ld rows read, %d problems so far"), pr->rows, pr->problems);
	draw_text(y, 0, app->cols - w - 2, buf, A_BOLD, TEXT_LEFT);
	draw_blank(y, app->cols - w - 2, w + 2, A_NORMAL);
	if (w > 1 && pr->size > 0) {
		/* A bar as long as the part of the file read. */
		int done = (int)(pr->bytes * w / pr->size);
		draw_blank(y, app->cols - w - 1, done > w ? w : done, draw_attr(C_SELECTED));
	} else if (w > 1) {
		/* A pipe's size is not known: a moving mark. */
		draw_blank(y, app->cols - w - 1 + (int)(pr->rows / 500) % w, 1, draw_attr(C_SELECTED));
	}
	refresh();
}

static void keep_problem(void *ctx, const struct import_problem *pb)
{
	struct progress *p = ctx;
	if (!p->problems && !p->problems_failed) {
		p->problems_file = fopen(p->problems_path, "wb");
		p->problems = p->problems_file ? csv_writer_open(p->problems_file, CSV_GB18030) : NULL;
		p->problems_failed = !p->problems;
		if (p->problems)
			csv_writer_row(p->problems, (const char *const[]){ "行", "列", "值", "原因" }, 4);
	}
	if (!p->problems)
		return;
	char line[24];
	snprintf(line, sizeof line, "%ld", pb->line);
	csv_writer_row(p->problems, (const char *const[]){ line, pb->column, pb->value, pb->reason }, 4);
}

/* Close the list of problems; false when it could not be written. */
static bool problems_close(struct progress *p)
{
	bool ok = !p->problems_failed && csv_writer_close(&p->problems);
	if (p->problems_file && fclose(p->problems_file) != 0)
		ok = false;
	p->problems_file = NULL;
	return ok;
}

static char *report_text(const struct import_report *rep, const struct import_opts *o, const char *file,
			 const char *problems_file)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, _("Import of %s"), file);
	sb_addc(&sb, '\n');
	if (rep->fatal) {
		/* A missing column is often one written another way: say which
		 * headers were not understood. */
		sb_addf(&sb, "%s\n", rep->fatal);
		if (rep->ignored)
			sb_addf(&sb, _("Columns not known, ignored: %s\n"), rep->ignored);
		return sb_take(&sb);
	}
	char *sum = import_summary(rep, o->dry_run);
	sb_adds(&sb, sum);
	x_free(&sum);
	if (rep->problems_total && problems_file)
		sb_addf(&sb, _("All %d problems are listed in %s (it opens in Excel/WPS).\n"), rep->problems_total,
			problems_file);
	if (rep->ignored)
		sb_addf(&sb, _("Columns not known, ignored: %s\n"), rep->ignored);
	for (int i = 0; i < rep->n_problems; i++) {
		const struct import_problem *p = &rep->problems[i];
		sb_addf(&sb, _("line %ld, %s \"%s\": %s\n"), p->line, p->column, p->value, p->reason);
	}
	if (rep->problems_total > rep->n_problems)
		sb_addf(&sb, _("... and %d more problems.\n"), rep->problems_total - rep->n_problems);
	return sb_take(&sb);
}

static enum db_status import_save(struct app *app, struct form *f)
{
	const char *path = form_get(f, "file");
	struct stat st;
	FILE *in = stat(path, &st) == 0 && S_ISREG(st.st_mode) ? fopen(path, "rb") : NULL;
	if (!in) {
		form_msg(f, "file", _("Cannot read this file."), false);
		return DB_ERR_SQL;
	}
	snprintf(last_file, sizeof last_file, "%s", path);
	int e = index_of(import_encodings, form_get(f, "encoding"));
	char *dir = forms_documents_dir();
	struct progress p = { app, 0, x_asprintf("%s/%s%s.csv", dir, PROBLEMS_STEM, app->today), NULL, NULL, false };
	x_free(&dir);
	struct import_opts o = { e == 1 ? CSV_GB18030 : e == 2 ? CSV_UTF8 : CSV_AUTO,
				 form_yes(f, "dry_run") > 0,
				 strcmp(form_get(f, "duplicate"), "更新") == 0, keep_problem, &p };
	struct import_report rep;
	enum db_status s = import_households(&app->reg, in, &o, app->today, show_progress, &p, &rep);
	fclose(in);
	bool listed = rep.problems_total && problems_close(&p);
	if (!rep.problems_total)
		unlink(p.problems_path); /* an earlier check's list, now out of date */
	char *text = report_text(&rep, &o, path, listed ? p.problems_path : NULL);
	x_free(&p.problems_path);
	report_show(app, text);
	x_free(&text);
	if (rep.written)
		app_message(app, false, _("Imported: %d households and %d residents added."), rep.households_added,
			    rep.residents_added);
	else
		app_message(app, rep.problems_total || rep.fatal, "%s",
			    rep.problems_total || rep.fatal ? _("Nothing was imported; the report lists why.")
						  : _("Checked; nothing was written."));
	import_report_free(&rep);
	return s == DB_OK ? DB_OK : DB_ERR_SQL;
}

/* The import form's own state: the folder listed and the file picked
 * from it, to see when the clerk picks another. */
struct import_ctx {
	char *dir;
	char *picked;
};

static void import_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct import_ctx *c = f->ctx;
	const char *pick = form_field(f, "pick") ? form_get(f, "pick") : "";
	if (*pick && strcmp(pick, c->picked) != 0) {
		char *path = x_asprintf("%s/%s", c->dir, pick);
		form_set(f, "file", path);
		x_free(&path);
		x_free(&c->picked);
		c->picked = x_strdup(pick);
	}
	if (saving && !*form_get(f, "file"))
		form_msg(f, "file", _("This field is required."), false);
}

static void free_import_ctx(void *p)
{
	struct import_ctx *c = p;
	x_free(&c->dir);
	x_free(&c->picked);
	x_free(&c);
}

static const struct form_ops import_ops = {
	.check = import_check,
	.save = import_save,
	.closed = forms_saved,
	.free_ctx = free_import_ctx,
};

/* The CSV files of a folder, newest first (at most max), newly
 * allocated; names that are not UTF-8 are left out. */
struct listed {
	char *name;
	time_t mtime;
};

static int newest_first(const void *a, const void *b)
{
	const struct listed *x = a, *y = b;
	if (x->mtime != y->mtime)
		return x->mtime < y->mtime ? 1 : -1;
	return strcmp(x->name, y->name);
}

static int csv_files(const char *dir, char ***out, int max)
{
	*out = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	struct listed *all = NULL;
	int n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcasecmp(e->d_name + len - 4, ".csv") != 0 || !utf8_valid(e->d_name, len) ||
		    strncmp(e->d_name, PROBLEMS_STEM, strlen(PROBLEMS_STEM)) == 0)
			continue;
		char *path = x_asprintf("%s/%s", dir, e->d_name);
		struct stat st;
		bool file = stat(path, &st) == 0 && S_ISREG(st.st_mode);
		x_free(&path);
		if (!file)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			all = x_realloc(all, (size_t)cap * sizeof *all);
		}
		all[n].name = x_strdup(e->d_name);
		all[n++].mtime = st.st_mtime;
	}
	closedir(d);
	if (n)
		qsort(all, (size_t)n, sizeof *all, newest_first);
	int keep = n < max ? n : max;
	if (keep) {
		*out = x_calloc((size_t)keep + 1, sizeof **out);
		for (int i = 0; i < keep; i++)
			(*out)[i] = all[i].name;
	}
	for (int i = keep; i < n; i++)
		x_free(&all[i].name);
	x_free(&all);
	return keep;
}

void forms_import(struct app *app)
{
	struct import_ctx *c = x_calloc(1, sizeof *c);
	c->dir = forms_documents_dir();
	c->picked = x_strdup("");
	struct form *f = form_new(&import_ops, c, _("Import households from CSV (Excel/WPS)"));
	char **files;
	int n = csv_files(c->dir, &files, 200);
	if (n) {
		struct field_def kd = { "pick", N_("Pick a file"), FK_SELECT, 0, false, NULL };
		form_set_choices(form_add(f, &kd), (const char *const *)files, NULL, n);
		for (int i = 0; i < n; i++)
			x_free(&files[i]);
		x_free(&files);
	}
	struct field_def pd = { "file", N_("File"), FK_TEXT, 240, true, NULL };
	struct field_def ed = { "encoding", N_("Encoding"), FK_SELECT, 0, true, import_encodings };
	struct field_def dd = { "dry_run", N_("Only check, write nothing"), FK_YESNO, 1, false, NULL };
	struct field_def ud = { "duplicate", N_("Someone already there"), FK_SELECT, 0, true, duplicates };
	form_add(f, &pd);
	form_add(f, &ed);
	form_add(f, &dd);
	form_add(f, &ud);
	char *path = x_asprintf("%s/", c->dir);
	form_set(f, "file", last_file[0] ? last_file : path);
	form_set(f, "encoding", "自动识别");
	form_set_yes(f, "dry_run", 1);
	form_set(f, "duplicate", "跳过");
	x_free(&path);
	form_open(app, f);
}
