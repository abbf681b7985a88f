/* tui/forms.c - households, members, moving out, death, head, tags.
 *
 * Each form is a field table and a few operations; tui/form.c does the
 * editing and core/household.c the checking and saving. */
#include "forms.h"

#include "app.h"
#include "core/date.h"
#include "core/household.h"
#include "core/mediation.h"
#include "core/meeting.h"
#include "core/settings.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What every register form keeps beside its fields. */
struct ctx {
	char kind[16];       /* tags: "household" or "resident" */
	int64_t member;      /* make-head: the new head */
	/* Birth date and sex the form filled in from the ID number: they
	 * follow the number when it is corrected. */
	char auto_birth[16], auto_sex[8];
};

static const char *pkey(char *buf, size_t size, const char *prefix, const char *key)
{
	snprintf(buf, size, "%s%s", prefix, key);
	return buf;
}

/* Before a check: drop what an earlier ID number filled in. */
static void forget_autofill(struct form *f, const char *prefix, bool *birth_empty, bool *sex_empty)
{
	struct ctx *c = f->ctx;
	char kb[64], ks[64];
	pkey(kb, sizeof kb, prefix, "birth_date");
	pkey(ks, sizeof ks, prefix, "sex");
	if (*c->auto_birth && strcmp(form_get(f, kb), c->auto_birth) == 0)
		form_set(f, kb, "");
	if (*c->auto_sex && strcmp(form_get(f, ks), c->auto_sex) == 0)
		form_set(f, ks, "");
	*birth_empty = !*form_get(f, kb);
	*sex_empty = !*form_get(f, ks);
}

/* After a check: remember what it filled in from the ID number. */
static void note_autofill(struct form *f, const char *prefix, bool birth_empty, bool sex_empty)
{
	struct ctx *c = f->ctx;
	char kb[64], ks[64];
	snprintf(c->auto_birth, sizeof c->auto_birth, "%s",
		 birth_empty ? form_get(f, pkey(kb, sizeof kb, prefix, "birth_date")) : "");
	snprintf(c->auto_sex, sizeof c->auto_sex, "%s",
		 sex_empty ? form_get(f, pkey(ks, sizeof ks, prefix, "sex")) : "");
}

static void free_ctx(void *p)
{
	struct ctx *c = p;
	x_free(&c);
}

static struct form *new_form(const struct form_ops *ops, const char *title)
{
	return form_new(ops, x_calloc(1, sizeof(struct ctx)), title);
}

/* After a save, the lists and the detail show it. */
/* ---- household ---- */

/* The household's fields on its form, after the dwelling picker. */
static const char *const household_keys[] = { "compound", "building", "unit", "room", "grid", "tenure", "kind",
	"phone", "reg_no", "notes", NULL };

/* The head's fields on a new household's form. */
static const struct { const char *key; const char *label; } head_defs[] = {
	{ "name", N_("Head's name") }, { "id_number", N_("ID number") }, { "sex", NULL },
	{ "birth_date", NULL }, { "ethnicity", NULL }, { "phone", N_("Head's phone") },
	{ "residence_type", NULL },
};

static void household_rec_from(const struct form *f, struct household_rec *h)
{
	household_rec_init(h);
	formrec_store(f, h, household_fields, household_field_count, "");
	h->id = f->record_id;
	h->version = f->version;
	const char *read = kv_get(&f->orig, "tenure");
	if (h->id)
		h->tenure_read = x_strdup(read ? read : "");
}

static void head_rec_from(const struct form *f, struct resident_rec *r)
{
	resident_rec_init(r);
	formrec_store(f, r, resident_fields, resident_field_count, "head.");
	resident_rec_set(r, "relation", "户主");
}

