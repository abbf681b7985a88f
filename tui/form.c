/* tui/form.c - the form engine: editing, drawing, popups, drafts. */
#include "form.h"

#include "app.h"
#include "core/date.h"
#include "core/pinyin.h"
#include "core/xalloc.h"
#include "draw.h"
#include "keys.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define AREA_ROWS 3
#define POP_ROWS 8
#define MAX_HITS 200

/* ---- building a form ---- */

struct form *form_new(const struct form_ops *ops, void *ctx, const char *title)
{
	struct form *f = x_calloc(1, sizeof *f);
	f->ops = ops;
	f->ctx = ctx;
	f->title = x_strdup(title);
	le_init(&f->query, 40);
	return f;
}

struct ffield *form_add(struct form *f, const struct field_def *def)
{
	if (f->n == (int)ARRAY_SIZE(f->field_y))
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

static const char *value_of(const struct ffield *ff)
{
	return ff->def.kind == FK_AREA ? ff->ta.buf : ff->le.buf;
}

const char *form_get(const struct form *f, const char *key)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].def.key, key) == 0)
			return value_of(&f->f[i]);
	return NULL;
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

void form_set(struct form *f, const char *key, const char *value)
{
	struct ffield *ff = form_field(f, key);
	if (!ff)
		return;
	if (ff->def.kind == FK_AREA) {
		ta_set(&ff->ta, value);
		ff->ta.cur = 0;
	} else {
		le_set(&ff->le, value);
		select_id(ff);
	}
}

void form_msg(struct form *f, const char *key, const char *msg, bool warning)
{
	struct ffield *ff = form_field(f, key);
	if (!ff || (ff->msg && !ff->warning && warning))
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
			form_set(f, ff->def.key, v);
		if (ff->def.kind == FK_LINK) {
			char key[96];
			snprintf(key, sizeof key, "%s#id", ff->def.key);
			const char *id = kv_get(kv, key);
			if (id)
				ff->link_id = strtoll(id, NULL, 10);
		}
	}
}

