/* core/register.h - the household register as the screens see it.
 *
 * The tui calls these, never db/ directly: they apply the rules of the
 * register (who may see sensitive tags, how an ID number is shown) on
 * top of the queries. */
#ifndef JUWEI_REGISTER_H
#define JUWEI_REGISTER_H

#include "status.h"
#include "access.h"
#include "model.h"

struct db;

struct reg {
	struct db *db;
	struct access acc;       /* who is signed in, their role and grids */
	bool first_run;          /* no staff yet: whoever opens it is its 主任 */
	char login[64];          /* the login the program runs as */
	char refusal[256];       /* why the last call was refused (DB_ERR_DENIED) */
	char revealed[64];       /* the record an edit form last showed whole */
	enum { RO_NONE, RO_FILE, RO_DAMAGED } read_only;  /* nothing may be written, and why */
	bool show_sensitive;
	int data_version;
	/* The compounds, kept while nothing changed them. */
	char **compounds;
	int n_compounds;
	int compounds_version, generation, compounds_generation;
};

void reg_init(struct reg *r, struct db *db);
void reg_free(struct reg *r);
/* This session saved something (the compound list may have changed). */
void reg_touched(struct reg *r);

/* True once when another session has saved something since the last
 * call, so that screens can show it. */
bool reg_changed(struct reg *r);

/* Narrow the list by what the user typed (see core/search.h).  Text
 * that is part of a compound's name shows that compound (HH_COMPOUND);
 * other text and digits are for reg_search(). */
void reg_filter(struct reg *r, const char *input, struct hh_filter *f);

/* A household found by reg_search(), and why. */
struct found {
	int64_t household_id, resident_id;  /* resident 0: the household's phone or room */
	char *name, *relation;              /* who matched ("" for a phone or room) */
	bool former;                        /* name is that resident's former name */
	int tier;                           /* 0 best; see core/find.c */
	int first, last;                    /* characters of name that matched, -1: none */
};

struct search_result {
	struct found *items;
	int n;
	bool more;                          /* more matched than SEARCH_MAX */
};
#define SEARCH_MAX 500

/* Households matching a HH_TEXT or HH_DIGITS filter, best first:
 * exact name, name prefix, pinyin covering the name, pinyin or text
 * from a later character, former names; ID and phone endings, then
 * their starts, then room numbers.  Within a rank, by household. */
enum db_status reg_search(struct reg *r, const struct hh_filter *f, struct search_result *out);
void search_result_free(struct search_result *res);
/* One list row of a found household. */
enum db_status reg_row(struct reg *r, int64_t id, struct hh_row *out);
/* The rows of found households in the order given (gone ones left out). */
enum db_status reg_rows(struct reg *r, const int64_t *ids, int n, struct hh_row *out, int *got);

enum db_status reg_page(struct reg *r, const struct hh_filter *f,
			const struct hh_key *from, int dir, bool inclusive, int limit,
			struct hh_row *out, int *n);
enum db_status reg_count(struct reg *r, const struct hh_filter *f, int *n);
enum db_status reg_household(struct reg *r, int64_t id, struct household *out);

/* Who is acting (the login the audit trail names). */
const char *reg_user(struct reg *r);
/* The last error of the register's connection, in the UI language. */
const char *reg_error(struct reg *r);
/* What s means here: for DB_ERR_DENIED which roles may, else as
 * store_status_text(). */
const char *reg_status_text(struct reg *r, enum db_status s);

/* Does the one signed in have p (anywhere)?  reg_allow() says DB_OK or
 * DB_ERR_DENIED and keeps the refusal; reg_allow_grid() for a household
 * of grid (0: in none). */
bool reg_may(struct reg *r, enum perm p);
enum db_status reg_allow(struct reg *r, enum perm p);
enum db_status reg_allow_grid(struct reg *r, enum perm p, int64_t grid);
/* May the one signed in do p on a household (a resident's household)?
 * DB_ERR_NOTFOUND when it is not there or not theirs to see: another
 * grid's household stays unknown to a 网格员. */
enum db_status reg_allow_household(struct reg *r, enum perm p, int64_t household_id);
enum db_status reg_allow_resident(struct reg *r, enum perm p, int64_t resident_id);
/* The file is damaged (core/integrity.h): nothing more is written to
 * it in this session. */
void reg_set_damaged(struct reg *r);
/* Why nothing may be written now, in the UI language; NULL: it may. */
const char *reg_read_only(struct reg *r);
/* Take access as the one signed in: the grids they see, who the audit
 * trail names. */
void reg_set_access(struct reg *r, const struct access *a, const char *user);

/* The community's name, newly allocated ("" when none). */
char *reg_community_name(struct reg *r);

/* "110105********002X": the first six and the last four characters
 * of an ID number; shorter or odd values are masked whole.  Newly
 * allocated. */
char *id_mask(const char *id_number);

/* "138****5678": a phone with its middle hidden; newly allocated. */
char *phone_mask(const char *phone);
/* A list row as every screen shows it: its phone masked. */
void reg_mask_row(struct hh_row *row);

/* The whole ID number and phone of a resident ("resident"), the phone
 * of a household ("household", *id_number "") or of a case party
 * ("case_party"), for a reason of code_reveal_reasons: only for the
 * roles that may, and only once an audit row says who saw whose, which
 * fields and why.  Both newly allocated. */
enum db_status reg_reveal(struct reg *r, const char *table, int64_t id, const char *reason,
			  char **id_number, char **phone);
/* A reveal row for something shown whole another way (a document). */
enum db_status reg_reveal_note(struct reg *r, const char *table, int64_t id, const char *whose,
			       const char *fields, const char *reason);
/* The audit row of an export with whole numbers; what is a JSON object
 * (ledger, rows, file). */
enum db_status reg_audit_export(struct reg *r, const char *what);
/* An edit form shows a record whole: one reveal row (办理业务) for it,
 * not another while the same member edits the same record again. */
void reg_reveal_for_edit(struct reg *r, const char *table, int64_t id, const char *whose);

/* "幸福里小区 3-2-501" style address of a list row.  Newly allocated. */
char *hh_address(const struct hh_row *row);
/* The same from its parts. */
char *address_text(const char *compound, const char *building, const char *unit, const char *room);

/* Drafts of the acting user (see db/draft.h). */
enum db_status reg_draft_save(struct reg *r, const char *form, int64_t record_id, const char *json);
enum db_status reg_draft_load(struct reg *r, const char *form, int64_t record_id,
			      char **json, char **saved_at);
enum db_status reg_draft_delete(struct reg *r, const char *form, int64_t record_id);
/* The newest draft: DB_ERR_NOTFOUND when there is none. */
enum db_status reg_draft_newest(struct reg *r, char **form, int64_t *record_id);

#endif
