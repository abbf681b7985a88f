/* core/reveal.c - a whole ID number or phone: shown only to the roles
 * that may see it, and never without a row in the audit trail. */
#include "register.h"

#include "db/audit.h"
#include "db/household_edit.h"
#include "db/mediation.h"
#include "db/resident.h"

#include "codes.h"
#include "i18n.h"
#include "kv.h"
#include "model.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* One audit row: who (the trail's own columns), whose, which fields,
 * why. */
static enum db_status log_reveal(struct reg *r, const char *table, int64_t id, const char *whose,
				 const char *fields, const char *reason)
{
	struct kv kv = { 0 };
	kv_set(&kv, "whose", whose ? whose : "");
	kv_set(&kv, "fields", fields);
	kv_set(&kv, "reason", reason);
	char *what = kv_to_json(&kv);
	enum db_status s = db_audit_note(r->db, table, id, "reveal", what);
	x_free(&what);
	kv_free(&kv);
	return s;
}

/* "id_number,phone": the fields that have a value. */
static const char *fields_of(const char *id_number, const char *phone)
{
	bool i = id_number && *id_number, p = phone && *phone;
	return i && p ? "id_number,phone" : i ? "id_number" : "phone";
}

static enum db_status reveal_resident(struct reg *r, int64_t id, char **whose, char **id_number, char **phone)
{
	enum db_status s = reg_allow_resident(r, P_REVEAL, id);
	bool party = true;
	if (s == DB_OK && access_grant(&r->acc, P_REVEAL) == G_PARTIES &&
	    (s = db_resident_is_party(r->db, id, &party)) == DB_OK && !party) {
		access_refusal(P_REVEAL, r->refusal, sizeof r->refusal);
		s = DB_ERR_DENIED;
	}
	struct resident_rec rec;
	resident_rec_init(&rec);
	if (s == DB_OK)
		s = db_resident_get(r->db, id, &rec);
	if (s == DB_OK) {
		*whose = x_strdup(rec.name);
		*id_number = x_strdup(rec.id_number);
		*phone = x_strdup(rec.phone);
	}
	resident_rec_free(&rec);
	return s;
}

static enum db_status reveal_household(struct reg *r, int64_t id, char **whose, char **phone)
{
	enum db_status s = reg_allow_household(r, P_REVEAL, id);
	if (s == DB_OK && access_grant(&r->acc, P_REVEAL) == G_PARTIES) {
		access_refusal(P_REVEAL, r->refusal, sizeof r->refusal);
		s = DB_ERR_DENIED;
	}
	struct household_rec h;
	household_rec_init(&h);
	if (s == DB_OK)
		s = db_household_rec_get(r->db, id, &h);
	if (s == DB_OK) {
		*whose = address_text(h.compound, h.building, h.unit, h.room);
		*phone = x_strdup(h.phone);
	}
	household_rec_free(&h);
	return s;
}

static enum db_status reveal_party(struct reg *r, int64_t id, char **whose, char **id_number, char **phone)
{
	int64_t case_id;
	enum db_status s = reg_allow(r, P_CASE_PARTIES);
	if (s == DB_OK)
		s = reg_allow(r, P_REVEAL);
	if (s == DB_OK)
		s = db_case_party_case(r->db, id, &case_id);
	struct case_party *p = NULL;
	int np = 0;
	if (s == DB_OK)
		s = db_case_parties(r->db, case_id, &p, &np);
	for (int i = 0; s == DB_OK && i < np; i++)
		if (p[i].id == id) {
			*whose = x_strdup(p[i].name);
			*id_number = x_strdup(p[i].id_number);
			*phone = x_strdup(p[i].phone);
		}
	case_parties_free(&p, &np);
	return s == DB_OK && !*whose ? DB_ERR_NOTFOUND : s;
}

enum db_status reg_reveal(struct reg *r, const char *table, int64_t id, const char *reason,
			  char **id_number, char **phone)
{
	*id_number = *phone = NULL;
	char *whose = NULL;
	enum db_status s;
	if (!code_listed(code_reveal_reasons, reason)) {
		snprintf(r->refusal, sizeof r->refusal, "%s", _("Choose a reason from the list."));
		return DB_ERR_DENIED;
	}
	if (strcmp(table, "resident") == 0)
		s = reveal_resident(r, id, &whose, id_number, phone);
	else if (strcmp(table, "household") == 0)
		s = reveal_household(r, id, &whose, phone);
	else if (strcmp(table, "case_party") == 0)
		s = reveal_party(r, id, &whose, id_number, phone);
	else
		s = DB_ERR_NOTFOUND;
	if (s == DB_OK && !*id_number)
		*id_number = x_strdup("");
	/* Nothing is shown unless its row is written. */
	if (s == DB_OK)
		s = log_reveal(r, table, id, whose, fields_of(*id_number, *phone), reason);
	if (s != DB_OK) {
		x_free(id_number);
		x_free(phone);
	}
	x_free(&whose);
	return s;
}

enum db_status reg_reveal_note(struct reg *r, const char *table, int64_t id, const char *whose,
			       const char *fields, const char *reason)
{
	return log_reveal(r, table, id, whose, fields, reason);
}

void reg_reveal_for_edit(struct reg *r, const char *table, int64_t id, const char *whose)
{
	char key[64];
	snprintf(key, sizeof key, "%s:%lld:%lld", table, (long long)id, (long long)r->acc.staff_id);
	if (strcmp(key, r->revealed) == 0)
		return; /* the same form again: logged once */
	if (log_reveal(r, table, id, whose, "id_number,phone", code_reveal_reasons[0]) == DB_OK)
		snprintf(r->revealed, sizeof r->revealed, "%s", key);
}

enum db_status reg_audit_export(struct reg *r, const char *what)
{
	return db_audit_note(r->db, "ledger", 0, "export", what);
}