static void free_hits(struct form *f)
{
	for (int i = 0; i < f->n_hits; i++)
		x_free(&f->hits[i].label);
	x_free(&f->hits);
	f->n_hits = f->hit_sel = f->hit_top = 0;
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
	le_free(&f->query);
	free_hits(f);
	kv_free(&f->orig);
	kv_free(&f->conflict_now);
	x_free(&f->conflict_text);
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

void form_tick(struct app *app, bool force)
{
	struct form *f = app->form;
	if (!f || !f->draft_name || !f->dirty || !f->draft_pending)
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

static void drop_draft(struct app *app, struct form *f)
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

/* ---- opening and closing ---- */

void form_open(struct app *app, struct form *f)
{
	kv_free(&f->orig);
	form_to_kv(f, &f->orig);
	f->cur = 0;
	while (f->cur < f->n - 1 && f->f[f->cur].readonly)
		f->cur++;
	f->draft_at = app_elapsed_ms();
	form_free(&app->form);
	app->form = f;
	char *saved_at = NULL;
	if (f->draft_name &&
	    reg_draft_load(&app->reg, f->draft_name, f->record_id, &f->draft_json, &saved_at) == DB_OK) {
		f->pop = POP_RESTORE;
		app_message(app, false, _("An unsaved draft of this form from %s was kept."), saved_at);
	}
	x_free(&saved_at);
}

static void close_form(struct app *app, bool saved)
{
	struct form *f = app->form;
	if (f->ops->closed)
		f->ops->closed(app, f, saved);
	form_free(&app->form);
}

/* ---- fields ---- */

static struct ffield *cur(const struct app *app)
{
	return &app->form->f[app->form->cur];
}

static bool has_list(const struct ffield *ff)
{
	return ff->def.kind == FK_SELECT || ff->def.kind == FK_LINK;
}

static void changed(struct form *f)
{
	f->dirty = true;
	f->draft_pending = true;
}

/* Leaving a field: dates are read into ISO form, and the form's own
 * cheap checks run; their messages show for the fields visited. */
static void leave(struct app *app)
{
	struct form *f = app->form;
	struct ffield *ff = cur(app);
	if (ff->def.kind == FK_DATE && ff->le.len) {
		char iso[11];
		const char *err = date_parse_input(ff->le.buf, app->today, iso);
		if (!err && strcmp(iso, ff->le.buf) != 0)
			le_set(&ff->le, iso);
	}
	bool *seen = x_calloc((size_t)f->n, sizeof *seen);
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
	x_free(&seen);
}

static void go_to(struct app *app, int i)
{
	struct form *f = app->form;
	if (i < 0 || i >= f->n || i == f->cur)
		return;
	leave(app);
	f->cur = i;
}

static void step(struct app *app, int dir)
{
	struct form *f = app->form;
	int i = f->cur + dir;
	while (i >= 0 && i < f->n && f->f[i].readonly)
		i += dir;
	go_to(app, i);
}

/* ---- value lists and search popups ---- */

static bool choice_matches(const char *choice, const char *query)
{
	if (!*query)
		return true;
	char *a = text_fold(choice), *b = text_fold(query);
	bool ok = strstr(a, b) != NULL || pinyin_match(choice, query, NULL);
	x_free(&a);
	x_free(&b);
	return ok;
}

static void fill_hits(struct app *app)
{
	struct form *f = app->form;
	struct ffield *ff = cur(app);
	free_hits(f);
	f->hits = x_calloc(MAX_HITS, sizeof *f->hits);
	if (ff->def.kind == FK_SELECT) {
		for (int i = 0; i < ff->n_choices && f->n_hits < MAX_HITS; i++)
			if (choice_matches(ff->choices[i], f->query.buf)) {
				f->hits[f->n_hits].id = i;
				f->hits[f->n_hits++].label = x_strdup(ff->choices[i]);
			}
		/* Start on the current value when it is listed. */
		for (int i = 0; i < f->n_hits; i++)
			if (strcmp(f->hits[i].label, ff->le.buf) == 0)
				f->hit_sel = i;
	} else if (f->ops->link_search) {
		f->n_hits = f->ops->link_search(app, f, ff->def.key, f->query.buf, f->hits, MAX_HITS);
	}
}

static void open_list(struct app *app, const char *typed)
{
	struct form *f = app->form;
	le_set(&f->query, typed ? typed : "");
	f->pop = POP_LIST;
	fill_hits(app);
}

static void pick(struct app *app)
{
	struct form *f = app->form;
	struct ffield *ff = cur(app);
	if (f->hit_sel >= f->n_hits)
		return;
	const struct link_hit *h = &f->hits[f->hit_sel];
	if (ff->def.kind == FK_SELECT) {
		le_set(&ff->le, h->label);
		select_id(ff);
	} else {
		le_set(&ff->le, h->label);
		ff->link_id = h->id;
		if (f->ops->link_pick)
			f->ops->link_pick(app, f, ff->def.key, h);
	}
	changed(f);
	f->pop = POP_NONE;
	free_hits(f);
	step(app, 1);
}

/* ---- $EDITOR ---- */

/* Hand a text area to the user's editor, as git and mutt do. */
static void external_editor(struct app *app)
{
	struct ffield *ff = cur(app);
	const char *tmp = getenv("TMPDIR");
	char *path = x_asprintf("%s/juwei-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		app_message(app, true, "%s", _("Could not make a temporary file for the editor."));
		x_free(&path);
		return;
	}
	size_t len = ff->ta.len;
	bool ok = write(fd, ff->ta.buf, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	close(fd);
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed)
		ed = "vi";
	/* The path is ours (no quotes in it); the editor may carry options. */
	char *cmd = x_asprintf("%s '%s'", ed, path);
	def_prog_mode();
	keys_paste_off();
	endwin();
	int rc = ok ? system(cmd) : -1;
	reset_prog_mode();
	keys_paste_on();
	clearok(curscr, TRUE);
	x_free(&cmd);
	size_t n = 0;
	char *text = rc == 0 ? x_read_file(path, 1 << 20, &n) : NULL;
	unlink(path);
	x_free(&path);
	if (!text) {
		app_message(app, true, "%s", _("The editor failed; the text is unchanged."));
		return;
	}
	if (n && text[n - 1] == '\n')
		text[n - 1] = '\0';
	struct textarea probe;
	ta_init(&probe, 0);
	ta_set(&probe, text);
	if (ff->ta.max && ta_chars(&probe) > ff->ta.max) {
		app_message(app, true, _("Too long: at most %d characters. The text is unchanged."),
			    (int)ff->ta.max);
	} else if (strcmp(probe.buf, ff->ta.buf) != 0) {
		ta_set(&ff->ta, text);
		changed(app->form);
	}
	ta_free(&probe);
	x_free(&text);
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
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].def.key, key) == 0)
			return _(f->f[i].def.label);
	return key;
}

