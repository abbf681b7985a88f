/* tui/main.c - the command line: juwei [--db FILE], juwei demo, --help. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
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
#include "core/privilege.h"
#include "core/xalloc.h"
#include "core/store.h"

#ifndef JUWEI_VERSION
#define JUWEI_VERSION "0"
#endif
/* Where a setgid install keeps the register: the Makefile's SHARED_DIR
 * (make install SHARED=1 compiles this file again with the one it is
 * given). */
#ifndef JUWEI_SHARED_DIR
#define JUWEI_SHARED_DIR "/var/lib/juwei"
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
	const char *u = priv_getenv("USER");
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
		  "       juwei staff list | add NAME --role ROLE [--login L] [--phone P] [--grids G1,G2]\n"
		  "       juwei staff edit WHO [--name N] [--role R] [--login L] [--phone P] [--active yes|no]\n"
		  "       juwei staff retire WHO | pin WHO [--clear] | grids WHO G1,G2\n"
		  "       juwei check [--db FILE]\n"
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
		  "       standard output; ID numbers and phones masked unless --full.\n"
		  "staff  keeps the members of staff (the 主任): WHO is a name or a login;\n"
		  "       pin reads the new PIN from the terminal (or one line of input).\n"
		  "check  verifies the audit trail, its triggers and the records against\n"
		  "       their last audited state; exits 1 naming what does not verify.\n"
		  "A command runs as the member of staff whose login runs it; one the\n"
		  "role may not run exits 3 naming the roles that may.\n"));
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

/* On a shared server (juwei setgid) the register lives in the
 * directory of the install, and no option or variable sends juwei
 * elsewhere: a path outside it is refused (NULL). */
static char *shared_db_path(const char *asked)
{
	if (!asked)
		return x_strdup(JUWEI_SHARED_DIR "/juwei.db");
	/* The directory the file would be in, resolved; the file itself
	 * need not exist yet. */
	char *copy = x_strdup(asked);
	char *slash = strrchr(copy, '/');
	const char *base = slash ? slash + 1 : copy;
	if (slash)
		*slash = '\0';
	char *dir = realpath(slash ? (*copy ? copy : "/") : ".", NULL);
	char *shared = realpath(JUWEI_SHARED_DIR, NULL);
	char *path = NULL;
	if (dir && shared && strcmp(dir, shared) == 0 && *base && strcmp(base, ".") != 0 && strcmp(base, "..") != 0)
		path = x_asprintf("%s/%s", shared, base);
	else
		fprintf(stderr, _("juwei: on this server the register is in %s; %s is refused\n"), JUWEI_SHARED_DIR,
			asked);
	free(dir); /* realpath allocates with malloc */
	free(shared);
	x_free(&copy);
	return path;
}

/* The database path: --db, $JUWEI_DB, $XDG_DATA_HOME/juwei/juwei.db. */
static char *db_path_default(const char *opt)
{
	if (priv_shared())
		return shared_db_path(opt ? opt : getenv("JUWEI_DB") && *getenv("JUWEI_DB") ? getenv("JUWEI_DB") : NULL);
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
	/* juwei's group for the database files alone (core/privilege.h).
	 * A new register on a shared server is made here, writable by the
	 * group: SQLite makes a file 0644, and its -wal and -shm like it. */
	priv_db();
	if (priv_shared()) {
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0660);
		if (fd >= 0)
			close(fd);
	}
	enum db_status s = store_open(path, acting_user(), true, db, &detail);
	priv_user();
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

/* May the demo go into path?  Not over a register with data unless
 * forced. */
static bool demo_allowed(const char *path, bool force)
{
	if (path[0] == '\0' || path[0] == ':') {
		open_error(path, DB_ERR_BADNAME, NULL);
		return false;
	}
	struct stat sb;
	if (stat(path, &sb) != 0 || sb.st_size == 0)
		return true;
	struct db *db = NULL;
	if (open_db(path, &db) != 0)
		return false;
	bool empty = store_is_empty(db);
	store_close(&db);
	if (!empty && !force) {
		fprintf(stderr, _("juwei: %s already holds data; add --force to replace it with the demo\n"), path);
		return false;
	}
	return true;
}

/* juwei demo: build the community in FILE.new, then rename it into
 * place, so an interrupted run leaves nothing half-made. */
