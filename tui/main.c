/* tui/main.c - the command line: juwei [--db FILE], juwei demo, --help. */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "core/date.h"
#include "cli.h"
#include "core/demo.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "core/store.h"

#ifndef JUWEI_VERSION
#define JUWEI_VERSION "0"
#endif

/* setlocale from the environment; when its codeset can't show Chinese
 * (an SSH login often arrives with LANG unset), use C.UTF-8. */
static void setup_locale(void)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "GB18030") == 0 ||
		   strcmp(cs, "GBK") == 0))
		return;
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "C.utf8");
}

static const char *acting_user(void)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		return pw->pw_name;
	const char *u = getenv("USER");
	return u && *u ? u : "unknown";
}

static void usage(FILE *f)
{
	fprintf(f, "%s",
		_("usage: juwei [--db FILE]\n"
		  "       juwei demo [--db FILE] [--households N] [--seed N] [--force]\n"
		  "       juwei import households FILE [--db FILE] [--encoding auto|utf-8|gb18030]\n"
		  "                                    [--dry-run] [--on-duplicate skip|update]\n"
		  "       juwei export households|visits|cases|meetings|month [--db FILE] [--out FILE]\n"
		  "                                    [--encoding gb18030|utf-8] [--full] [--month YYYY-MM]\n"
		  "       juwei --help | --version\n"
		  "\n"
		  "Opens the household register of a residents' committee.\n"
		  "The database is --db FILE, else $JUWEI_DB, else\n"
		  "$XDG_DATA_HOME/juwei/juwei.db (~/.local/share/juwei/juwei.db).\n"
		  "\n"
		  "demo   creates a demo community (2000 households, seed 1) in a new\n"
		  "       file; an existing database with data is refused unless --force.\n"
		  "import reads a CSV saved by Excel/WPS (GB18030 or UTF-8, found out by\n"
		  "       itself): all rows or none; --dry-run only lists the problems.\n"
		  "export writes CSV (GB18030 unless --encoding utf-8) to --out or to\n"
		  "       standard output; ID numbers and phones masked unless --full.\n"));
}

/* mkdir -p for the directories of path. */
static int make_parents(const char *path)
{
	char *p = x_strdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			x_free(&p);
			return -1;
		}
		*s = '/';
	}
	x_free(&p);
	return 0;
}

/* The database path: --db, $JUWEI_DB, $XDG_DATA_HOME/juwei/juwei.db. */
static char *db_path_default(const char *opt)
{
	if (opt)
		return x_strdup(opt);
	const char *env = getenv("JUWEI_DB");
	if (env && *env)
		return x_strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *path;
	if (xdg && *xdg == '/')
		path = x_asprintf("%s/juwei/juwei.db", xdg);
	else
		path = x_asprintf("%s/.local/share/juwei/juwei.db", home && *home ? home : ".");
	make_parents(path);
	return path;
}

static void open_error(const char *path, enum db_status s, const char *detail)
{
	switch (s) {
	case DB_ERR_CANTOPEN:
		fprintf(stderr, _("juwei: cannot open or create %s (no such directory, or no permission)\n"), path);
		break;
	case DB_ERR_BADNAME:
		fprintf(stderr, _("juwei: \"%s\" cannot be a database file name (it is empty or starts with a colon)\n"), path);
		break;
	case DB_ERR_READONLY:
		fprintf(stderr, _("juwei: %s cannot be written (check the permissions of the file and its directory)\n"), path);
		break;
	case DB_ERR_NOTDB:
		fprintf(stderr, _("juwei: %s is not an SQLite database; it was left untouched\n"), path);
		break;
	case DB_ERR_FOREIGN:
		fprintf(stderr, _("juwei: %s is an SQLite database of another program, not of juwei; it was left untouched\n"), path);
		break;
	case DB_ERR_NEWER:
		fprintf(stderr, _("juwei: %s was written by a newer juwei (schema newer than %d); please upgrade juwei\n"),
			path, store_schema_version());
		break;
	case DB_ERR_BUSY:
		fprintf(stderr, _("juwei: %s is locked by another session; try again in a moment\n"), path);
		break;
	default:
		fprintf(stderr, _("juwei: cannot open %s: %s\n"), path, detail ? detail : "");
		break;
	}
}