/* Someone else saved first: say what they changed. */
static void show_conflict(struct app *app)
{
	struct form *f = app->form;
	kv_free(&f->conflict_now);
	x_free(&f->conflict_text);
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
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	for (size_t i = 0; i < f->conflict_now.n; i++) {
		const char *key = f->conflict_now.keys[i], *now = f->conflict_now.vals[i];
		const char *was = kv_get(&f->orig, key), *mine = form_get(f, key);
		if (!was || strcmp(was, now) == 0)
			continue;
		sb_addf(&sb, _("%s: %s → %s"), label_of(f, key), *was ? was : "-", *now ? now : "-");
		if (mine && strcmp(mine, was) != 0)
			sb_addf(&sb, _(" (you typed %s)"), *mine ? mine : "-");
		sb_addc(&sb, '\n');
	}
	if (!sb.len)
		sb_adds(&sb, _("No field of this form differs, but the record was saved meanwhile."));
	f->conflict_text = sb_take(&sb);
	f->pop = POP_CONFLICT;
	app_message(app, true, "%s", _("Someone else saved this record after you opened it."));
}

static void save(struct app *app)
{
	struct form *f = app->form;
	leave(app);
	form_clear_msgs(f);
	if (f->ops->check)
		f->ops->check(app, f, true);
	int first;
	int n = count_errors(f, &first);
	if (n) {
		f->cur = first;
		app_message(app, true, _("%d field(s) to correct: %s %s"), n,
			    _(f->f[first].def.label), f->f[first].msg);
		return;
	}
	app->message[0] = '\0'; /* the save may say something of its own */
	enum db_status s = f->ops->save(app, f);
	if (s == DB_OK) {
		drop_draft(app, f);
		if (!app->message[0])
			app_message(app, false, "%s", _("Saved."));
		close_form(app, true);
	} else if (s == DB_ERR_CONFLICT) {
		show_conflict(app);
	} else if (count_errors(f, &first) > 0) {
		/* The form's save refused with a message on a field. */
		f->cur = first;
		app_message(app, true, "%s %s", _(f->f[first].def.label), f->f[first].msg);
	} else if (s == DB_ERR_BUSY) {
		app_message(app, true, "%s", _("The register is busy in another session; press F2 again in a moment."));
	} else {
		app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
	}
}

/* ---- drawing ---- */

static int label_width(const struct form *f, int avail)
{
	int w = 4, cap = avail / 3 < 20 ? avail / 3 : 20;
	for (int i = 0; i < f->n; i++) {
		int lw = text_width(_(f->f[i].def.label)) + (f->f[i].def.required ? 2 : 0);
		if (lw > w)
			w = lw;
	}
	return w > cap ? cap : w;
}

static int natural_width(const struct ffield *ff)
{
	switch (ff->def.kind) {
	case FK_DATE: return 12;
	case FK_YESNO: return 5;
	case FK_NUMBER: return (ff->def.max > 0 ? ff->def.max : 8) + 2;
	case FK_SELECT: {
		int w = 8;
		for (int i = 0; i < ff->n_choices; i++)
			if (text_width(ff->choices[i]) + 2 > w)
				w = text_width(ff->choices[i]) + 2;
		return w;
	}
	case FK_LINK: case FK_AREA: return 60;
	case FK_TEXT: default: {
		int m = ff->def.max > 0 ? ff->def.max : 30;
		return m * 2 + 2 > 60 ? 60 : m * 2 + 2;
	}
	}
}

static int rows_of(const struct ffield *ff)
{
	return ff->def.kind == FK_AREA ? AREA_ROWS : 1;
}

