/* core/tags.c - the committee's own tags: their rules and the gateway. */
#include "tags.h"

#include "access.h"
#include "db/household_edit.h"
#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

void tag_check(struct tag_def *t, struct check *out)
{
	out->n = 0;
	check_trim(&t->name);
	if (!t->name || !*t->name)
		check_add(out, "name", false, "%s", _("This field is required."));
	else if (text_chars(t->name) > TAG_NAME_MAX)
		check_add(out, "name", false, _("Too long: at most %d characters."), TAG_NAME_MAX);
	else if (strpbrk(t->name, ",;/ ") || strstr(t->name, "、") || strstr(t->name, "，") ||
		 strstr(t->name, "；") || strstr(t->name, "　"))
		check_add(out, "name", false, "%s", _("A tag's name cannot hold 、 , ; / or spaces (an import splits on them)."));
	if (strcmp(t->applies_to, "household") != 0 && strcmp(t->applies_to, "resident") != 0)
		check_add(out, "applies_to", false, "%s", _("This field is required."));
	if (t->interval < 0 || t->interval > TAG_INTERVAL_MAX)
		check_add(out, "interval", false, _("Between 1 and %d days, or empty for none."), TAG_INTERVAL_MAX);
}

enum db_status reg_tag_defs(struct reg *r, struct tag_def **out, int *n)
{
	enum db_status s = db_tag_defs(r->db, 0, out, n);
	if (s != DB_OK || reg_may(r, P_SENSITIVE_SEE))
		return s;
	int k = 0;
	for (int i = 0; i < *n; i++) {
		if ((*out)[i].sensitive)
			tag_def_free(&(*out)[i]);
		else
			(*out)[k++] = (*out)[i];
	}
	*n = k;
	return DB_OK;
}

enum db_status reg_tag_define(struct reg *r, struct tag_def *t, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_TAGS);
	if (s != DB_OK)
		return s;
	tag_check(t, out);
	if (!check_ok(out))
		return DB_OK;
	int64_t other;
	if ((s = db_tag_named(r->db, t->name, &other)) != DB_OK)
		return s;
	if (other && other != t->id) {
		check_add(out, "name", false, "%s", _("Another tag has this name."));
		return DB_OK;
	}
	if (t->id) {
		struct tag_def *was;
		int n;
		if ((s = db_tag_defs(r->db, t->id, &was, &n)) != DB_OK)
			return s;
		if (n == 0)
			return DB_ERR_NOTFOUND;
		if (strcmp(was->applies_to, t->applies_to) != 0 && was->held > 0)
			check_add(out, "applies_to", false,
				   _("%d records hold this tag: what it goes on cannot change. Retire it and add a new one."),
				   was->held);
		tag_defs_free(&was, &n);
		if (!check_ok(out))
			return DB_OK;
	}
	return db_tag_define(r->db, t);
}
