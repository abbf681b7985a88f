/* db/household.c - household list and detail. */
#include "household.h"

#include "internal.h"

#include "core/xalloc.h"

#include <string.h>

/* Tags of a household: its own and those of its living members.
 * ?9 is 1 when sensitive tags may be shown. */
#define TAGS_OF(hid) \
	"coalesce((SELECT group_concat(name, '、') FROM (" \
	"  SELECT t.sort, t.name FROM household_tag ht JOIN tag t ON t.id = ht.tag_id" \
	"   WHERE ht.household_id = " hid " AND (t.sensitive = 0 OR ?9)" \
	"  UNION SELECT t.sort, t.name FROM resident r" \
	"   JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id" \
	"   WHERE r.household_id = " hid " AND r.status = '在住' AND (t.sensitive = 0 OR ?9)" \
	"  ORDER BY 1)), '')"

#define ROW_COLUMNS \
	"d.sort_key, h.id, d.compound, d.building, d.unit, d.room," \
	" coalesce((SELECT name FROM resident r WHERE r.household_id = h.id" \
	"   AND r.relation = '户主' AND r.status = '在住'), '')," \
	" (SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.status = '在住')," \
	" h.kind, coalesce(h.phone, ''), " TAGS_OF("h.id") ", h.status"

/* Parameters: ?1 building ?2 unit ?3 room ?4 text, ?5 sort_key ?6 id,
 * ?7 limit, ?9 sensitive. */
static void add_filter(struct strbuf *sb, const struct hh_filter *f)
{
	switch (f->kind) {
	case HH_ALL:
		sb_adds(sb, "1");
		break;
	case HH_ADDRESS:
		sb_adds(sb, "d.building = ?1");
		if (f->unit[0])
			sb_adds(sb, " AND d.unit = ?2");
		if (f->room[0])
			sb_adds(sb, " AND d.room = ?3");
		break;
	case HH_DIGITS:
		sb_adds(sb, "(d.room = ?4 OR substr(h.phone, -length(?4)) = ?4"
			    " OR h.id IN (SELECT household_id FROM resident"
			    "   WHERE substr(id_number, -length(?4)) = ?4"
			    "      OR substr(phone, -length(?4)) = ?4))");
		break;
	case HH_COMPOUND:
		sb_adds(sb, "d.compound = ?4");
		break;
	case HH_TEXT:
		sb_adds(sb, "(instr(d.compound, ?4) > 0 OR h.id IN (SELECT household_id FROM resident"
			    "   WHERE instr(name, ?4) > 0 OR instr(former_name, ?4) > 0))");
		break;
	}
}

/* Parameters a statement does not use are skipped: binding them only
 * returns SQLITE_RANGE, which is of no consequence here. */
static void bind_filter(sqlite3_stmt *st, const struct hh_filter *f)
{
	sqlite3_bind_text(st, 1, f->building, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, f->unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, f->room, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, f->text, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 9, f->show_sensitive ? 1 : 0);
}

static void read_row(sqlite3_stmt *st, struct hh_row *r)
{
	r->key.sort_key = db_col_text(st, 0);
	r->key.id = sqlite3_column_int64(st, 1);
	r->compound = db_col_text(st, 2);
	r->building = db_col_text(st, 3);
	r->unit = db_col_text(st, 4);
	r->room = db_col_text(st, 5);
	r->head = db_col_text(st, 6);
	r->members = sqlite3_column_int(st, 7);
	r->kind = db_col_text(st, 8);
	r->phone = db_col_text(st, 9);
	r->tags = db_col_text(st, 10);
	r->status = db_col_text(st, 11);
}

enum db_status db_household_page(struct db *db, const struct hh_filter *f,
				 const struct hh_key *from, int dir, bool inclusive,
				 int limit, struct hh_row *out, int *n)
{
	*n = 0;
	if (limit <= 0)
		return DB_OK;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "SELECT " ROW_COLUMNS
		     " FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE ");
	add_filter(&sb, f);
	sb_adds(&sb, db_scope(db));
	if (from && from->sort_key)
		sb_adds(&sb, dir > 0 ? (inclusive ? " AND (d.sort_key, h.id) >= (?5, ?6)"
						  : " AND (d.sort_key, h.id) > (?5, ?6)")
				     : " AND (d.sort_key, h.id) < (?5, ?6)");
	else /* from an end: a range on sort_key keeps the planner on its
	      * index instead of sorting the whole table (U+10FFFF is above
	      * every key) */
		sb_adds(&sb, dir > 0 ? " AND d.sort_key >= ''" : " AND d.sort_key <= char(1114111)");
	sb_adds(&sb, dir > 0 ? " ORDER BY d.sort_key, h.id LIMIT ?7"
			     : " ORDER BY d.sort_key DESC, h.id DESC LIMIT ?7");
	sqlite3_stmt *st = db_prepare(db, sb.buf);
	sb_free(&sb);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_filter(st, f);
	if (from && from->sort_key) {
		sqlite3_bind_text(st, 5, from->sort_key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, from->id);
	}
	sqlite3_bind_int(st, 7, limit);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < limit)
		read_row(st, &out[(*n)++]);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		for (int i = 0; i < *n; i++)
			hh_row_free(&out[i]);
		*n = 0;
		return db_status_of(rc);
	}
	if (dir < 0) /* came back newest first; turn into list order */
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct hh_row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return DB_OK;
}