/* The value as shown: the editor's window over it, cursor position. */
static void draw_value(struct app *app, struct ffield *ff, bool focus, int y, int x, int w)
{
	attr_t a = A_UNDERLINE | (ff->readonly ? draw_attr(C_DIM) : 0);
	if (ff->def.kind == FK_AREA) {
		struct ta_line *l;
		int tw = w - 1;
		if (focus)
			ta_scroll_to_cursor(&ff->ta, tw, AREA_ROWS);
		int n = ta_layout(&ff->ta, tw, &l);
		for (int r = 0; r < AREA_ROWS; r++) {
			int k = ff->ta.scroll + r;
			char *line = k < n ? x_strndup(ff->ta.buf + l[k].start, l[k].end - l[k].start) : x_strdup("");
			draw_text(y + r, x, w, line, a, TEXT_LEFT);
			x_free(&line);
		}
		if (focus) {
			int cl, cc;
			ta_cursor(&ff->ta, tw, &cl, &cc);
			app->cursor_y = y + cl - ff->ta.scroll;
			app->cursor_x = x + cc;
		}
		x_free(&l);
		return;
	}
	size_t start, end;
	int cx;
	le_view(&ff->le, w, &start, &end, &cx);
	char *shown = x_strndup(ff->le.buf + start, end - start);
	draw_text(y, x, w, shown, a, TEXT_LEFT);
	x_free(&shown);
	if (focus) {
		app->cursor_y = y;
		app->cursor_x = x + cx;
	}
}

/* A box of h rows and w columns at (y, x) with a title row. */
static void draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t t = draw_attr(C_HEADER);
	draw_text(y, x, w, title, t, TEXT_LEFT);
	for (int r = 1; r < h; r++) {
		draw_blank(y + r, x, w, A_NORMAL);
		mvaddch(y + r, x, ACS_VLINE);
		mvaddch(y + r, x + w - 1, ACS_VLINE);
	}
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
}

static void draw_list_popup(struct app *app, int top, int bottom, int left, int right)
{
	struct form *f = app->form;
	struct ffield *ff = cur(app);
	int w = f->value_w + 2 > 34 ? f->value_w + 2 : 34;
	if (w > right - left)
		w = right - left;
	int x = f->value_x - 1;
	if (x + w > right)
		x = right - w;
	if (x < left)
		x = left;
	int rows = f->n_hits < POP_ROWS ? f->n_hits : POP_ROWS;
	if (rows < 1)
		rows = 1;
	int h = rows + 3; /* title, query, rows, bottom line */
	int fy = f->field_y[f->cur];
	int y = fy + 1;
	if (y + h > bottom)
		y = fy - h >= top ? fy - h : bottom - h;
	if (y < top)
		y = top;
	char title[160];
	snprintf(title, sizeof title, " %s  %s", _(ff->def.label),
		 ff->def.kind == FK_LINK ? _("type to search, Enter picks, Esc closes")
					 : _("type to narrow, Enter picks, Esc closes"));
	draw_box(y, x, h, w, title);
	/* The query line, with the cursor in it. */
	const char *lbl = _("Find: ");
	int lw = text_width(lbl);
	draw_text(y + 1, x + 1, lw, lbl, A_BOLD, TEXT_LEFT);
	size_t s, e;
	int cx;
	le_view(&f->query, w - 2 - lw, &s, &e, &cx);
	char *q = x_strndup(f->query.buf + s, e - s);
	draw_text(y + 1, x + 1 + lw, w - 2 - lw, q, A_UNDERLINE, TEXT_LEFT);
	x_free(&q);
	if (f->hit_sel < f->hit_top)
		f->hit_top = f->hit_sel;
	if (f->hit_sel >= f->hit_top + rows)
		f->hit_top = f->hit_sel - rows + 1;
	if (f->n_hits == 0)
		draw_text(y + 2, x + 1, w - 2, _("Nothing matches."), draw_attr(C_DIM), TEXT_LEFT);
	for (int r = 0; r < rows && f->hit_top + r < f->n_hits; r++) {
		int k = f->hit_top + r;
		draw_text(y + 2 + r, x + 1, w - 2, f->hits[k].label,
			  k == f->hit_sel ? draw_attr(C_SELECTED) : A_NORMAL, TEXT_LEFT);
	}
	app->cursor_y = y + 1;
	app->cursor_x = x + 1 + lw + cx;
}