static void household_check_form(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct household_rec h;
	struct check c;
	household_rec_from(f, &h);
	household_check(&h, &c);
	formrec_load(f, &h, household_fields, household_field_count, "");
	forms_put(f, &c, "", "compound");
	check_free(&c);
	household_rec_free(&h);
	if (f->record_id)
		return;
	struct resident_rec r;
	bool be, se;
	forget_autofill(f, "head.", &be, &se);
	head_rec_from(f, &r);
	head_check(&app->reg, &r, app->today, &c);
	formrec_load(f, &r, resident_fields, resident_field_count, "head.");
	note_autofill(f, "head.", be, se);
	forms_put(f, &c, "head.", "head.name");
	check_free(&c);
	resident_rec_free(&r);
}

static enum db_status household_save(struct app *app, struct form *f)
{
	struct household_rec h;
	struct resident_rec r;
	household_rec_from(f, &h);
	household_check_form(app, f, true); /* normalised values once more */
	household_rec_free(&h);
	household_rec_from(f, &h);
	enum db_status s;
	if (f->record_id) {
		s = reg_household_save(&app->reg, &h, NULL);
	} else {
		struct check c;
		head_rec_from(f, &r);
		head_check(&app->reg, &r, app->today, &c); /* fills the defaults */
		check_free(&c);
		s = reg_household_save(&app->reg, &h, &r);
		resident_rec_free(&r);
	}
	if (s == DB_OK) {
		char *addr = address_text(h.compound, h.building, h.unit, h.room);
		app_message(app, false, _("Saved: %s."), addr);
		x_free(&addr);
		f->version = h.version;
	}
	household_rec_free(&h);
	return s;
}

static enum db_status household_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct household_rec h;
	household_rec_init(&h);
	enum db_status s = reg_household_rec(&app->reg, f->record_id, &h);
	if (s == DB_OK) {
		formrec_kv(f, &h, household_fields, household_field_count, "", now);
		*version = h.version;
	}
	household_rec_free(&h);
	return s;
}

static int dwelling_search(struct app *app, struct form *f, const char *key, const char *query,
			   struct link_hit *hits, int max)
{
	(void)f;
	(void)key;
	struct dwelling_hit *d;
	int n;
	if (reg_dwellings(&app->reg, query, max, &d, &n) != DB_OK)
		return 0;
	for (int i = 0; i < n; i++) {
		hits[i].id = d[i].id;
		char *addr = address_text(d[i].compound, d[i].building, d[i].unit, d[i].room);
		hits[i].label = x_asprintf("%s  %s", addr, d[i].grid);
		x_free(&addr);
	}
	int found = n < max ? n : max;
	dwelling_hits_free(&d, &n); /* zeroes n */
	return found;
}

/* A picked dwelling fills the address (and shows its grid). */
static void dwelling_pick(struct app *app, struct form *f, const char *key, const struct link_hit *hit)
{
	(void)key;
	struct dwelling_hit *d;
	int n;
	/* Find it again by the address part of its label. */
	char *q = x_strdup(hit->label);
	char *sp = strstr(q, "  ");
	if (sp)
		*sp = '\0';
	if (reg_dwellings(&app->reg, q, 50, &d, &n) == DB_OK) {
		for (int i = 0; i < n; i++)
			if (d[i].id == hit->id) {
				form_set(f, "compound", d[i].compound);
				form_set(f, "building", d[i].building);
				form_set(f, "unit", d[i].unit);
				form_set(f, "room", d[i].room);
				form_set(f, "grid", d[i].grid);
			}
		dwelling_hits_free(&d, &n);
	}
	x_free(&q);
}

static const struct form_ops household_ops = {
	.check = household_check_form,
	.save = household_save,
	.fetch = household_fetch,
	.link_search = dwelling_search,
	.link_pick = dwelling_pick,
	.closed = forms_saved,
	.free_ctx = free_ctx,
};

