/* core/integrity.c - what `juwei check` found, in words. */
#include "integrity.h"

#include "db/check.h"
#include "db/db.h"

#include "history.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <string.h>

/* One finding a line; a name from the file is shown as text, never as
 * terminal codes. */
static void say(struct strbuf *sb, const struct finding *raw)
{
	struct finding clean = *raw, *f = &clean;
	clean.name = text_sanitize(raw->name, strlen(raw->name));
	long long id = (long long)f->id;
	switch (f->kind) {
	case FIND_FILE:
		sb_addf(sb, _("The file is damaged: %s"), f->name);
		break;
	case FIND_CHAIN:
		sb_addf(sb, _("Audit row %lld does not verify: it or a row before it was changed or deleted."), id);
		break;
	case FIND_TAIL:
		sb_addf(sb, _("Audit row %lld, the last one the previous check saw, was deleted or changed."), id);
		break;
	case FIND_TRIGGER_MISSING:
		sb_addf(sb, _("The trigger %s is missing: changes were not recorded."), f->name);
		break;
	case FIND_TRIGGER_CHANGED:
		sb_addf(sb, _("The trigger %s is not as juwei made it."), f->name);
		break;
	case FIND_TRIGGER_EXTRA:
		sb_addf(sb, _("The trigger %s is not juwei's."), f->name);
		break;
	case FIND_STATE:
		sb_addf(sb, _("Record %lld of %s differs from its last audited change."), id, history_table_name(f->name));
		break;
	case FIND_UNAUDITED:
		sb_addf(sb, _("Record %lld of %s has no audit row."), id, history_table_name(f->name));
		break;
	case FIND_VANISHED:
		sb_addf(sb, _("Record %lld of %s is gone without an audited delete."), id, history_table_name(f->name));
		break;
	}
	sb_addc(sb, '\n');
	x_free(&clean.name);
}

enum db_status reg_check(struct reg *r, bool *clean, char **report, long long *rows)
{
	struct check_findings c;
	enum db_status s = db_check_run(r->db, CHECK_MAX_EACH, &c);
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	for (int i = 0; s == DB_OK && i < c.n; i++)
		say(&sb, &c.f[i]);
	*clean = s == DB_OK && c.n == 0;
	*rows = (long long)c.rows;
	if (s == DB_OK)
		s = db_check_save(r->db, *clean, sb.buf, &c);
	check_findings_free(&c);
	*report = sb_take(&sb);
	return s;
}

bool reg_last_check_failed(struct reg *r, char *at, int at_size)
{
	bool have, clean;
	at[0] = '\0';
	return db_check_last(r->db, &have, &clean, at, at_size) == DB_OK && have && !clean;
}

enum db_status reg_quick_check(struct reg *r)
{
	enum db_status s = db_quick_check(r->db);
	if (s == DB_ERR_DAMAGED)
		reg_set_damaged(r);
	return s;
}

void reg_quick_check_start(struct reg *r)
{
	db_quick_check_start(r->db);
}

bool reg_quick_check_damaged(struct reg *r)
{
	if (r->read_only == RO_DAMAGED || db_quick_check_poll(r->db) != DB_ERR_DAMAGED)
		return false;
	reg_set_damaged(r);
	return true;
}
