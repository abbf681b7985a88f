/* tui/forms_shared.c - what the forms of cases, meetings and visits
 * share: messages of a check, dates typed in any form, vocabularies as
 * choices, the resident search of a link field, and the form that writes
 * a document to a file. */
#include "forms.h"

#include "app.h"
#include "core/codes.h"
#include "core/date.h"
#include "core/document.h"
#include "core/xalloc.h"
#include "form.h"

#include <stdio.h>
#include <string.h>

void forms_put(struct form *f, const struct check *k, const char *prefix, const char *fallback)
{
	for (int i = 0; i < k->n; i++) {
		char *key = x_asprintf("%s%s", prefix, k->items[i].field);
		if (form_field(f, key))
			form_msg(f, key, k->items[i].message, k->items[i].warning);
		else if (fallback)
			form_msg(f, fallback, k->items[i].message, k->items[i].warning);
		x_free(&key);
	}
}

void forms_saved(struct app *app, struct form *f, bool saved)
{
	(void)f;
	if (saved)
		app_data_changed(app);
}

void forms_drafts_under(struct form *f, const char *kind, int64_t parent)
{
	char name[64];
	snprintf(name, sizeof name, "%s:%lld", kind, (long long)parent);
	form_keep_drafts(f, name);
}

enum db_status forms_checked(struct form *f, enum db_status s, const struct check *k, const char *fallback)
{
	if (s != DB_OK || check_ok(k))
		return s;
	forms_put(f, k, "", fallback);
	return DB_ERR_SQL; /* refused, with the reasons on the fields */
}

void forms_date(struct app *app, struct form *f, const char *key)
{
	if (!form_field(f, key))
		return;
	const char *d = form_get(f, key);
	char iso[11];
	const char *err;
	if (*d && (err = date_parse_input(d, app->today, iso)))
		form_msg(f, key, _(err), false);
	else if (*d)
		form_set(f, key, iso);
}

