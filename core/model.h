/* core/model.h - plain records passed between the layers.
 *
 * Strings are owned by the record (newly allocated UTF-8, never NULL
 * once filled); free a record with its _free function. */
#ifndef JUWEI_MODEL_H
#define JUWEI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Position of a household in list order. */
struct hh_key {
	char *sort_key; /* dwelling.sort_key; NULL means "before the first" */
	int64_t id;
};

/* One row of the household list. */
struct hh_row {
	struct hh_key key;
	char *compound, *building, *unit, *room;
	char *head;     /* name of the head of household, "" when none */
	int members;    /* living members */
	char *kind;     /* 户籍户 ... */
	char *phone;
	char *tags;     /* tag names, separated by "、" */
	char *status;   /* 在住 / 已迁出 */
};

struct member {
	int64_t id;
	char *name, *relation, *sex, *birth_date, *id_number, *phone;
	char *status, *status_date, *ethnicity, *residence_type, *tags;
};

struct household {
	struct hh_row row;
	char *grid, *reg_no, *notes, *tenure;
	int64_t version;
	struct member *members;
	int n_members;
};

/* Every field of a resident as text ("" when empty); the forms edit
 * this, core/resident.c checks it, db/resident.c stores it.  version is
 * the one read, for optimistic locking. */
struct resident_rec {
	int64_t id, household_id, version;
	char *name, *former_name, *sex, *birth_date, *id_number, *ethnicity, *relation;
	char *phone, *political, *education, *occupation, *employment, *residence_type;
	char *arrival_date, *arrival_reason, *status, *status_date, *moved_to, *notes;
};

/* The text fields of struct resident_rec, as data: JSON/column name,
 * label msgid, offset, most characters, required. */
struct rec_field {
	const char *key;
	const char *label;
	size_t offset;
	int max_chars;
	bool required;
};
/* The field's string in a record (const). */
#define REC_CSTR(rec, f) (*(char *const *)((const char *)(rec) + (f)->offset))
extern const struct rec_field resident_fields[];
extern const int resident_field_count;
/* The field's string in a record. */
#define REC_STR(rec, f) (*(char **)((char *)(rec) + (f)->offset))

/* A household with its dwelling's address, as the forms edit it. */
struct household_rec {
	int64_t id, version, dwelling_id;
	char *compound, *building, *unit, *room, *tenure;   /* the dwelling */
	char *kind, *phone, *reg_no, *notes, *status;       /* the household */
	char *grid;  /* derived from the dwelling; shown, not edited */
};
extern const struct rec_field household_fields[];
extern const int household_field_count;

/* Records described by a rec_field table: every field "" to start. */
void rec_init(void *rec, size_t size, const struct rec_field *f, int n);
void rec_free(void *rec, const struct rec_field *f, int n);
/* Set a field by key to a copy of val; false when there is no such key. */
bool rec_set(void *rec, const struct rec_field *f, int n, const char *key, const char *val);
/* The field's value by key, or NULL. */
const char *rec_get(const void *rec, const struct rec_field *f, int n, const char *key);
const struct rec_field *rec_field_by_key(const struct rec_field *f, int n, const char *key);

void household_rec_init(struct household_rec *h);
void household_rec_free(struct household_rec *h);

void resident_rec_init(struct resident_rec *r);
void resident_rec_free(struct resident_rec *r);
/* Set a field (by key) to a copy of val; false when there is no such key. */
bool resident_rec_set(struct resident_rec *r, const char *key, const char *val);

/* How the list is narrowed; filled by search_parse() in core/search.h. */
enum hh_filter_kind {
	HH_ALL,
	HH_ADDRESS, /* building[-unit[-room]], optionally within a compound */
	HH_DIGITS,  /* trailing digits of an ID number or phone, or a room */
	HH_TEXT,    /* part of a name, former name or compound */
	HH_COMPOUND, /* the households of one compound (text is its name) */
};

struct hh_filter {
	enum hh_filter_kind kind;
	char building[16], unit[16], room[16];
	char text[128];          /* HH_DIGITS / HH_TEXT */
	bool show_sensitive;     /* the user's role may see sensitive tags */
};

/* A home visit as the form edits it. */
struct visit_rec {
	int64_t id, version, household_id, resident_id, staff_id, method_id, purpose_id;
	char *visit_date, *findings, *needs, *next_visit_date;
	bool follow_up, follow_up_done;
	int64_t *reports;   /* must_report_item ids */
	int n_reports;
};
void visit_rec_init(struct visit_rec *v);
void visit_rec_free(struct visit_rec *v);

/* One row of the visit list (and of a household's visits). */
struct visit_row {
	int64_t id, household_id;
	char *date, *address, *head, *purpose, *method, *staff, *findings, *resident;
	bool follow_up, reported;
};
void visit_row_free(struct visit_row *r);

/* How the visit list is narrowed (0 / "" : any). */
struct visit_filter {
	char from[11], to[11];
	int64_t grid, staff, purpose, report;
};

/* One household of the Today view. */
struct today_row {
	int64_t household_id, visit_id;
	char *address, *head, *tags, *detail; /* detail: last visit, the plan, the follow-up */
	int days;                              /* days overdue; -1: never visited */
};
struct today {
	struct today_row *overdue, *planned, *followups;
	int n_overdue, n_planned, n_followups;        /* rows read */
	int all_overdue, all_planned, all_followups;  /* how many there are */
};
void today_free(struct today *t);

void hh_key_free(struct hh_key *k);
void hh_key_copy(struct hh_key *dst, const struct hh_key *src);
void hh_row_free(struct hh_row *r);
void member_free(struct member *m);
void household_free(struct household *h);

#endif
