/* tui/view_settings.c - the vocabularies staff keep themselves: visit
 * methods, purposes, must-report items, how often each tag asks for a
 * visit, and the days of a meeting's publication and follow-up.  Enter edits the selected entry, F5 adds one to its list;
 * Today follows a change at once.  Esc goes back. */
#include "app.h"

#include "core/meeting.h"
#include "core/settings.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { enum vocab_kind kind; const char *title; } lists[] = {
	{ VOCAB_METHOD,  N_("Visit methods") },
	{ VOCAB_PURPOSE, N_("Visit purposes") },
	{ VOCAB_REPORT,  N_("Must-report items") },
	{ VOCAB_TAG,     N_("Tags: visit at least every ... days") },
	{ VOCAB_MEETING_DAYS, N_("Meetings") },
};

static int days_of(const char *key)
{
	const struct setting_def *d = setting_def(key);
	return d ? (int)(d - setting_defs) : -1;
}

/* What an entry is called on the screen. */
static const char *entry_name(int list, const struct vocab *v)
{
	int d = lists[list].kind == VOCAB_MEETING_DAYS ? days_of(v->name) : -1;
	return d >= 0 ? _(setting_defs[d].label) : v->name;
}
#define N_LISTS ((int)(sizeof lists / sizeof lists[0]))

struct sitem {
	int list;
	int index;   /* -1: heading */
};

struct settings_view {
	struct vocab *v[N_LISTS];
	int n[N_LISTS];
	struct sitem *items;
	int n_items, sel, top, height;
	bool loaded;
};

static void unload(struct settings_view *sv)
{
	for (int i = 0; i < N_LISTS; i++)
		vocab_free(&sv->v[i], &sv->n[i]);
	x_free(&sv->items);
	sv->n_items = 0;
	sv->loaded = false;
}

static void load(struct app *app)
{
	struct settings_view *sv = app->settings_v;
	int keep = sv->sel;
	unload(sv);
	int total = N_LISTS;
	for (int i = 0; i < N_LISTS; i++) {
		if (reg_vocab(&app->reg, lists[i].kind, true, &sv->v[i], &sv->n[i]) != DB_OK) {
			app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
			unload(sv);
			return;
		}
		total += sv->n[i];
	}
	sv->items = x_calloc((size_t)total, sizeof *sv->items);
	for (int i = 0; i < N_LISTS; i++) {
		sv->items[sv->n_items++] = (struct sitem){ i, -1 };
		for (int k = 0; k < sv->n[i]; k++)
			sv->items[sv->n_items++] = (struct sitem){ i, k };
	}
	sv->loaded = true;
	sv->sel = keep > 0 && keep < sv->n_items ? keep : 1;
}

void settings_open(struct app *app)
{
	if (!app->settings_v)
		app->settings_v = x_calloc(1, sizeof *app->settings_v);
	app->settings_v->sel = 1;
	load(app);
	app->settings = true;
}

void settings_free(struct settings_view **psv)
{
	if (!*psv)
		return;
	unload(*psv);
	x_free(psv);
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct settings_view *sv = app->settings_v;
	if (!sv->loaded)
		load(app);
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	draw_text(y, x + 1, w - 2, _("Settings: vocabularies and visit intervals"), A_BOLD, TEXT_LEFT);
	int body = h - 2;
	sv->height = body;
	if (sv->sel < sv->top)
		sv->top = sv->sel;
	if (sv->sel >= sv->top + body)
		sv->top = sv->sel - body + 1;
	if (sv->top > 0 && sv->items[sv->sel - 1].index < 0 && sv->sel - 1 < sv->top)
		sv->top = sv->sel - 1;
	for (int i = 0; i < body && sv->top + i < sv->n_items; i++) {
		const struct sitem *it = &sv->items[sv->top + i];
		int ry = y + 2 + i;
		if (it->index < 0) {
			draw_text(ry, x + 1, w - 2, _(lists[it->list].title), draw_attr(C_TITLE), TEXT_LEFT);
			continue;
		}
		const struct vocab *v = &sv->v[it->list][it->index];
		char right[64] = "";
		if (lists[it->list].kind == VOCAB_MEETING_DAYS) {
			snprintf(right, sizeof right, _("%d days"), v->extra);
		} else if (lists[it->list].kind == VOCAB_TAG) {
			if (v->extra > 0)
				snprintf(right, sizeof right, _("every %d days"), v->extra);
			else
				snprintf(right, sizeof right, "%s", _("no visits asked"));
		}
		if (!v->active)
			snprintf(right + strlen(right), sizeof right - strlen(right), "%s", _(" (not in use)"));
		attr_t a = sv->top + i == sv->sel ? draw_attr(C_SELECTED) : v->active ? A_NORMAL : draw_attr(C_DIM);
		draw_blank(ry, x + 1, w - 2, a);
		int nw = lists[it->list].kind == VOCAB_MEETING_DAYS ? 40 : 24;
		draw_text(ry, x + 3, nw, entry_name(it->list, v), a, TEXT_LEFT);
		draw_text(ry, x + 4 + nw, w - 6 - nw, right, a, TEXT_LEFT);
	}
}

/* ---- editing an entry ---- */

struct ectx {
	int list;
	int64_t id;   /* 0: a new entry */
	int days;     /* a meeting setting: its index in days[] */
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
	if (saving && form_field(f, "name") && !*form_get(f, "name"))
		form_msg(f, "name", _("This field is required."), false);
	if (lists[c->list].kind == VOCAB_MEETING_DAYS) {
		const char *d = form_get(f, "days");
		if (atoi(d) < setting_defs[c->days].min || atoi(d) > setting_defs[c->days].max) {
			char msg[128];
			snprintf(msg, sizeof msg, _("Between %d and %d days."), setting_defs[c->days].min, setting_defs[c->days].max);
			form_msg(f, "days", msg, false);
		}
	}
	if (lists[c->list].kind == VOCAB_TAG) {
		const char *d = form_get(f, "interval");
		if (*d && (atoi(d) < 1 || atoi(d) > 3650))
			form_msg(f, "interval", _("Between 1 and 3650 days, or empty for none."), false);
	}
}

