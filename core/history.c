/* core/history.c - the audit history, read by who may. */
#include "history.h"

#include "db/audit.h"

#include "i18n.h"
#include "kv.h"
#include "lists.h"
#include "visit.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading ---- */

/* f as the one signed in may read it: a 社工's own rows and the
 * register's changes only. */
static enum db_status allowed(struct reg *r, const struct audit_filter *f, struct audit_filter *out)
{
	*out = *f;
	enum db_status s = reg_allow(r, P_AUDIT);
	out->own = access_grant(&r->acc, P_AUDIT) != G_ALL;
	out->me = r->acc.staff_id;
	return s;
}

enum db_status reg_history_page(struct reg *r, const struct audit_filter *f, const struct audit_row *from, int dir,
				bool inclusive, int limit, struct audit_row *out, int *n)
{
	struct audit_filter g;
	*n = 0;
	enum db_status s = allowed(r, f, &g);
	return s == DB_OK ? db_audit_page(r->db, &g, from, dir, inclusive, limit, out, n) : s;
}

enum db_status reg_history_count(struct reg *r, const struct audit_filter *f, int *n)
{
	struct audit_filter g;
	*n = 0;
	enum db_status s = allowed(r, f, &g);
	return s == DB_OK ? db_audit_count(r->db, &g, n) : s;
}

enum db_status reg_history_get(struct reg *r, int64_t id, struct audit_row *out)
{
	struct audit_filter g, none = { 0 };
	memset(out, 0, sizeof *out);
	enum db_status s = allowed(r, &none, &g);
	if (s == DB_OK)
		s = db_audit_get(r->db, id, out);
	/* A 社工 reads only what the list shows them. */
	if (s == DB_OK && g.own && out->staff_id != g.me &&
	    (strcmp(out->action, "insert") != 0 && strcmp(out->action, "update") != 0 &&
	     strcmp(out->action, "delete") != 0)) {
		audit_row_free(out);
		s = DB_ERR_NOTFOUND;
	}
	return s;
}

static enum db_status page(struct reg *r, const void *f, const void *from, int dir, bool inclusive, int limit,
			   void *out, int *n)
{
	return reg_history_page(r, f, from, dir, inclusive, limit, out, n);
}

static enum db_status count(struct reg *r, const void *f, int *n)
{
	return reg_history_count(r, f, n);
}

static void free_row(void *row)
{
	audit_row_free(row);
}

static void copy_key(void *dst, const void *src)
{
	*(struct audit_row *)dst = (struct audit_row){ .id = ((const struct audit_row *)src)->id };
}

const struct reg_list history_list = { sizeof(struct audit_row), page, count, free_row, copy_key };

/* ---- words ---- */

/* What the tables are called: words of the register, as its code lists
 * are (core/codes.h), not of the UI. */
static const struct { const char *table, *name; } tables[] = {
	{ "household", "住户" },          { "resident", "居民" },          { "dwelling", "房屋" },
	{ "household_tag", "住户标签" },  { "resident_tag", "居民标签" },  { "visit", "走访" },
	{ "visit_report", "走访必报事项" }, { "mediation_case", "调解案件" }, { "case_party", "当事人" },
	{ "case_event", "案件记录" },     { "meeting", "议事会议" },      { "meeting_item", "议题" },
	{ "meeting_attendee", "参会人" }, { "staff", "工作人员" },        { "staff_grid", "网格分工" },
	{ "grid", "网格" },               { "tag", "标签" },              { "setting", "设置" },
	{ "ledger", "台账" },             { "community", "社区" },
};

const char *const history_tables[] = { "household", "resident", "dwelling", "visit", "mediation_case",
	"case_party", "meeting", "staff", "ledger", NULL };
const char *const history_table_names[] = { "住户", "居民", "房屋", "走访", "调解案件", "当事人", "议事会议",
	"工作人员", "台账", NULL };

const char *history_table_name(const char *table)
{
	for (size_t i = 0; i < ARRAY_SIZE(tables); i++)
		if (strcmp(tables[i].table, table) == 0)
			return tables[i].name;
	return table;
}

const char *history_action_name(const char *action)
{
	static const struct { const char *action, *name; } actions[] = {
		{ "insert", N_("added") },   { "update", N_("changed") }, { "delete", N_("deleted") },
		{ "reveal", N_("saw No.") }, { "export", N_("exported") }, { "signin", N_("signed in") },
	};
	for (size_t i = 0; i < ARRAY_SIZE(actions); i++)
		if (strcmp(actions[i].action, action) == 0)
			return _(actions[i].name);
	return action;
}

/* ---- fields ---- */

