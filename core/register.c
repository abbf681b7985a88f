/* core/register.c - the register's rules over db/household. */
#include "register.h"

#include "store.h"

#include "db/audit.h"
#include "db/draft.h"
#include "db/session.h"
#include "db/household.h"
#include "db/household_edit.h"
#include "db/search.h"
#include "i18n.h"
#include "pinyin.h"
#include "search.h"
#include "session.h"
#include "signin.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

static void mask_household(struct household *h);

void reg_init(struct reg *r, struct db *db)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	r->read_only = db_read_only(db) ? RO_FILE : RO_NONE;
	snprintf(r->login, sizeof r->login, "%s", db_user(db));
	reg_access_by_login(r);
	r->data_version = db_data_version(db);
}

void reg_set_access(struct reg *r, const struct access *a, const char *user)
{
	r->acc = *a;
	r->show_sensitive = access_may(a, P_SENSITIVE_SEE);
	db_set_actor(r->db, user, a->staff_id);
	db_set_scope(r->db, access_scoped(a) || a->role == ROLE_NONE, a->grids, a->n_grids);
}

static bool writes(enum perm p);

bool reg_may(struct reg *r, enum perm p)
{
	return access_may(&r->acc, p) && !(r->read_only && writes(p));
}

void reg_set_damaged(struct reg *r)
{
	r->read_only = RO_DAMAGED;
	db_query_only(r->db);
}

const char *reg_read_only(struct reg *r)
{
	switch (r->read_only) {
	case RO_FILE:
		return _("The register file cannot be written (its permissions): it is open to read only.");
	case RO_DAMAGED:
		return _("The register file is damaged: it is open to read only. Restore the newest backup.");
	default:
		return NULL;
	}
}

/* Is p a permission to change the register (refused in a read-only file)? */
static bool writes(enum perm p)
{
	return p == P_REGISTER_WRITE || p == P_IMPORT || p == P_VISIT_WRITE || p == P_CASE_WRITE || p == P_CASE_REOPEN ||
	       p == P_MEETING_WRITE || p == P_SENSITIVE_EDIT || p == P_ADMIN || p == P_TAGS || p == P_EXPORT_FULL;
}

static enum db_status read_only_refusal(struct reg *r, enum perm p)
{
	if (!r->read_only || !writes(p))
		return DB_OK;
	snprintf(r->refusal, sizeof r->refusal, "%s", reg_read_only(r));
	return DB_ERR_READONLY;
}

enum db_status reg_allow(struct reg *r, enum perm p)
{
	if (!access_may(&r->acc, p)) {
		access_refusal(p, r->refusal, sizeof r->refusal);
		return DB_ERR_DENIED;
	}
	return read_only_refusal(r, p);
}

enum db_status reg_allow_grid(struct reg *r, enum perm p, int64_t grid)
{
	if (!access_may_grid(&r->acc, p, grid)) {
		access_refusal(p, r->refusal, sizeof r->refusal);
		return DB_ERR_DENIED;
	}
	return read_only_refusal(r, p);
}

enum db_status reg_allow_household(struct reg *r, enum perm p, int64_t household_id)
{
	int64_t grid;
	enum db_status s = db_household_grid(r->db, household_id, &grid);
	if (s != DB_OK)
		return s;
	/* Another grid's household stays unknown to a 网格员. */
	if (!access_may_grid(&r->acc, P_REGISTER_READ, grid))
		return DB_ERR_NOTFOUND;
	return reg_allow_grid(r, p, grid);
}

enum db_status reg_allow_resident(struct reg *r, enum perm p, int64_t resident_id)
{
	int64_t hh;
	enum db_status s = db_resident_household(r->db, resident_id, &hh);
	return s == DB_OK ? reg_allow_household(r, p, hh) : s;
}

const char *reg_status_text(struct reg *r, enum db_status s)
{
	return (s == DB_ERR_DENIED || (s == DB_ERR_READONLY && r->read_only)) && r->refusal[0] ? r->refusal
											       : store_status_text(s);
}

