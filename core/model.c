/* core/model.c - freeing the records of core/model.h. */
#include "model.h"

#include "xalloc.h"
#include "i18n.h"

#include <stddef.h>
#include <string.h>

void hh_key_free(struct hh_key *k)
{
	x_free(&k->sort_key);
	k->id = 0;
}

void hh_key_copy(struct hh_key *dst, const struct hh_key *src)
{
	hh_key_free(dst);
	dst->sort_key = src->sort_key ? x_strdup(src->sort_key) : NULL;
	dst->id = src->id;
}

void hh_row_free(struct hh_row *r)
{
	hh_key_free(&r->key);
	x_free(&r->compound);
	x_free(&r->building);
	x_free(&r->unit);
	x_free(&r->room);
	x_free(&r->head);
	x_free(&r->kind);
	x_free(&r->phone);
	x_free(&r->tags);
	x_free(&r->status);
}

void member_free(struct member *m)
{
	x_free(&m->name);
	x_free(&m->relation);
	x_free(&m->sex);
	x_free(&m->birth_date);
	x_free(&m->id_number);
	x_free(&m->phone);
	x_free(&m->status);
	x_free(&m->status_date);
	x_free(&m->ethnicity);
	x_free(&m->residence_type);
	x_free(&m->tags);
}

void household_free(struct household *h)
{
	hh_row_free(&h->row);
	x_free(&h->grid);
	x_free(&h->reg_no);
	x_free(&h->notes);
	x_free(&h->tenure);
	for (int i = 0; i < h->n_members; i++)
		member_free(&h->members[i]);
	x_free(&h->members);
	h->n_members = 0;
}

#define RF(key, label, field, max, req) \
	{ key, label, offsetof(struct resident_rec, field), max, req }

const struct rec_field resident_fields[] = {
	RF("name",           N_("Name"),            name,           32, true),
	RF("former_name",    N_("Former name"),     former_name,    32, false),
	RF("sex",            N_("Sex"),             sex,             1, false),
	RF("birth_date",     N_("Birth date"),      birth_date,     16, false),
	RF("id_number",      N_("ID number"),       id_number,      18, false),
	RF("ethnicity",      N_("Ethnicity"),       ethnicity,      10, false),
	RF("relation",       N_("Relation"),        relation,        4, true),
	RF("phone",          N_("Phone"),           phone,          20, false),
	RF("political",      N_("Political status"), political,      6, false),
	RF("education",      N_("Education"),       education,       4, false),
	RF("occupation",     N_("Occupation"),      occupation,     32, false),
	RF("employment",     N_("Employment"),      employment,      3, false),
	RF("residence_type", N_("Residence"),       residence_type,  4, true),
	RF("arrival_date",   N_("Arrived"),         arrival_date,   16, false),
	RF("arrival_reason", N_("Reason"),          arrival_reason, 32, false),
	RF("status",         N_("Status"),          status,          2, true),
	RF("status_date",    N_("Status date"),     status_date,    16, false),
	RF("moved_to",       N_("Moved to"),        moved_to,       64, false),
	RF("notes",          N_("Notes"),           notes,         500, false),
};
const int resident_field_count = (int)(sizeof resident_fields / sizeof resident_fields[0]);

#define HF(key, label, field, max, req) \
	{ key, label, offsetof(struct household_rec, field), max, req }

const struct rec_field household_fields[] = {
	HF("compound", N_("Compound"),  compound, 64, true),
	HF("building", N_("Building"),  building,  8, false),
	HF("unit",     N_("Unit"),      unit,      8, false),
	HF("room",     N_("Room"),      room,      8, false),
	HF("tenure",   N_("Tenure"),    tenure,    4, false),
	HF("kind",     N_("Kind"),      kind,      4, true),
	HF("phone",    N_("Phone"),     phone,    20, false),
	HF("reg_no",   N_("Reg. no."),  reg_no,   32, false),
	HF("notes",    N_("Notes"),     notes,   500, false),
	HF("status",   N_("Status"),    status,    3, false),
	HF("grid",     N_("Grid"),      grid,     64, false),
};
const int household_field_count = (int)(sizeof household_fields / sizeof household_fields[0]);

void rec_init(void *rec, size_t size, const struct rec_field *f, int n)
{
	memset(rec, 0, size);
	for (int i = 0; i < n; i++)
		REC_STR(rec, &f[i]) = x_strdup("");
}

void rec_free(void *rec, const struct rec_field *f, int n)
{
	for (int i = 0; i < n; i++)
		x_free(&REC_STR(rec, &f[i]));
}

const struct rec_field *rec_field_by_key(const struct rec_field *f, int n, const char *key)
{
	for (int i = 0; i < n; i++)
		if (strcmp(f[i].key, key) == 0)
			return &f[i];
	return NULL;
}

bool rec_set(void *rec, const struct rec_field *f, int n, const char *key, const char *val)
{
	const struct rec_field *rf = rec_field_by_key(f, n, key);
	if (!rf)
		return false;
	char *v = x_strdup(val ? val : "");
	x_free(&REC_STR(rec, rf));
	REC_STR(rec, rf) = v;
	return true;
}

const char *rec_get(const void *rec, const struct rec_field *f, int n, const char *key)
{
	const struct rec_field *rf = rec_field_by_key(f, n, key);
	return rf ? REC_CSTR(rec, rf) : NULL;
}

void household_rec_init(struct household_rec *h)
{
	rec_init(h, sizeof *h, household_fields, household_field_count);
}

void household_rec_free(struct household_rec *h)
{
	rec_free(h, household_fields, household_field_count);
}

void resident_rec_init(struct resident_rec *r)
{
	rec_init(r, sizeof *r, resident_fields, resident_field_count);
}

void resident_rec_free(struct resident_rec *r)
{
	rec_free(r, resident_fields, resident_field_count);
}

bool resident_rec_set(struct resident_rec *r, const char *key, const char *val)
{
	return rec_set(r, resident_fields, resident_field_count, key, val);
}

void visit_rec_init(struct visit_rec *v)
{
	memset(v, 0, sizeof *v);
	v->visit_date = x_strdup("");
	v->findings = x_strdup("");
	v->needs = x_strdup("");
	v->next_visit_date = x_strdup("");
}

void visit_rec_free(struct visit_rec *v)
{
	x_free(&v->visit_date);
	x_free(&v->findings);
	x_free(&v->needs);
	x_free(&v->next_visit_date);
	x_free(&v->reports);
	v->n_reports = 0;
}

void visit_row_free(struct visit_row *r)
{
	x_free(&r->date);
	x_free(&r->address);
	x_free(&r->head);
	x_free(&r->purpose);
	x_free(&r->method);
	x_free(&r->staff);
	x_free(&r->findings);
	x_free(&r->resident);
}

static void today_rows_free(struct today_row **rows, int *n)
{
	for (int i = 0; *rows && i < *n; i++) {
		x_free(&(*rows)[i].address);
		x_free(&(*rows)[i].head);
		x_free(&(*rows)[i].tags);
		x_free(&(*rows)[i].detail);
	}
	x_free(rows);
	*n = 0;
}

void today_free(struct today *t)
{
	today_rows_free(&t->overdue, &t->n_overdue);
	today_rows_free(&t->planned, &t->n_planned);
	today_rows_free(&t->followups, &t->n_followups);
	t->all_overdue = t->all_planned = t->all_followups = 0;
}
