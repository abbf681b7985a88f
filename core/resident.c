/* core/resident.c - checking a resident's record. */
#include "resident.h"

#include "codes.h"
#include "date.h"
#include "db/resident.h"
#include "i18n.h"
#include "idcard.h"
#include "phone.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const struct { const char *field; const char *const *values; } choices[] = {
	{ "sex", code_sexes }, { "relation", code_relations }, { "ethnicity", code_ethnicities },
	{ "political", code_politicals }, { "education", code_educations }, { "employment", code_employments },
	{ "residence_type", code_residence_types }, { "status", code_resident_statuses },
};

const char *const *resident_choices(const char *field)
{
	for (size_t i = 0; i < ARRAY_SIZE(choices); i++)
		if (strcmp(choices[i].field, field) == 0)
			return choices[i].values;
	return NULL;
}

static char **field(struct resident_rec *r, const char *key)
{
	for (int i = 0; i < resident_field_count; i++)
		if (strcmp(resident_fields[i].key, key) == 0)
			return &REC_STR(r, &resident_fields[i]);
	return NULL;
}

static void replace(char **p, const char *val)
{
	char *v = x_strdup(val);
	x_free(p);
	*p = v;
}

/* A date field: any accepted form into ISO; never after today. */
static void check_date(struct check *c, struct resident_rec *r, const char *key, const char *today)
{
	char **p = field(r, key), iso[11];
	if (!**p)
		return;
	const char *err = date_parse_input(*p, today, iso);
	if (err) {
		check_add(c, key, false, "%s", _(err));
		return;
	}
	replace(p, iso);
	if (strcmp(iso, today) > 0)
		check_add(c, key, false, "%s", _("This date cannot be in the future."));
}

static void check_id(struct db *db, struct check *c, struct resident_rec *r, const char *today)
{
	if (!*r->id_number)
		return;
	if (strchr(r->id_number, '*')) {
		check_add(c, "id_number", false, "%s",
		    _("This ID number is masked (it has *): the whole number is needed."));
		return;
	}
	struct idcard_info info;
	switch (idcard_parse(r->id_number, &info)) {
	case ID_OK:
		break;
	case ID_BAD_LENGTH:
		check_add(c, "id_number", false, "%s", _("An ID number has 18 characters (or 15 for an old one)."));
		return;
	case ID_BAD_CHARS:
		check_add(c, "id_number", false, "%s", _("An ID number is digits, the last may be X."));
		return;
	case ID_BAD_DATE:
		check_add(c, "id_number", false, "%s", _("The birth date inside the ID number is not a real date."));
		return;
	case ID_BAD_CHECKSUM:
		check_add(c, "id_number", false, "%s", _("The check character is wrong: a digit was mistyped."));
		return;
	}
	replace(&r->id_number, info.number);
	if (strcmp(info.birth, today) > 0) {
		check_add(c, "id_number", false, "%s", _("The birth date inside the ID number is in the future."));
		return;
	}
	const char *sex = info.male ? "男" : "女";
	if (!*r->birth_date)
		replace(&r->birth_date, info.birth);
	else if (strcmp(r->birth_date, info.birth) != 0)
		check_add(c, "birth_date", true, _("The ID number says %s."), info.birth);
	if (!*r->sex)
		replace(&r->sex, sex);
	else if (strcmp(r->sex, sex) != 0)
		check_add(c, "sex", true, _("The ID number says %s."), sex);
	if (db) {
		int64_t owner;
		char *name = NULL, *address = NULL;
		if (db_resident_id_owner(db, r->id_number, r->id, &owner, &name, &address) == DB_OK && owner)
			check_add(c, "id_number", false, _("%s (%s) already has this ID number."), name, address);
		x_free(&name);
		x_free(&address);
	}
}

char *resident_id_stored(const char *id_number)
{
	char *id = x_strdup(id_number);
	check_trim(&id);
	struct idcard_info info;
	if (idcard_parse(id, &info) == ID_OK)
		replace(&id, info.number);
	return id;
}

void resident_check(struct db *db, struct resident_rec *r, const char *today, struct check *c)
{
	c->n = 0;
	for (int i = 0; i < resident_field_count; i++) {
		const struct rec_field *f = &resident_fields[i];
		char **p = &REC_STR(r, f);
		check_trim(p);
		if ((int)text_chars(*p) > f->max_chars)
			check_add(c, f->key, false, _("Too long: at most %d characters."), f->max_chars);
	}
	if (!*r->residence_type)
		replace(&r->residence_type, "户籍在住");
	if (!*r->status)
		replace(&r->status, "在住");
	for (int i = 0; i < resident_field_count; i++) {
		const struct rec_field *f = &resident_fields[i];
		const char *v = REC_STR(r, f);
		if (f->required && !*v) {
			check_add(c, f->key, false, "%s", _("This field is required."));
			continue;
		}
		const char *const *ok = resident_choices(f->key);
		if (!ok || !*v)
			continue;
		while (*ok && strcmp(*ok, v) != 0)
			ok++;
		if (!*ok)
			check_add(c, f->key, false, "%s", _("Choose one of the listed values."));
	}
	check_date(c, r, "birth_date", today);
	check_date(c, r, "arrival_date", today);
	check_date(c, r, "status_date", today);
	check_id(db, c, r, today);
	if (*r->phone) {
		char norm[24];
		const char *why;
		if (phone_normalize(r->phone, norm, sizeof norm, &why) == PHONE_BAD)
			check_add(c, "phone", false, "%s", _(why));
		else
			replace(&r->phone, norm);
	}
	if (strcmp(r->status, "在住") != 0 && !*r->status_date)
		check_add(c, "status_date", false, "%s", _("Give the date of moving out or of death."));
	if (strcmp(r->status, "迁出") == 0 && !*r->moved_to)
		check_add(c, "moved_to", false, "%s", _("Say where the resident moved to."));
	if (*r->birth_date && *r->status_date && strcmp(r->status_date, r->birth_date) < 0)
		check_add(c, "status_date", false, "%s", _("This date is before the birth date."));
}