static int open_db(const char *path, struct db **db)
{
	char *detail = NULL;
	enum db_status s = store_open(path, acting_user(), true, db, &detail);
	if (s != DB_OK)
		open_error(path, s, detail);
	x_free(&detail);
	return s == DB_OK ? 0 : 1;
}

static bool parse_num(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static void remove_db_files(const char *path)
{
	char *wal = x_asprintf("%s-wal", path), *shm = x_asprintf("%s-shm", path);
	unlink(path);
	unlink(wal);
	unlink(shm);
	x_free(&wal);
	x_free(&shm);
}

/* juwei demo: build the community in FILE.new, then rename it into
 * place, so an interrupted run leaves nothing half-made. */
static int cmd_demo(const char *path, long households, long seed, bool force)
{
	if (path[0] == '\0' || path[0] == ':') {
		open_error(path, DB_ERR_BADNAME, NULL);
		return 1;
	}
	struct stat sb;
	if (stat(path, &sb) == 0 && sb.st_size > 0) {
		struct db *db = NULL;
		if (open_db(path, &db) != 0)
			return 1;
		bool empty = store_is_empty(db);
		store_close(&db);
		if (!empty && !force) {
			fprintf(stderr, _("juwei: %s already holds data; add --force to replace it with the demo\n"), path);
			return 1;
		}
	}
	char *tmp = x_asprintf("%s.new", path);
	remove_db_files(tmp);
	struct db *db = NULL;
	char *detail = NULL;
	enum db_status s = store_open(tmp, acting_user(), true, &db, &detail);
	if (s != DB_OK) {
		open_error(path, s, detail); /* the user named path, not path.new */
		x_free(&detail);
		x_free(&tmp);
		return 1;
	}
	char today[11];
	struct demo_opts o = { (int)households, (uint64_t)seed, date_today(today) };
	struct demo_stats st;
	memset(&st, 0, sizeof st);
	s = demo_generate(db, &o, &st);
	if (s != DB_OK) {
		fprintf(stderr, _("juwei: could not create the demo: %s\n"), store_status_text(s));
		store_close(&db);
		remove_db_files(tmp);
		x_free(&tmp);
		return 1;
	}
	store_close(&db);
	char *wal = x_asprintf("%s-wal", path), *shm = x_asprintf("%s-shm", path);
	unlink(wal);
	unlink(shm);
	x_free(&wal);
	x_free(&shm);
	if (rename(tmp, path) != 0) {
		fprintf(stderr, _("juwei: cannot write %s: %s\n"), path, strerror(errno));
		remove_db_files(tmp);
		x_free(&tmp);
		return 1;
	}
	x_free(&tmp);
	printf(_("Demo community written to %s: %d grids, %d households, %d residents, "
		 "%d staff, %d visits, %d mediation cases, %d meetings.\n"),
	       path, st.grids, st.households, st.residents, st.staff, st.visits, st.cases, st.meetings);
	return 0;
}

int main(int argc, char **argv)
{
	app_mark_start();
	setup_locale();
	i18n_init(i18n_default_lang());
	const char *db_opt = NULL;
	bool demo = false, force = false;
	long households = 2000, seed = 1;
	int i = 1;
	const char *import_file = NULL, *out_path = NULL;
	bool importing = false, exporting = false;
	struct import_opts io = { .encoding = CSV_AUTO };
	struct export_opts eo = { CSV_GB18030, false, NULL };
	enum export_kind ekind = EXPORT_HOUSEHOLDS;
	if (i < argc && strcmp(argv[i], "demo") == 0) {
		demo = true;
		i++;
	} else if (i < argc && strcmp(argv[i], "import") == 0) {
		importing = true;
		if (i + 2 >= argc || strcmp(argv[i + 1], "households") != 0) {
			fprintf(stderr, "%s", _("juwei: usage: juwei import households FILE (see juwei --help)\n"));
			return 2;
		}
		import_file = argv[i + 2];
		i += 3;
	} else if (i < argc && strcmp(argv[i], "export") == 0) {
		exporting = true;
		if (i + 1 >= argc || !export_kind_parse(argv[i + 1], &ekind)) {
			fprintf(stderr, "%s", _("juwei: usage: juwei export households|visits|cases|meetings|month "
						"(see juwei --help)\n"));
			return 2;
		}
		i += 2;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		const char *next = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0) {
			printf("juwei %s\n", JUWEI_VERSION);
			return 0;
		} else if (strcmp(a, "--db") == 0 && next) {
			db_opt = next;
			i++;
		} else if (demo && strcmp(a, "--households") == 0 && next) {
			if (!parse_num(next, 1, 1000000, &households)) {
				fprintf(stderr, _("juwei: --households wants a number from 1 to 1000000, not %s\n"), next);
				return 2;
			}
			i++;
		} else if (demo && strcmp(a, "--seed") == 0 && next) {
			if (!parse_num(next, 0, 2147483647L, &seed)) {
				fprintf(stderr, _("juwei: --seed wants a number from 0 to 2147483647, not %s\n"), next);
				return 2;
			}
			i++;
		} else if (demo && strcmp(a, "--force") == 0) {
			force = true;
		} else if ((importing || exporting) && strcmp(a, "--encoding") == 0 && next) {
			if (strcmp(next, "utf-8") == 0 || strcmp(next, "utf8") == 0)
				io.encoding = eo.encoding = CSV_UTF8;
			else if (strcmp(next, "gb18030") == 0 || strcmp(next, "gbk") == 0)
				io.encoding = eo.encoding = CSV_GB18030;
			else if (importing && strcmp(next, "auto") == 0)
				io.encoding = CSV_AUTO;
			else {
				fprintf(stderr, _("juwei: --encoding wants auto, utf-8 or gb18030, not %s\n"), next);
				return 2;
			}
			i++;
		} else if (importing && strcmp(a, "--dry-run") == 0) {
			io.dry_run = true;
		} else if (importing && strcmp(a, "--on-duplicate") == 0 && next) {
			if (strcmp(next, "skip") != 0 && strcmp(next, "update") != 0) {
				fprintf(stderr, _("juwei: --on-duplicate wants skip or update, not %s\n"), next);
				return 2;
			}
			io.update = strcmp(next, "update") == 0;
			i++;
		} else if (exporting && strcmp(a, "--out") == 0 && next) {
			out_path = next;
			i++;
		} else if (exporting && strcmp(a, "--full") == 0) {
			eo.full = true;
		} else if (exporting && strcmp(a, "--month") == 0 && next) {
			int yy, mm;
			char tail;
			if (sscanf(next, "%4d-%2d%c", &yy, &mm, &tail) != 2 || mm < 1 || mm > 12) {
				fprintf(stderr, _("juwei: --month wants YYYY-MM, not %s\n"), next);
				return 2;
			}
			eo.month = next;
			i++;
		} else {
			fprintf(stderr, _("juwei: unknown option or missing value: %s (see juwei --help)\n"), a);
			return 2;
		}
	}
	char *path = db_path_default(db_opt);
	int rc;
	if (demo) {
		rc = cmd_demo(path, households, seed, force);
	} else if (importing || exporting) {
		struct db *db = NULL;
		rc = open_db(path, &db);
		if (rc == 0) {
			rc = importing ? cli_import(db, import_file, &io) : cli_export(db, ekind, out_path, &eo);
			store_close(&db);
		}
	} else {
		struct db *db = NULL;
		rc = open_db(path, &db);
		if (rc == 0) {
			rc = app_run(db);
			store_close(&db);
		}
	}
	x_free(&path);
	i18n_free();
	return rc;
}
