/* tui/form.c - the form engine: fields and their values, checking,
 * saving, conflicts and drafts.  tui/form_view.c shows a form and reads
 * its keys. */
#include "form.h"

#include "app.h"
#include "core/date.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "question.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- building a form ---- */

struct form *form_new(const struct form_ops *ops, void *ctx, const char *title)
{
	struct form *f = x_calloc(1, sizeof *f);
	f->ops = ops;
	f->ctx = ctx;
	f->title = x_strdup(title);
	return f;
}

void form_keep_drafts(struct form *f, const char *name)
{
	x_free(&f->draft_name);
	f->draft_name = x_strdup(name);
}

struct ffield *form_add(struct form *f, const struct field_def *def)
{
	if (f->n == FORM_FIELDS)
		abort(); /* a form this long is a programming error */
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->f = x_realloc(f->f, (size_t)f->cap * sizeof *f->f);
	}
	struct ffield *ff = &f->f[f->n++];
	memset(ff, 0, sizeof *ff);
	ff->def = *def;
	ff->key = x_strdup(def->key);
	ff->def.key = ff->key;
	ff->yes = -1;
	le_init(&ff->le, def->kind == FK_AREA ? 0 : (size_t)def->max);
	ta_init(&ff->ta, def->kind == FK_AREA ? (size_t)def->max : 0);
	if (def->kind == FK_SELECT && def->choices) {
		int n = 0;
		while (def->choices[n])
			n++;
		form_set_choices(ff, def->choices, NULL, n);
	}
	return ff;
}

static void free_choices(struct ffield *ff)
{
	for (int i = 0; i < ff->n_choices; i++)
		x_free(&ff->choices[i]);
	x_free(&ff->choices);
	x_free(&ff->choice_ids);
	ff->n_choices = 0;
}

void form_set_choices(struct ffield *ff, const char *const *names, const int64_t *ids, int n)
{
	free_choices(ff);
	ff->choices = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ff->choices);
	if (ids)
		ff->choice_ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ff->choice_ids);
	for (int i = 0; i < n; i++) {
		ff->choices[i] = x_strdup(names[i]);
		if (ids)
			ff->choice_ids[i] = ids[i];
	}
	ff->n_choices = n;
}

struct ffield *form_field(struct form *f, const char *key)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].def.key, key) == 0)
			return &f->f[i];
	return NULL;
}

/* The field of key, which the form must have. */
static struct ffield *must(const struct form *f, const char *key)
{
	struct ffield *ff = form_field((struct form *)f, key);
	if (!ff) {
		fprintf(stderr, "juwei: the form \"%s\" has no field %s\n", f->title, key);
		abort(); /* a programming error: the caller named a field it never added */
	}
	return ff;
}

static const char *value_of(const struct ffield *ff)
{
	switch (ff->def.kind) {
	case FK_AREA: return ff->ta.buf;
	case FK_YESNO: return ff->yes > 0 ? "1" : ff->yes == 0 ? "0" : "";
	default: return ff->le.buf;
	}
}

const char *form_get(const struct form *f, const char *key)
{
	return value_of(must(f, key));
}

/* The id that goes with a select value (choices standing for records). */
static void select_id(struct ffield *ff)
{
	ff->link_id = 0;
	if (ff->def.kind != FK_SELECT || !ff->choice_ids)
		return;
	for (int i = 0; i < ff->n_choices; i++)
		if (strcmp(ff->choices[i], ff->le.buf) == 0)
			ff->link_id = ff->choice_ids[i];
}

static void set_value(struct ffield *ff, const char *value)
{
	switch (ff->def.kind) {
	case FK_AREA:
		ta_set(&ff->ta, value);
		ff->ta.cur = 0;
		break;
	case FK_YESNO:
		ff->yes = strcmp(value, "1") == 0 ? 1 : strcmp(value, "0") == 0 ? 0 : -1;
		break;
	default:
		le_set(&ff->le, value);
		select_id(ff);
		break;
	}
}

void form_set(struct form *f, const char *key, const char *value)
{
	set_value(must(f, key), value ? value : "");
}

int form_yes(const struct form *f, const char *key)
{
	return must(f, key)->yes;
}

void form_set_yes(struct form *f, const char *key, int yes)
{
	must(f, key)->yes = yes > 0 ? 1 : yes == 0 ? 0 : -1;
}

int form_int(const struct form *f, const char *key)
{
	const char *s = form_get(f, key);
	return *s ? atoi(s) : -1;
}