static int cmd_demo(const char *path, long households, long seed, bool force)
{
	if (!demo_allowed(path, force))
		return 1;
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

/* ---- the command line ---- */

enum command { CMD_OPEN, CMD_DEMO, CMD_IMPORT, CMD_EXPORT, CMD_STAFF, CMD_CHECK };

enum {
	OPT_DB = 0x100, OPT_HOUSEHOLDS, OPT_SEED, OPT_FORCE, OPT_ENCODING, OPT_DRY_RUN, OPT_DUPLICATE, OPT_OUT,
	OPT_FULL, OPT_MONTH, OPT_NAME, OPT_ROLE, OPT_LOGIN, OPT_PHONE, OPT_GRIDS, OPT_ACTIVE, OPT_CLEAR,
};

static const struct option options[] = {
	{ "help",         no_argument,       NULL, 'h' },
	{ "version",      no_argument,       NULL, 'V' },
	{ "db",           required_argument, NULL, OPT_DB },
	{ "households",   required_argument, NULL, OPT_HOUSEHOLDS },
	{ "seed",         required_argument, NULL, OPT_SEED },
	{ "force",        no_argument,       NULL, OPT_FORCE },
	{ "encoding",     required_argument, NULL, OPT_ENCODING },
	{ "dry-run",      no_argument,       NULL, OPT_DRY_RUN },
	{ "on-duplicate", required_argument, NULL, OPT_DUPLICATE },
	{ "out",          required_argument, NULL, OPT_OUT },
	{ "full",         no_argument,       NULL, OPT_FULL },
	{ "month",        required_argument, NULL, OPT_MONTH },
	{ "name",         required_argument, NULL, OPT_NAME },
	{ "role",         required_argument, NULL, OPT_ROLE },
	{ "login",        required_argument, NULL, OPT_LOGIN },
	{ "phone",        required_argument, NULL, OPT_PHONE },
	{ "grids",        required_argument, NULL, OPT_GRIDS },
	{ "active",       required_argument, NULL, OPT_ACTIVE },
	{ "clear",        no_argument,       NULL, OPT_CLEAR },
	{ NULL, 0, NULL, 0 },
};

/* The commands each option belongs to (a bit per enum command). */
#define ANY 0x3f
#define ONLY(c) (1u << (c))
static const struct { int opt; unsigned commands; } option_commands[] = {
	{ OPT_DB, ANY }, { OPT_HOUSEHOLDS, ONLY(CMD_DEMO) }, { OPT_SEED, ONLY(CMD_DEMO) },
	{ OPT_FORCE, ONLY(CMD_DEMO) }, { OPT_ENCODING, ONLY(CMD_IMPORT) | ONLY(CMD_EXPORT) },
	{ OPT_DRY_RUN, ONLY(CMD_IMPORT) }, { OPT_DUPLICATE, ONLY(CMD_IMPORT) }, { OPT_OUT, ONLY(CMD_EXPORT) },
	{ OPT_FULL, ONLY(CMD_EXPORT) }, { OPT_MONTH, ONLY(CMD_EXPORT) }, { OPT_NAME, ONLY(CMD_STAFF) },
	{ OPT_ROLE, ONLY(CMD_STAFF) }, { OPT_LOGIN, ONLY(CMD_STAFF) }, { OPT_PHONE, ONLY(CMD_STAFF) },
	{ OPT_GRIDS, ONLY(CMD_STAFF) }, { OPT_ACTIVE, ONLY(CMD_STAFF) }, { OPT_CLEAR, ONLY(CMD_STAFF) },
};

struct cli {
	enum command cmd;
	const char *db;
	long households, seed;
	bool force;
	const char *import_file, *out;
	struct import_opts io;
	struct export_opts eo;
	enum export_kind ekind;
	struct staff_cmd staff;
	int exit_now;              /* >= 0: exit with this (help, version, an error) */
};

static void bad_option(struct cli *c, const char *arg)
{
	fprintf(stderr, _("juwei: unknown option or missing value: %s (see juwei --help)\n"), arg);
	c->exit_now = 2;
}

static bool option_fits(int opt, enum command cmd)
{
	for (size_t i = 0; i < ARRAY_SIZE(option_commands); i++)
		if (option_commands[i].opt == opt)
			return option_commands[i].commands & ONLY(cmd);
	return true;
}

static void set_encoding(struct cli *c, const char *v)
{
	if (strcmp(v, "utf-8") == 0 || strcmp(v, "utf8") == 0)
		c->io.encoding = c->eo.encoding = CSV_UTF8;
	else if (strcmp(v, "gb18030") == 0 || strcmp(v, "gbk") == 0)
		c->io.encoding = c->eo.encoding = CSV_GB18030;
	else if (c->cmd == CMD_IMPORT && strcmp(v, "auto") == 0)
		c->io.encoding = CSV_AUTO;
	else {
		fprintf(stderr, _("juwei: --encoding wants auto, utf-8 or gb18030, not %s\n"), v);
		c->exit_now = 2;
	}
}

static void set_month(struct cli *c, const char *v)
{
	int yy, mm;
	char tail;
	if (sscanf(v, "%4d-%2d%c", &yy, &mm, &tail) != 2 || mm < 1 || mm > 12) {
		fprintf(stderr, _("juwei: --month wants YYYY-MM, not %s\n"), v);
		c->exit_now = 2;
	}
	c->eo.month = v;
}

static void set_number(struct cli *c, int opt, const char *v)
{
	bool seed = opt == OPT_SEED;
	if (!parse_num(v, seed ? 0 : 1, seed ? 2147483647L : 1000000, seed ? &c->seed : &c->households)) {
		fprintf(stderr, seed ? _("juwei: --seed wants a number from 0 to 2147483647, not %s\n")
				     : _("juwei: --households wants a number from 1 to 1000000, not %s\n"), v);
		c->exit_now = 2;
	}
}

static void set_duplicate(struct cli *c, const char *v)
{
	if (strcmp(v, "skip") != 0 && strcmp(v, "update") != 0) {
		fprintf(stderr, _("juwei: --on-duplicate wants skip or update, not %s\n"), v);
		c->exit_now = 2;
	}
	c->io.update = strcmp(v, "update") == 0;
}

static void set_active(struct cli *c, const char *v)
{
	if (strcmp(v, "yes") != 0 && strcmp(v, "no") != 0) {
		fprintf(stderr, _("juwei: --active wants yes or no, not %s\n"), v);
		c->exit_now = 2;
	}
	c->staff.active = v;
}

/* juwei staff VERB [WHO] [GRIDS]: how many words each verb takes. */
static void take_staff(struct cli *c, char **words, int n)
{
	static const struct { const char *verb; int words; } verbs[] = {
		{ "list", 2 }, { "add", 3 }, { "edit", 3 }, { "retire", 3 }, { "pin", 3 }, { "grids", 4 },
	};
	c->cmd = CMD_STAFF;
	for (size_t i = 0; n > 1 && i < ARRAY_SIZE(verbs); i++)
		if (strcmp(words[1], verbs[i].verb) == 0 && n == verbs[i].words) {
			c->staff.verb = words[1];
			c->staff.who = n > 2 ? words[2] : NULL;
			if (n > 3)
				c->staff.grids = words[3];
			return;
		}
	fputs(_("juwei: usage: juwei staff list|add NAME|edit WHO|retire WHO|pin WHO|grids WHO GRIDS "
		"(see juwei --help)\n"), stderr);
	c->exit_now = 2;
}

/* One option, once the command is known. */
static void take_option(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case 'h': usage(stdout); c->exit_now = 0; break;
	case 'V': printf("juwei %s\n", JUWEI_VERSION); c->exit_now = 0; break;
	case OPT_DB: c->db = arg; break;
	case OPT_HOUSEHOLDS: case OPT_SEED: set_number(c, opt, arg); break;
	case OPT_FORCE: c->force = true; break;
	case OPT_ENCODING: set_encoding(c, arg); break;
	case OPT_DRY_RUN: c->io.dry_run = true; break;
	case OPT_DUPLICATE: set_duplicate(c, arg); break;
	case OPT_OUT: c->out = arg; break;
	case OPT_FULL: c->eo.full = true; break;
	case OPT_MONTH: set_month(c, arg); break;
	case OPT_NAME: c->staff.name = arg; break;
	case OPT_ROLE: c->staff.role = arg; break;
	case OPT_LOGIN: c->staff.login = arg; break;
	case OPT_PHONE: c->staff.phone = arg; break;
	case OPT_GRIDS: c->staff.grids = arg; break;
	case OPT_ACTIVE: set_active(c, arg); break;
	case OPT_CLEAR: c->staff.clear = true; break;
	default: break;
	}
}

