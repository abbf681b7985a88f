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

/* What a field of a record holds, and how it is stored there. */
enum field_type {
	FT_TEXT,   /* char *: one line ("" when empty); with choices, one of a code list */
	FT_AREA,   /* char *: several lines */
	FT_DATE,   /* char *: YYYY-MM-DD */
	FT_INT,    /* int: -1 when not given */
	FT_BOOL,   /* bool */
	FT_MAYBE,  /* int: 1 yes, 0 no, -1 not said */
	FT_VOCAB,  /* int64_t: the id of a vocabulary entry (0: none) */
	FT_LINK,   /* int64_t: the id of a record found by a search (0: none) */
};

/* A field of a record, as data: JSON/column name, label msgid, offset,
 * most characters, required; its type, code list or vocabulary, and
 * where a vocabulary or link field keeps the name it shows.  The forms,
 * the drafts and the conflict prompt are made from these tables. */
struct rec_field {
	const char *key;
	const char *label;
	size_t offset;
	int max_chars;
	bool required;
	enum field_type type;
	const char *const *choices;  /* FT_TEXT: a code list, NULL-terminated */
	int vocab;                   /* FT_VOCAB: enum vocab_kind; -1: the form gives the choices */
	size_t name_offset;          /* FT_VOCAB, FT_LINK: the char * with the name; 0: none */
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
	/* The dwelling's tenure as the form read it (NULL: a new household,
	 * an import): it is written only when changed from this, and only
	 * if nobody changed it meanwhile. */
	char *tenure_read;
};
extern const struct rec_field household_fields[];
extern const int household_field_count;

/* The field tables of the records the forms edit. */
extern const struct rec_field visit_fields[];
extern const int visit_field_count;
extern const struct rec_field case_fields[];
extern const int case_field_count;
extern const struct rec_field party_fields[];
extern const int party_field_count;
extern const struct rec_field event_fields[];
extern const int event_field_count;
extern const struct rec_field meeting_fields[];
extern const int meeting_field_count;
extern const struct rec_field topic_fields[];
extern const int topic_field_count;
extern const struct rec_field attendee_fields[];
extern const int attendee_field_count;
extern const struct rec_field roster_fields[];
extern const int roster_field_count;
extern const struct rec_field roster_member_fields[];
extern const int roster_member_field_count;
/* A field the record holds as a string (text, area, date). */
bool rec_is_text(const struct rec_field *f);

/* Records described by a rec_field table: every text field "" to start. */
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

/* The lists of households Today shows after the cases and meetings, in
 * their order on the screen: visits planned for today (or up to a week
 * ago), planned visits missed by more than a week, follow-ups not done,
 * households overdue for a visit. */
enum today_list { TODAY_PLANNED, TODAY_MISSED, TODAY_FOLLOWUP, TODAY_OVERDUE, TODAY_LISTS };

/* What Today asks for (core/visit.c fills it from the rules). */
struct today_query {
	char today[11];
	char missed_before[11]; /* plans dated before this day are missed */
	int64_t grid, tag;      /* 0: any */
	int short_days;         /* a tag visited at least this often is urgent */
	bool sensitive;         /* sensitive tags count (and show): set by core from the role */
};

/* One household of the Today view.  A list is in the order of
 * (rank, key, id): id is the household (overdue) or the visit (the
 * others); key the due date (overdue, '' never visited), the planned
 * date or the date of the visit to follow up; rank (overdue only) 0
 * never visited with urgent tags, 1 never visited, 2 urgent tags, 3
 * the others. */
struct today_row {
	int64_t household_id, visit_id;
	char *address, *head, *tags, *detail; /* detail: last visit, the plan, the follow-up */
	int days;                              /* days overdue; -1: never visited */
	int rank;
	char key[11];
};
void today_row_free(struct today_row *r);
void today_row_copy(struct today_row *dst, const struct today_row *src);
struct today {
	struct today_row *overdue, *planned, *missed, *followups;
	int n_overdue, n_planned, n_missed, n_followups;          /* rows read */
	int all_overdue, all_planned, all_missed, all_followups;  /* how many there are */
};
void today_free(struct today *t);

/* ---- vocabularies, statistics, cases, meetings, dwellings, tags ---- */

/* An entry of a vocabulary (visit_method, visit_purpose,
 * must_report_item, staff, grid, tag); extra is a tag's interval in
 * days (0: none). */
struct vocab {
	int64_t id;
	char *name;
	int extra;
	bool active;
};
enum vocab_kind { VOCAB_METHOD, VOCAB_PURPOSE, VOCAB_REPORT, VOCAB_STAFF, VOCAB_GRID, VOCAB_TAG, VOCAB_DISPUTE,
		 VOCAB_MEETING_KIND };