void forms_household(struct app *app, int64_t id)
{
	struct household_rec h;
	household_rec_init(&h);
	if (id && reg_household_rec(&app->reg, id, &h) != DB_OK) {
		app_message(app, true, "%s", _("This household was deleted by another session."));
		household_rec_free(&h);
		return;
	}
	char *addr = address_text(h.compound, h.building, h.unit, h.room);
	char *title = id ? x_asprintf(_("Edit household: %s"), addr) : x_strdup(_("New household"));
	x_free(&addr);
	struct form *f = new_form(&household_ops, title);
	x_free(&title);
	form_keep_drafts(f, "household");
	f->record_id = id;
	f->version = h.version;
	struct field_def dd = { "dwelling", N_("Pick a dwelling"), FK_LINK, 0, false, NULL };
	form_add(f, &dd);
	formrec_add(app, f, household_fields, household_field_count, "", household_keys);
	form_field(f, "grid")->readonly = true;
	if (!id) {
		for (size_t i = 0; i < ARRAY_SIZE(head_defs); i++)
			formrec_add_field(app, f, rec_field_by_key(resident_fields, resident_field_count, head_defs[i].key),
					  "head.", head_defs[i].label);
		form_set(f, "kind", "户籍户");
		form_set(f, "head.residence_type", "户籍在住");
		form_set(f, "head.ethnicity", "汉族");
	} else {
		formrec_load(f, &h, household_fields, household_field_count, "");
	}
	household_rec_free(&h);
	form_open(app, f);
}

/* ---- member ---- */

static void member_rec_from(const struct form *f, struct resident_rec *r)
{
	resident_rec_init(r);
	formrec_store(f, r, resident_fields, resident_field_count, "");
	r->id = f->record_id;
	r->household_id = f->parent_id;
	r->version = f->version;
}

static void member_check_form(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct resident_rec r;
	struct check c;
	bool be, se;
	forget_autofill(f, "", &be, &se);
	member_rec_from(f, &r);
	member_check(&app->reg, &r, app->today, &c);
	formrec_load(f, &r, resident_fields, resident_field_count, "");
	note_autofill(f, "", be, se);
	forms_put(f, &c, "", "name");
	check_free(&c);
	resident_rec_free(&r);
}

static enum db_status member_save(struct app *app, struct form *f)
{
	struct resident_rec r;
	member_rec_from(f, &r);
	enum db_status s = reg_member_save(&app->reg, &r);
	if (s == DB_OK) {
		app_message(app, false, _("Saved: %s."), r.name);
		f->version = r.version;
	}
	resident_rec_free(&r);
	return s;
}

static enum db_status member_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct resident_rec r;
	resident_rec_init(&r);
	enum db_status s = reg_resident(&app->reg, f->record_id, &r);
	if (s == DB_OK) {
		formrec_kv(f, &r, resident_fields, resident_field_count, "", now);
		*version = r.version;
	}
	resident_rec_free(&r);
	return s;
}

static const struct form_ops member_ops = {
	.check = member_check_form,
	.save = member_save,
	.fetch = member_fetch,
	.closed = forms_saved,
	.free_ctx = free_ctx,
};

void forms_member(struct app *app, int64_t household_id, int64_t id)
{
	struct resident_rec r;
	resident_rec_init(&r);
	if (id && reg_resident(&app->reg, id, &r) != DB_OK) {
		app_message(app, true, "%s", _("This member was deleted by another session."));
		resident_rec_free(&r);
		return;
	}
	if (id)
		household_id = r.household_id;
	char *title = id ? x_asprintf(_("Edit member: %s"), r.name) : x_strdup(_("New member"));
	struct form *f = new_form(&member_ops, title);
	x_free(&title);
	f->record_id = id;
	f->parent_id = household_id;
	f->version = r.version;
	/* Drafts of new members are kept per household. */
	char draft[64];
	snprintf(draft, sizeof draft, "member:%lld", (long long)household_id);
	form_keep_drafts(f, id ? "member" : draft);
	formrec_add(app, f, resident_fields, resident_field_count, "", NULL);
	if (id) {
		formrec_load(f, &r, resident_fields, resident_field_count, "");
	} else {
		form_set(f, "ethnicity", "汉族");
		form_set(f, "residence_type", "户籍在住");
		form_set(f, "status", "在住");
	}
	resident_rec_free(&r);
	form_open(app, f);
}

/* ---- moving out, death ---- */