void form_set_int(struct form *f, const char *key, int v)
{
	char buf[16] = "";
	if (v >= 0)
		snprintf(buf, sizeof buf, "%d", v);
	form_set(f, key, buf);
}

int64_t form_id(const struct form *f, const char *key)
{
	const struct ffield *ff = must(f, key);
	return *ff->le.buf ? ff->link_id : 0;
}

void form_set_id(struct form *f, const char *key, int64_t id)
{
	struct ffield *ff = must(f, key);
	const char *name = "";
	for (int i = 0; ff->choice_ids && i < ff->n_choices; i++)
		if (ff->choice_ids[i] == id)
			name = ff->choices[i];
	char *copy = x_strdup(name);
	set_value(ff, copy);
	x_free(&copy);
}

const char *form_shown(const struct ffield *ff, const char *value)
{
	if (ff->def.kind != FK_YESNO)
		return value;
	return strcmp(value, "1") == 0 ? _("Yes") : strcmp(value, "0") == 0 ? _("No") : "";
}

void form_msg(struct form *f, const char *key, const char *msg, bool warning)
{
	struct ffield *ff = must(f, key);
	if (ff->msg && !ff->warning && warning)
		return; /* an error outranks a warning */
	x_free(&ff->msg);
	ff->msg = x_strdup(msg);
	ff->warning = warning;
}

void form_clear_msgs(struct form *f)
{
	for (int i = 0; i < f->n; i++)
		x_free(&f->f[i].msg);
}

void form_to_kv(const struct form *f, struct kv *out)
{
	for (int i = 0; i < f->n; i++) {
		const struct ffield *ff = &f->f[i];
		if (ff->secret)
			continue; /* a PIN goes into no draft */
		kv_set(out, ff->def.key, value_of(ff));
		if (ff->def.kind == FK_LINK) {
			char key[96], id[32];
			snprintf(key, sizeof key, "%s#id", ff->def.key);
			snprintf(id, sizeof id, "%lld", (long long)ff->link_id);
			kv_set(out, key, id);
		}
	}
}

void form_from_kv(struct form *f, const struct kv *kv)
{
	for (int i = 0; i < f->n; i++) {
		struct ffield *ff = &f->f[i];
		const char *v = kv_get(kv, ff->def.key);
		if (v)
			set_value(ff, v);
		if (ff->def.kind == FK_LINK) {
			char key[96];
			snprintf(key, sizeof key, "%s#id", ff->def.key);
			const char *id = kv_get(kv, key);
			if (id)
				ff->link_id = strtoll(id, NULL, 10);
		}
	}
}

void form_free(struct form **pf)
{
	struct form *f = *pf;
	if (!f)
		return;
	for (int i = 0; i < f->n; i++) {
		le_free(&f->f[i].le);
		ta_free(&f->f[i].ta);
		free_choices(&f->f[i]);
		x_free(&f->f[i].msg);
		x_free(&f->f[i].key);
	}
	x_free(&f->f);
	if (f->ops->free_ctx)
		f->ops->free_ctx(f->ctx);
	x_free(&f->title);
	x_free(&f->draft_name);
	kv_free(&f->orig);
	kv_free(&f->conflict_now);
	x_free(&f->draft_json);
	x_free(pf);
}

/* ---- drafts ---- */

static char *draft_json(const struct form *f)
{
	struct kv kv = { 0 };
	form_to_kv(f, &kv);
	char num[32];
	snprintf(num, sizeof num, "%lld", (long long)f->version);
	kv_set(&kv, "_version", num);
	snprintf(num, sizeof num, "%lld", (long long)f->parent_id);
	kv_set(&kv, "_parent", num);
	/* The values as opened, so that a conflict can still be shown. */
	for (size_t i = 0; i < f->orig.n; i++) {
		char *k = x_asprintf("~%s", f->orig.keys[i]);
		kv_set(&kv, k, f->orig.vals[i]);
		x_free(&k);
	}
	char *json = kv_to_json(&kv);
	kv_free(&kv);
	return json;
}

void form_tick(struct app *app, struct form *f, bool force)
{
	if (!f->draft_name || !f->dirty || !f->draft_pending)
		return;
	double now = app_elapsed_ms();
	if (!force && now - f->draft_at < FORM_DRAFT_MS)
		return;
	char *json = draft_json(f);
	if (reg_draft_save(&app->reg, f->draft_name, f->record_id, json) == DB_OK) {
		f->draft_pending = false;
		f->draft_at = now;
	}
	x_free(&json);
}

