/* tui/cli.c - who runs a command, and what they are told when they may not. */
#include "cli.h"

#include "core/i18n.h"
#include "core/integrity.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "core/signin.h"

#include <stdio.h>

int cli_sign_in(struct db *db, struct reg *r)
{
	reg_init(r, db);
	enum signin_need need = reg_access_for_cli(r);
	if (need == SIGNIN_DONE || need == SIGNIN_FIRST)
		return 0;
	if (need == SIGNIN_RETIRED)
		fprintf(stderr, _("juwei: the login %s belongs to a member of staff who no longer works here; "
				  "ask the 主任.\n"), r->login);
	else
		fprintf(stderr, _("juwei: the login %s is not a member of staff of this register; ask the 主任 "
				  "to add it (juwei staff add).\n"), r->login);
	reg_free(r);
	return CLI_REFUSED;
}

int cli_refused(struct reg *r, enum db_status s)
{
	fprintf(stderr, "juwei: %s\n", reg_status_text(r, s));
	return CLI_REFUSED;
}

int cli_check(struct db *db)
{
	/* Anyone who may open the file may check it: it shows no record,
	 * only where the trail and the records disagree. */
	struct reg r;
	reg_init(&r, db);
	bool clean;
	char *report = NULL;
	long long rows = 0;
	enum db_status s = reg_check(&r, &clean, &report, &rows);
	int rc = 0;
	if (s != DB_OK) {
		fprintf(stderr, _("juwei: the check could not run: %s\n"), reg_status_text(&r, s));
		rc = 2;
	} else if (!clean) {
		fputs(report, stdout);
		fprintf(stderr, _("juwei: the register does not verify (%lld audit rows read).\n"), rows);
		rc = 1;
	} else {
		printf(_("The register verifies: %lld audit rows chained, triggers as made, every record as last audited.\n"),
		       rows);
	}
	x_free(&report);
	reg_free(&r);
	return rc;
}