/* A question in a box in the middle: text (lines) and the keys. */
static void draw_question(struct app *app, int y0, int x0, int h0, int w0, const char *title,
			  const char *text, const char *keys)
{
	int w = w0 - 4 < 70 ? w0 - 4 : 70;
	int lines = 0;
	/* Count wrapped lines of each paragraph. */
	char *copy = x_strdup(text);
	for (char *p = copy, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		int tw = text_width(p);
		lines += tw / (w - 4) + 1;
	}
	int max_lines = h0 - 6;
	if (lines > max_lines)
		lines = max_lines;
	int h = lines + 5;
	int y = y0 + (h0 - h) / 2, x = x0 + (w0 - w) / 2;
	draw_box(y, x, h, w, title);
	int row = y + 2;
	x_free(&copy);
	copy = x_strdup(text);
	for (char *p = copy, *nl; p && *p && row < y + 2 + lines; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		row += draw_wrapped(row, x + 2, w - 4, y + 2 + lines - row, p, A_NORMAL);
	}
	x_free(&copy);
	draw_text(y + h - 2, x + 2, w - 4, keys, A_BOLD, TEXT_LEFT);
	app->cursor_y = -1;
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct form *f = app->form;
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	char title[256];
	snprintf(title, sizeof title, "%s%s", f->title, f->dirty ? _(" (changed)") : "");
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	int lw = label_width(f, w);
	int vx = x + 1 + lw + 2;
	int avail = w - (vx - x) - 1;
	/* Rows of every field, then scroll so the current one shows. */
	int body = h - 2, total = 0, cur_top = 0;
	for (int i = 0; i < f->n; i++) {
		if (i == f->cur)
			cur_top = total;
		total += rows_of(&f->f[i]);
	}
	int cur_rows = rows_of(&f->f[f->cur]);
	if (cur_top < f->scroll)
		f->scroll = cur_top;
	if (cur_top + cur_rows > f->scroll + body)
		f->scroll = cur_top + cur_rows - body;
	if (f->scroll > 0 && total - f->scroll < body)
		f->scroll = total > body ? total - body : 0;
	int row = 0;
	for (int i = 0; i < f->n; i++) {
		struct ffield *ff = &f->f[i];
		int fr = rows_of(ff), ry = y + 2 + row - f->scroll;
		row += fr;
		f->field_y[i] = -1;
		if (ry < y + 2 || ry + fr > y + h)
			continue;
		f->field_y[i] = ry;
		bool focus = i == f->cur;
		char label[96];
		snprintf(label, sizeof label, "%s%s", _(ff->def.label), ff->def.required ? " *" : "");
		draw_text(ry, x + 1, lw, label, focus ? draw_attr(C_SELECTED) : A_NORMAL, TEXT_RIGHT);
		int vw = natural_width(ff);
		if (vw > avail - 18)
			vw = avail - 18 > 10 ? avail - 18 : 10;
		if (focus) {
			f->value_x = vx;
			f->value_w = vw;
		}
		draw_value(app, ff, focus && f->pop == POP_NONE, ry, vx, vw);
		if (ff->msg) {
			char *m = x_asprintf("%s%s", ff->warning ? _("Note: ") : "", ff->msg);
			draw_wrapped(ry, vx + vw + 1, x + w - (vx + vw + 1), fr, m,
				     ff->warning ? A_BOLD : draw_attr(C_ERROR));
			x_free(&m);
		} else if (focus && has_list(ff)) {
			char k[16];
			key_to_name(keymap_key_for(&app->km, "form", ACT_CHOOSE), k);
			char *hint = x_asprintf(_("%s or typing opens the list"), k);
			draw_text(ry, vx + vw + 1, x + w - (vx + vw + 1), hint, draw_attr(C_DIM), TEXT_LEFT);
			x_free(&hint);
		} else if (focus && ff->def.kind == FK_YESNO) {
			draw_text(ry, vx + vw + 1, x + w - (vx + vw + 1), _("Space switches"),
				  draw_attr(C_DIM), TEXT_LEFT);
		}
	}
	/* The message of the field with the cursor, whole, in the status line. */
	struct ffield *cf = &f->f[f->cur];
	if (!app->message[0] && cf->msg && f->pop == POP_NONE)
		app_message(app, !cf->warning, "%s%s %s", cf->warning ? _("Note: ") : "",
			    _(cf->def.label), cf->msg);
	switch (f->pop) {
	case POP_LIST:
		draw_list_popup(app, y, y + h, x, x + w);
		break;
	case POP_DISCARD:
		draw_question(app, y, x, h, w, _(" Discard changes?"),
			      _("What you typed in this form has not been saved."),
			      _("y discards it   n or Esc goes back to the form"));
		break;
	case POP_CONFLICT:
		draw_question(app, y, x, h, w, _(" Someone else saved this record"),
			      f->conflict_text,
			      _("r reloads theirs (drops yours)   o saves yours over theirs   Esc goes back"));
		break;
	case POP_RESTORE:
		draw_question(app, y, x, h, w, _(" Restore the draft?"),
			      _("This form was not finished last time (the link dropped or juwei was closed). "
				"Its content was kept as a draft."),
			      _("Enter or y restores it   n or Esc drops it"));
		break;
	case POP_NONE:
		break;
	}
}

