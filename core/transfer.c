/* core/transfer.c - import from CSV, export to CSV. */
#include "transfer.h"

#include "date.h"
#include "db/household_edit.h"
#include "db/import.h"
#include "db/resident.h"
#include "db/visit.h"
#include "household.h"
#include "i18n.h"
#include "integrity.h"
#include "kv.h"
#include "model.h"
#include "resident.h"
#include "stats.h"
#include "text.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- headers ---- */

static const struct { const char *header, *key; } header_map[] = {
	{ "小区", "compound" }, { "小区名称", "compound" }, { "院落", "compound" }, { "小区/院落", "compound" },
	{ "楼栋", "building" }, { "楼号", "building" }, { "栋", "building" }, { "幢", "building" }, { "楼", "building" },
	{ "单元", "unit" }, { "单元号", "unit" },
	{ "室", "room" }, { "室号", "room" }, { "房号", "room" }, { "房间号", "room" }, { "门牌号", "room" },
	{ "户号", "reg_no" }, { "户编号", "reg_no" },
	{ "户类别", "kind" }, { "户别", "kind" }, { "户类型", "kind" },
	{ "姓名", "name" },
	{ "与户主关系", "relation" }, { "与户主的关系", "relation" }, { "关系", "relation" },
	{ "性别", "sex" },
	{ "身份证号", "id_number" }, { "身份证号码", "id_number" }, { "公民身份号码", "id_number" },
	{ "证件号码", "id_number" }, { "身份证", "id_number" },
	{ "出生日期", "birth_date" }, { "出生年月", "birth_date" }, { "生日", "birth_date" },
	{ "民族", "ethnicity" },
	{ "联系电话", "phone" }, { "电话", "phone" }, { "手机", "phone" }, { "手机号", "phone" },
	{ "手机号码", "phone" }, { "联系方式", "phone" },
	{ "人员类型", "residence_type" }, { "人员类别", "residence_type" }, { "居住类型", "residence_type" },
	{ "曾用名", "former_name" }, { "政治面貌", "political" }, { "文化程度", "education" },
	{ "学历", "education" }, { "职业", "occupation" }, { "就业状况", "employment" },
	{ "状态", "status" }, { "变动日期", "status_date" }, { "迁往", "moved_to" },
	{ "标签", "tags" }, { "重点人群", "tags" }, { "特殊人群", "tags" },
	{ "备注", "notes" },
};
static const char *const required[] = { "compound", "name", "relation" };

/* The header as written, without spaces (ASCII or ideographic) and
 * the marks of a required column (*, ＊). */
static char *clean_header(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		if (cp != ' ' && cp != 0x3000 && cp != '*' && cp != 0xFF0A && cp != '\t')
			sb_add(&sb, s + i, n);
		i += n;
	}
	return sb_take(&sb);
}

static const char *key_of(const char *header)
{
	char *h = clean_header(header);
	const char *key = NULL;
	for (size_t i = 0; i < ARRAY_SIZE(header_map) && !key; i++)
		if (strcmp(header_map[i].header, h) == 0)
			key = header_map[i].key;
	x_free(&h);
	return key;
}

/* ---- problems ---- */

struct importer {
	struct reg *r;
	const struct import_opts *o;
	const char *today;
	struct import_report *rep;
	const char **keys;         /* key of each column, NULL: ignored */
	char **headers;            /* each column's header as written */
	int ncols;
	int resident_col[64];      /* column of each of resident_fields, -1: none */
	/* the household being filled */
	char *group;               /* its 户号 or address */
	int64_t household;
	long group_line;
	/* its rows, held until the group ends so that the head goes first */
	/* fields: one allocation, the pointers then the text (copy_row) */
	struct pending { long line; char **fields; int n; } *rows;
	int n_rows, cap_rows;
	bool fresh;                /* a second household at the same address */
	bool head_failed;          /* the group's 户主 row was refused */
	bool found;                /* the household was in the register already */
};