/* The forms' fields of a table. */
static const struct rec_field *fields_of(const char *table, int *n)
{
	static const struct { const char *table; const struct rec_field *f; const int *n; } map[] = {
		{ "household", household_fields, &household_field_count },
		{ "dwelling", household_fields, &household_field_count },
		{ "resident", resident_fields, &resident_field_count },
		{ "visit", visit_fields, &visit_field_count },
		{ "mediation_case", case_fields, &case_field_count },
		{ "case_party", party_fields, &party_field_count },
		{ "case_event", event_fields, &event_field_count },
		{ "meeting", meeting_fields, &meeting_field_count },
		{ "meeting_item", topic_fields, &topic_field_count },
		{ "meeting_attendee", attendee_fields, &attendee_field_count },
		{ "staff", staff_fields, &staff_field_count },
	};
	for (size_t i = 0; i < ARRAY_SIZE(map); i++)
		if (strcmp(map[i].table, table) == 0) {
			*n = *map[i].n;
			return map[i].f;
		}
	*n = 0;
	return NULL;
}

/* Labels of columns no form has, and of what a reveal or an export says. */
static const struct { const char *key, *label; } extra_labels[] = {
	{ "name", N_("Name") },          { "grid_id", N_("Grid") },          { "household_id", N_("Household") },
	{ "resident_id", N_("Resident") }, { "tag_id", N_("Tag") },          { "since", N_("Since") },
	{ "note", N_("Note") },          { "dwelling_id", N_("Dwelling") },  { "value", N_("Value") },
	{ "key", N_("Setting") },        { "whose", N_("Whose") },           { "fields", N_("Fields") },
	{ "reason", N_("Why shown") },   { "ledger", N_("Ledger") },         { "rows", N_("Rows") },
	{ "file", N_("File") },          { "full", N_("Whole numbers") },    { "login", N_("Login") },
	{ "pin_hash", N_("PIN") },       { "staff_id", N_("Staff") },        { "case_id", N_("Case") },
	{ "meeting_id", N_("Meeting") }, { "item_id", N_("Must report") },   { "visit_id", N_("Visit") },
};

/* Columns every table has that say nothing of the record. */
static bool housekeeping(const char *key)
{
	static const char *const skip[] = { "id", "created_at", "created_by", "updated_at", "updated_by", "version",
		"sort_key", NULL };
	for (int i = 0; skip[i]; i++)
		if (strcmp(skip[i], key) == 0)
			return true;
	return false;
}

static const struct rec_field *field_for(const struct rec_field *f, int n, const char *key)
{
	size_t len = strlen(key);
	for (int i = 0; i < n; i++) {
		if (strcmp(f[i].key, key) == 0)
			return &f[i];
		/* a vocabulary field is stored as <key>_id */
		if (len > 3 && strcmp(key + len - 3, "_id") == 0 && strlen(f[i].key) == len - 3 &&
		    strncmp(f[i].key, key, len - 3) == 0)
			return &f[i];
	}
	return NULL;
}

static const char *label_of(const struct audit_row *row, const char *key, const struct rec_field **field)
{
	int n;
	/* A reveal, an export, a sign-in: what they say, not a record. */
	bool record = strcmp(row->action, "insert") == 0 || strcmp(row->action, "update") == 0 ||
		      strcmp(row->action, "delete") == 0;
	const struct rec_field *f = record ? fields_of(row->table, &n) : NULL;
	*field = f ? field_for(f, n, key) : NULL;
	if (*field)
		return _((*field)->label);
	for (size_t i = 0; i < ARRAY_SIZE(extra_labels); i++)
		if (strcmp(extra_labels[i].key, key) == 0)
			return _(extra_labels[i].label);
	return key;
}

/* A stored value as the form shows it: yes/no, a vocabulary's name, a
 * PIN only as set. */
static char *shown(struct reg *r, const struct rec_field *f, const char *key, const char *v)
{
	if (!v || strcmp(v, "null") == 0)
		return x_strdup("");
	if (strcmp(key, "pin_hash") == 0)
		return x_strdup(*v ? _("(set)") : "");
	if (strcmp(key, "fields") == 0) /* of a reveal: "id_number,phone" */
		return x_strdup(strcmp(v, "id_number,phone") == 0 ? _("ID number, phone")
				: strcmp(v, "id_number") == 0 ? _("ID number") : strcmp(v, "phone") == 0 ? _("Phone") : v);
	if (f && f->type == FT_BOOL)
		return x_strdup(strcmp(v, "1") == 0 ? _("yes") : _("no"));
	if (r && f && f->type == FT_VOCAB && f->vocab >= 0) {
		struct vocab *voc;
		int n;
		char *name = NULL;
		if (reg_vocab(r, (enum vocab_kind)f->vocab, true, &voc, &n) == DB_OK) {
			for (int i = 0; i < n && !name; i++)
				if (voc[i].id == atoll(v))
					name = x_strdup(voc[i].name);
			vocab_free(&voc, &n);
		}
		if (name)
			return name;
	}
	return x_strdup(v);
}