/* ---- input ---- */

static int list_key(struct app *app, int key)
{
	struct form *f = app->form;
	enum le_result r = LE_NOTHING;
	switch (key) {
	case JK_ESC:
		f->pop = POP_NONE;
		free_hits(f);
		return REDRAW_ALL;
	case JK_ENTER: case JK_TAB:
		pick(app);
		return REDRAW_ALL;
	case JK_UP:
		if (f->hit_sel > 0)
			f->hit_sel--;
		return REDRAW_ALL;
	case JK_DOWN:
		if (f->hit_sel + 1 < f->n_hits)
			f->hit_sel++;
		return REDRAW_ALL;
	case JK_PGUP:
		f->hit_sel = f->hit_sel > POP_ROWS ? f->hit_sel - POP_ROWS : 0;
		return REDRAW_ALL;
	case JK_PGDN:
		f->hit_sel += POP_ROWS;
		if (f->hit_sel >= f->n_hits)
			f->hit_sel = f->n_hits > 0 ? f->n_hits - 1 : 0;
		return REDRAW_ALL;
	case JK_LEFT: le_left(&f->query); return REDRAW_ALL;
	case JK_RIGHT: le_right(&f->query); return REDRAW_ALL;
	case JK_BACKSPACE: r = le_backspace(&f->query); break;
	case JK_DELETE: r = le_delete(&f->query); break;
	case 21: r = le_kill_start(&f->query); break;  /* C-u */
	case 23: r = le_kill_word(&f->query); break;   /* C-w */
	default:
		if (key < 0x20 || key >= JK_BASE || key == 0x7f)
			return REDRAW_ALL;
		char buf[5];
		buf[utf8_encode((uint32_t)key, buf)] = '\0';
		r = le_insert(&f->query, buf);
		break;
	}
	if (r == LE_CHANGED) {
		fill_hits(app);
		f->hit_sel = 0;
	}
	return REDRAW_ALL;
}

static int question_key(struct app *app, int key)
{
	struct form *f = app->form;
	bool yes = key == 'y' || key == 'Y';
	bool no = key == 'n' || key == 'N' || key == JK_ESC;
	switch (f->pop) {
	case POP_DISCARD:
		if (yes) {
			drop_draft(app, f);
			close_form(app, false);
			app_message(app, false, "%s", _("The changes were discarded."));
		} else if (no) {
			f->pop = POP_NONE;
		}
		break;
	case POP_RESTORE:
		if (yes || key == JK_ENTER) {
			restore_draft(f);
			f->pop = POP_NONE;
			app_message(app, false, "%s", _("The draft was restored; F2 saves it."));
		} else if (no) {
			x_free(&f->draft_json);
			drop_draft(app, f);
			f->pop = POP_NONE;
			if (f->from_start)
				close_form(app, false);
		}
		break;
	case POP_CONFLICT:
		if (key == 'r' || key == 'R') {
			form_from_kv(f, &f->conflict_now);
			kv_free(&f->orig);
			form_to_kv(f, &f->orig);
			f->version = f->conflict_version;
			f->dirty = false;
			f->pop = POP_NONE;
			drop_draft(app, f);
			app_message(app, false, "%s", _("The form shows the record as it is saved now."));
		} else if (key == 'o' || key == 'O') {
			f->version = f->conflict_version;
			kv_free(&f->orig);
			for (size_t i = 0; i < f->conflict_now.n; i++)
				kv_set(&f->orig, f->conflict_now.keys[i], f->conflict_now.vals[i]);
			f->pop = POP_NONE;
			save(app);
		} else if (key == JK_ESC) {
			f->pop = POP_NONE;
		}
		break;
	default:
		break;
	}
	return REDRAW_ALL;
}