void form_drop_draft(struct app *app, struct form *f)
{
	if (f->draft_name)
		reg_draft_delete(&app->reg, f->draft_name, f->record_id);
}

static void restore_draft(struct form *f)
{
	struct kv kv = { 0 };
	if (f->draft_json && kv_from_json(&kv, f->draft_json)) {
		form_from_kv(f, &kv);
		const char *v = kv_get(&kv, "_version");
		if (v && f->record_id)
			f->version = strtoll(v, NULL, 10);
		kv_free(&f->orig);
		for (size_t i = 0; i < kv.n; i++)
			if (kv.keys[i][0] == '~')
				kv_set(&f->orig, kv.keys[i] + 1, kv.vals[i]);
		f->dirty = true;
		f->draft_pending = false;
	}
	kv_free(&kv);
	x_free(&f->draft_json);
}

/* The form under the question that asks about it (its context). */
static void restore_yes(struct app *app, void *ctx)
{
	struct form *f = ctx;
	restore_draft(f);
	app_message(app, false, "%s", _("The draft was restored; F2 saves it."));
}

static void restore_no(struct app *app, void *ctx)
{
	struct form *f = ctx;
	x_free(&f->draft_json);
	form_drop_draft(app, f);
	if (f->from_start)
		form_close(app, f, false);
}

static void offer_draft(struct app *app, struct form *f)
{
	char *saved_at = NULL;
	if (!f->draft_name ||
	    reg_draft_load(&app->reg, f->draft_name, f->record_id, &f->draft_json, &saved_at) != DB_OK)
		return;
	struct question q = {
		.title = _(" Restore the draft?"),
		.text = _("This form was not finished last time (the link dropped or juwei was closed). "
			  "Its content was kept as a draft."),
		.keys = _("Enter or y restores it   n or Esc drops it"),
		.answers = { { 'y', JK_ENTER, restore_yes }, { 'n', JK_ESC, restore_no } },
		.ctx = f,
	};
	question_ask(app, &q);
	app_message(app, false, _("An unsaved draft of this form from %s was kept."), saved_at);
	x_free(&saved_at);
}

/* ---- opening and closing ---- */

void form_open(struct app *app, struct form *f)
{
	kv_free(&f->orig);
	form_to_kv(f, &f->orig);
	f->cur = 0;
	while (f->cur < f->n - 1 && f->f[f->cur].readonly)
		f->cur++;
	f->draft_at = app_elapsed_ms();
	if (!view_push(app, &form_view, f))
		return;
	offer_draft(app, f);
}

void form_close(struct app *app, struct form *f, bool saved)
{
	if (f->ops->closed)
		f->ops->closed(app, f, saved);
	view_remove(f->view); /* frees f */
}

/* ---- fields ---- */

void form_changed(struct form *f)
{
	f->dirty = true;
	f->draft_pending = true;
}

/* Leaving a field: dates are read into ISO form, and the form's own
 * cheap checks run; their messages show for the fields visited. */
void form_leave(struct app *app, struct form *f)
{
	struct ffield *ff = &f->f[f->cur];
	if (ff->def.kind == FK_DATE && ff->le.len) {
		char iso[11];
		const char *err = date_parse_input(ff->le.buf, app->today, iso);
		if (!err && strcmp(iso, ff->le.buf) != 0)
			le_set(&ff->le, iso);
	}
	bool seen[FORM_FIELDS];
	for (int i = 0; i < f->n; i++)
		seen[i] = f->f[i].msg != NULL;
	seen[f->cur] = true;
	form_clear_msgs(f);
	if (f->ops->check)
		f->ops->check(app, f, false);
	/* Only what the clerk has been through is judged yet. */
	for (int i = 0; i < f->n; i++)
		if (!seen[i] && f->f[i].msg && !f->f[i].warning)
			x_free(&f->f[i].msg);
}

void form_go_to(struct app *app, struct form *f, int i)
{
	if (i < 0 || i >= f->n || i == f->cur)
		return;
	form_leave(app, f);
	f->cur = i;
}

void form_step(struct app *app, struct form *f, int dir)
{
	int i = f->cur + dir;
	while (i >= 0 && i < f->n && f->f[i].readonly)
		i += dir;
	form_go_to(app, f, i);
}

/* ---- saving ---- */

static int count_errors(const struct form *f, int *first)
{
	int n = 0;
	*first = -1;
	for (int i = 0; i < f->n; i++)
		if (f->f[i].msg && !f->f[i].warning) {
			if (*first < 0)
				*first = i;
			n++;
		}
	return n;
}