static void problem(struct importer *im, long line, const char *column, const char *value, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void problem(struct importer *im, long line, const char *column, const char *value, const char *fmt, ...)
{
	struct import_report *rep = im->rep;
	rep->problems_total++;
	struct import_problem p = { line, x_strdup(column ? column : ""), x_strdup(value ? value : ""), NULL };
	va_list ap;
	va_start(ap, fmt);
	p.reason = x_vasprintf(fmt, ap);
	va_end(ap);
	if (im->o->problem)
		im->o->problem(im->o->problem_ctx, &p);
	if (rep->n_problems == IMPORT_PROBLEMS_KEPT) {
		x_free(&p.column);
		x_free(&p.value);
		x_free(&p.reason);
		return;
	}
	if (!rep->problems)
		rep->problems = x_calloc(IMPORT_PROBLEMS_KEPT, sizeof *rep->problems);
	rep->problems[rep->n_problems++] = p;
}

char *import_summary(const struct import_report *rep, bool dry_run)
{
	struct strbuf sb = STRBUF_INIT;
	const char *enc = rep->encoding == CSV_GB18030 ? "GB18030" : "UTF-8";
	if (rep->problems_total)
		sb_addf(&sb, _("%ld rows read (%s): %d problems; nothing was written."), rep->rows, enc,
			rep->problems_total);
	else if (dry_run)
		sb_addf(&sb, _("%ld rows read (%s), no problems. A real import would add %d households and %d residents, "
			       "update %d and skip %d. Nothing was written (--dry-run)."),
			rep->rows, enc, rep->households_added, rep->residents_added, rep->residents_updated,
			rep->residents_skipped);
	else
		sb_addf(&sb, _("%ld rows read (%s): %d households and %d residents added, %d updated, %d skipped "
			       "(already there)."),
			rep->rows, enc, rep->households_added, rep->residents_added, rep->residents_updated,
			rep->residents_skipped);
	sb_addc(&sb, '\n');
	if (!rep->problems_total && rep->residents_joined)
		sb_addf(&sb, _("%d people named 户主 at an address where a household lives %s put into that household "
			       "as 其他: set their relation in the register.\n"),
			rep->residents_joined, dry_run ? _("would be") : _("were"));
	return sb_take(&sb);
}

void import_report_free(struct import_report *rep)
{
	for (int i = 0; i < rep->n_problems; i++) {
		x_free(&rep->problems[i].column);
		x_free(&rep->problems[i].value);
		x_free(&rep->problems[i].reason);
	}
	x_free(&rep->problems);
	rep->n_problems = rep->problems_total = 0;
	x_free(&rep->ignored);
	x_free(&rep->fatal);
}

/* The column header of a field key, for messages (the field's own
 * label when the file has no such column). */
static const char *header_of(const struct importer *im, const char *key)
{
	for (int i = 0; i < im->ncols; i++)
		if (im->keys[i] && strcmp(im->keys[i], key) == 0)
			return im->headers[i];
	const struct rec_field *f = rec_field_by_key(resident_fields, resident_field_count, key);
	if (!f)
		f = rec_field_by_key(household_fields, household_field_count, key);
	return f ? _(f->label) : key;
}

static const char *field(const struct importer *im, char **fields, int n, const char *key)
{
	for (int i = 0; i < n && i < im->ncols; i++)
		if (im->keys[i] && strcmp(im->keys[i], key) == 0)
			return fields[i];
	return "";
}

static void report_checks(struct importer *im, long line, const struct check *c,
			  const void *rec, const struct rec_field *t, int nt)
{
	for (int i = 0; i < c->n; i++) {
		if (c->items[i].warning)
			continue;
		const char *value = rec_get(rec, t, nt, c->items[i].field);
		problem(im, line, header_of(im, c->items[i].field), value, "%s", c->items[i].message);
	}
}

/* ---- households ---- */

/* The household has exactly one living head once its rows are in. */
static void close_group(struct importer *im)
{
	if (!im->household)
		return;
	int64_t head;
	char *name = NULL;
	if (db_household_head(im->r->db, im->household, &head, &name) == DB_OK && !head && !im->head_failed)
		problem(im, im->group_line, header_of(im, "relation"), "",
			"%s", _("This household has no head (户主) among its rows."));
	x_free(&name);
	db_household_sync_status(im->r->db, im->household);
	im->household = 0;
}

static void start_group(struct importer *im, long line, char **fields, int n, const char *key)
{
	(void)key;
	im->group_line = line;
	im->household = 0;
	struct household_rec h;
	struct check c;
	household_rec_init(&h);
	static const char *const keys[] = { "compound", "building", "unit", "room", "reg_no", "kind" };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		rec_set(&h, household_fields, household_field_count, keys[i], field(im, fields, n, keys[i]));
	household_check(&h, &c);
	if (!check_ok(&c)) {
		report_checks(im, line, &c, &h, household_fields, household_field_count);
		check_free(&c);
		household_rec_free(&h);
		return;
	}
	check_free(&c);
	int64_t id = 0;
	enum db_status s = im->fresh ? DB_OK : db_import_find_household(im->r->db, h.reg_no, &h, &id);
	im->found = id != 0;
	if (s == DB_OK && !id) {
		s = db_dwelling_for_import(im->r->db, &h);
		if (s == DB_OK)
			s = db_household_insert_import(im->r->db, &h);
		if (s == DB_OK) {
			id = h.id;
			im->rep->households_added++;
		}
	} else if (s == DB_OK && *field(im, fields, n, "kind")) {
		s = db_import_household_fields(im->r->db, id, h.kind, h.reg_no);
	}
	if (s != DB_OK)
		problem(im, line, "", "", _("Could not save the household: %s"), reg_error(im->r));
	im->household = id;
	household_rec_free(&h);
}

/* ---- residents ---- */

static void add_tags(struct importer *im, long line, const char *list, int64_t resident)
{
	char *copy = x_strdup(list);
	/* Separated by 、，,;； or spaces. */
	static const char *const seps[] = { "、", "，", "；", ",", ";", " ", "　" };
	for (size_t k = 0; k < ARRAY_SIZE(seps); k++)
		for (char *p; (p = strstr(copy, seps[k]));) {
			memset(p, '\x1f', strlen(seps[k]));
		}
	for (char *tok = copy, *end; tok && *tok; tok = end) {
		while (*tok == '\x1f')
			tok++;
		end = strchr(tok, '\x1f');
		if (end)
			*end++ = '\0';
		if (!*tok)
			continue;
		int64_t tag;
		char applies[16];
		if (db_import_tag(im->r->db, tok, &tag, applies, sizeof applies) != DB_OK || !tag) {
			problem(im, line, header_of(im, "tags"), tok, "%s", _("There is no such tag."));
			continue;
		}
		bool hh = strcmp(applies, "household") == 0;
		enum db_status s = db_tag_add(im->r->db, applies, hh ? im->household : resident, tag, im->today, "");
		if (s != DB_OK && s != DB_ERR_CONFLICT)
			problem(im, line, header_of(im, "tags"), tok, _("Could not save the tag: %s"), reg_error(im->r));
	}
	x_free(&copy);
}

static void person_row(struct importer *im, long line, char **fields, int n)
{
	struct resident_rec rec;
	resident_rec_init(&rec);
	for (int i = 0; i < resident_field_count && i < (int)ARRAY_SIZE(im->resident_col); i++) {
		int col = im->resident_col[i];
		if (col >= 0 && col < n) {
			char **p = &REC_STR(&rec, &resident_fields[i]);
			x_free(p);
			*p = x_strdup(fields[col]);
		}
	}
	rec.household_id = im->household;
	/* Is this person here already? */
	int64_t existing = 0;
	char *name = NULL, *addr = NULL;
	if (*rec.id_number) {
		char *id = resident_id_stored(rec.id_number);
		db_resident_id_owner(im->r->db, id, 0, &existing, &name, &addr);
		x_free(&id);
	} else {
		char iso[11] = "";
		if (*rec.birth_date && !date_parse_input(rec.birth_date, im->today, iso))
			db_import_find_person(im->r->db, rec.name, iso, im->household, &existing);
		else
			db_import_find_person(im->r->db, rec.name, "", im->household, &existing);
	}
	struct resident_rec now;
	resident_rec_init(&now);
	if (existing && db_resident_get(im->r->db, existing, &now) == DB_OK && now.household_id != im->household) {
		/* Someone else's number, or this person in another household:
		 * an import does not move people, nor guess which is right. */
		problem(im, line, header_of(im, "id_number"), rec.id_number,
			_("%s (%s) already has this ID number, in another household: check the number, "
			  "or change the register first."), name, addr);
		existing = -1;
	}
	x_free(&name);
	x_free(&addr);
	if (!existing && im->found && strcmp(rec.relation, "户主") == 0 &&
	    (!*rec.status || strcmp(rec.status, "在住") == 0)) {
		/* A new head for a household the register has: the file means
		 * another household at the address, or a change of head. */
		int64_t head = 0;
		char *head_name = NULL;
		if (db_household_head(im->r->db, im->household, &head, &head_name) == DB_OK && head) {
			if (im->o->update) {
				/* Asked to: the person joins the household there. */
				x_free(&rec.relation);
				rec.relation = x_strdup("其他");
				im->rep->residents_joined++;
			} else {
				problem(im, line, header_of(im, "relation"), rec.relation,
					_("At this address the register has a household whose head is %s: give this "
					  "row its 户号 if it is another household, change the head in the register "
					  "first, or import with 档案中已有的人: 更新 (--on-duplicate update) to add this "
					  "person to that household."),
					head_name);
				existing = -1;
			}
		}
		x_free(&head_name);
	}
	if (existing && (existing < 0 || !im->o->update)) {
		if (existing > 0)
			im->rep->residents_skipped++;
		resident_rec_free(&now);
		resident_rec_free(&rec);
		return;
	}
	if (existing) {
		/* Update: what the row brings over what is stored. */
		for (int i = 0; i < resident_field_count; i++) {
			const char *v = REC_CSTR(&rec, &resident_fields[i]);
			if (*v)
				rec_set(&now, resident_fields, resident_field_count, resident_fields[i].key, v);
		}
		resident_rec_free(&rec);
		rec = now;
	} else {
		resident_rec_free(&now);
	}
	struct check c;
	/* When the head's own row was refused, the members' "this household
	 * has no head" would only say the same again. */
	int64_t household = rec.household_id;
	if (im->head_failed)
		rec.household_id = 0;
	member_check(im->r, &rec, im->today, &c);
	rec.household_id = household;
	if (!check_ok(&c)) {
		report_checks(im, line, &c, &rec, resident_fields, resident_field_count);
		check_free(&c);
		resident_rec_free(&rec);
		return;
	}
	check_free(&c);
	enum db_status s = existing ? db_resident_update_import(im->r->db, &rec)
				    : db_resident_insert_import(im->r->db, &rec);
	if (s != DB_OK) {
		problem(im, line, header_of(im, "name"), rec.name, _("Could not save: %s"), reg_error(im->r));
	} else {
		if (existing)
			im->rep->residents_updated++;
		else
			im->rep->residents_added++;
		const char *tags = field(im, fields, n, "tags");
		if (*tags)
			add_tags(im, line, tags, rec.id);
	}
	resident_rec_free(&rec);
}

static bool is_head(const struct importer *im, const struct pending *p)
{
	return strcmp(field(im, p->fields, p->n, "relation"), "户主") == 0;
}

/* The rows of one household: the household, its head, the others. */
static void flush_group(struct importer *im)
{
	if (im->n_rows == 0)
		return;
	struct pending *first = &im->rows[0];
	start_group(im, first->line, first->fields, first->n, im->group);
	im->head_failed = false;
	for (int pass = 0; pass < 2 && im->household; pass++) {
		int before = im->rep->problems_total;
		bool heads = false;
		for (int i = 0; i < im->n_rows; i++)
			if (is_head(im, &im->rows[i]) == (pass == 0)) {
				person_row(im, im->rows[i].line, im->rows[i].fields, im->rows[i].n);
				heads |= pass == 0;
			}
		if (pass == 0)
			im->head_failed = heads && im->rep->problems_total > before;
	}
	close_group(im);
	for (int i = 0; i < im->n_rows; i++)
		x_free(&im->rows[i].fields);
	im->n_rows = 0;
}

/* The n fields as one allocation: their pointers, then their text. */
static char **copy_row(char *const *fields, int n)
{
	size_t size = (size_t)(n > 0 ? n : 1) * sizeof(char *);
	for (int i = 0; i < n; i++)
		size += strlen(fields[i]) + 1;
	char **out = x_malloc(size);
	char *text = (char *)(out + (n > 0 ? n : 1));
	for (int i = 0; i < n; i++) {
		size_t len = strlen(fields[i]) + 1;
		out[i] = memcpy(text, fields[i], len);
		text += len;
	}
	return out;
}

static void import_row(struct importer *im, long line, char **fields, int n)
{
	im->rep->rows++;
	const char *reg_no = field(im, fields, n, "reg_no");
	char *key = *reg_no ? x_asprintf("#%s", reg_no)
		: x_asprintf("%s|%s|%s|%s", field(im, fields, n, "compound"), field(im, fields, n, "building"),
			     field(im, fields, n, "unit"), field(im, fields, n, "room"));
	bool head = strcmp(field(im, fields, n, "relation"), "户主") == 0;
	bool had_head = false;
	for (int i = 0; i < im->n_rows && head && !*reg_no; i++)
		had_head |= is_head(im, &im->rows[i]);
	if (!im->group || strcmp(key, im->group) != 0) {
		flush_group(im);
		x_free(&im->group);
		im->group = key;
		im->fresh = false;
	} else if (had_head) {
		/* Another 户主 at the same address and no 户号: a second
		 * household living there (rented rooms, 人户分离). */
		flush_group(im);
		x_free(&key);
		im->fresh = true;
	} else {
		x_free(&key);
	}
	if (im->n_rows == im->cap_rows) {
		im->cap_rows = im->cap_rows ? im->cap_rows * 2 : 8;
		im->rows = x_realloc(im->rows, (size_t)im->cap_rows * sizeof *im->rows);
	}
	struct pending *p = &im->rows[im->n_rows++];
	p->line = line;
	p->n = n;
	p->fields = copy_row(fields, n);
}

/* A cell as typed text is kept: no control characters (ESC, BEL, C1),
 * no bidi overrides or zero-width characters; line breaks stay.  In
 * place: the text only gets shorter. */
static void clean_cell(char *cell)
{
	size_t chars;
	char *c = text_clean_input(cell, true, &chars);
	memcpy(cell, c, strlen(c) + 1);
	x_free(&c);
}

enum db_status import_households(struct reg *r, FILE *f, const struct import_opts *o, const char *today,
				 void (*progress)(void *ctx, const struct import_progress *p), void *ctx,
				 struct import_report *out)
{
	struct stat st;
	struct import_progress pr = { 0, 0, 0, fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) ? st.st_size : 0 };
	memset(out, 0, sizeof *out);
	/* An import writes anywhere in the register. */
	enum db_status allowed = reg_allow(r, P_IMPORT);
	if (allowed != DB_OK)
		return allowed;
	/* Never into a damaged file: look before writing a row. */
	if ((allowed = reg_quick_check(r)) == DB_ERR_DAMAGED) {
		out->fatal = x_strdup(reg_read_only(r));
		return DB_OK;
	}
	struct importer im = { .r = r, .o = o, .today = today, .rep = out };
	struct csv *c = csv_open(f, o->encoding);
	out->encoding = csv_encoding_of(c);
	char **fields;
	int n;
	long line;
	enum db_status s = DB_OK;
	int rc = csv_next(c, &fields, &n, &line);
	if (rc != 1) {
		long el;
		const char *e = csv_error(c, &el);
		out->fatal = e ? x_asprintf(_("line %ld: %s"), el, e) : x_strdup(_("The file is empty."));
		csv_close(&c);
		return DB_OK;
	}
	/* The header row. */
	struct strbuf ignored = STRBUF_INIT;
	im.ncols = n;
	im.keys = x_calloc((size_t)(n > 0 ? n : 1), sizeof *im.keys);
	im.headers = x_calloc((size_t)(n > 0 ? n : 1), sizeof *im.headers);
	for (int i = 0; i < im.ncols; i++) {
		im.headers[i] = clean_header(fields[i]);
		im.keys[i] = key_of(fields[i]);
		if (!im.keys[i] && im.headers[i][0])
			sb_addf(&ignored, "%s%s", ignored.len ? "、" : "", im.headers[i]);
	}
	if (ignored.len)
		out->ignored = sb_take(&ignored);
	for (int k = 0; k < resident_field_count && k < (int)ARRAY_SIZE(im.resident_col); k++) {
		im.resident_col[k] = -1;
		for (int i = 0; i < im.ncols && im.resident_col[k] < 0; i++)
			if (im.keys[i] && strcmp(im.keys[i], resident_fields[k].key) == 0)
				im.resident_col[k] = i;
	}
	sb_free(&ignored);
	for (size_t k = 0; k < ARRAY_SIZE(required) && !out->fatal; k++) {
		bool have = false;
		for (int i = 0; i < im.ncols; i++)
			have |= im.keys[i] && strcmp(im.keys[i], required[k]) == 0;
		if (!have) {
			const char *name = "";
			for (size_t m = 0; m < ARRAY_SIZE(header_map) && !*name; m++)
				if (strcmp(header_map[m].key, required[k]) == 0)
					name = header_map[m].header;
			out->fatal = x_asprintf(_("The column %s is missing; nothing was imported."), name);
		}
	}
	if (!out->fatal && (s = db_bulk_begin(r->db)) == DB_OK) {
		while ((rc = csv_next(c, &fields, &n, &line)) == 1) {
			bool blank = true;
			for (int i = 0; i < n; i++) {
				cell_restore(fields[i]);
				clean_cell(fields[i]);
				blank &= fields[i][0] == '\0';
			}
			if (!blank)
				import_row(&im, line, fields, n);
			if (progress && out->rows % 500 == 0) {
				pr.rows = out->rows;
				pr.problems = out->problems_total;
				long at = ftell(f);
				pr.bytes = at > 0 ? at : 0;
				progress(ctx, &pr);
			}
		}
		flush_group(&im);
		if (rc < 0) {
			long el;
			const char *e = csv_error(c, &el);
			out->fatal = x_asprintf(_("line %ld: %s"), el, e ? e : "");
		}
		if (out->fatal || out->problems_total || o->dry_run) {
			db_bulk_end(r->db, false);
		} else {
			s = db_bulk_end(r->db, true);
			out->written = s == DB_OK;
		}
		if (progress) {
			pr.rows = out->rows;
			pr.problems = out->problems_total;
			pr.bytes = pr.size;
			progress(ctx, &pr);
		}
	}
	for (int i = 0; i < im.ncols; i++)
		x_free(&im.headers[i]);
	x_free(&im.headers);
	x_free(&im.keys);
	x_free(&im.rows);
	x_free(&im.group);
	csv_close(&c);
	if (out->written)
		reg_touched(r);
	return s;
}