void vocab_free(struct vocab **v, int *n);

/* A month in numbers (统计 screen and the month export; core/stats.h
 * lays them out).  Each row counts the month and the year up to the
 * month's last day. */
struct stat_row {
	char *name;
	int count;                /* in the month (the register: now) */
	int year;                 /* from 1 January to the month's last day; -1: not counted */
};
enum stat_group {
	SG_VISIT_STAFF, SG_VISIT_GRID, SG_VISIT_PURPOSE, SG_VISIT_METHOD,
	SG_CASE_TYPE,             /* cases accepted, by dispute type */
	SG_CASE_STATE,            /* cases accepted, by the state they are in now */
	SG_MEETING_KIND,          /* meetings held, by kind */
	SG_HH_GRID, SG_HH_KIND,   /* households living here, by grid and kind */
	SG_RES_TAG, SG_HH_TAG,    /* residents by tag, households by household tag */
	SG_GROUPS
};
/* The days a month report covers, "YYYY-MM-DD" (core fills them in). */
struct stats_span {
	char year_first[11];      /* 1 January */
	char first[11];           /* the month's first day */
	char last[11];            /* its last day, or today when the month is not over */
	char overdue_before[11];  /* an open case accepted before this day is over its limit on last */
};
struct month_stats {
	struct stat_row *by[SG_GROUPS];
	int n[SG_GROUPS];
	int visits, visits_year;  /* visits in the month, in the year */
	int tagged, on_time;      /* tagged households; those not overdue at the month's end */
	int cases, cases_year;    /* cases accepted */
	int closed, closed_year;  /* cases closed (结案) */
	int overdue;              /* cases open on the last day and over their time limit */
	int meetings, meetings_year;   /* meetings held (召开 or later, not cancelled) */
	int topics, topics_year;       /* topics of those meetings */
	int decisions, decisions_year; /* topics adopted (通过) */
	int followed, followed_year;   /* decisions with a follow-up (落实反馈) by the last day */
	int households, residents;     /* living here now */
};
void month_stats_free(struct month_stats *s);

struct case_new {
	const char *accepted_date, *source, *summary, *claims;
	int64_t type_id, registrar_id, mediator_id;
};

/* A party as stored: a resident (resident_id, the other fields read from
 * the register) or a person from outside.  Strings newly allocated when
 * read; as input they are only borrowed. */
struct case_party {
	int64_t id, resident_id, household_id;
	char *role, *name, *sex, *ethnicity, *id_number, *occupation, *phone, *address;
	char *birth; /* a resident's birth date (read only) */
	int age;     /* a person from outside; -1: not given */
};
void case_party_free(struct case_party *p);
void case_parties_free(struct case_party **p, int *n);

/* Record a move of state (checked by core): the case's state and what
 * the move brings, and a 状态变更 event; with the version read. */
struct case_move_rec {
	int64_t id, version, staff_id;
	const char *from, *to, *date;
	const char *agreement, *manner, *deadline, *referred_to;
};

/* A row of the case list. */
struct case_row {
	int64_t id;
	int year, seq;
	char *case_no, *accepted, *type, *parties, *mediator, *state, *closed;
};
void case_row_free(struct case_row *r);

/* What the list shows: year (0: all), state ("" all), type and mediator
 * (0: all), open cases past their limit only (overdue, with today). */
struct case_filter {
	int year;
	char state[32];
	int64_t type, mediator;
	bool overdue;
	char today[11];
	char accepted_before[11]; /* filled by core from today: overdue if accepted before */
};

/* A whole case. */
struct case_rec {
	int64_t id, version, type_id, mediator_id, registrar_id;
	int copies;
	char *case_no, *accepted, *source, *type, *summary, *claims, *state, *result, *facts, *agreement,
	     *manner, *place, *deadline, *referred_to, *closed, *mediator, *registrar;
};
void case_rec_init(struct case_rec *c);
void case_rec_free(struct case_rec *c);

/* A record of the case (调查 / 调解 / 回访 / 其他, and 状态变更). */
struct case_event {
	int64_t id, staff_id;
	char *kind, *date, *staff, *text, *from_state, *to_state, *performance, *satisfaction;
	char *method; /* a 回访: 上门 / 电话 / 当面 / 微信 / 其他 */
	int flare_up; /* -1: not said */
};
void case_events_free(struct case_event **e, int *n);

/* A row of the meeting list. */
struct meeting_row {
	int64_t id;
	char *date, *time, *kind, *title, *place, *state;
	int present, entitled; /* entitled -1: not given */
};
void meeting_row_free(struct meeting_row *r);

