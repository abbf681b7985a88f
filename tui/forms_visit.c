/* tui/forms_visit.c - logging and editing a home visit.  Its fields come
 * from the visit's table in core/model.c; the must-report items of the
 * committee's vocabulary are one yes/no field each. */
#include "forms.h"

#include "app.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vctx {
	int64_t household_id;
	int64_t follows;          /* the visit whose follow-up this one does */
	struct vocab *reports;    /* must-report items: one yes/no field each */
	int n_reports;
};

static void free_vctx(void *p)
{
	struct vctx *c = p;
	vocab_free(&c->reports, &c->n_reports);
	x_free(&c);
}

static void report_key(char *buf, size_t size, int64_t id)
{
	snprintf(buf, size, "report.%lld", (long long)id);
}

/* The residents of the household as the choices of "resident". */
static void load_residents(struct app *app, struct form *f, int64_t hh)
{
	struct household h;
	struct ffield *ff = form_field(f, "resident");
	if (!ff || !hh || reg_household(&app->reg, hh, &h) != DB_OK)
		return;
	const char **names = x_calloc((size_t)(h.n_members > 0 ? h.n_members : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(h.n_members > 0 ? h.n_members : 1), sizeof *ids);
	for (int i = 0; i < h.n_members; i++) {
		names[i] = h.members[i].name;
		ids[i] = h.members[i].id;
	}
	form_set_choices(ff, names, ids, h.n_members);
	x_free(&names);
	x_free(&ids);
	household_free(&h);
}

static void rec_from(const struct form *f, struct visit_rec *v)
{
	const struct vctx *c = f->ctx;
	visit_rec_init(v);
	v->id = f->record_id;
	v->version = f->version;
	v->household_id = c->household_id;
	formrec_store(f, v, visit_fields, visit_field_count, "");
	v->reports = x_calloc((size_t)(c->n_reports > 0 ? c->n_reports : 1), sizeof *v->reports);
	for (int i = 0; i < c->n_reports; i++) {
		char key[48];
		report_key(key, sizeof key, c->reports[i].id);
		if (form_yes(f, key) > 0)
			v->reports[v->n_reports++] = c->reports[i].id;
	}
}

static void visit_check_form(struct app *app, struct form *f, bool saving)
{
	struct vctx *c = f->ctx;
	struct visit_rec v;
	struct check k;
	rec_from(f, &v);
	visit_check(&v, app->today, &k);
	form_set(f, "visit_date", v.visit_date);
	form_set(f, "next_visit_date", v.next_visit_date);
	forms_put(f, &k, "", NULL);
	if (saving && !c->household_id)
		form_msg(f, "household", _("Choose the household visited."), false);
	check_free(&k);
	visit_rec_free(&v);
}

static enum db_status visit_save_form(struct app *app, struct form *f)
{
	struct vctx *c = f->ctx;
	struct visit_rec v;
	struct check k;
	rec_from(f, &v);
	visit_check(&v, app->today, &k); /* the dates in ISO form */
	check_free(&k);
	enum db_status s = reg_visit_save(&app->reg, &v);
	if (s == DB_OK) {
		if (c->follows && c->follows != v.id)
			reg_visit_followed(&app->reg, c->follows);
		app_message(app, false, _("Visit saved: %s."), v.visit_date);
		f->version = v.version;
	}
	visit_rec_free(&v);
	return s;
}

static enum db_status visit_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct visit_rec v;
	visit_rec_init(&v);
	enum db_status s = reg_visit(&app->reg, f->record_id, &v);
	if (s == DB_OK) {
		formrec_kv(f, &v, visit_fields, visit_field_count, "", now);
		*version = v.version;
	}
	visit_rec_free(&v);
	return s;
}

static void add_hit(struct link_hit *hit, const struct hh_row *row)
{
	char *addr = hh_address(row);
	hit->id = row->key.id;
	hit->label = x_asprintf("%s  %s", addr, row->head);
	x_free(&addr);
}

/* The households a search finds, best first (at most 50). */
static int found_households(struct app *app, const struct hh_filter *flt, struct link_hit *hits, int max)
{
	struct search_result res;
	if (reg_search(&app->reg, flt, &res) != DB_OK)
		return 0;
	int64_t ids[50];
	int k = res.n < 50 ? res.n : 50, n = 0;
	for (int i = 0; i < k; i++)
		ids[i] = res.items[i].household_id;
	search_result_free(&res);
	struct hh_row rows[50];
	if (reg_rows(&app->reg, ids, k, rows, &n) != DB_OK)
		return 0;
	for (int i = 0; i < n; i++) {
		if (i < max)
			add_hit(&hits[i], &rows[i]);
		hh_row_free(&rows[i]);
	}
	return n < max ? n : max;
}

