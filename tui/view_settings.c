/* tui/view_settings.c - the vocabularies staff keep themselves (visit
 * methods, purposes, must-report items), the committee's tags (name,
 * what they go on, how often they ask for a visit, sensitive, in use:
 * core/tags.h), and the committee's settings (core/settings.h).  Enter
 * edits the selected entry, F5 adds one to its list; Today follows a
 * change at once.  Esc goes back. */
#include "core/access.h"
#include "app.h"

#include "core/cursor.h"
#include "core/settings.h"
#include "core/tags.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { enum vocab_kind kind; const char *title; } lists[] = {
	{ VOCAB_METHOD,  N_("Visit methods") },
	{ VOCAB_PURPOSE, N_("Visit purposes") },
	{ VOCAB_REPORT,  N_("Must-report items") },
	{ VOCAB_TAG,     N_("Tags: what they go on, visit at least every ... days") },
};
#define N_LISTS ((int)ARRAY_SIZE(lists))
/* The list of the committee's settings comes after the vocabularies. */
#define SETTINGS N_LISTS

struct sitem {
	int list;    /* 0..N_LISTS-1, or SETTINGS */
	int index;   /* -1: heading */
};

struct settings {
	struct vocab *v[N_LISTS];    /* the tags' list holds none: see tags */
	int n[N_LISTS];
	struct tag_def *tags;
	int n_tags;
	int values[16];          /* the settings' values */
	struct sitem *items;
	int n_items;
	struct cursor c;
};

static struct settings *sv_of(const struct view *v)
{
	return v->priv;
}

static bool selectable(const void *ctx, int i)
{
	const struct settings *sv = ctx;
	return sv->items[i].index >= 0;
}

static void unload(struct settings *sv)
{
	for (int i = 0; i < N_LISTS; i++)
		if (lists[i].kind == VOCAB_TAG)
			sv->n[i] = 0;
		else
			vocab_free(&sv->v[i], &sv->n[i]);
	tag_defs_free(&sv->tags, &sv->n_tags);
	x_free(&sv->items);
	sv->n_items = 0;
}

static void add_item(struct settings *sv, int list, int index)
{
	sv->items[sv->n_items++] = (struct sitem){ list, index };
}

static void load(struct view *v)
{
	struct settings *sv = sv_of(v);
	unload(sv);
	int total = N_LISTS + 1 + setting_count;
	for (int i = 0; i < N_LISTS; i++) {
		enum db_status s = DB_OK;
		if (lists[i].kind == VOCAB_TAG) {
			s = reg_tag_defs(&v->app->reg, &sv->tags, &sv->n_tags);
			sv->n[i] = sv->n_tags;
		} else {
			s = reg_vocab(&v->app->reg, lists[i].kind, true, &sv->v[i], &sv->n[i]);
		}
		if (s != DB_OK) {
			app_message(v->app, true, _("Could not read the register: %s"), reg_error(&v->app->reg));
			unload(sv);
			cursor_count(&sv->c, 0);
			return;
		}
		total += sv->n[i];
	}
	sv->items = x_calloc((size_t)total, sizeof *sv->items);
	for (int i = 0; i < N_LISTS; i++) {
		add_item(sv, i, -1);
		for (int k = 0; k < sv->n[i]; k++)
			add_item(sv, i, k);
	}
	add_item(sv, SETTINGS, -1);
	for (int k = 0; k < setting_count && k < (int)ARRAY_SIZE(sv->values); k++) {
		sv->values[k] = reg_setting(&v->app->reg, setting_defs[k].key);
		add_item(sv, SETTINGS, k);
	}
	cursor_count(&sv->c, sv->n_items);
}

/* ---- drawing ---- */

