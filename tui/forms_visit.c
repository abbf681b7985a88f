/* tui/forms_visit.c - logging and editing a home visit. */
#include "forms.h"

#include "app.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vctx {
	int64_t household_id;
	int64_t follows;          /* the visit whose follow-up this one does */
	struct vocab *reports;    /* must-report items: one yes/no field each */
	int n_reports;
	char draft[48];
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

static int64_t id_of(struct form *f, const char *key)
{
	struct ffield *ff = form_field(f, key);
	return ff ? ff->link_id : 0;
}

static bool yes(const struct form *f, const char *key)
{
	const char *v = form_get(f, key);
	return v && strcmp(v, "是") == 0;
}

static void rec_from(const struct form *cf, struct visit_rec *v)
{
	struct form *f = (struct form *)cf;
	struct vctx *c = f->ctx;
	visit_rec_init(v);
	v->id = f->record_id;
	v->version = f->version;
	v->household_id = c->household_id;
	v->staff_id = id_of(f, "staff");
	v->method_id = id_of(f, "method");
	v->purpose_id = id_of(f, "purpose");
	v->resident_id = id_of(f, "resident");
	char **texts[] = { &v->visit_date, &v->findings, &v->needs, &v->next_visit_date };
	const char *keys[] = { "visit_date", "findings", "needs", "next_visit_date" };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++) {
		x_free(texts[i]);
		*texts[i] = x_strdup(form_get(f, keys[i]));
	}
	v->follow_up = yes(f, "follow_up");
	v->follow_up_done = yes(f, "follow_up_done");
	v->reports = x_calloc((size_t)(c->n_reports > 0 ? c->n_reports : 1), sizeof *v->reports);
	for (int i = 0; i < c->n_reports; i++) {
		char key[48];
		report_key(key, sizeof key, c->reports[i].id);
		if (yes(f, key))
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
	for (int i = 0; i < k.n; i++)
		form_msg(f, k.items[i].field, k.items[i].message, k.items[i].warning);
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
		kv_set(now, "visit_date", v.visit_date);
		kv_set(now, "staff", forms_name_of(f, "staff", v.staff_id));
		kv_set(now, "method", forms_name_of(f, "method", v.method_id));
		kv_set(now, "purpose", forms_name_of(f, "purpose", v.purpose_id));
		kv_set(now, "resident", forms_name_of(f, "resident", v.resident_id));
		kv_set(now, "findings", v.findings);
		kv_set(now, "needs", v.needs);
		kv_set(now, "next_visit_date", v.next_visit_date);
		kv_set(now, "follow_up", v.follow_up ? "是" : "否");
		kv_set(now, "follow_up_done", v.follow_up_done ? "是" : "否");
		*version = v.version;
	}
	visit_rec_free(&v);
	return s;
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
	int n = 0;
	if (flt.kind == HH_TEXT || flt.kind == HH_DIGITS) {
		struct search_result res;
		if (reg_search(&app->reg, &flt, &res) != DB_OK)
			return 0;
		int64_t ids[50];
		int k = res.n < 50 ? res.n : 50;
		for (int i = 0; i < k; i++)
			ids[i] = res.items[i].household_id;
		search_result_free(&res);
		struct hh_row rows[50];
		if (reg_rows(&app->reg, ids, k, rows, &n) != DB_OK)
			return 0;
		for (int i = 0; i < n && i < max; i++) {
			char *addr = hh_address(&rows[i]);
			hits[i].id = rows[i].key.id;
			hits[i].label = x_asprintf("%s  %s", addr, rows[i].head);
			x_free(&addr);
		}
		for (int i = 0; i < n; i++)
			hh_row_free(&rows[i]);
		return n < max ? n : max;
	}
	struct hh_row rows[50];
	if (reg_page(&app->reg, &flt, NULL, 1, false, 50 < max ? 50 : max, rows, &n) != DB_OK)
		return 0;
	for (int i = 0; i < n; i++) {
		char *addr = hh_address(&rows[i]);
		hits[i].id = rows[i].key.id;
		hits[i].label = x_asprintf("%s  %s", addr, rows[i].head);
		x_free(&addr);
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

static void visit_closed(struct app *app, struct form *f, bool saved)
{
	(void)f;
	if (saved)
		app_data_changed(app);
}

static const struct form_ops visit_ops = {
	.check = visit_check_form,
	.save = visit_save_form,
	.fetch = visit_fetch,
	.link_search = household_search,
	.link_pick = household_pick,
	.closed = visit_closed,
	.free_ctx = free_vctx,
};

static const struct field_def visit_defs[] = {
	{ "visit_date",      N_("Visit date"),     FK_DATE,   16,   true,  NULL },
	{ "staff",           N_("Staff"),          FK_SELECT, 0,    true,  NULL },
	{ "method",          N_("Method"),         FK_SELECT, 0,    true,  NULL },
	{ "purpose",         N_("Purpose"),        FK_SELECT, 0,    true,  NULL },
	{ "resident",        N_("Resident"),       FK_SELECT, 0,    false, NULL },
	{ "findings",        N_("Findings"),       FK_AREA,   2000, false, NULL },
	{ "needs",           N_("Needs raised"),   FK_AREA,   1000, false, NULL },
};
static const struct field_def visit_tail[] = {
	{ "follow_up",       N_("Follow-up"),      FK_YESNO,  1,    false, NULL },
	{ "follow_up_done",  N_("Followed up"),    FK_YESNO,  1,    false, NULL },
	{ "next_visit_date", N_("Next visit"),     FK_DATE,   16,   false, NULL },
};

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
	char *title;
	if (household_id) {
		struct hh_row row;
		if (reg_row(&app->reg, household_id, &row) != DB_OK) {
			app_message(app, true, "%s", _("This household was deleted by another session."));
			visit_rec_free(&v);
			return;
		}
		char *addr = hh_address(&row);
		title = x_asprintf(id ? _("Edit visit: %s %s") : _("Log a visit: %s %s"), addr, row.head);
		x_free(&addr);
		hh_row_free(&row);
	} else {
		title = x_strdup(_("Log a visit"));
	}
	struct vctx *c = x_calloc(1, sizeof *c);
	c->household_id = household_id;
	c->follows = follows;
	struct form *f = form_new(&visit_ops, c, title);
	x_free(&title);
	f->record_id = id;
	f->parent_id = household_id;
	f->version = v.version;
	if (id) {
		f->draft_name = "visit";
	} else {
		snprintf(c->draft, sizeof c->draft, "visit:%lld", (long long)household_id);
		f->draft_name = c->draft;
	}
	if (!household_id) {
		struct field_def hd = { "household", N_("Household"), FK_LINK, 0, true, NULL };
		form_add(f, &hd);
	}
	for (size_t i = 0; i < ARRAY_SIZE(visit_defs); i++)
		form_add(f, &visit_defs[i]);
	reg_vocab(&app->reg, VOCAB_REPORT, false, &c->reports, &c->n_reports);
	for (int i = 0; i < c->n_reports; i++) {
		char key[48];
		report_key(key, sizeof key, c->reports[i].id);
		/* The label is the item's own name (data, not a msgid). */
		struct field_def rd = { key, c->reports[i].name, FK_YESNO, 1, false, NULL };
		form_add(f, &rd);
		bool on = false;
		for (int k = 0; k < v.n_reports; k++)
			on |= v.reports[k] == c->reports[i].id;
		form_set(f, key, on ? "是" : "否");
	}
	for (size_t i = 0; i < ARRAY_SIZE(visit_tail); i++)
		if (id || strcmp(visit_tail[i].key, "follow_up_done") != 0)
			form_add(f, &visit_tail[i]);
	forms_vocab(app, f, "staff", VOCAB_STAFF);
	forms_vocab(app, f, "method", VOCAB_METHOD);
	forms_vocab(app, f, "purpose", VOCAB_PURPOSE);
	load_residents(app, f, household_id);
	if (id) {
		form_set(f, "visit_date", v.visit_date);
		form_set(f, "staff", forms_name_of(f, "staff", v.staff_id));
		form_set(f, "method", forms_name_of(f, "method", v.method_id));
		form_set(f, "purpose", forms_name_of(f, "purpose", v.purpose_id));
		form_set(f, "resident", forms_name_of(f, "resident", v.resident_id));
		form_set(f, "findings", v.findings);
		form_set(f, "needs", v.needs);
		form_set(f, "next_visit_date", v.next_visit_date);
		form_set(f, "follow_up", v.follow_up ? "是" : "否");
		form_set(f, "follow_up_done", v.follow_up_done ? "是" : "否");
	} else {
		form_set(f, "visit_date", app->today);
		form_set(f, "staff", forms_name_of(f, "staff", reg_staff_of_user(&app->reg)));
		form_set(f, "method", forms_name_of(f, "method", 1));
		form_set(f, "purpose", follows ? "回访" : "");
		form_set(f, "follow_up", "否");
	}
	visit_rec_free(&v);
	form_open(app, f);
}
