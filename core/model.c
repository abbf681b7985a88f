/* core/model.c - freeing the records of core/model.h. */
#include "model.h"

#include "codes.h"
#include "i18n.h"
#include "xalloc.h"

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

/* The rows of a field table, by type. */
#define TEXT(T, k, l, m, max, req) { k, l, offsetof(T, m), max, req, FT_TEXT, NULL, 0, 0 }
#define CODE(T, k, l, m, max, req, list) { k, l, offsetof(T, m), max, req, FT_TEXT, list, 0, 0 }
#define AREA(T, k, l, m, max, req) { k, l, offsetof(T, m), max, req, FT_AREA, NULL, 0, 0 }
#define DATE(T, k, l, m, req) { k, l, offsetof(T, m), 16, req, FT_DATE, NULL, 0, 0 }
#define INT(T, k, l, m, max, req) { k, l, offsetof(T, m), max, req, FT_INT, NULL, 0, 0 }
#define BOOL(T, k, l, m) { k, l, offsetof(T, m), 1, false, FT_BOOL, NULL, 0, 0 }
#define MAYBE(T, k, l, m) { k, l, offsetof(T, m), 1, false, FT_MAYBE, NULL, 0, 0 }
#define VOCAB(T, k, l, m, req, voc, name) { k, l, offsetof(T, m), 0, req, FT_VOCAB, NULL, voc, name }
#define LINK(T, k, l, m, req, name) { k, l, offsetof(T, m), 0, req, FT_LINK, NULL, 0, name }
#define NAME(T, m) offsetof(T, m)

#define R struct resident_rec
const struct rec_field resident_fields[] = {
	TEXT(R, "name",           N_("Name"),             name,           32, true),
	TEXT(R, "former_name",    N_("Former name"),      former_name,    32, false),
	CODE(R, "sex",            N_("Sex"),              sex,             1, false, code_sexes),
	DATE(R, "birth_date",     N_("Birth date"),       birth_date,     false),
	TEXT(R, "id_number",      N_("ID number"),        id_number,      18, false),
	CODE(R, "ethnicity",      N_("Ethnicity"),        ethnicity,      10, false, code_ethnicities),
	CODE(R, "relation",       N_("Relation"),         relation,        4, true, code_relations),
	TEXT(R, "phone",          N_("Phone"),            phone,          20, false),
	CODE(R, "political",      N_("Political status"), political,       6, false, code_politicals),
	CODE(R, "education",      N_("Education"),        education,       4, false, code_educations),
	TEXT(R, "occupation",     N_("Occupation"),       occupation,     32, false),
	CODE(R, "employment",     N_("Employment"),       employment,      3, false, code_employments),
	CODE(R, "residence_type", N_("Residence"),        residence_type,  4, true, code_residence_types),
	DATE(R, "arrival_date",   N_("Arrived"),          arrival_date,   false),
	TEXT(R, "arrival_reason", N_("Reason"),           arrival_reason, 32, false),
	CODE(R, "status",         N_("Status"),           status,          2, true, code_resident_statuses),
	DATE(R, "status_date",    N_("Status date"),      status_date,    false),
	TEXT(R, "moved_to",       N_("Moved to"),         moved_to,       64, false),
	AREA(R, "notes",          N_("Notes"),            notes,         500, false),
};
#undef R
const int resident_field_count = (int)(sizeof resident_fields / sizeof resident_fields[0]);

#define H struct household_rec
const struct rec_field household_fields[] = {
	TEXT(H, "compound", N_("Compound"),  compound, 64, true),
	TEXT(H, "building", N_("Building"),  building,  8, false),
	TEXT(H, "unit",     N_("Unit"),      unit,      8, false),
	TEXT(H, "room",     N_("Room"),      room,      8, false),
	CODE(H, "tenure",   N_("Tenure"),    tenure,    4, false, code_tenures),
	CODE(H, "kind",     N_("Kind"),      kind,      4, true, code_household_kinds),
	TEXT(H, "phone",    N_("Phone"),     phone,    20, false),
	TEXT(H, "reg_no",   N_("Reg. no."),  reg_no,   32, false),
	AREA(H, "notes",    N_("Notes"),     notes,   500, false),
	TEXT(H, "status",   N_("Status"),    status,    3, false),
	TEXT(H, "grid",     N_("Grid"),      grid,     64, false),
};
#undef H
const int household_field_count = (int)(sizeof household_fields / sizeof household_fields[0]);