static void status_rec_from(struct app *app, const struct form *f, struct resident_rec *r)
{
	resident_rec_init(r);
	reg_resident(&app->reg, f->record_id, r);
	r->version = f->version;
	bool moving = form_field((struct form *)f, "moved_to") != NULL;
	resident_rec_set(r, "status", moving ? "迁出" : "死亡");
	resident_rec_set(r, "status_date", form_get(f, "status_date"));
	if (moving)
		resident_rec_set(r, "moved_to", form_get(f, "moved_to"));
}

static void status_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct resident_rec r;
	struct check c;
	status_rec_from(app, f, &r);
	member_check(&app->reg, &r, app->today, &c);
	form_set(f, "status_date", r.status_date);
	forms_put(f, &c, "", "status_date");
	check_free(&c);
	resident_rec_free(&r);
}

static enum db_status status_save(struct app *app, struct form *f)
{
	struct resident_rec r;
	struct check c;
	status_rec_from(app, f, &r);
	member_check(&app->reg, &r, app->today, &c); /* normalises the date */
	check_free(&c);
	enum db_status s = reg_member_save(&app->reg, &r);
	if (s == DB_OK)
		app_message(app, false, _("Saved: %s, %s %s."), r.name, r.status, r.status_date);
	resident_rec_free(&r);
	return s;
}

static enum db_status status_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct resident_rec r;
	resident_rec_init(&r);
	enum db_status s = reg_resident(&app->reg, f->record_id, &r);
	if (s == DB_OK) {
		kv_set(now, "status_date", r.status_date);
		if (form_field(f, "moved_to"))
			kv_set(now, "moved_to", r.moved_to);
		*version = r.version;
	}
	resident_rec_free(&r);
	return s;
}

static const struct form_ops status_ops = {
	.check = status_check,
	.save = status_save,
	.fetch = status_fetch,
	.closed = forms_saved,
	.free_ctx = free_ctx,
};

static void status_form(struct app *app, int64_t id, bool moving)
{
	struct resident_rec r;
	resident_rec_init(&r);
	if (reg_resident(&app->reg, id, &r) != DB_OK) {
		app_message(app, true, "%s", _("This member was deleted by another session."));
		resident_rec_free(&r);
		return;
	}
	if (strcmp(r.status, "在住") != 0) {
		app_message(app, true, _("%s is already recorded as %s."), r.name, r.status);
		resident_rec_free(&r);
		return;
	}
	char *title = x_asprintf(moving ? _("Moving out: %s") : _("Death: %s"), r.name);
	struct form *f = new_form(&status_ops, title);
	x_free(&title);
	f->record_id = id;
	f->version = r.version;
	struct field_def date = { "status_date", moving ? N_("Moved out on") : N_("Died on"),
				  FK_DATE, 16, true, NULL };
	form_add(f, &date);
	if (moving) {
		struct field_def to = { "moved_to", N_("Moved to"), FK_TEXT, 64, true, NULL };
		form_add(f, &to);
	}
	form_set(f, "status_date", app->today);
	resident_rec_free(&r);
	form_keep_drafts(f, moving ? "move-out" : "death");
	form_open(app, f);
}

void forms_move_out(struct app *app, int64_t id) { status_form(app, id, true); }
void forms_deceased(struct app *app, int64_t id) { status_form(app, id, false); }

/* ---- change of head ---- */

static const char *const old_head_relations[] = { "配偶", "子", "女", "儿媳", "女婿", "孙子女",
	"父母", "岳父母", "公婆", "兄弟姐妹", "其他", NULL };

static void make_head_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	if (saving && !*form_get(f, "old_relation"))
		form_msg(f, "old_relation", _("This field is required."), false);
}

static enum db_status head_save(struct app *app, struct form *f)
{
	struct ctx *c = f->ctx;
	enum db_status s = reg_set_head(&app->reg, f->parent_id, c->member, form_get(f, "old_relation"));
	if (s == DB_OK)
		app_message(app, false, _("%s is now the head of the household."), form_get(f, "new_head"));
	return s;
}

static const struct form_ops head_ops = {
	.check = make_head_check,
	.save = head_save,
	.closed = forms_saved,
	.free_ctx = free_ctx,
};