enum db_status db_household_count(struct db *db, const struct hh_filter *f, int *n)
{
	struct strbuf sb = STRBUF_INIT;
	*n = 0;
	if (f->kind == HH_ALL && !db->scope.on) /* every household has its dwelling (NOT NULL, FK) */
		sb_adds(&sb, "SELECT count(*) FROM household");
	else {
		sb_adds(&sb, "SELECT count(*) FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE ");
		add_filter(&sb, f);
		sb_adds(&sb, db_scope(db));
	}
	sqlite3_stmt *st = db_prepare(db, sb.buf);
	sb_free(&sb);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	bind_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : db_status_of(rc);
}

enum db_status db_household_row(struct db *db, int64_t id, bool show_sensitive, struct hh_row *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db, "SELECT " ROW_COLUMNS
				       " FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE h.id = ?1" SCOPE_SQL);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 9, show_sensitive ? 1 : 0);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? DB_OK : rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
}

enum db_status db_household_rows(struct db *db, const int64_t *ids, int n, bool show_sensitive,
				 struct hh_row *out, int *got)
{
	*got = 0;
	if (n <= 0)
		return DB_OK;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "SELECT " ROW_COLUMNS " FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		     " WHERE h.id IN (");
	for (int i = 0; i < n; i++)
		sb_addf(&sb, "%s%lld", i ? "," : "", (long long)ids[i]);
	sb_adds(&sb, ")" SCOPE_SQL);
	sqlite3_stmt *st = db_prepare(db, sb.buf);
	sb_free(&sb);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int(st, 9, show_sensitive ? 1 : 0);
	struct hh_row *tmp = x_calloc((size_t)n, sizeof *tmp);
	int k = 0, rc;
	while (k < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		read_row(st, &tmp[k++]);
	sqlite3_finalize(st);
	/* In the order asked for; a household deleted meanwhile is left out. */
	for (int i = 0; i < n; i++)
		for (int j = 0; j < k; j++)
			if (tmp[j].key.id == ids[i] && tmp[j].key.sort_key) {
				out[(*got)++] = tmp[j];
				memset(&tmp[j], 0, sizeof tmp[j]);
				break;
			}
	for (int j = 0; j < k; j++)
		hh_row_free(&tmp[j]);
	x_free(&tmp);
	return DB_OK;
}

static const char member_sql[] =
	"SELECT r.id, r.name, r.relation, coalesce(r.sex, ''), coalesce(r.birth_date, ''),"
	" coalesce(r.id_number, ''), coalesce(r.phone, ''), r.status, coalesce(r.status_date, ''),"
	" coalesce(r.ethnicity, ''), r.residence_type,"
	" coalesce((SELECT group_concat(name, '、') FROM (SELECT t.name FROM resident_tag rt"
	"   JOIN tag t ON t.id = rt.tag_id WHERE rt.resident_id = r.id AND (t.sensitive = 0 OR ?2)"
	"   ORDER BY t.sort)), '')"
	" FROM resident r WHERE r.household_id = ?1"
	" ORDER BY r.status <> '在住', CASE r.relation WHEN '户主' THEN 0 WHEN '配偶' THEN 1"
	"  WHEN '父母' THEN 2 WHEN '岳父母' THEN 2 WHEN '公婆' THEN 2 WHEN '子' THEN 3 WHEN '女' THEN 3"
	"  WHEN '儿媳' THEN 4 WHEN '女婿' THEN 4 WHEN '孙子女' THEN 5 ELSE 6 END,"
	"  r.birth_date, r.id";

static enum db_status get_members(struct db *db, int64_t id, bool sens, struct household *out)
{
	sqlite3_stmt *st = db_prepare(db, member_sql);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, sens ? 1 : 0);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n_members == cap) {
			cap = cap ? cap * 2 : 8;
			out->members = x_realloc(out->members, (size_t)cap * sizeof *out->members);
		}
		struct member *m = &out->members[out->n_members++];
		m->id = sqlite3_column_int64(st, 0);
		m->name = db_col_text(st, 1);
		m->relation = db_col_text(st, 2);
		m->sex = db_col_text(st, 3);
		m->birth_date = db_col_text(st, 4);
		m->id_number = db_col_text(st, 5);
		m->phone = db_col_text(st, 6);
		m->status = db_col_text(st, 7);
		m->status_date = db_col_text(st, 8);
		m->ethnicity = db_col_text(st, 9);
		m->residence_type = db_col_text(st, 10);
		m->tags = db_col_text(st, 11);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_household_get(struct db *db, int64_t id, bool show_sensitive,
				struct household *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT " ROW_COLUMNS ", coalesce(g.name, ''), coalesce(h.reg_no, ''),"
		" coalesce(h.notes, ''), coalesce(d.tenure, ''), h.version"
		" FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		" LEFT JOIN grid g ON g.id = d.grid_id WHERE h.id = ?1" SCOPE_SQL);
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 9, show_sensitive ? 1 : 0);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? DB_ERR_NOTFOUND : db_status_of(rc);
	}
	read_row(st, &out->row);
	out->grid = db_col_text(st, 12);
	out->reg_no = db_col_text(st, 13);
	out->notes = db_col_text(st, 14);
	out->tenure = db_col_text(st, 15);
	out->version = sqlite3_column_int64(st, 16);
	sqlite3_finalize(st);
	enum db_status s = get_members(db, id, show_sensitive, out);
	if (s != DB_OK)
		household_free(out);
	return s;
}

char *db_community_name(struct db *db)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM community ORDER BY id LIMIT 1");
	char *name = NULL;
	if (st && sqlite3_step(st) == SQLITE_ROW)
		name = db_col_text(st, 0);
	sqlite3_finalize(st);
	return name ? name : x_strdup("");
}