#define V struct visit_rec
const struct rec_field visit_fields[] = {
	DATE(V,  "visit_date",      N_("Visit date"),   visit_date,      true),
	VOCAB(V, "staff",           N_("Staff"),        staff_id,        true, VOCAB_STAFF, 0),
	VOCAB(V, "method",          N_("Method"),       method_id,       true, VOCAB_METHOD, 0),
	VOCAB(V, "purpose",         N_("Purpose"),      purpose_id,      true, VOCAB_PURPOSE, 0),
	VOCAB(V, "resident",        N_("Resident"),     resident_id,     false, -1, 0),
	AREA(V,  "findings",        N_("Findings"),     findings,      2000, false),
	AREA(V,  "needs",           N_("Needs raised"), needs,         1000, false),
	BOOL(V,  "follow_up",       N_("Follow-up"),    follow_up),
	BOOL(V,  "follow_up_done",  N_("Followed up"),  follow_up_done),
	DATE(V,  "next_visit_date", N_("Next visit"),   next_visit_date, false),
};
#undef V
const int visit_field_count = (int)(sizeof visit_fields / sizeof visit_fields[0]);

#define C struct case_rec
const struct rec_field case_fields[] = {
	VOCAB(C, "type",             N_("Type of dispute"), type_id,      true, VOCAB_DISPUTE, NAME(C, type)),
	VOCAB(C, "mediator",         N_("Mediator"),        mediator_id,  false, VOCAB_STAFF, NAME(C, mediator)),
	AREA(C,  "summary",          N_("What happened"),   summary,    2000, true),
	AREA(C,  "claims",           N_("What is asked"),   claims,     2000, false),
	AREA(C,  "facts",            N_("Facts and responsibility"), facts, 4000, false),
	AREA(C,  "agreement",        N_("Agreement"),       agreement,  4000, false),
	TEXT(C,  "perform_manner",   N_("Performed how"),   manner,       40, false),
	TEXT(C,  "perform_place",    N_("Performed where"), place,        40, false),
	TEXT(C,  "perform_deadline", N_("Performed by"),    deadline,     20, false),
	INT(C,   "copies",           N_("Copies"),          copies,        2, false),
};
#undef C
const int case_field_count = (int)(sizeof case_fields / sizeof case_fields[0]);

#define P struct case_party
const struct rec_field party_fields[] = {
	CODE(P, "role",       N_("Role"),               role,        0, true, case_party_roles),
	LINK(P, "resident",   N_("From the register"),  resident_id, false, 0),
	TEXT(P, "name",       N_("  or name (outside)"), name,      40, false),
	CODE(P, "sex",        N_("Sex"),                sex,         0, false, code_sexes),
	TEXT(P, "ethnicity",  N_("Ethnicity"),          ethnicity,  10, false),
	INT(P,  "age",        N_("Age"),                age,         3, false),
	TEXT(P, "id_number",  N_("ID number"),          id_number,  18, false),
	TEXT(P, "occupation", N_("Occupation"),         occupation, 20, false),
	TEXT(P, "phone",      N_("Phone"),              phone,      20, false),
	TEXT(P, "address",    N_("Address or unit"),    address,    40, false),
};
#undef P
const int party_field_count = (int)(sizeof party_fields / sizeof party_fields[0]);

#define E struct case_event
const struct rec_field event_fields[] = {
	CODE(E,  "kind",         N_("Kind"),            kind,         0, true, case_record_kinds),
	DATE(E,  "date",         N_("Date"),            date,         true),
	VOCAB(E, "staff",        N_("Handled by"),      staff_id,     false, VOCAB_STAFF, NAME(E, staff)),
	AREA(E,  "text",         N_("What was done"),   text,      4000, true),
	CODE(E,  "method",       N_("How (follow-up)"), method,       0, false, case_followup_methods),
	CODE(E,  "performance",  N_("Performed"),       performance,  0, false, case_performances),
	CODE(E,  "satisfaction", N_("Satisfaction"),    satisfaction, 0, false, case_satisfactions),
	MAYBE(E, "flare_up",     N_("Flared up again"), flare_up),
};
#undef E
const int event_field_count = (int)(sizeof event_fields / sizeof event_fields[0]);