bool reg_changed(struct reg *r)
{
	int v = db_data_version(r->db);
	if (v == r->data_version)
		return false;
	r->data_version = v;
	return true;
}

void reg_free(struct reg *r)
{
	for (int i = 0; i < r->n_compounds; i++)
		x_free(&r->compounds[i]);
	x_free(&r->compounds);
	r->n_compounds = 0;
}

void reg_touched(struct reg *r)
{
	r->generation++;
}

/* The compound whose name holds text, when exactly one does. */
static const char *compound_of(struct reg *r, const char *text)
{
	int v = db_data_version(r->db);
	if (!r->compounds || v != r->compounds_version || r->generation != r->compounds_generation) {
		reg_free(r);
		if (db_compounds(r->db, &r->compounds, &r->n_compounds) != DB_OK)
			return NULL;
		r->compounds_version = v;
		r->compounds_generation = r->generation;
	}
	char *q = text_fold(text);
	const char *hit = NULL;
	int hits = 0;
	for (int i = 0; i < r->n_compounds; i++) {
		char *c = text_fold(r->compounds[i]);
		if (strstr(c, q)) {
			hit = r->compounds[i];
			hits++;
		}
		x_free(&c);
	}
	x_free(&q);
	return hits == 1 ? hit : NULL;
}

void reg_filter(struct reg *r, const char *input, struct hh_filter *f)
{
	f->show_sensitive = r->show_sensitive;
	search_parse(input, f);
	if (f->kind == HH_TEXT) {
		const char *c = compound_of(r, f->text);
		if (c && strlen(c) < sizeof f->text) {
			f->kind = HH_COMPOUND;
			strcpy(f->text, c);
		}
	}
}

enum db_status reg_page(struct reg *r, const struct hh_filter *f,
			const struct hh_key *from, int dir, bool inclusive, int limit,
			struct hh_row *out, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_household_page(r->db, f, from, dir, inclusive, limit, out, n);
	for (int i = 0; s == DB_OK && i < *n; i++)
		reg_mask_row(&out[i]);
	return s;
}

enum db_status reg_count(struct reg *r, const struct hh_filter *f, int *n)
{
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_household_count(r->db, f, n) : s;
}

enum db_status reg_household(struct reg *r, int64_t id, struct household *out)
{
	memset(out, 0, sizeof *out);
	enum db_status s = reg_allow_household(r, P_REGISTER_READ, id);
	if (s == DB_OK)
		s = db_household_get(r->db, id, r->show_sensitive, out);
	if (s == DB_OK)
		mask_household(out);
	return s;
}

const char *reg_user(struct reg *r)
{
	return db_user(r->db);
}

const char *reg_error(struct reg *r)
{
	return store_status_text(db_last_status(r->db));
}

char *reg_community_name(struct reg *r)
{
	return db_community_name(r->db);
}

char *id_mask(const char *id)
{
	size_t n = id ? strlen(id) : 0;
	if (n == 0)
		return x_strdup("");
	char *m = x_malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		m[i] = ((unsigned char)id[i] < 0x80 && n >= 15 && (i < 6 || i >= n - 4)) ? id[i] : '*';
	m[n] = '\0';
	return m;
}

char *phone_mask(const char *phone)
{
	size_t n = phone ? strlen(phone) : 0;
	if (n < 7)
		return x_strdup(n ? phone : "");
	char *m = x_strdup(phone);
	for (size_t i = 3; i + 4 < n; i++)
		if (m[i] >= '0' && m[i] <= '9')
			m[i] = '*';
	return m;
}

/* Replace *p by its masked form. */
static void mask_with(char **p, char *(*mask)(const char *))
{
	char *m = mask(*p);
	x_free(p);
	*p = m;
}

/* What every screen shows of a household: its phone, its members' ID
 * numbers and phones masked; reg_reveal() shows one whole, logged. */