/* The command and its words: demo; import households FILE; export KIND. */
static void take_command(struct cli *c, char **words, int n)
{
	const char *cmd = n > 0 ? words[0] : NULL;
	if (!cmd)
		return;
	if (strcmp(cmd, "demo") == 0 && n == 1) {
		c->cmd = CMD_DEMO;
	} else if (strcmp(cmd, "import") == 0) {
		c->cmd = CMD_IMPORT;
		if (n != 3 || strcmp(words[1], "households") != 0) {
			fputs(_("juwei: usage: juwei import households FILE (see juwei --help)\n"), stderr);
			c->exit_now = 2;
		}
		c->import_file = n > 2 ? words[2] : NULL;
	} else if (strcmp(cmd, "staff") == 0) {
		take_staff(c, words, n);
	} else if (strcmp(cmd, "check") == 0 && n == 1) {
		c->cmd = CMD_CHECK;
	} else if (strcmp(cmd, "export") == 0) {
		c->cmd = CMD_EXPORT;
		if (n != 2 || !export_kind_parse(words[1], &c->ekind)) {
			fputs(_("juwei: usage: juwei export households|visits|cases|meetings|month (see juwei --help)\n"),
			      stderr);
			c->exit_now = 2;
		}
	} else {
		bad_option(c, cmd);
	}
}

