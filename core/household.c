/* core/household.c - checking and saving households and members. */
#include "household.h"

#include "db/household_edit.h"

#include "codes.h"
#include "db/resident.h"
#include "i18n.h"
#include "phone.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

const char *const *household_choices(const char *field)
{
	if (strcmp(field, "kind") == 0)
		return code_household_kinds;
	if (strcmp(field, "tenure") == 0)
		return code_tenures;
	return NULL;
}

/* Full-width digits and dashes (from an input method) to ASCII. */
static void fold_number(char **p)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	const char *s = *p;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			sb_addc(&sb, (char)(cp - 0xFF01 + '!'));
		else
			sb_add(&sb, s + i, n);
		i += n;
	}
	x_free(p);
	*p = sb_take(&sb);
}

/* 户号: letters, digits and '-', at most 20; one that reads as a phone
 * number was most likely typed into the wrong field. */
static void reg_no_check(struct household_rec *h, struct check *c)
{
	size_t n = strlen(h->reg_no);
	if (!n)
		return;
	if (n > 20 || strspn(h->reg_no, "0123456789-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") != n) {
		check_add(c, "reg_no", false, "%s", _("A household number is letters, digits and - (at most 20)."));
		return;
	}
	char norm[24];
	const char *why;
	if (phone_normalize(h->reg_no, norm, sizeof norm, &why) == PHONE_MOBILE)
		check_add(c, "reg_no", true, "%s", _("This looks like a phone number; is it the household number?"));
}

void household_check(struct household_rec *h, struct check *c)
{
	c->n = 0;
	for (int i = 0; i < household_field_count; i++) {
		const struct rec_field *f = &household_fields[i];
		char **p = &REC_STR(h, f);
		check_trim(p);
		if ((int)text_chars(*p) > f->max_chars)
			check_add(c, f->key, false, _("Too long: at most %d characters."), f->max_chars);
	}
	fold_number(&h->building);
	fold_number(&h->unit);
	fold_number(&h->room);
	if (!*h->kind) {
		x_free(&h->kind);
		h->kind = x_strdup("户籍户");
	}
	if (!*h->compound)
		check_add(c, "compound", false, "%s", _("This field is required."));
	if (!*h->building && (*h->unit || *h->room))
		check_add(c, "building", false, "%s", _("Give the building before the unit and room."));
	if (!code_listed(code_household_kinds, h->kind))
		check_add(c, "kind", false, "%s", _("Choose one of the listed values."));
	if (*h->tenure && !code_listed(code_tenures, h->tenure))
		check_add(c, "tenure", false, "%s", _("Choose one of the listed values."));
	reg_no_check(h, c);
	if (*h->phone) {
		char norm[24];
		const char *why;
		if (phone_normalize(h->phone, norm, sizeof norm, &why) == PHONE_BAD) {
			check_add(c, "phone", false, "%s", _(why));
		} else {
			x_free(&h->phone);
			h->phone = x_strdup(norm);
		}
	}
}

void head_check(struct reg *r, struct resident_rec *rec, const char *today, struct check *out)
{
	resident_check(r->db, rec, today, out);
}

void member_check(struct reg *r, struct resident_rec *rec, const char *today, struct check *c)
{
	resident_check(r->db, rec, today, c);
	if (!rec->household_id)
		return;
	int64_t head = 0, living = 0;
	char *name = NULL;
	if (db_household_head(r->db, rec->household_id, &head, &name) != DB_OK ||
	    db_household_living(r->db, rec->household_id, &living) != DB_OK) {
		x_free(&name);
		return; /* the save itself reports a database that fails */
	}
	bool is_head = strcmp(rec->relation, "户主") == 0;
	bool lives = strcmp(rec->status, "在住") == 0;
	bool was_head = rec->id && rec->id == head;
	if (is_head && lives && head && !was_head)
		check_add(c, "relation", false,
		    _("%s is the head of this household; use \"Make head\" in the member list to change it."),
		    name);
	else if (was_head && !is_head)
		check_add(c, "relation", false, "%s",
		    _("To change the head, make another member the head in the member list."));
	else if (was_head && !lives && living > 1)
		check_add(c, "status", false, "%s",
		    _("Before the head moves out or dies, make another member the head."));
	else if (!head && lives && !is_head)
		check_add(c, "relation", false, "%s",
		    _("This household has no head: this member's relation must be 户主."));
	x_free(&name);
}

enum db_status reg_household_rec(struct reg *r, int64_t id, struct household_rec *out)
{
	enum db_status s = reg_allow_household(r, P_REGISTER_WRITE, id);
	if (s == DB_OK)
		s = db_household_rec_get(r->db, id, out);
	if (s == DB_OK && *out->phone) {
		char *addr = address_text(out->compound, out->building, out->unit, out->room);
		reg_reveal_for_edit(r, "household", id, addr);
		x_free(&addr);
	}
	return s;
}

enum db_status reg_household_save(struct reg *r, struct household_rec *h,
				  struct resident_rec *head)
{
	enum db_status s = h->id ? reg_allow_household(r, P_REGISTER_WRITE, h->id)
				 : reg_allow(r, P_REGISTER_WRITE);
	if (s == DB_OK)
		s = db_household_save(r->db, h, head);
	if (s == DB_ERR_DENIED) /* a dwelling of another grid */
		access_refusal(P_REGISTER_WRITE, r->refusal, sizeof r->refusal);
	return s;
}