static enum db_status entry_save(struct app *app, struct form *f)
{
	struct ectx *c = f->ctx;
	enum vocab_kind kind = lists[c->list].kind;
	enum db_status s = DB_OK;
	if (kind == VOCAB_MEETING_DAYS)
		return reg_setting_set(&app->reg, setting_defs[c->days].key, atoi(form_get(f, "days")));
	bool active = strcmp(form_get(f, "active"), "否") != 0;
	if (kind == VOCAB_TAG) {
		s = reg_tag_set_interval(&app->reg, c->id, atoi(form_get(f, "interval")));
	} else if (!c->id) {
		s = reg_vocab_add(&app->reg, kind, form_get(f, "name"));
	} else {
		s = reg_vocab_rename(&app->reg, kind, c->id, form_get(f, "name"));
	}
	if (s == DB_OK && c->id)
		s = reg_vocab_set_active(&app->reg, kind, c->id, active);
	if (s == DB_ERR_SQL && kind != VOCAB_TAG) {
		form_msg(f, "name", _("This name is already in the list."), false);
		return DB_ERR_SQL;
	}
	return s;
}

static void entry_closed(struct app *app, struct form *f, bool saved)
{
	(void)f;
	if (saved) {
		app->settings_v->loaded = false;
		app_data_changed(app);
	}
}

static const struct form_ops entry_ops = {
	.check = entry_check,
	.save = entry_save,
	.closed = entry_closed,
	.free_ctx = free_ectx,
};

static void edit(struct app *app, int list, const struct vocab *v)
{
	struct ectx *c = x_calloc(1, sizeof *c);
	c->list = list;
	c->id = v ? v->id : 0;
	char *title = v ? x_asprintf(_("%s: %s"), _(lists[list].title), entry_name(list, v))
			: x_asprintf(_("%s: new entry"), _(lists[list].title));
	struct form *f = form_new(&entry_ops, c, title);
	x_free(&title);
	if (lists[list].kind == VOCAB_MEETING_DAYS) {
		c->days = v ? days_of(v->name) : -1;
		if (c->days < 0) { /* only the known settings are listed */
			form_free(&f);
			return;
		}
		struct field_def dd = { "days", N_("Days"), FK_NUMBER, 3, true, NULL };
		form_add(f, &dd);
		char buf[16];
		snprintf(buf, sizeof buf, "%d", v->extra);
		form_set(f, "days", buf);
		form_open(app, f);
		return;
	}
	if (lists[list].kind == VOCAB_TAG) {
		struct field_def id = { "interval", N_("Visit every (days)"), FK_NUMBER, 4, false, NULL };
		form_add(f, &id);
		char buf[16] = "";
		if (v && v->extra > 0)
			snprintf(buf, sizeof buf, "%d", v->extra);
		form_set(f, "interval", buf);
	} else {
		struct field_def nd = { "name", N_("Name"), FK_TEXT, 20, true, NULL };
		form_add(f, &nd);
		form_set(f, "name", v ? v->name : "");
	}
	struct field_def ad = { "active", N_("In use"), FK_YESNO, 1, false, NULL };
	form_add(f, &ad)->readonly = !v;
	form_set(f, "active", !v || v->active ? "是" : "否");
	form_open(app, f);
}

static int action(struct app *app, enum action a)
{
	struct settings_view *sv = app->settings_v;
	const struct sitem *it = sv->sel >= 0 && sv->sel < sv->n_items ? &sv->items[sv->sel] : NULL;
	int step;
	switch (a) {
	case ACT_MOVE_DOWN: case ACT_MOVE_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP:
		step = a == ACT_MOVE_DOWN ? 1 : a == ACT_MOVE_UP ? -1
		     : a == ACT_PAGE_DOWN ? sv->height - 1 : -(sv->height - 1);
		for (int k = 0; k < abs(step); k++) {
			int j = sv->sel + (step > 0 ? 1 : -1);
			while (j >= 0 && j < sv->n_items && sv->items[j].index < 0)
				j += step > 0 ? 1 : -1;
			if (j < 0 || j >= sv->n_items)
				break;
			sv->sel = j;
		}
		return REDRAW_ALL;
	case ACT_OPEN: case ACT_EDIT:
		if (it && it->index >= 0)
			edit(app, it->list, &sv->v[it->list][it->index]);
		return REDRAW_ALL;
	case ACT_NEW:
		if (it && lists[it->list].kind == VOCAB_MEETING_DAYS)
			app_message(app, true, "%s", _("These settings are fixed; Enter changes the number of days."));
		else if (it && lists[it->list].kind != VOCAB_TAG)
			edit(app, it->list, NULL);
		else
			app_message(app, true, "%s", _("Tags are added to the vocabulary by the street office."));
		return REDRAW_ALL;
	case ACT_BACK:
		app->settings = false;
		return REDRAW_ALL;
	default:
		return NOT_HANDLED;
	}
}

static bool supports(const struct app *app, enum action a)
{
	(void)app;
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_OPEN: case ACT_EDIT: case ACT_NEW: case ACT_BACK:
		return true;
	default:
		return false;
	}
}

static void reload(struct app *app)
{
	app->settings_v->loaded = false;
}

const struct view_ops settings_view = {
	.scope = "settings",
	.draw = draw,
	.action = action,
	.supports = supports,
	.reload = reload,
};
