/* tui/view_settings.c - the vocabularies staff keep themselves (visit
 * methods, purposes, must-report items), how often each tag asks for a
 * visit, and the committee's settings (core/settings.h).  Enter edits
 * the selected entry, F5 adds one to its list; Today follows a change
 * at once.  Esc goes back. */
#include "core/access.h"
#include "app.h"

#include "core/cursor.h"
#include "core/settings.h"
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
	{ VOCAB_TAG,     N_("Tags: visit at least every ... days") },
};
#define N_LISTS ((int)ARRAY_SIZE(lists))
/* The list of the committee's settings comes after the vocabularies. */
#define SETTINGS N_LISTS

struct sitem {
	int list;    /* 0..N_LISTS-1, or SETTINGS */
	int index;   /* -1: heading */
};

struct settings {
	struct vocab *v[N_LISTS];
	int n[N_LISTS];
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
		vocab_free(&sv->v[i], &sv->n[i]);
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
		if (reg_vocab(&v->app->reg, lists[i].kind, true, &sv->v[i], &sv->n[i]) != DB_OK) {
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
	const struct vocab *e = &sv->v[it->list][it->index];
	*name = e->name;
	*active = e->active;
	if (lists[it->list].kind == VOCAB_TAG) {
		if (e->extra > 0)
			snprintf(right, size, _("every %d days"), e->extra);
		else
			snprintf(right, size, "%s", _("no visits asked"));
	}
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
	if (saving && form_field(f, "name") && !*form_get(f, "name"))
		form_msg(f, "name", _("This field is required."), false);
	if (lists[c->list].kind == VOCAB_TAG) {
		int d = form_int(f, "interval");
		if (d != -1 && (d < 1 || d > 3650))
			form_msg(f, "interval", _("Between 1 and 3650 days, or empty for none."), false);
	}
}

static enum db_status entry_save(struct app *app, struct form *f)
{
	struct ectx *c = f->ctx;
	if (c->list == SETTINGS)
		return reg_setting_set(&app->reg, setting_defs[c->setting].key, form_int(f, "days"));
	enum vocab_kind kind = lists[c->list].kind;
	enum db_status s;
	if (kind == VOCAB_TAG)
		s = reg_tag_set_interval(&app->reg, c->id, form_int(f, "interval") > 0 ? form_int(f, "interval") : 0);
	else if (!c->id)
		s = reg_vocab_add(&app->reg, kind, form_get(f, "name"));
	else
		s = reg_vocab_rename(&app->reg, kind, c->id, form_get(f, "name"));
	if (s == DB_OK && c->id)
		s = reg_vocab_set_active(&app->reg, kind, c->id, form_yes(f, "active") != 0);
	if (s == DB_ERR_SQL && kind != VOCAB_TAG) {
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
	if (lists[list].kind == VOCAB_TAG) {
		struct field_def id = { "interval", N_("Visit every (days)"), FK_NUMBER, 4, false, NULL };
		form_add(f, &id);
		form_set_int(f, "interval", e && e->extra > 0 ? e->extra : -1);
	} else {
		struct field_def nd = { "name", N_("Name"), FK_TEXT, 20, true, NULL };
		form_add(f, &nd);
		form_set(f, "name", e ? e->name : "");
	}
	struct field_def ad = { "active", N_("In use"), FK_YESNO, 1, false, NULL };
	form_add(f, &ad)->readonly = !e;
	form_set_yes(f, "active", !e || e->active);
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
	else if (lists[it->list].kind != VOCAB_TAG)
		edit_entry(v->app, it->list, NULL);
	else
		app_message(v->app, true, "%s", _("Tags are added to the vocabulary by the street office."));
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