void forms_vocab(struct app *app, struct form *f, const char *key, enum vocab_kind kind)
{
	struct vocab *v;
	int n;
	struct ffield *ff = form_field(f, key);
	if (!ff || reg_vocab(&app->reg, kind, false, &v, &n) != DB_OK)
		return;
	const char **names = x_calloc((size_t)(n > 0 ? n : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	for (int i = 0; i < n; i++) {
		names[i] = v[i].name;
		ids[i] = v[i].id;
	}
	form_set_choices(ff, names, ids, n);
	x_free(&names);
	x_free(&ids);
	vocab_free(&v, &n);
}

int forms_resident_search(struct app *app, struct form *f, const char *key, const char *query,
			  struct link_hit *hits, int max)
{
	(void)f;
	(void)key;
	struct hh_filter flt;
	memset(&flt, 0, sizeof flt);
	reg_filter(&app->reg, query, &flt);
	if (flt.kind != HH_TEXT && flt.kind != HH_DIGITS)
		return 0;
	struct search_result res;
	if (reg_search(&app->reg, &flt, &res) != DB_OK)
		return 0;
	int n = 0;
	for (int i = 0; i < res.n && n < max && n < 50; i++) {
		const struct found *fd = &res.items[i];
		if (!fd->resident_id || fd->former)
			continue;
		struct hh_row row;
		if (reg_row(&app->reg, fd->household_id, &row) != DB_OK)
			continue;
		char *addr = hh_address(&row);
		hits[n].id = fd->resident_id;
		hits[n].label = x_asprintf("%s（%s）  %s", fd->name, relation_word(fd->relation), addr);
		x_free(&addr);
		hh_row_free(&row);
		n++;
	}
	search_result_free(&res);
	return n;
}

/* ---- writing a document ---- */

static const char *const formats[] = { "HTML", "文本", NULL };

struct pctx {
	const char *const *kinds;
	char **names, **records;  /* per kind: the file's name, whose it is */
	char *proposed;           /* the file juwei last proposed */
	forms_doc_fn make;
	int64_t id;
};

static void free_pctx(void *p)
{
	struct pctx *c = p;
	for (int k = 0; c->kinds[k]; k++) {
		x_free(&c->names[k]);
		x_free(&c->records[k]);
	}
	x_free(&c->names);
	x_free(&c->records);
	x_free(&c->proposed);
	x_free(&c);
}

static int kind_index(const struct pctx *c, const char *kind)
{
	for (int k = 0; c->kinds[k]; k++)
		if (strcmp(c->kinds[k], kind) == 0)
			return k;
	return 0;
}

/* The file juwei proposes for document k: under the documents
 * directory, by its name and the format, never another record's file. */
static char *doc_path(struct app *app, const struct pctx *c, int k, const char *format)
{
	char *dir = forms_documents_dir();
	char *path = x_asprintf("%s/%s.%s", dir, c->names[k], strcmp(format, "HTML") == 0 ? "html" : "txt");
	char *free_path = reg_doc_path(&app->reg, path, c->records[k], c->kinds[k]);
	x_free(&dir);
	x_free(&path);
	return free_path;
}

static void print_check(struct app *app, struct form *f, bool saving)
{
	struct pctx *c = f->ctx;
	/* Another document or format: a file name juwei proposed follows;
	 * one the clerk typed stays. */
	char *want = doc_path(app, c, kind_index(c, form_get(f, "kind")), form_get(f, "format"));
	if (c->proposed && strcmp(c->proposed, form_get(f, "file")) == 0 && strcmp(c->proposed, want) != 0) {
		form_set(f, "file", want);
		x_free(&c->proposed);
		c->proposed = want;
		want = NULL;
	}
	x_free(&want);
	if (saving && !*form_get(f, "file"))
		form_msg(f, "file", _("This field is required."), false);
}

static enum db_status print_save(struct app *app, struct form *f)
{
	struct pctx *c = f->ctx;
	int kind = kind_index(c, form_get(f, "kind"));
	struct doc *d = c->make(app, c->id, kind);
	if (!d) {
		form_msg(f, "kind", _("This record was deleted by another session."), false);
		return DB_ERR_NOTFOUND;
	}
	char *text = strcmp(form_get(f, "format"), "HTML") == 0 ? doc_html(d) : doc_text(d, 72);
	doc_free(&d);
	char *written = NULL;
	enum db_status s = reg_doc_write(&app->reg, form_get(f, "file"), text, c->records[kind], c->kinds[kind],
					 &written);
	x_free(&text);
	if (s != DB_OK) {
		form_msg(f, "file", _("Cannot write this file (no such directory, or no permission)."), false);
		return DB_ERR_CANTOPEN;
	}
	if (strcmp(written, form_get(f, "file")) != 0) /* a file of another record was there */
		app_message(app, false, _("Written to %s (a file of that name holds another record: it was kept)."),
			    written);
	else
		app_message(app, false, _("Written to %s."), written);
	x_free(&written);
	return DB_OK;
}

static const struct form_ops print_ops = {
	.check = print_check,
	.save = print_save,
	.free_ctx = free_pctx,
};

void forms_print(struct app *app, const char *title, const char *const *kinds, const char *const *names,
		 const char *const *records, forms_doc_fn make, int64_t id)
{
	struct pctx *c = x_calloc(1, sizeof *c);
	int n = 0;
	while (kinds[n])
		n++;
	c->kinds = kinds;
	c->names = x_calloc((size_t)n + 1, sizeof *c->names);
	c->records = x_calloc((size_t)n + 1, sizeof *c->records);
	for (int k = 0; k < n; k++) {
		c->names[k] = x_strdup(names[k]);
		c->records[k] = x_strdup(records[k]);
	}
	c->make = make;
	c->id = id;
	char *t = x_asprintf(_("Print: %s"), title);
	struct form *f = form_new(&print_ops, c, t);
	x_free(&t);
	struct field_def kd = { "kind", N_("Document"), FK_SELECT, 0, true, kinds };
	struct field_def fd = { "format", N_("Format"), FK_SELECT, 0, true, formats };
	struct field_def pd = { "file", N_("File"), FK_TEXT, 240, true, NULL };
	form_add(f, &kd);
	form_add(f, &fd);
	form_add(f, &pd);
	form_set(f, "kind", kinds[0]);
	form_set(f, "format", formats[0]);
	c->proposed = doc_path(app, c, 0, formats[0]);
	form_set(f, "file", c->proposed);
	form_open(app, f);
}
