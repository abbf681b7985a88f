/* tui/cli_staff.c - juwei staff list|add|edit|retire|pin|grids: the
 * members of staff from the command line, for the 主任 (core says who
 * may; a refusal exits 3 naming the role). */
#include "cli.h"

#include "core/codes.h"
#include "core/i18n.h"
#include "core/staff.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int list(struct reg *r)
{
	struct staff_rec *s;
	int n;
	enum db_status st = reg_staff_list(r, &s, &n);
	if (st != DB_OK)
		return st == DB_ERR_DENIED ? cli_refused(r, st) : 1;
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("Name"), _("Role"), _("Login"), _("Phone"), _("Grids"),
	       _("In service"), _("PIN"));
	for (int i = 0; i < n; i++) {
		char *grids = reg_staff_grid_names(r, &s[i]);
		/* Tab-separated; what the register holds is printed as text,
		 * never as terminal codes (a tab in it becomes a space). */
		const char *cols[] = { s[i].name, s[i].role, s[i].os_login, s[i].phone, grids,
				       s[i].active ? _("yes") : _("no"), *s[i].pin_hash ? _("set") : "-" };
		for (size_t k = 0; k < ARRAY_SIZE(cols); k++) {
			char *clean = text_sanitize(cols[k], strlen(cols[k]));
			printf("%s%s", k ? "\t" : "", clean);
			x_free(&clean);
		}
		putchar('\n');
		x_free(&grids);
	}
	staff_recs_free(&s, &n);
	return 0;
}

/* Grid names into s; false (said) on a name that is no grid. */
static bool parse_grids(struct reg *r, const char *text, struct staff_rec *s)
{
	char bad[128];
	if (reg_staff_parse_grids(r, text, s, bad, sizeof bad))
		return true;
	char *clean = text_sanitize(bad, strlen(bad));
	fprintf(stderr, _("juwei: there is no grid called %s\n"), clean);
	x_free(&clean);
	return false;
}

static void set_text(char **field, const char *value)
{
	if (!value)
		return;
	x_free(field);
	*field = x_strdup(value);
}

/* Save s, saying each problem; 0, 1 (bad values) or CLI_REFUSED. */
static int save(struct reg *r, struct staff_rec *s)
{
	struct check c;
	enum db_status st = reg_staff_save(r, s, &c);
	if (st == DB_ERR_DENIED)
		return cli_refused(r, st);
	int rc = 0;
	for (int i = 0; i < c.n; i++) {
		fprintf(stderr, "juwei: %s: %s\n", c.items[i].field, c.items[i].message);
		rc = 1;
	}
	check_free(&c);
	if (!rc && st != DB_OK) {
		fprintf(stderr, _("juwei: could not save: %s\n"), reg_status_text(r, st));
		rc = 1;
	}
	if (!rc)
		printf(_("Saved: %s (%s).\n"), s->name, s->role);
	return rc;
}

/* The member named by who (name or login); 0, 1 (said) or CLI_REFUSED. */
static int find(struct reg *r, const char *who, struct staff_rec *s)
{
	enum db_status st = reg_staff_find(r, who, s);
	if (st == DB_ERR_DENIED)
		return cli_refused(r, st);
	if (st == DB_ERR_NOTFOUND)
		fprintf(stderr, _("juwei: no member of staff is called %s (see juwei staff list)\n"), who);
	else if (st == DB_ERR_CONFLICT)
		fprintf(stderr, _("juwei: several members are called %s; give the login instead\n"), who);
	return st == DB_OK ? 0 : 1;
}

/* A PIN from the terminal without echo (twice), or a line of stdin. */
static bool read_pin(char *pin, size_t size)
{
	bool tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	char again[64] = "";
	if (tty && tcgetattr(STDIN_FILENO, &old) == 0) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	if (tty)
		fputs(_("New PIN (4 to 12 digits): "), stderr);
	bool ok = fgets(pin, (int)size, stdin) != NULL;
	if (ok && tty) {
		fputs(_("\nThe same again: "), stderr);
		ok = fgets(again, sizeof again, stdin) != NULL;
	}
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	pin[strcspn(pin, "\r\n")] = '\0';
	again[strcspn(again, "\r\n")] = '\0';
	if (ok && tty && strcmp(pin, again) != 0) {
		fputs(_("juwei: the two PINs differ; nothing was changed\n"), stderr);
		ok = false;
	}
	explicit_bzero(again, sizeof again);
	return ok;
}

static int set_pin(struct reg *r, struct staff_rec *s, bool clear)
{
	char pin[64] = "";
	if (!clear && !read_pin(pin, sizeof pin))
		return 1;
	struct check c;
	enum db_status st = reg_staff_set_pin(r, s->id, pin, &c);
	explicit_bzero(pin, sizeof pin);
	if (st == DB_ERR_DENIED)
		return cli_refused(r, st);
	int rc = st == DB_OK && check_ok(&c) ? 0 : 1;
	if (!check_ok(&c))
		fprintf(stderr, "juwei: %s\n", c.items[0].message);
	else if (st != DB_OK)
		fprintf(stderr, _("juwei: could not save: %s\n"), reg_status_text(r, st));
	else
		printf(clear ? _("The PIN of %s is cleared.\n") : _("The PIN of %s is set.\n"), s->name);
	check_free(&c);
	return rc;
}

int cli_staff(struct db *db, const struct staff_cmd *c)
{
	struct reg r;
	if (cli_sign_in(db, &r) != 0)
		return CLI_REFUSED;
	struct staff_rec s;
	staff_rec_init(&s);
	int rc = 0;
	if (strcmp(c->verb, "list") == 0) {
		rc = list(&r);
	} else if (strcmp(c->verb, "add") == 0) {
		set_text(&s.name, c->who);
		set_text(&s.role, c->role ? c->role : "");
		set_text(&s.os_login, c->login);
		set_text(&s.phone, c->phone);
		rc = c->grids && !parse_grids(&r, c->grids, &s) ? 1 : save(&r, &s);
	} else if ((rc = find(&r, c->who, &s)) == 0) {
		if (strcmp(c->verb, "edit") == 0) {
			set_text(&s.name, c->name);
			set_text(&s.role, c->role);
			set_text(&s.os_login, c->login);
			set_text(&s.phone, c->phone);
			if (c->active)
				s.active = strcmp(c->active, "yes") == 0;
			rc = c->grids && !parse_grids(&r, c->grids, &s) ? 1 : save(&r, &s);
		} else if (strcmp(c->verb, "retire") == 0) {
			s.active = false;
			rc = save(&r, &s);
		} else if (strcmp(c->verb, "grids") == 0) {
			rc = !parse_grids(&r, c->grids ? c->grids : "", &s) ? 1 : save(&r, &s);
		} else { /* pin */
			rc = set_pin(&r, &s, c->clear);
		}
	}
	staff_rec_free(&s);
	reg_free(&r);
	return rc;
}