static void typed(struct app *app, enum le_result r)
{
	if (r == LE_CHANGED) {
		changed(app->form);
	} else if (r == LE_TOO_LONG) {
		struct ffield *ff = cur(app);
		app_message(app, true, _("Too long: %s takes at most %d characters."), _(ff->def.label),
			    ff->def.max);
	}
}

static void insert_text(struct app *app, const char *s)
{
	struct ffield *ff = cur(app);
	if (ff->readonly)
		return;
	switch (ff->def.kind) {
	case FK_AREA:
		typed(app, ta_insert(&ff->ta, s));
		break;
	case FK_SELECT: case FK_LINK:
		open_list(app, s);
		break;
	case FK_YESNO:
		if (strchr("yY1", s[0]) || strncmp(s, "是", 3) == 0)
			le_set(&ff->le, "是");
		else if (strchr("nN0", s[0]) || strncmp(s, "否", 3) == 0)
			le_set(&ff->le, "否");
		else if (s[0] == ' ')
			le_set(&ff->le, strcmp(ff->le.buf, "是") == 0 ? "否" : "是");
		else
			return;
		changed(app->form);
		break;
	case FK_NUMBER:
		for (const char *p = s; *p; p++)
			if (*p < '0' || *p > '9') {
				app_message(app, true, "%s", _("Only digits go here."));
				return;
			}
		typed(app, le_insert(&ff->le, s));
		break;
	default:
		typed(app, le_insert(&ff->le, s));
		break;
	}
}

static int key(struct app *app, int k)
{
	struct form *f = app->form;
	switch (f->pop) {
	case POP_LIST:
		return list_key(app, k);
	case POP_DISCARD: case POP_CONFLICT: case POP_RESTORE:
		return question_key(app, k);
	case POP_NONE:
		break;
	}
	struct ffield *ff = cur(app);
	bool area = ff->def.kind == FK_AREA;
	int tw = f->value_w > 2 ? f->value_w - 1 : 40;
	enum le_result r = LE_NOTHING;
	if (ff->readonly && k != JK_ENTER)
		return NOT_HANDLED;
	switch (k) {
	case JK_ENTER:
		if (area) {
			typed(app, ta_insert(&ff->ta, "\n"));
			return REDRAW_ALL;
		}
		if (has_list(ff)) {
			open_list(app, "");
			return REDRAW_ALL;
		}
		step(app, 1);
		return REDRAW_ALL;
	case JK_UP:
		if (area && ta_up(&ff->ta, tw) != LE_NOTHING)
			return REDRAW_ALL;
		return NOT_HANDLED;
	case JK_DOWN:
		if (area && ta_down(&ff->ta, tw) != LE_NOTHING)
			return REDRAW_ALL;
		return NOT_HANDLED;
	case JK_LEFT: r = area ? ta_left(&ff->ta) : le_left(&ff->le); break;
	case JK_RIGHT: r = area ? ta_right(&ff->ta) : le_right(&ff->le); break;
	case JK_HOME: case 1: r = area ? ta_home(&ff->ta, tw) : le_home(&ff->le); break;
	case JK_END: case 5: r = area ? ta_end(&ff->ta, tw) : le_end(&ff->le); break;
	case JK_BACKSPACE:
		if (has_list(ff) || ff->def.kind == FK_YESNO) {
			le_set(&ff->le, "");
			ff->link_id = 0;
			r = LE_CHANGED;
		} else {
			r = area ? ta_backspace(&ff->ta) : le_backspace(&ff->le);
		}
		break;
	case JK_DELETE:
		if (has_list(ff) || ff->def.kind == FK_YESNO) {
			le_set(&ff->le, "");
			ff->link_id = 0;
			r = LE_CHANGED;
		} else {
			r = area ? ta_delete(&ff->ta) : le_delete(&ff->le);
		}
		break;
	case 11: r = area ? ta_kill_end(&ff->ta) : le_kill_end(&ff->le); break;   /* C-k */
	case 21: if (!area) r = le_kill_start(&ff->le); break;                    /* C-u */
	case 23: if (!area) r = le_kill_word(&ff->le); break;                     /* C-w */
	default: {
		if (k < 0x20 || k >= JK_BASE || k == 0x7f)
			return NOT_HANDLED;
		char buf[5];
		buf[utf8_encode((uint32_t)k, buf)] = '\0';
		insert_text(app, buf);
		return REDRAW_ALL;
	}
	}
	typed(app, r);
	return REDRAW_ALL;
}