/* The command comes first; options may come before or after its words
 * (getopt_long moves the words to the end). */
static void parse(struct cli *c, int argc, char **argv)
{
	*c = (struct cli){ .cmd = CMD_OPEN, .households = 2000, .seed = 1, .exit_now = -1,
			   .io = { .encoding = CSV_AUTO }, .eo = { .encoding = CSV_GB18030 } };
	int opts[64], n = 0;
	char *args[64];
	opterr = 0; /* our own one-line message */
	int opt;
	while ((opt = getopt_long(argc, argv, ":hV", options, NULL)) != -1) {
		if (opt == '?' || opt == ':' || n == 64) {
			bad_option(c, argv[optind - 1]);
			return;
		}
		opts[n] = opt;
		args[n++] = optarg;
	}
	take_command(c, argv + optind, argc - optind);
	for (int i = 0; i < n && c->exit_now < 0; i++) {
		if (!option_fits(opts[i], c->cmd)) {
			char name[32] = "";
			for (int k = 0; options[k].name; k++)
				if (options[k].val == opts[i])
					snprintf(name, sizeof name, "--%s", options[k].name);
			bad_option(c, name);
			return;
		}
		take_option(c, opts[i], args[i]);
	}
}

/* Import, export or the screen, on the register at path. */
static int run_on_db(const struct cli *c, const char *path)
{
	struct db *db = NULL;
	int rc = open_db(path, &db);
	if (rc != 0)
		return rc;
	if (c->cmd == CMD_IMPORT)
		rc = cli_import(db, c->import_file, &c->io);
	else if (c->cmd == CMD_EXPORT)
		rc = cli_export(db, c->ekind, c->out, &c->eo);
	else if (c->cmd == CMD_STAFF)
		rc = cli_staff(db, &c->staff);
	else if (c->cmd == CMD_CHECK)
		rc = cli_check(db);
	else
		rc = app_run(db);
	store_close(&db);
	return rc;
}

int main(int argc, char **argv)
{
	priv_init();
	priv_user();
	app_mark_start();
	setup_locale();
	i18n_init(i18n_default_lang());
	struct cli c;
	parse(&c, argc, argv);
	int rc = c.exit_now;
	if (rc < 0) {
		char *path = db_path_default(c.db);
		if (!path)
			rc = CLI_REFUSED;
		else if (c.cmd == CMD_DEMO && priv_shared()) {
			fputs(_("juwei: the demo is not made on a shared server\n"), stderr);
			rc = CLI_REFUSED;
		} else
			rc = c.cmd == CMD_DEMO ? cmd_demo(path, c.households, c.seed, c.force) : run_on_db(&c, path);
		x_free(&path);
	}
	i18n_free();
	return rc;
}