#define M struct meeting_rec
const struct rec_field meeting_fields[] = {
	VOCAB(M, "kind",     N_("Kind of meeting"),    kind_id,     true, VOCAB_MEETING_KIND, NAME(M, kind)),
	TEXT(M,  "title",    N_("Title"),              title,       40, true),
	DATE(M,  "date",     N_("Date"),               date,        true),
	TEXT(M,  "time",     N_("Time"),               time,         5, false),
	TEXT(M,  "place",    N_("Place"),              place,       30, false),
	VOCAB(M, "host",     N_("Host"),               host_id,     false, VOCAB_STAFF, NAME(M, host)),
	VOCAB(M, "recorder", N_("Recorder"),           recorder_id, false, VOCAB_STAFF, NAME(M, recorder)),
	INT(M,   "entitled", N_("Entitled to attend"), entitled,     6, false),
	AREA(M,  "minutes",  N_("Minutes (more)"),     minutes,   8000, false),
	AREA(M,  "notes",    N_("Notes"),              notes,     1000, false),
};
#undef M
const int meeting_field_count = (int)(sizeof meeting_fields / sizeof meeting_fields[0]);

#define I struct meeting_item
const struct rec_field topic_fields[] = {
	TEXT(I, "title",         N_("Topic"),            title,          40, true),
	AREA(I, "proposal",      N_("Proposal"),         proposal,     4000, false),
	AREA(I, "discussion",    N_("Discussion"),       discussion,   8000, false),
	INT(I,  "votes_for",     N_("For"),              votes_for,       6, false),
	INT(I,  "votes_against", N_("Against"),          votes_against,   6, false),
	INT(I,  "abstain",       N_("Abstain"),          abstain,         6, false),
	CODE(I, "decision",      N_("Decision"),         decision,        0, false, meeting_decisions),
	AREA(I, "decision_text", N_("What was decided"), decision_text, 4000, false),
	AREA(I, "minority",      N_("Minority opinion"), minority,     2000, false),
};
#undef I
const int topic_field_count = (int)(sizeof topic_fields / sizeof topic_fields[0]);

#define A struct meeting_attendee
const struct rec_field attendee_fields[] = {
	LINK(A, "resident",     N_("From the register"),   resident_id,  false, 0),
	TEXT(A, "name",         N_("  or name (outside)"), name,          40, false),
	TEXT(A, "organisation", N_("Organisation"),        organisation,  30, false),
	TEXT(A, "role",         N_("Role"),                role,          20, false),
	CODE(A, "attendance",   N_("Attendance"),          attendance,     0, true, meeting_attendances),
};
#undef A
const int attendee_field_count = (int)(sizeof attendee_fields / sizeof attendee_fields[0]);

#define RO struct roster
const struct rec_field roster_fields[] = {
	TEXT(RO, "name",  N_("Roster name"), name,  32, true),
	TEXT(RO, "notes", N_("Notes"),       notes, 60, false),
};
#undef RO
const int roster_field_count = (int)(sizeof roster_fields / sizeof roster_fields[0]);

#define RM struct roster_member
const struct rec_field roster_member_fields[] = {
	LINK(RM, "resident",     N_("From the register"),   resident_id,  false, 0),
	TEXT(RM, "name",         N_("  or name (outside)"), name,          40, false),
	TEXT(RM, "organisation", N_("Organisation"),        organisation,  30, false),
	TEXT(RM, "role",         N_("Role"),                role,          20, false),
};
#undef RM
const int roster_member_field_count = (int)(sizeof roster_member_fields / sizeof roster_member_fields[0]);

#define S struct staff_rec
const struct rec_field staff_fields[] = {
	TEXT(S, "name",     N_("Name"),     name,     32, true),
	CODE(S, "role",     N_("Role"),     role,      4, true, code_roles),
	TEXT(S, "os_login", N_("Login"),    os_login, 32, false),
	TEXT(S, "phone",    N_("Phone"),    phone,    20, false),
	BOOL(S, "active",   N_("In service"), active),
};
#undef S
const int staff_field_count = (int)(sizeof staff_fields / sizeof staff_fields[0]);

void staff_rec_init(struct staff_rec *s)
{
	rec_init(s, sizeof *s, staff_fields, staff_field_count);
	s->pin_hash = x_strdup("");
	s->active = true;
}

void staff_rec_free(struct staff_rec *s)
{
	rec_free(s, staff_fields, staff_field_count);
	x_free(&s->pin_hash);
}

void audit_row_free(struct audit_row *r)
{
	char **t[] = { &r->at, &r->who, &r->table, &r->action, &r->label, &r->old_values, &r->new_values };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		x_free(t[i]);
}

void staff_recs_free(struct staff_rec **s, int *n)
{
	for (int i = 0; *s && i < *n; i++)
		staff_rec_free(&(*s)[i]);
	x_free(s);
	*n = 0;
}