static const char *label_of(const struct form *f, const char *key)
{
	const struct ffield *ff = form_field((struct form *)f, key);
	return ff ? _(ff->def.label) : key;
}

static void conflict_reload(struct app *app, void *ctx)
{
	struct form *f = ctx;
	form_from_kv(f, &f->conflict_now);
	kv_free(&f->orig);
	form_to_kv(f, &f->orig);
	f->version = f->conflict_version;
	f->dirty = false;
	form_drop_draft(app, f);
	app_message(app, false, "%s", _("The form shows the record as it is saved now."));
}

static void conflict_overwrite(struct app *app, void *ctx)
{
	struct form *f = ctx;
	f->version = f->conflict_version;
	kv_free(&f->orig);
	for (size_t i = 0; i < f->conflict_now.n; i++)
		kv_set(&f->orig, f->conflict_now.keys[i], f->conflict_now.vals[i]);
	form_save(app, f);
}

/* What another session changed, field by field, as the form shows it. */
static char *conflict_text(const struct form *f)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	for (size_t i = 0; i < f->conflict_now.n; i++) {
		const char *key = f->conflict_now.keys[i], *now = f->conflict_now.vals[i];
		const char *was = kv_get(&f->orig, key);
		const struct ffield *ff = form_field((struct form *)f, key);
		if (!was || strcmp(was, now) == 0 || !ff)
			continue;
		const char *mine = value_of(ff);
		was = form_shown(ff, was);
		sb_addf(&sb, _("%s: %s → %s"), label_of(f, key), *was ? was : "-",
			*form_shown(ff, now) ? form_shown(ff, now) : "-");
		if (strcmp(mine, kv_get(&f->orig, key)) != 0)
			sb_addf(&sb, _(" (you typed %s)"), *form_shown(ff, mine) ? form_shown(ff, mine) : "-");
		sb_addc(&sb, '\n');
	}
	if (!sb.len)
		sb_adds(&sb, _("No field of this form differs, but the record was saved meanwhile."));
	return sb_take(&sb);
}

/* Someone else saved first: say what they changed. */
static void show_conflict(struct app *app, struct form *f)
{
	kv_free(&f->conflict_now);
	enum db_status s = f->ops->fetch ? f->ops->fetch(app, f, &f->conflict_now, &f->conflict_version)
					 : DB_ERR_NOTFOUND;
	if (s == DB_ERR_NOTFOUND) {
		app_message(app, true, "%s", _("This record was deleted by another session; it cannot be saved."));
		return;
	}
	if (s != DB_OK) {
		app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
		return;
	}
	char *text = conflict_text(f);
	struct question q = {
		.title = _(" Someone else saved this record"),
		.text = text,
		.keys = _("r reloads theirs (drops yours)   o saves yours over theirs   Esc goes back"),
		.answers = { { 'r', 0, conflict_reload }, { 'o', 0, conflict_overwrite }, { JK_ESC, 0, NULL } },
		.ctx = f,
	};
	question_ask(app, &q);
	x_free(&text);
	app_message(app, true, "%s", _("Someone else saved this record after you opened it."));
}

void form_save(struct app *app, struct form *f)
{
	form_leave(app, f);
	form_clear_msgs(f);
	if (f->ops->check)
		f->ops->check(app, f, true);
	int first;
	int n = count_errors(f, &first);
	if (n) {
		f->cur = first;
		app_message(app, true, _("%d field(s) to correct: %s %s"), n, _(f->f[first].def.label),
			    f->f[first].msg);
		return;
	}
	app->message[0] = '\0'; /* the save may say something of its own */
	enum db_status s = f->ops->save(app, f);
	if (s == DB_OK) {
		form_drop_draft(app, f);
		if (!app->message[0])
			app_message(app, false, "%s", _("Saved."));
		form_close(app, f, true);
	} else if (s == DB_ERR_CONFLICT) {
		show_conflict(app, f);
	} else if (count_errors(f, &first) > 0) {
		/* The form's save refused with a message on a field. */
		f->cur = first;
		app_message(app, true, "%s %s", _(f->f[first].def.label), f->f[first].msg);
	} else if (s == DB_ERR_BUSY) {
		app_message(app, true, "%s", _("The register is busy in another session; press F2 again in a moment."));
	} else if (s == DB_ERR_DENIED) {
		app_message(app, true, "%s", reg_status_text(&app->reg, s));
	} else {
		app_message(app, true, _("Could not save: %s"), reg_status_text(&app->reg, s));
	}
}