static void entry_text(const struct settings *sv, const struct sitem *it, const char **name, char *right,
		       size_t size, bool *active)
{
	*active = true;
	right[0] = '\0';
	if (it->list == SETTINGS) {
		*name = _(setting_defs[it->index].label);
		snprintf(right, size, _(setting_defs[it->index].unit), sv->values[it->index]);
		return;
	}
	if (lists[it->list].kind == VOCAB_TAG) {
		const struct tag_def *t = &sv->tags[it->index];
		*name = t->name;
		*active = t->active;
		char every[48];
		if (t->interval > 0)
			snprintf(every, sizeof every, _("every %d days"), t->interval);
		else
			snprintf(every, sizeof every, "%s", _("no visits asked"));
		snprintf(right, size, "%s  %s%s%s", strcmp(t->applies_to, "household") == 0 ? _("household") : _("member"),
			 every, t->sensitive ? "  " : "", t->sensitive ? _("sensitive") : "");
		if (!t->active)
			snprintf(right + strlen(right), size - strlen(right), "%s", _(" (retired)"));
		return;
	}
	const struct vocab *e = &sv->v[it->list][it->index];
	*name = e->name;
	*active = e->active;
	if (!e->active)
		snprintf(right + strlen(right), size - strlen(right), "%s", _(" (not in use)"));
}

static void sv_draw(struct view *v)
{
	struct settings *sv = sv_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	draw_text(r.y, r.x + 1, r.w - 2, _("Settings: vocabularies and visit intervals"), A_BOLD, TEXT_LEFT);
	for (int i = 0; i < sv->c.height && sv->c.top + i < sv->n_items; i++) {
		const struct sitem *it = &sv->items[sv->c.top + i];
		int ry = r.y + 2 + i;
		if (it->index < 0) {
			const char *t = it->list == SETTINGS ? _("Meetings") : _(lists[it->list].title);
			draw_text(ry, r.x + 1, r.w - 2, t, draw_attr(C_TITLE), TEXT_LEFT);
			continue;
		}
		const char *name;
		char right[96];
		bool active;
		entry_text(sv, it, &name, right, sizeof right, &active);
		attr_t a = sv->c.top + i == sv->c.sel ? draw_attr(C_SELECTED) : active ? A_NORMAL : draw_attr(C_DIM);
		draw_blank(ry, r.x + 1, r.w - 2, a);
		int nw = it->list == SETTINGS ? 40 : 24;
		draw_text(ry, r.x + 3, nw, name, a, TEXT_LEFT);
		draw_text(ry, r.x + 4 + nw, r.w - 6 - nw, right, a, TEXT_LEFT);
	}
}

/* ---- editing an entry ---- */

struct ectx {
	int list;
	int64_t id;   /* a vocabulary entry; 0: a new one */
	int setting;  /* a setting: its index in setting_defs */
};

static void free_ectx(void *p)
{
	struct ectx *c = p;
	x_free(&c);
}

static void entry_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct ectx *c = f->ctx;
	if (c->list == SETTINGS) {
		const struct setting_def *d = &setting_defs[c->setting];
		int n = form_int(f, "days");
		if (n < d->min || n > d->max) {
			char msg[128];
			snprintf(msg, sizeof msg, _("Between %d and %d days."), d->min, d->max);
			form_msg(f, "days", msg, false);
		}
		return;
	}
	if (saving && !*form_get(f, "name"))
		form_msg(f, "name", _("This field is required."), false);
}

static enum db_status entry_save(struct app *app, struct form *f)
{
	struct ectx *c = f->ctx;
	if (c->list == SETTINGS)
		return reg_setting_set(&app->reg, setting_defs[c->setting].key, form_int(f, "days"));
	enum vocab_kind kind = lists[c->list].kind;
	enum db_status s;
	if (!c->id)
		s = reg_vocab_add(&app->reg, kind, form_get(f, "name"));
	else
		s = reg_vocab_rename(&app->reg, kind, c->id, form_get(f, "name"));
	if (s == DB_OK && c->id)
		s = reg_vocab_set_active(&app->reg, kind, c->id, form_yes(f, "active") != 0);
	if (s == DB_ERR_SQL) {
		form_msg(f, "name", _("This name is already in the list."), false);
		return DB_ERR_SQL;
	}
	return s;
}

static const struct form_ops entry_ops = {
	.check = entry_check,
	.save = entry_save,
	.closed = forms_saved,
	.free_ctx = free_ectx,
};