/* What the list shows: state ("" all), and from/to dates ("" open). */
struct meeting_filter {
	char state[32];
	char from[11], to[11];
};

/* A whole meeting.  Strings newly allocated when read; entitled -1:
 * not given. */
struct meeting_rec {
	int64_t id, version, kind_id, host_id, recorder_id;
	int entitled;
	char *kind, *title, *date, *time, *place, *state, *history, *minutes, *publish_start, *publish_end,
	     *notes, *host, *recorder;
};
void meeting_rec_init(struct meeting_rec *m);
void meeting_rec_free(struct meeting_rec *m);

struct meeting_attendee {
	int64_t id, resident_id;
	char *name, *organisation, *role, *attendance, *proxy_name;
};
void meeting_attendees_free(struct meeting_attendee **a, int *n);

/* A roster (名单): a named list of people meetings are held with
 * (居民代表, 楼组长 ...), residents or people from outside. */
struct roster {
	int64_t id, version;   /* id 0: a new one */
	char *name, *notes;
	int members;           /* how many it lists */
};
void roster_free(struct roster *r);
void rosters_free(struct roster **r, int *n);
struct roster_member {
	int64_t id, resident_id;            /* resident_id 0: someone from outside */
	char *name, *organisation, *role;   /* name: a resident's own from the register */
};
void roster_members_free(struct roster_member **m, int *n);
/* An earlier meeting whose attendees may be copied. */
struct meeting_source {
	int64_t id;
	char *date, *kind, *title;
	int attendees;
};
void meeting_sources_free(struct meeting_source **s, int *n);

struct meeting_item {
	int64_t id, version;
	int seq;
	int votes_for, votes_against, abstain; /* -1: not voted */
	char *title, *proposal, *discussion, *decision, *decision_text, *minority, *follow_up, *follow_up_date;
};
void meeting_item_init(struct meeting_item *it);
void meeting_item_free(struct meeting_item *it);
void meeting_items_free(struct meeting_item **it, int *n);

/* An amendment (更正) of a decided meeting's record.  who: the member
 * of staff who wrote it (else the login). */
struct meeting_amendment {
	int64_t id, attendee_id, item_id;
	char *kind, *subject, *correction, *reason, *date, *who;
};
void meeting_amendment_free(struct meeting_amendment *a);
void meeting_amendments_free(struct meeting_amendment **a, int *n);

/* One dwelling found by the address search of a form. */
struct dwelling_hit {
	int64_t id;
	char *compound, *building, *unit, *room, *grid;
};
void dwelling_hits_free(struct dwelling_hit **h, int *n);

/* Tags: kind is "household" or "resident". */
struct tag_item {
	int64_t id;        /* the tag (vocabulary) or the link (held tags) */
	char *name, *since, *note;
	bool retired;      /* held tags: the tag is no longer given (停用) */
};
void tag_items_free(struct tag_item **t, int *n);

/* A tag of the vocabulary, as the 主任 keeps it (core/tags.h). */
struct tag_def {
	int64_t id, version;   /* id 0: a new tag */
	char *name;
	char applies_to[12];   /* "household" or "resident" */
	int interval;          /* visit at least every so many days; 0: none asked */
	bool sensitive, active;
	int held;              /* households or residents that hold it */
};
void tag_def_free(struct tag_def *t);
void tag_defs_free(struct tag_def **t, int *n);

/* The audit history: which rows a list shows (0 and "": any).  own:
 * only the member's own changes and the register's records (a 社工). */
struct audit_filter {
	int64_t staff, row_id;
	char table[32];
	char from[11], to[11];
	bool own;
	int64_t me;
};
/* One row of the audit trail as the history screen lists it. */
struct audit_row {
	int64_t id, row_id, staff_id;
	char *at, *who, *table, *action, *label, *old_values, *new_values;
};
void audit_row_free(struct audit_row *r);

/* A member of staff, with the grids they work in. */
#define STAFF_GRIDS 32
struct staff_rec {
	int64_t id, version;
	char *name, *role, *os_login, *phone, *pin_hash;
	bool active;
	int64_t grids[STAFF_GRIDS];
	int n_grids;
};
void staff_rec_init(struct staff_rec *s);
void staff_rec_free(struct staff_rec *s);
void staff_recs_free(struct staff_rec **s, int *n);
extern const struct rec_field staff_fields[];
extern const int staff_field_count;

void hh_key_free(struct hh_key *k);
void hh_key_copy(struct hh_key *dst, const struct hh_key *src);
void hh_row_free(struct hh_row *r);
void member_free(struct member *m);
void household_free(struct household *h);

#endif