static void paste(struct app *app, const char *text)
{
	struct form *f = app->form;
	if (f->pop == POP_LIST) {
		if (le_insert(&f->query, text) == LE_CHANGED) {
			fill_hits(app);
			f->hit_sel = 0;
		}
		return;
	}
	if (f->pop != POP_NONE)
		return;
	insert_text(app, text);
}

static int action(struct app *app, enum action a)
{
	struct form *f = app->form;
	if (f->pop != POP_NONE)
		return REDRAW_ALL;
	switch (a) {
	case ACT_SAVE:
		save(app);
		return REDRAW_ALL;
	case ACT_NEXT_PANE: case ACT_MOVE_DOWN:
		step(app, 1);
		return REDRAW_ALL;
	case ACT_PREV_PANE: case ACT_MOVE_UP:
		step(app, -1);
		return REDRAW_ALL;
	case ACT_PAGE_DOWN:
		for (int i = 0; i < 8; i++)
			step(app, 1);
		return REDRAW_ALL;
	case ACT_PAGE_UP:
		for (int i = 0; i < 8; i++)
			step(app, -1);
		return REDRAW_ALL;
	case ACT_CHOOSE:
		if (has_list(cur(app)) && !cur(app)->readonly)
			open_list(app, "");
		return REDRAW_ALL;
	case ACT_EDITOR:
		if (cur(app)->def.kind == FK_AREA)
			external_editor(app);
		return REDRAW_ALL;
	case ACT_BACK:
		if (f->dirty)
			f->pop = POP_DISCARD;
		else
			close_form(app, false);
		return REDRAW_ALL;
	case ACT_QUIT:
		/* Quitting with unsaved work keeps it as a draft. */
		if (f->dirty) {
			f->draft_pending = true;
			form_tick(app, true);
		}
		return NOT_HANDLED;
	default:
		return NOT_HANDLED;
	}
}

static bool supports(const struct app *app, enum action a)
{
	const struct form *f = app->form;
	if (f->pop != POP_NONE)
		return false;
	const struct ffield *ff = &f->f[f->cur];
	switch (a) {
	case ACT_SAVE: case ACT_BACK: case ACT_NEXT_PANE: case ACT_PREV_PANE:
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_QUIT:
		return true;
	case ACT_CHOOSE:
		return has_list(ff) && !ff->readonly;
	case ACT_EDITOR:
		return ff->def.kind == FK_AREA;
	default:
		return false;
	}
}

static const char *current_scope(const struct app *app)
{
	(void)app;
	return "form";
}

static void status(const struct app *app, char *buf, int size)
{
	const struct form *f = app->form;
	snprintf(buf, (size_t)size, _("Field %d/%d"), f->cur + 1, f->n);
}

static int mouse(struct app *app, int y, int x, enum mouse_event ev)
{
	(void)x;
	struct form *f = app->form;
	if (f->pop != POP_NONE || ev != MOUSE_CLICK)
		return REDRAW_NONE;
	for (int i = 0; i < f->n; i++)
		if (f->field_y[i] >= 0 && y >= f->field_y[i] && y < f->field_y[i] + rows_of(&f->f[i]) &&
		    !f->f[i].readonly)
			go_to(app, i);
	return REDRAW_ALL;
}

const struct view_ops form_view = {
	.scope = "form",
	.draw = draw,
	.action = action,
	.key = key,
	.supports = supports,
	.current_scope = current_scope,
	.status = status,
	.mouse = mouse,
	.paste = paste,
};