static void edit_setting(struct app *app, int k, int value)
{
	struct ectx *c = x_calloc(1, sizeof *c);
	*c = (struct ectx){ SETTINGS, 0, k };
	char *title = x_asprintf(_("%s: %s"), _("Meetings"), _(setting_defs[k].label));
	struct form *f = form_new(&entry_ops, c, title);
	x_free(&title);
	struct field_def dd = { "days", N_("Days"), FK_NUMBER, 3, true, NULL };
	form_add(f, &dd);
	form_set_int(f, "days", value);
	form_open(app, f);
}

static void edit_entry(struct app *app, int list, const struct vocab *e)
{
	struct ectx *c = x_calloc(1, sizeof *c);
	*c = (struct ectx){ list, e ? e->id : 0, -1 };
	char *title = e ? x_asprintf(_("%s: %s"), _(lists[list].title), e->name)
			: x_asprintf(_("%s: new entry"), _(lists[list].title));
	struct form *f = form_new(&entry_ops, c, title);
	x_free(&title);
	struct field_def nd = { "name", N_("Name"), FK_TEXT, 20, true, NULL };
	form_add(f, &nd);
	form_set(f, "name", e ? e->name : "");
	struct field_def ad = { "active", N_("In use"), FK_YESNO, 1, false, NULL };
	form_add(f, &ad)->readonly = !e;
	form_set_yes(f, "active", !e || e->active);
	form_open(app, f);
}

/* ---- a tag ---- */

struct tctx {
	struct tag_def t;  /* as read (id 0: a new one) */
};

static void free_tctx(void *p)
{
	struct tctx *c = p;
	tag_def_free(&c->t);
	x_free(&c);
}

/* The tag the form holds. */
static void tag_from(struct form *f, const struct tag_def *was, struct tag_def *t)
{
	*t = (struct tag_def){ .id = was->id, .version = was->version, .held = was->held };
	t->name = x_strdup(form_get(f, "name"));
	snprintf(t->applies_to, sizeof t->applies_to, "%s",
		 strcmp(form_get(f, "applies_to"), _("Member")) == 0 ? "resident"
		 : strcmp(form_get(f, "applies_to"), _("Household")) == 0 ? "household" : "");
	t->interval = form_int(f, "interval") > 0 ? form_int(f, "interval") : form_int(f, "interval") == 0 ? -1 : 0;
	t->sensitive = form_yes(f, "sensitive") > 0;
	t->active = !was->id || form_yes(f, "active") != 0;
}

static void tag_form_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct tctx *c = f->ctx;
	struct tag_def t;
	tag_from(f, &c->t, &t);
	struct check k;
	tag_check(&t, &k);
	for (int i = 0; i < k.n; i++)
		if (saving || strcmp(k.items[i].field, "name") != 0 || *form_get(f, "name"))
			form_msg(f, k.items[i].field, k.items[i].message, k.items[i].warning);
	check_free(&k);
	tag_def_free(&t);
}

static enum db_status tag_form_save(struct app *app, struct form *f)
{
	struct tctx *c = f->ctx;
	struct tag_def t;
	tag_from(f, &c->t, &t);
	struct check k;
	enum db_status s = reg_tag_define(&app->reg, &t, &k);
	if (s == DB_ERR_CONFLICT) {
		form_msg(f, "name", _("Another session changed this tag meanwhile: Esc, and open it again."), false);
		s = DB_ERR_SQL;
	}
	s = forms_checked(f, s, &k, "name");
	if (s == DB_OK) {
		if (!c->t.id)
			app_message(app, false, _("Tag added: %s."), t.name);
		else if (strcmp(c->t.name, t.name) != 0)
			app_message(app, false, _("Tag renamed: %s is now %s on every record."), c->t.name, t.name);
		else if (c->t.active && !t.active)
			app_message(app, false, _("Tag retired: %s stays on the records that hold it and is given no more."),
				    t.name);
		else
			app_message(app, false, _("Tag saved: %s."), t.name);
	}
	check_free(&k);
	tag_def_free(&t);
	return s;
}

static const struct form_ops tag_ops = {
	.check = tag_form_check,
	.save = tag_form_save,
	.closed = forms_saved,
	.free_ctx = free_tctx,
};