enum db_status reg_resident(struct reg *r, int64_t id, struct resident_rec *out)
{
	enum db_status s = reg_allow_resident(r, P_REGISTER_WRITE, id);
	if (s == DB_OK)
		s = db_resident_get(r->db, id, out);
	if (s == DB_OK && (*out->id_number || *out->phone))
		reg_reveal_for_edit(r, "resident", id, out->name);
	return s;
}

enum db_status reg_member_save(struct reg *r, struct resident_rec *rec)
{
	enum db_status s = rec->id ? reg_allow_resident(r, P_REGISTER_WRITE, rec->id)
				   : reg_allow_household(r, P_REGISTER_WRITE, rec->household_id);
	/* A member stays in their household: moving them is a move out. */
	int64_t hh = 0;
	if (s == DB_OK && rec->id && db_resident_household(r->db, rec->id, &hh) == DB_OK &&
	    hh != rec->household_id)
		s = DB_ERR_NOTFOUND;
	if (s == DB_OK)
		s = db_resident_save(r->db, rec);
	if (s == DB_OK)
		s = db_household_sync_status(r->db, rec->household_id);
	return s;
}

enum db_status reg_household_head(struct reg *r, int64_t household_id, int64_t *id, char **name)
{
	*id = 0;
	*name = NULL;
	enum db_status s = reg_allow_household(r, P_REGISTER_READ, household_id);
	return s == DB_OK ? db_household_head(r->db, household_id, id, name) : s;
}

enum db_status reg_set_head(struct reg *r, int64_t household_id, int64_t new_head,
			    const char *old_relation)
{
	int64_t hh = 0;
	enum db_status s = reg_allow_household(r, P_REGISTER_WRITE, household_id);
	if (s == DB_OK && (db_resident_household(r->db, new_head, &hh) != DB_OK || hh != household_id))
		s = DB_ERR_NOTFOUND;
	return s == DB_OK ? db_household_set_head(r->db, household_id, new_head, old_relation) : s;
}

enum db_status reg_dwellings(struct reg *r, const char *text, int limit,
			     struct dwelling_hit **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_WRITE);
	return s == DB_OK ? db_dwelling_search(r->db, text, limit, out, n) : s;
}

enum db_status reg_tag_vocab(struct reg *r, const char *kind, struct tag_item **out, int *n)
{
	/* The tags one may give: sensitive ones only for who may edit them. */
	return db_tag_vocab(r->db, kind, reg_may(r, P_SENSITIVE_EDIT), out, n);
}

enum db_status reg_tag_held(struct reg *r, const char *kind, int64_t owner,
			    struct tag_item **out, int *n)
{
	*out = NULL;
	*n = 0;
	bool hh = strcmp(kind, "household") == 0;
	enum db_status s = hh ? reg_allow_household(r, P_REGISTER_READ, owner)
			      : reg_allow_resident(r, P_REGISTER_READ, owner);
	return s == DB_OK ? db_tag_held(r->db, kind, owner, r->show_sensitive, out, n) : s;
}

/* May the one signed in change the tags of owner, and a sensitive tag? */
static enum db_status allow_tag(struct reg *r, const char *kind, int64_t owner, bool sensitive)
{
	bool hh = strcmp(kind, "household") == 0;
	enum db_status s = hh ? reg_allow_household(r, P_REGISTER_WRITE, owner)
			      : reg_allow_resident(r, P_REGISTER_WRITE, owner);
	return s == DB_OK && sensitive ? reg_allow(r, P_SENSITIVE_EDIT) : s;
}

enum db_status reg_tag_add(struct reg *r, const char *kind, int64_t owner, int64_t tag_id,
			   const char *since, const char *note)
{
	/* A retired tag stays on the records that hold it but is given no
	 * more; a tag goes on what it applies to. */
	struct tag_def *t;
	int n;
	enum db_status s = db_tag_defs(r->db, tag_id, &t, &n);
	if (s == DB_OK && n == 0)
		s = DB_ERR_NOTFOUND;
	if (s == DB_OK)
		s = allow_tag(r, kind, owner, t->sensitive);
	if (s == DB_OK && (!t->active || strcmp(t->applies_to, kind) != 0)) {
		snprintf(r->refusal, sizeof r->refusal, !t->active ? _("The tag %s is retired: it is given no more.")
				 : strcmp(kind, "household") == 0 ? _("The tag %s is for members, not households.")
				 : _("The tag %s is for households, not members."), t->name);
		s = DB_ERR_DENIED;
	}
	tag_defs_free(&t, &n);
	return s == DB_OK ? db_tag_add(r->db, kind, owner, tag_id, since, note) : s;
}

enum db_status reg_tag_remove(struct reg *r, const char *kind, int64_t link_id)
{
	int64_t owner;
	bool sensitive;
	enum db_status s = db_tag_link(r->db, kind, link_id, &owner, &sensitive);
	if (s == DB_OK)
		s = allow_tag(r, kind, owner, sensitive);
	return s == DB_OK ? db_tag_remove(r->db, kind, link_id) : s;
}