static void fields(struct reg *r, const struct audit_row *row, struct history_field **out, int *n)
{
	struct kv before = { 0 }, after = { 0 };
	kv_from_json(&before, row->old_values);
	kv_from_json(&after, row->new_values);
	const struct kv *keys = after.n ? &after : &before;
	*out = x_calloc(keys->n + 1, sizeof **out);
	*n = 0;
	for (size_t i = 0; i < keys->n; i++) {
		const char *key = keys->keys[i];
		const char *b = kv_get(&before, key), *a = kv_get(&after, key);
		if (housekeeping(key) || (before.n && after.n && b && a && strcmp(a, b) == 0))
			continue;
		const struct rec_field *f;
		struct history_field *h = &(*out)[(*n)++];
		h->label = label_of(row, key, &f);
		h->before = shown(r, f, key, b);
		h->after = shown(r, f, key, a);
	}
	kv_free(&before);
	kv_free(&after);
}

void reg_history_fields(struct reg *r, const struct audit_row *row, struct history_field **out, int *n)
{
	fields(r, row, out, n);
}

void history_fields_free(struct history_field **f, int *n)
{
	for (int i = 0; *f && i < *n; i++) {
		x_free(&(*f)[i].before);
		x_free(&(*f)[i].after);
	}
	x_free(f);
	*n = 0;
}

char *reg_history_text(struct reg *r, const struct audit_row *row)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, _("%.16s  %s %s %s (No. %lld)\n"), row->at, row->who, history_action_name(row->action),
		history_table_name(row->table), (long long)row->row_id);
	if (*row->label)
		sb_addf(&sb, "%s\n", row->label);
	sb_adds(&sb, "\n");
	struct history_field *f;
	int n;
	fields(r, row, &f, &n);
	bool change = strcmp(row->action, "update") == 0;
	for (int i = 0; i < n; i++) {
		if (change)
			sb_addf(&sb, _("%s: %s  →  %s\n"), f[i].label, *f[i].before ? f[i].before : _("(empty)"),
				*f[i].after ? f[i].after : _("(empty)"));
		else
			sb_addf(&sb, _("%s: %s\n"), f[i].label, *f[i].after ? f[i].after : f[i].before);
	}
	if (!n)
		sb_addf(&sb, "%s\n", _("No field of the record changed."));
	history_fields_free(&f, &n);
	return sb_take(&sb);
}

/* ---- CSV ---- */

struct csv_ctx {
	struct reg *r;
	struct csv_writer *w;
	long rows;
};

static void csv_row(void *ctx, const struct audit_row *row)
{
	struct csv_ctx *c = ctx;
	struct history_field *f;
	int n;
	fields(c->r, row, &f, &n);
	struct strbuf what = STRBUF_INIT;
	sb_adds(&what, "");
	for (int i = 0; i < n; i++)
		sb_addf(&what, "%s%s: %s%s%s", i ? "; " : "", f[i].label, f[i].before,
			*f[i].before && *f[i].after ? " → " : "", f[i].after);
	char id[24], at[20];
	snprintf(id, sizeof id, "%lld", (long long)row->row_id);
	snprintf(at, sizeof at, "%.19s", row->at);
	const char *cells[] = { at, row->who, history_action_name(row->action), history_table_name(row->table), id,
				row->label, what.buf };
	csv_writer_row(c->w, cells, (int)ARRAY_SIZE(cells));
	c->rows++;
	sb_free(&what);
	history_fields_free(&f, &n);
}

enum db_status history_csv(struct reg *r, const struct audit_filter *f, FILE *out, enum csv_encoding enc,
			   long *rows)
{
	struct audit_filter g;
	*rows = 0;
	enum db_status s = allowed(r, f, &g);
	if (s != DB_OK)
		return s;
	struct csv_ctx c = { r, csv_writer_open(out, enc == CSV_UTF8 ? CSV_UTF8 : CSV_GB18030), 0 };
	if (!c.w)
		return DB_ERR_SQL;
	const char *head[] = { "时间", "工作人员", "操作", "记录类型", "编号", "记录", "字段" };
	csv_writer_row(c.w, head, (int)ARRAY_SIZE(head));
	s = db_audit_each(r->db, &g, csv_row, &c);
	if (!csv_writer_close(&c.w) && s == DB_OK)
		s = DB_ERR_CANTOPEN;
	*rows = c.rows;
	return s;
}