/* ---- export ---- */

struct writer {
	struct csv_writer *cw;
	bool full;
	enum export_kind kind;
	long rows;
};

static void put_row(struct writer *w, const char *const *cols, int n)
{
	csv_writer_row(w->cw, cols, n);
}

static void resident_row(void *ctx, const char *const *cols)
{
	struct writer *w = ctx;
	const char *c[EXPORT_NCOLUMNS];
	memcpy(c, cols, sizeof c);
	char *id = w->full ? NULL : id_mask(cols[9]);
	char *ph = w->full ? NULL : phone_mask(cols[12]);
	if (id && cols[9][0])
		c[9] = id;
	if (ph)
		c[12] = ph;
	put_row(w, c, EXPORT_NCOLUMNS);
	x_free(&id);
	x_free(&ph);
	w->rows++;
}

static void plain_row(void *ctx, const char *const *cols)
{
	struct writer *w = ctx;
	int n = w->kind == EXPORT_VISITS ? VISIT_EXPORT_NCOLUMNS
	      : w->kind == EXPORT_CASES ? CASE_EXPORT_NCOLUMNS : MEETING_EXPORT_NCOLUMNS;
	put_row(w, cols, n);
	w->rows++;
}

bool export_kind_parse(const char *s, enum export_kind *k)
{
	static const char *const names[] = { "households", "visits", "cases", "meetings", "month" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (strcmp(s, names[i]) == 0) {
			*k = (enum export_kind)i;
			return true;
		}
	return false;
}

static const char *const ledger_names[] = { "households", "visits", "cases", "meetings", "month" };

/* May a role export a ledger?  A 网格员 the ledgers of their grids, a
 * 调解员 the cases; whole numbers only the roles of P_EXPORT_FULL. */
static bool may_export(const struct access *a, enum export_kind kind, bool full)
{
	if (full && !access_may(a, P_EXPORT_FULL))
		return false;
	switch (access_grant(a, P_EXPORT)) {
	case G_ALL:
		return true;
	case G_GRIDS:
		return kind == EXPORT_HOUSEHOLDS || kind == EXPORT_VISITS || kind == EXPORT_MONTH;
	case G_CASES:
		return kind == EXPORT_CASES;
	default:
		return false;
	}
}

/* Whole numbers leave a trace: who (the trail's own columns), which
 * ledger, how many rows, where. */
static enum db_status log_full_export(struct reg *r, enum export_kind kind, long rows, const char *file)
{
	struct kv kv = { 0 };
	char n[24];
	snprintf(n, sizeof n, "%ld", rows);
	kv_set(&kv, "ledger", ledger_names[kind]);
	kv_set(&kv, "rows", n);
	kv_set(&kv, "file", file ? file : "-");
	kv_set(&kv, "full", "1");
	char *what = kv_to_json(&kv);
	enum db_status s = reg_audit_export(r, what);
	x_free(&what);
	kv_free(&kv);
	return s;
}

enum db_status reg_export_allow(struct reg *r, enum export_kind kind, bool full)
{
	if (may_export(&r->acc, kind, full))
		return DB_OK;
	struct strbuf who = STRBUF_INIT;
	for (int role = ROLE_DIRECTOR; role < ROLES; role++) {
		struct access a = { .role = (enum role)role };
		if (may_export(&a, kind, full))
			sb_addf(&who, "%s%s", who.len ? _("、") : "", role_name((enum role)role));
	}
	snprintf(r->refusal, sizeof r->refusal, _("Only %s may %s."), who.buf ? who.buf : "-",
		 full ? perm_what(P_EXPORT_FULL) : _("export this ledger"));
	sb_free(&who);
	return DB_ERR_DENIED;
}

enum db_status export_csv(struct reg *r, FILE *out, enum export_kind kind, const struct export_opts *o,
			  const char *today, long *rows)
{
	*rows = 0;
	enum db_status allowed = reg_export_allow(r, kind, o->full);
	if (allowed != DB_OK)
		return allowed;
	struct writer w = { csv_writer_open(out, o->encoding == CSV_UTF8 ? CSV_UTF8 : CSV_GB18030), o->full, kind, 0 };
	if (!w.cw)
		return DB_ERR_SQL;
	enum db_status s = DB_OK;
	switch (kind) {
	case EXPORT_HOUSEHOLDS: {
		static const char *const head[] = { EXPORT_COLUMNS };
		put_row(&w, head, EXPORT_NCOLUMNS);
		s = db_export_residents(r->db, r->show_sensitive, resident_row, &w);
		break;
	}
	case EXPORT_VISITS: {
		static const char *const head[] = { "日期", "门牌", "户主", "方式", "目的", "走访人", "走访对象",
			"情况记录", "诉求", "必报事项", "需要跟进", "下次走访" };
		put_row(&w, head, VISIT_EXPORT_NCOLUMNS);
		s = db_export_visits(r->db, plain_row, &w);
		break;
	}
	case EXPORT_CASES: {
		static const char *const head[] = { "案号", "受理日期", "来源", "纠纷类型", "状态", "申请人",
			"被申请人", "调解员", "纠纷简要情况" };
		put_row(&w, head, CASE_EXPORT_NCOLUMNS);
		s = db_export_cases(r->db, plain_row, &w);
		break;
	}
	case EXPORT_MEETINGS: {
		static const char *const head[] = { "日期", "类型", "主题", "地点", "状态", "应到", "实到" };
		put_row(&w, head, MEETING_EXPORT_NCOLUMNS);
		s = db_export_meetings(r->db, plain_row, &w);
		break;
	}
	case EXPORT_MONTH: {
		/* The statistics screen's report, section by section. */
		struct month_report m;
		char month[8];
		snprintf(month, sizeof month, "%.7s", o->month ? o->month : today);
		s = reg_month_report(r, month, today, &m);
		if (s == DB_OK)
			month_report_csv(&m, w.cw, &w.rows);
		month_report_free(&m);
		break;
	}
	}
	if (!csv_writer_close(&w.cw))
		s = DB_ERR_CANTOPEN;
	*rows = w.rows;
	return s == DB_OK && o->full ? log_full_export(r, kind, w.rows, o->file) : s;
}