/* The household field of a visit logged from the visit list. */
static int household_search(struct app *app, struct form *f, const char *key, const char *query,
			    struct link_hit *hits, int max)
{
	(void)f;
	(void)key;
	struct hh_filter flt;
	memset(&flt, 0, sizeof flt);
	reg_filter(&app->reg, query, &flt);
	if (flt.kind == HH_TEXT || flt.kind == HH_DIGITS)
		return found_households(app, &flt, hits, max);
	struct hh_row rows[50];
	int n = 0;
	if (reg_page(&app->reg, &flt, NULL, 1, false, 50 < max ? 50 : max, rows, &n) != DB_OK)
		return 0;
	for (int i = 0; i < n; i++) {
		add_hit(&hits[i], &rows[i]);
		hh_row_free(&rows[i]);
	}
	return n;
}

static void household_pick(struct app *app, struct form *f, const char *key, const struct link_hit *hit)
{
	(void)key;
	struct vctx *c = f->ctx;
	c->household_id = hit->id;
	load_residents(app, f, hit->id);
	form_set(f, "resident", "");
}

static const struct form_ops visit_ops = {
	.check = visit_check_form,
	.save = visit_save_form,
	.fetch = visit_fetch,
	.link_search = household_search,
	.link_pick = household_pick,
	.closed = forms_saved,
	.free_ctx = free_vctx,
};

static const char *const visit_head[] = { "visit_date", "staff", "method", "purpose", "resident", "findings",
	"needs", NULL };

/* The must-report items, one yes/no field each, named by the item. */
static void add_reports(struct app *app, struct form *f, const struct visit_rec *v)
{
	struct vctx *c = f->ctx;
	reg_vocab(&app->reg, VOCAB_REPORT, false, &c->reports, &c->n_reports);
	for (int i = 0; i < c->n_reports; i++) {
		char key[48];
		report_key(key, sizeof key, c->reports[i].id);
		/* The label is the item's own name (data, not a msgid). */
		struct field_def rd = { key, c->reports[i].name, FK_YESNO, 1, false, NULL };
		form_add(f, &rd);
		bool on = false;
		for (int k = 0; k < v->n_reports; k++)
			on |= v->reports[k] == c->reports[i].id;
		form_set_yes(f, key, on);
	}
}

/* The form's title: the household visited, when it is known. */
static char *visit_title(struct app *app, int64_t household_id, int64_t id)
{
	if (!household_id)
		return x_strdup(_("Log a visit"));
	struct hh_row row;
	if (reg_row(&app->reg, household_id, &row) != DB_OK) {
		app_message(app, true, "%s", _("This household was deleted by another session."));
		return NULL;
	}
	char *addr = hh_address(&row);
	char *title = x_asprintf(id ? _("Edit visit: %s %s") : _("Log a visit: %s %s"), addr, row.head);
	x_free(&addr);
	hh_row_free(&row);
	return title;
}

static void visit_fields_of(struct app *app, struct form *f, const struct visit_rec *v, bool editing)
{
	struct vctx *c = f->ctx;
	if (!c->household_id) {
		struct field_def hd = { "household", N_("Household"), FK_LINK, 0, true, NULL };
		form_add(f, &hd);
	}
	formrec_add(app, f, visit_fields, visit_field_count, "", visit_head);
	add_reports(app, f, v);
	static const char *const tail[] = { "follow_up", "follow_up_done", "next_visit_date", NULL };
	static const char *const new_tail[] = { "follow_up", "next_visit_date", NULL };
	formrec_add(app, f, visit_fields, visit_field_count, "", editing ? tail : new_tail);
	load_residents(app, f, c->household_id);
}

void forms_visit(struct app *app, int64_t household_id, int64_t id, int64_t follows)
{
	struct visit_rec v;
	visit_rec_init(&v);
	if (id && reg_visit(&app->reg, id, &v) != DB_OK) {
		app_message(app, true, "%s", _("This visit was deleted by another session."));
		visit_rec_free(&v);
		return;
	}
	if (id)
		household_id = v.household_id;
	char *title = visit_title(app, household_id, id);
	if (!title) {
		visit_rec_free(&v);
		return;
	}
	struct vctx *c = x_calloc(1, sizeof *c);
	c->household_id = household_id;
	c->follows = follows;
	struct form *f = form_new(&visit_ops, c, title);
	x_free(&title);
	f->record_id = id;
	f->parent_id = household_id;
	f->version = v.version;
	char draft[48];
	snprintf(draft, sizeof draft, "visit:%lld", (long long)household_id);
	form_keep_drafts(f, id ? "visit" : draft);
	visit_fields_of(app, f, &v, id != 0);
	if (id) {
		formrec_load(f, &v, visit_fields, visit_field_count, "");
	} else {
		form_set(f, "visit_date", app->today);
		form_set_id(f, "staff", reg_staff_of_user(&app->reg));
		form_set_id(f, "method", 1);
		form_set(f, "purpose", follows ? "回访" : "");
		form_set_yes(f, "follow_up", 0);
	}
	visit_rec_free(&v);
	form_open(app, f);
}