void reg_mask_row(struct hh_row *row)
{
	mask_with(&row->phone, phone_mask);
}

static void mask_household(struct household *h)
{
	reg_mask_row(&h->row);
	for (int i = 0; i < h->n_members; i++) {
		mask_with(&h->members[i].id_number, id_mask);
		mask_with(&h->members[i].phone, phone_mask);
	}
}

char *address_text(const char *compound, const char *building, const char *unit, const char *room)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, compound);
	sb_adds(&sb, " ");
	sb_adds(&sb, building);
	if (unit[0]) {
		sb_adds(&sb, "-");
		sb_adds(&sb, unit);
	}
	if (room[0]) {
		sb_adds(&sb, "-");
		sb_adds(&sb, room);
	}
	return sb_take(&sb);
}

char *hh_address(const struct hh_row *row)
{
	return address_text(row->compound, row->building, row->unit, row->room);
}

enum db_status reg_draft_save(struct reg *r, const char *form, int64_t record_id, const char *json)
{
	return db_draft_save(r->db, form, record_id, json);
}

/* The drafts of form/record_id (form NULL: all) this session may take:
 * its own and those of sessions that have ended, newest first. */
static enum db_status takeable(struct reg *r, const char *form, int64_t record_id, struct draft_info **out,
			       int *n)
{
	char stale[32];
	enum db_status s = db_time_ago(r->db, SESSION_STALE_MINUTES, stale, sizeof stale);
	if (s == DB_OK)
		s = db_draft_list(r->db, form, record_id, out, n);
	int64_t mine = db_session_id(r->db);
	int k = 0;
	for (int i = 0; s == DB_OK && i < *n; i++) {
		struct draft_info *d = &(*out)[i];
		if ((mine && d->session_id == mine) || session_ended(d, stale)) {
			struct draft_info t = (*out)[k];
			(*out)[k++] = *d;
			*d = t;
		}
	}
	for (int i = k; s == DB_OK && i < *n; i++) { /* another live session's: not ours */
		struct draft_info *d = &(*out)[i];
		char **t[] = { &d->form, &d->saved_at, &d->host, &d->started, &d->seen_at };
		for (size_t j = 0; j < sizeof t / sizeof t[0]; j++)
			x_free(t[j]);
	}
	if (s == DB_OK)
		*n = k;
	return s;
}

enum db_status reg_draft_load(struct reg *r, const char *form, int64_t record_id,
			      char **json, char **saved_at)
{
	*json = NULL;
	if (saved_at)
		*saved_at = NULL;
	struct draft_info *d;
	int n;
	enum db_status s = takeable(r, form, record_id, &d, &n);
	if (s == DB_OK && n == 0)
		s = DB_ERR_NOTFOUND;
	/* An ended session's draft becomes this session's. */
	if (s == DB_OK && d[0].session_id != db_session_id(r->db))
		s = db_draft_adopt(r->db, d[0].id);
	if (s == DB_OK)
		s = db_draft_data(r->db, d[0].id, json);
	if (s == DB_OK && saved_at)
		*saved_at = x_strdup(d[0].saved_at);
	draft_info_free(&d, &n);
	return s;
}

enum db_status reg_draft_delete(struct reg *r, const char *form, int64_t record_id)
{
	return db_draft_delete(r->db, form, record_id);
}

enum db_status reg_draft_newest(struct reg *r, char **form, int64_t *record_id)
{
	struct draft_info *d = NULL;
	int n = 0;
	enum db_status s = takeable(r, NULL, 0, &d, &n);
	if (s == DB_OK && n == 0)
		s = DB_ERR_NOTFOUND;
	/* Offered now: this session's, so that declining or finding its
	 * record gone deletes it. */
	if (s == DB_OK && d[0].session_id != db_session_id(r->db))
		s = db_draft_adopt(r->db, d[0].id);
	if (s == DB_OK) {
		*form = x_strdup(d[0].form);
		*record_id = d[0].record_id;
	}
	draft_info_free(&d, &n);
	return s;
}