static void edit_tag(struct app *app, const struct tag_def *t)
{
	struct tctx *c = x_calloc(1, sizeof *c);
	if (t) {
		c->t = *t;
		c->t.name = x_strdup(t->name);
	} else {
		c->t.active = true;
	}
	char *title = t ? x_asprintf(_("Tag: %s"), t->name) : x_strdup(_("A new tag"));
	struct form *f = form_new(&tag_ops, c, title);
	x_free(&title);
	struct field_def nd = { "name", N_("Tag name"), FK_TEXT, TAG_NAME_MAX, true, NULL };
	form_add(f, &nd);
	form_set(f, "name", t ? t->name : "");
	struct field_def ad = { "applies_to", N_("Goes on"), FK_SELECT, 0, true, NULL };
	struct ffield *af = form_add(f, &ad);
	const char *on[] = { _("Household"), _("Member") };
	form_set_choices(af, on, NULL, 2);
	form_set(f, "applies_to", !t ? "" : strcmp(t->applies_to, "household") == 0 ? on[0] : on[1]);
	/* Records hold it: what it goes on stays (core refuses it too). */
	af->readonly = t && t->held > 0;
	struct field_def id = { "interval", N_("Visit every (days)"), FK_NUMBER, 4, false, NULL };
	form_add(f, &id);
	form_set_int(f, "interval", t && t->interval > 0 ? t->interval : -1);
	struct field_def sd = { "sensitive", N_("Sensitive"), FK_YESNO, 1, false, NULL };
	form_add(f, &sd);
	form_set_yes(f, "sensitive", t && t->sensitive);
	struct field_def ud = { "active", N_("In use"), FK_YESNO, 1, false, NULL };
	form_add(f, &ud)->readonly = !t;
	form_set_yes(f, "active", !t || t->active);
	form_open(app, f);
}

/* ---- actions ---- */

static const struct sitem *selected(const struct settings *sv)
{
	return sv->c.sel >= 0 && sv->c.sel < sv->n_items ? &sv->items[sv->c.sel] : NULL;
}

static int run_move(struct view *v, enum action a)
{
	cursor_act(&sv_of(v)->c, a, false);
	return REDRAW;
}

static int run_edit(struct view *v, enum action a)
{
	(void)a;
	struct settings *sv = sv_of(v);
	const struct sitem *it = selected(sv);
	if (it->list == SETTINGS)
		edit_setting(v->app, it->index, sv->values[it->index]);
	else if (lists[it->list].kind == VOCAB_TAG)
		edit_tag(v->app, &sv->tags[it->index]);
	else
		edit_entry(v->app, it->list, &sv->v[it->list][it->index]);
	return REDRAW;
}

static int run_new(struct view *v, enum action a)
{
	(void)a;
	const struct sitem *it = selected(sv_of(v));
	if (it->list == SETTINGS)
		app_message(v->app, true, "%s", _("These settings are fixed; Enter changes the number of days."));
	else if (lists[it->list].kind == VOCAB_TAG)
		edit_tag(v->app, NULL);
	else
		edit_entry(v->app, it->list, NULL);
	return REDRAW;
}

static const struct action_row actions[] = {
	VIEW_MOVES(run_move),
	{ ACT_OPEN, run_edit, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_EDIT, run_edit, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_NEW, run_new, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static unsigned sv_state(const struct view *v)
{
	return selected(sv_of(v)) ? NEED_ROW : 0;
}

static bool sv_open(struct view *v, const void *arg)
{
	(void)arg;
	struct settings *sv = sv_of(v);
	cursor_init(&sv->c);
	sv->c.selectable = selectable;
	sv->c.ctx = sv;
	load(v);
	return true;
}

static void sv_close(struct view *v)
{
	unload(sv_of(v));
}

static void sv_resize(struct view *v)
{
	cursor_height(&sv_of(v)->c, v->r.h - 2);
}

static void sv_reload(struct view *v)
{
	load(v);
}

const struct view_ops settings_view = {
	.name = "settings",
	.scope = "settings",
	.priv_size = sizeof(struct settings),
	.open = sv_open,
	.close = sv_close,
	.resize = sv_resize,
	.draw = sv_draw,
	.actions = actions,
	.state = sv_state,
	.reload = sv_reload,
};