bool rec_is_text(const struct rec_field *f)
{
	return f->type == FT_TEXT || f->type == FT_AREA || f->type == FT_DATE;
}

void rec_init(void *rec, size_t size, const struct rec_field *f, int n)
{
	memset(rec, 0, size);
	for (int i = 0; i < n; i++)
		if (rec_is_text(&f[i]))
			REC_STR(rec, &f[i]) = x_strdup("");
}

void rec_free(void *rec, const struct rec_field *f, int n)
{
	for (int i = 0; i < n; i++)
		if (rec_is_text(&f[i]))
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
	if (!rf || !rec_is_text(rf))
		return false;
	char *v = x_strdup(val ? val : "");
	x_free(&REC_STR(rec, rf));
	REC_STR(rec, rf) = v;
	return true;
}

const char *rec_get(const void *rec, const struct rec_field *f, int n, const char *key)
{
	const struct rec_field *rf = rec_field_by_key(f, n, key);
	return rf && rec_is_text(rf) ? REC_CSTR(rec, rf) : NULL;
}

void household_rec_init(struct household_rec *h)
{
	rec_init(h, sizeof *h, household_fields, household_field_count);
}

void household_rec_free(struct household_rec *h)
{
	rec_free(h, household_fields, household_field_count);
	x_free(&h->tenure_read);
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

void today_row_free(struct today_row *r)
{
	x_free(&r->address);
	x_free(&r->head);
	x_free(&r->tags);
	x_free(&r->detail);
}

void today_row_copy(struct today_row *dst, const struct today_row *src)
{
	*dst = *src;
	dst->address = x_strdup(src->address ? src->address : "");
	dst->head = x_strdup(src->head ? src->head : "");
	dst->tags = x_strdup(src->tags ? src->tags : "");
	dst->detail = x_strdup(src->detail ? src->detail : "");
}

static void today_rows_free(struct today_row **rows, int *n)
{
	for (int i = 0; *rows && i < *n; i++)
		today_row_free(&(*rows)[i]);
	x_free(rows);
	*n = 0;
}

void today_free(struct today *t)
{
	today_rows_free(&t->overdue, &t->n_overdue);
	today_rows_free(&t->planned, &t->n_planned);
	today_rows_free(&t->missed, &t->n_missed);
	today_rows_free(&t->followups, &t->n_followups);
	t->all_overdue = t->all_planned = t->all_missed = t->all_followups = 0;
}

/* ---- vocabularies, statistics, cases, meetings, dwellings, tags ---- */

void vocab_free(struct vocab **v, int *n)
{
	for (int i = 0; *v && i < *n; i++)
		x_free(&(*v)[i].name);
	x_free(v);
	*n = 0;
}

void month_stats_free(struct month_stats *m)
{
	for (int k = 0; k < SG_GROUPS; k++) {
		for (int i = 0; m->by[k] && i < m->n[k]; i++)
			x_free(&m->by[k][i].name);
		x_free(&m->by[k]);
		m->n[k] = 0;
	}
}

void case_row_free(struct case_row *r)
{
	char **f[] = { &r->case_no, &r->accepted, &r->type, &r->parties, &r->mediator, &r->state, &r->closed };
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		x_free(f[i]);
}

void case_rec_init(struct case_rec *c)
{
	memset(c, 0, sizeof *c);
}

void case_rec_free(struct case_rec *c)
{
	char **f[] = { &c->case_no, &c->accepted, &c->source, &c->type, &c->summary, &c->claims, &c->state,
		       &c->result, &c->facts, &c->agreement, &c->manner, &c->place, &c->deadline,
		       &c->referred_to, &c->closed, &c->mediator, &c->registrar };
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		x_free(f[i]);
	case_rec_init(c);
}

void case_party_free(struct case_party *p)
{
	char **f[] = { &p->role, &p->name, &p->sex, &p->ethnicity, &p->id_number, &p->occupation, &p->phone,
		       &p->address, &p->birth };
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		x_free(f[i]);
}

void case_parties_free(struct case_party **p, int *n)
{
	for (int i = 0; *p && i < *n; i++)
		case_party_free(&(*p)[i]);
	x_free(p);
	*n = 0;
}

void case_events_free(struct case_event **e, int *n)
{
	for (int i = 0; *e && i < *n; i++) {
		char **f[] = { &(*e)[i].kind, &(*e)[i].date, &(*e)[i].staff, &(*e)[i].text, &(*e)[i].from_state,
			       &(*e)[i].to_state, &(*e)[i].performance, &(*e)[i].satisfaction, &(*e)[i].method };
		for (size_t k = 0; k < ARRAY_SIZE(f); k++)
			x_free(f[k]);
	}
	x_free(e);
	*n = 0;
}

void meeting_row_free(struct meeting_row *r)
{
	char **f[] = { &r->date, &r->time, &r->kind, &r->title, &r->place, &r->state };
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		x_free(f[i]);
}

void meeting_rec_init(struct meeting_rec *m)
{
	memset(m, 0, sizeof *m);
	m->entitled = -1;
}

void meeting_rec_free(struct meeting_rec *m)
{
	char **f[] = { &m->kind, &m->title, &m->date, &m->time, &m->place, &m->state, &m->history,
		       &m->minutes, &m->publish_start, &m->publish_end, &m->notes, &m->host, &m->recorder };
	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		x_free(f[i]);
	meeting_rec_init(m);
}

void meeting_attendees_free(struct meeting_attendee **a, int *n)
{
	for (int i = 0; *a && i < *n; i++) {
		struct meeting_attendee *x = &(*a)[i];
		char **f[] = { &x->name, &x->organisation, &x->role, &x->attendance, &x->proxy_name };
		for (size_t k = 0; k < ARRAY_SIZE(f); k++)
			x_free(f[k]);
	}
	x_free(a);
	*n = 0;
}

void roster_free(struct roster *r)
{
	x_free(&r->name);
	x_free(&r->notes);
}

void rosters_free(struct roster **r, int *n)
{
	for (int i = 0; *r && i < *n; i++)
		roster_free(&(*r)[i]);
	x_free(r);
	*n = 0;
}

void roster_members_free(struct roster_member **m, int *n)
{
	for (int i = 0; *m && i < *n; i++) {
		x_free(&(*m)[i].name);
		x_free(&(*m)[i].organisation);
		x_free(&(*m)[i].role);
	}
	x_free(m);
	*n = 0;
}

void meeting_sources_free(struct meeting_source **s, int *n)
{
	for (int i = 0; *s && i < *n; i++) {
		x_free(&(*s)[i].date);
		x_free(&(*s)[i].kind);
		x_free(&(*s)[i].title);
	}
	x_free(s);
	*n = 0;
}

void meeting_item_init(struct meeting_item *it)
{
	memset(it, 0, sizeof *it);
	it->votes_for = it->votes_against = it->abstain = -1;
}

void meeting_item_free(struct meeting_item *it)
{
	char **f[] = { &it->title, &it->proposal, &it->discussion, &it->decision, &it->decision_text,
			&it->minority, &it->follow_up, &it->follow_up_date };
	for (size_t k = 0; k < ARRAY_SIZE(f); k++)
		x_free(f[k]);
}

void meeting_items_free(struct meeting_item **it, int *n)
{
	for (int i = 0; *it && i < *n; i++)
		meeting_item_free(&(*it)[i]);
	x_free(it);
	*n = 0;
}

void meeting_amendment_free(struct meeting_amendment *a)
{
	char **f[] = { &a->kind, &a->subject, &a->correction, &a->reason, &a->date, &a->who };
	for (size_t k = 0; k < ARRAY_SIZE(f); k++)
		x_free(f[k]);
}

void meeting_amendments_free(struct meeting_amendment **a, int *n)
{
	for (int i = 0; *a && i < *n; i++)
		meeting_amendment_free(&(*a)[i]);
	x_free(a);
	*n = 0;
}

void dwelling_hits_free(struct dwelling_hit **ph, int *n)
{
	struct dwelling_hit *h = *ph;
	for (int i = 0; h && i < *n; i++) {
		x_free(&h[i].compound);
		x_free(&h[i].building);
		x_free(&h[i].unit);
		x_free(&h[i].room);
		x_free(&h[i].grid);
	}
	x_free(ph);
	*n = 0;
}

void tag_def_free(struct tag_def *t)
{
	x_free(&t->name);
}

void tag_defs_free(struct tag_def **pt, int *n)
{
	for (int i = 0; *pt && i < *n; i++)
		tag_def_free(&(*pt)[i]);
	x_free(pt);
	*n = 0;
}

void tag_items_free(struct tag_item **pt, int *n)
{
	struct tag_item *t = *pt;
	for (int i = 0; t && i < *n; i++) {
		x_free(&t[i].name);
		x_free(&t[i].since);
		x_free(&t[i].note);
	}
	x_free(pt);
	*n = 0;
}