void forms_make_head(struct app *app, int64_t household_id, int64_t id)
{
	struct resident_rec r;
	resident_rec_init(&r);
	if (reg_resident(&app->reg, id, &r) != DB_OK) {
		app_message(app, true, "%s", _("This member was deleted by another session."));
		resident_rec_free(&r);
		return;
	}
	if (strcmp(r.status, "在住") != 0 || strcmp(r.relation, "户主") == 0) {
		app_message(app, true, strcmp(r.relation, "户主") == 0 ? _("%s is already the head.")
			    : _("%s no longer lives here and cannot be the head."), r.name);
		resident_rec_free(&r);
		return;
	}
	int64_t head = 0;
	char *head_name = NULL;
	reg_household_head(&app->reg, household_id, &head, &head_name);
	struct form *f = new_form(&head_ops, _("Change of head"));
	((struct ctx *)f->ctx)->member = id;
	f->parent_id = household_id;
	struct field_def nh = { "new_head", N_("New head"), FK_TEXT, 32, false, NULL };
	form_add(f, &nh)->readonly = true;
	struct field_def oh = { "old_head", N_("Old head"), FK_TEXT, 32, false, NULL };
	form_add(f, &oh)->readonly = true;
	struct field_def rel = { "old_relation", N_("Old head becomes"), FK_SELECT, 4, true,
				 old_head_relations };
	form_add(f, &rel);
	form_set(f, "new_head", r.name);
	form_set(f, "old_head", head_name ? head_name : "");
	x_free(&head_name);
	resident_rec_free(&r);
	form_open(app, f);
	f->cur = 2;
}

/* ---- tags ---- */

static void tags_check(struct app *app, struct form *f, bool saving)
{
	struct ctx *c = f->ctx;
	struct ffield *tag = form_field(f, "tag");
	if (saving && !tag->link_id)
		form_msg(f, "tag", _("Choose a tag from the list."), false);
	const char *since = form_get(f, "since");
	if (*since) {
		char iso[11];
		const char *err = date_parse_input(since, app->today, iso);
		if (err)
			form_msg(f, "since", _(err), false);
		else if (strcmp(iso, app->today) > 0)
			form_msg(f, "since", _("This date cannot be in the future."), false);
		else
			form_set(f, "since", iso);
	}
	(void)c;
}

/* Is the tag (vocabulary id) held?  Its link id when it is. */
static int64_t held_link(struct app *app, struct form *f, int64_t tag_id, const char *name)
{
	struct ctx *c = f->ctx;
	(void)tag_id;
	struct tag_item *t;
	int n;
	int64_t link = 0;
	if (reg_tag_held(&app->reg, c->kind, f->record_id, &t, &n) != DB_OK)
		return 0;
	for (int i = 0; i < n; i++)
		if (strcmp(t[i].name, name) == 0)
			link = t[i].id;
	tag_items_free(&t, &n);
	return link;
}

static enum db_status tags_save(struct app *app, struct form *f)
{
	struct ctx *c = f->ctx;
	struct ffield *tag = form_field(f, "tag");
	/* The list shows "name (held since ...)"; the name comes first. */
	char *name = x_strdup(tag->le.buf);
	char *paren = strstr(name, "（");
	if (paren)
		*paren = '\0';
	bool remove = form_yes(f, "remove") > 0;
	int64_t link = held_link(app, f, tag->link_id, name);
	enum db_status s;
	if (remove) {
		if (!link) {
			form_msg(f, "remove", _("This tag is not held; nothing to remove."), false);
			x_free(&name);
			return DB_ERR_SQL /* with the message on the field */;
		}
		s = reg_tag_remove(&app->reg, c->kind, link);
	} else {
		if (link) {
			form_msg(f, "tag", _("Already held. To remove it, set Remove to 是."), false);
			x_free(&name);
			return DB_ERR_SQL /* with the message on the field */;
		}
		s = reg_tag_add(&app->reg, c->kind, f->record_id, tag->link_id, form_get(f, "since"),
				form_get(f, "note"));
		if (s == DB_ERR_CONFLICT) { /* another session added it meanwhile */
			form_msg(f, "tag", _("Already held. To remove it, set Remove to 是."), false);
			s = DB_ERR_SQL;
		}
	}
	if (s == DB_OK)
		app_message(app, false, remove ? _("Tag removed: %s.") : _("Tag added: %s."), name);
	x_free(&name);
	return s;
}

static const struct form_ops tags_ops = {
	.check = tags_check,
	.save = tags_save,
	.closed = forms_saved,
	.free_ctx = free_ctx,
};

void forms_tags(struct app *app, const char *kind, int64_t owner)
{
	struct tag_item *v, *held;
	int nv, nh;
	if (reg_tag_vocab(&app->reg, kind, &v, &nv) != DB_OK) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		return;
	}
	if (reg_tag_held(&app->reg, kind, owner, &held, &nh) != DB_OK) {
		tag_items_free(&v, &nv);
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		return;
	}
	struct form *f = new_form(&tags_ops, strcmp(kind, "household") == 0 ? _("Tags of the household")
								       : _("Tags of the member"));
	snprintf(((struct ctx *)f->ctx)->kind, sizeof ((struct ctx *)f->ctx)->kind, "%s", kind);
	f->record_id = owner;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	for (int i = 0; i < nh; i++)
		sb_addf(&sb, "%s%s%s%s%s", i ? "、" : "", held[i].name, held[i].retired ? _("(retired)") : "",
			*held[i].since ? " " : "", held[i].since);
	struct field_def hd = { "held", N_("Held now"), FK_TEXT, 0, false, NULL };
	form_add(f, &hd)->readonly = true;
	form_set(f, "held", nh ? sb.buf : _("(none)"));
	sb_free(&sb);
	struct field_def td = { "tag", N_("Tag"), FK_SELECT, 0, true, NULL };
	struct ffield *tf = form_add(f, &td);
	const char **names = x_calloc((size_t)(nv > 0 ? nv : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(nv > 0 ? nv : 1), sizeof *ids);
	char **owned = x_calloc((size_t)(nv > 0 ? nv : 1), sizeof *owned);
	for (int i = 0; i < nv; i++) {
		const char *since = NULL;
		for (int k = 0; k < nh; k++)
			if (strcmp(held[k].name, v[i].name) == 0)
				since = held[k].since;
		owned[i] = since ? x_asprintf(_("%s（held since %s）"), v[i].name, *since ? since : "-")
				 : x_strdup(v[i].name);
		names[i] = owned[i];
		ids[i] = v[i].id;
	}
	form_set_choices(tf, names, ids, nv);
	for (int i = 0; i < nv; i++)
		x_free(&owned[i]);
	x_free(&owned);
	x_free(&names);
	x_free(&ids);
	struct field_def sd = { "since", N_("Since"), FK_DATE, 16, false, NULL };
	form_add(f, &sd);
	struct field_def nd = { "note", N_("Note"), FK_TEXT, 100, false, NULL };
	form_add(f, &nd);
	struct field_def rd = { "remove", N_("Remove"), FK_YESNO, 1, false, NULL };
	form_add(f, &rd);
	form_set(f, "since", app->today);
	form_set_yes(f, "remove", 0);
	tag_items_free(&v, &nv);
	tag_items_free(&held, &nh);
	form_keep_drafts(f, strcmp(kind, "household") == 0 ? "tags-household" : "tags-resident");
	form_open(app, f);
}

/* ---- drafts at start ---- */

/* Open the form a draft was kept of, from its name and record: name is
 * "kind" or "kind:parent" (forms_drafts_under()). */
static void open_case_form(struct app *app, const char *kind, int64_t case_id)
{
	struct case_rec cr;
	case_rec_init(&cr);
	if (reg_case(&app->reg, case_id, &cr, NULL, NULL, NULL, NULL) == DB_OK) {
		if (strcmp(kind, "case-party") == 0)
			forms_case_party(app, case_id, cr.case_no);
		else if (strcmp(kind, "case-record") == 0)
			forms_case_record(app, case_id, cr.case_no, cr.accepted, cr.state);
		else if (strcmp(kind, "case-reopen") == 0)
			forms_case_reopen(app, case_id);
		else
			forms_case_move(app, case_id);
	}
	case_rec_free(&cr);
}

static void open_meeting_form(struct app *app, const char *kind, int64_t meeting_id, int64_t item_id)
{
	struct meeting_rec m;
	meeting_rec_init(&m);
	struct meeting_item *it = NULL;
	int ni = 0;
	if (reg_meeting(&app->reg, meeting_id, &m, NULL, NULL, &it, &ni) == DB_OK) {
		const struct meeting_item *item = NULL;
		for (int i = 0; i < ni; i++)
			if (it[i].id == item_id)
				item = &it[i];
		if (strcmp(kind, "attendee") == 0)
			forms_meeting_attendee(app, meeting_id);
		else if (strcmp(kind, "topic") == 0 && (item || !item_id))
			forms_meeting_item(app, meeting_id, item);
		else if (strcmp(kind, "meeting-move") == 0)
			forms_meeting_move(app, meeting_id, reg_setting(&app->reg, SETTING_PUBLISH_DAYS));
		else if (strcmp(kind, "follow-up") == 0 && item)
			forms_meeting_follow_up(app, meeting_id, item);
		else if (strcmp(kind, "amendment") == 0)
			forms_meeting_amend(app, meeting_id, NULL, NULL);
	}
	meeting_items_free(&it, &ni);
	meeting_rec_free(&m);
}

static void open_draft_form(struct app *app, const char *name, int64_t id)
{
	char kind[32];
	long long parent = 0;
	int parts = sscanf(name, "%31[^:]:%lld", kind, &parent);
	if (parts < 1)
		return;
	bool under = parts == 2; /* a new record under parent (0: chosen in the form) */
	if (strcmp(kind, "household") == 0)
		forms_household(app, id);
	else if (strcmp(kind, "member") == 0 && (id || under))
		forms_member(app, parent, id);
	else if (strcmp(kind, "visit") == 0 && (id || under))
		forms_visit(app, parent, id, 0);
	else if (strcmp(kind, "case") == 0 && !id)
		forms_case_new(app);
	else if (strcmp(kind, "case-edit") == 0 && id)
		forms_case_edit(app, id);
	else if (strncmp(kind, "case-", 5) == 0 && parent)
		open_case_form(app, kind, parent);
	else if (strcmp(kind, "meeting-new") == 0 && !id)
		forms_meeting(app, 0);
	else if (strcmp(kind, "meeting") == 0 && id)
		forms_meeting(app, id);
	else if (strcmp(kind, "roster-new") == 0 && !id)
		forms_roster(app, 0);
	else if (strcmp(kind, "roster") == 0 && id)
		forms_roster(app, id);
	else if (strcmp(kind, "roster-member") == 0 && parent)
		forms_roster_member(app, parent);
	else if (parent)
		open_meeting_form(app, kind, parent, id);
	else if (strcmp(kind, "tags-household") == 0 || strcmp(kind, "tags-resident") == 0)
		forms_tags(app, kind + 5, id);
	else if (strcmp(kind, "move-out") == 0 && id)
		forms_move_out(app, id);
	else if (strcmp(kind, "death") == 0 && id)
		forms_deceased(app, id);
	else if (strcmp(kind, "staff") == 0)
		forms_staff(app, id);
}

void forms_offer_draft(struct app *app)
{
	char *name = NULL;
	int64_t id = 0;
	if (reg_draft_newest(&app->reg, &name, &id) != DB_OK)
		return;
	struct view *before = view_find(view_top(app), &form_view);
	open_draft_form(app, name, id);
	struct view *fv = view_find(view_top(app), &form_view);
	if (fv && fv != before)
		((struct form *)fv->priv)->from_start = true;
	else /* its record is gone, or the form is unknown: nothing to offer */
		reg_draft_delete(&app->reg, name, id);
	x_free(&name);
}
