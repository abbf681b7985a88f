/* tui/form_view.c - a form on the screen: its fields drawn label by
 * label, the keys that edit them, and $EDITOR for a text box. */
#include "form.h"

#include "app.h"
#include "core/xalloc.h"
#include "draw.h"
#include "edit.h"
#include "keys.h"
#include "question.h"
#include "views.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define AREA_ROWS 3

static struct form *form_of(const struct view *v)
{
	return v->priv;
}

static struct ffield *cur(const struct form *f)
{
	return &f->f[f->cur];
}

static bool has_list(const struct ffield *ff)
{
	return ff->def.kind == FK_SELECT || ff->def.kind == FK_LINK;
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

static void draw_area(struct app *app, struct ffield *ff, bool focus, int y, int x, int w, attr_t a)
{
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
}

/* The value as shown: the editor's window over it, cursor position. */
static void draw_value(struct app *app, struct ffield *ff, bool focus, int y, int x, int w)
{
	attr_t a = A_UNDERLINE | (ff->readonly ? draw_attr(C_DIM) : 0);
	if (ff->def.kind == FK_AREA) {
		draw_area(app, ff, focus, y, x, w, a);
		return;
	}
	if (ff->def.kind == FK_YESNO) {
		draw_text(y, x, w, ff->yes > 0 ? _("Yes") : ff->yes == 0 ? _("No") : "", a, TEXT_LEFT);
		if (focus) {
			app->cursor_y = y;
			app->cursor_x = x;
		}
		return;
	}
	size_t start, end;
	int cx;
	le_view(&ff->le, w, &start, &end, &cx);
	/* A PIN shows as stars (its characters are digits: one column each). */
	char *part = ff->secret ? x_calloc(end - start + 1, 1) : x_strndup(ff->le.buf + start, end - start);
	if (ff->secret)
		memset(part, '*', end - start);
	draw_text(y, x, w, part, a, TEXT_LEFT);
	x_free(&part);
	if (focus) {
		app->cursor_y = y;
		app->cursor_x = x + cx;
	}
}

/* What follows a field's value: its message, or a hint for the field
 * with the cursor. */
static void draw_note(struct app *app, const struct ffield *ff, bool focus, int y, int x, int w, int rows)
{
	if (ff->msg) {
		char *m = x_asprintf("%s%s", ff->warning ? _("Note: ") : "", ff->msg);
		draw_wrapped(y, x, w, rows, m, ff->warning ? A_BOLD : draw_attr(C_ERROR));
		x_free(&m);
	} else if (focus && has_list(ff)) {
		char k[16];
		key_to_name(keymap_key_for(&app->km, "form", ACT_CHOOSE), k);
		char *hint = x_asprintf(_("%s or typing opens the list"), k);
		draw_text(y, x, w, hint, draw_attr(C_DIM), TEXT_LEFT);
		x_free(&hint);
	} else if (focus && ff->def.kind == FK_YESNO) {
		draw_text(y, x, w, _("Space switches"), draw_attr(C_DIM), TEXT_LEFT);
	}
}

/* Scroll so that the field with the cursor shows whole. */
static void scroll_to_cursor(struct form *f, int body)
{
	int total = 0, cur_top = 0;
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
}

static void fv_draw(struct view *v)
{
	struct app *app = v->app;
	struct form *f = form_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	char title[256];
	snprintf(title, sizeof title, "%s%s", f->title, f->dirty ? _(" (changed)") : "");
	draw_text(r.y, r.x + 1, r.w - 2, title, A_BOLD, TEXT_LEFT);
	int lw = label_width(f, r.w);
	int vx = r.x + 1 + lw + 2;
	int avail = r.w - (vx - r.x) - 1;
	scroll_to_cursor(f, r.h - 2);
	int row = 0;
	for (int i = 0; i < f->n; i++) {
		struct ffield *ff = &f->f[i];
		int fr = rows_of(ff), ry = r.y + 2 + row - f->scroll;
		row += fr;
		f->field_y[i] = -1;
		if (ry < r.y + 2 || ry + fr > r.y + r.h)
			continue;
		f->field_y[i] = ry;
		bool focus = i == f->cur && view_top(app) == v;
		char label[96];
		snprintf(label, sizeof label, "%s%s", _(ff->def.label), ff->def.required ? " *" : "");
		draw_text(ry, r.x + 1, lw, label, i == f->cur ? draw_attr(C_SELECTED) : A_NORMAL, TEXT_RIGHT);
		int vw = natural_width(ff);
		if (vw > avail - 18)
			vw = avail - 18 > 10 ? avail - 18 : 10;
		if (i == f->cur) {
			f->value_x = vx;
			f->value_w = vw;
		}
		draw_value(app, ff, focus, ry, vx, vw);
		draw_note(app, ff, i == f->cur, ry, vx + vw + 1, r.x + r.w - (vx + vw + 1), fr);
	}
	/* The message of the field with the cursor, whole, in the status line. */
	struct ffield *cf = cur(f);
	if (!app->message[0] && cf->msg && view_top(app) == v) {
		app_message(app, !cf->warning, "%s%s %s", cf->warning ? _("Note: ") : "", _(cf->def.label), cf->msg);
		app->dirty = false; /* drawn now, with the rest */
	}
}

/* ---- $EDITOR ---- */

static char *write_temp(const struct ffield *ff)
{
	const char *tmp = getenv("TMPDIR");
	char *path = x_asprintf("%s/juwei-XXXXXX.txt", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemps(path, 4);
	if (fd < 0) {
		x_free(&path);
		return NULL;
	}
	size_t len = ff->ta.len;
	bool ok = write(fd, ff->ta.buf, len) == (ssize_t)len && write(fd, "\n", 1) == 1;
	close(fd);
	if (!ok) {
		unlink(path);
		x_free(&path);
	}
	return path;
}

static int run_editor(const char *path)
{
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
	int rc = system(cmd);
	reset_prog_mode();
	keys_paste_on();
	clearok(curscr, TRUE);
	x_free(&cmd);
	return rc;
}

/* Hand a text area to the user's editor, as git and mutt do. */
static void external_editor(struct app *app, struct form *f)
{
	struct ffield *ff = cur(f);
	char *path = write_temp(ff);
	if (!path) {
		app_message(app, true, "%s", _("Could not make a temporary file for the editor."));
		return;
	}
	size_t n = 0;
	char *text = run_editor(path) == 0 ? x_read_file(path, 1 << 20, &n) : NULL;
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
	if (ff->ta.max && ta_chars(&probe) > ff->ta.max)
		app_message(app, true, _("Too long: at most %d characters. The text is unchanged."), (int)ff->ta.max);
	else if (strcmp(probe.buf, ff->ta.buf) != 0) {
		ta_set(&ff->ta, text);
		form_changed(f);
	}
	ta_free(&probe);
	x_free(&text);
}

/* ---- typing ---- */

static void typed(struct app *app, struct form *f, enum le_result r)
{
	if (r == LE_CHANGED) {
		form_changed(f);
	} else if (r == LE_TOO_LONG) {
		struct ffield *ff = cur(f);
		app_message(app, true, _("Too long: %s takes at most %d characters."), _(ff->def.label), ff->def.max);
	}
}

static void type_yesno(struct form *f, struct ffield *ff, const char *s)
{
	int was = ff->yes;
	if (strchr("yY1", s[0]) || strncmp(s, "是", 3) == 0)
		ff->yes = 1;
	else if (strchr("nN0", s[0]) || strncmp(s, "否", 3) == 0)
		ff->yes = 0;
	else if (s[0] == ' ')
		ff->yes = ff->yes > 0 ? 0 : 1;
	if (ff->yes != was)
		form_changed(f);
}

static void insert_text(struct app *app, struct form *f, const char *s)
{
	struct ffield *ff = cur(f);
	if (ff->readonly)
		return;
	switch (ff->def.kind) {
	case FK_AREA:
		typed(app, f, ta_insert(&ff->ta, s));
		break;
	case FK_SELECT: case FK_LINK:
		picker_open(app, f, s);
		break;
	case FK_YESNO:
		type_yesno(f, ff, s);
		break;
	case FK_NUMBER:
		for (const char *p = s; *p; p++)
			if (*p < '0' || *p > '9') {
				app_message(app, true, "%s", _("Only digits go here."));
				return;
			}
		typed(app, f, le_insert(&ff->le, s));
		break;
	default:
		typed(app, f, le_insert(&ff->le, s));
		break;
	}
}

/* An editing key on the current field.  A list or yes/no field has no
 * text to edit: deleting clears it. */
static bool edit_field(struct app *app, struct form *f, enum action a)
{
	struct ffield *ff = cur(f);
	enum le_result r = LE_NOTHING;
	if (has_list(ff) || ff->def.kind == FK_YESNO) {
		if (a != ACT_DELETE_BEFORE && a != ACT_DELETE_UNDER)
			return true; /* nothing to move over */
		le_set(&ff->le, "");
		ff->link_id = 0;
		ff->yes = -1;
		typed(app, f, LE_CHANGED);
		return true;
	}
	int tw = f->value_w > 2 ? f->value_w - 1 : 40;
	bool done = ff->def.kind == FK_AREA ? ta_apply(&ff->ta, a, tw, &r) : le_apply(&ff->le, a, &r);
	if (done)
		typed(app, f, r);
	return done;
}

static int fv_key(struct view *v, int k)
{
	struct app *app = v->app;
	struct form *f = form_of(v);
	struct ffield *ff = cur(f);
	bool area = ff->def.kind == FK_AREA;
	if (ff->readonly && k != JK_ENTER)
		return NOT_HANDLED;
	if (k == JK_ENTER) {
		if (area)
			typed(app, f, ta_insert(&ff->ta, "\n"));
		else if (has_list(ff))
			picker_open(app, f, "");
		else
			form_step(app, f, 1);
		return REDRAW;
	}
	int tw = f->value_w > 2 ? f->value_w - 1 : 40;
	if (area && k == JK_UP && ta_up(&ff->ta, tw) != LE_NOTHING)
		return REDRAW;
	if (area && k == JK_DOWN && ta_down(&ff->ta, tw) != LE_NOTHING)
		return REDRAW;
	enum action a = edit_action(app, k);
	if (a != ACT_NONE)
		return edit_field(app, f, a) ? REDRAW : NOT_HANDLED;
	if (!edit_is_text(app, k))
		return NOT_HANDLED;
	char buf[5];
	buf[utf8_encode((uint32_t)k, buf)] = '\0';
	insert_text(app, f, buf);
	return REDRAW;
}

static void fv_paste(struct view *v, const char *text)
{
	insert_text(v->app, form_of(v), text);
}

/* ---- actions ---- */

enum {
	CAN_CHOOSE = NEED_VIEW(0),  /* the field has a list */
	CAN_EDITOR = NEED_VIEW(1),  /* the field is a text box */
};

static unsigned fv_state(const struct view *v)
{
	const struct ffield *ff = cur(form_of(v));
	return (has_list(ff) && !ff->readonly ? CAN_CHOOSE : 0) | (ff->def.kind == FK_AREA ? CAN_EDITOR : 0);
}

static int run_save(struct view *v, enum action a)
{
	(void)a;
	form_save(v->app, form_of(v));
	return REDRAW;
}

static int run_step(struct view *v, enum action a)
{
	int step = a == ACT_NEXT_PANE || a == ACT_MOVE_DOWN ? 1 : a == ACT_PAGE_DOWN ? 8
		 : a == ACT_PAGE_UP ? -8 : -1;
	struct form *f = form_of(v);
	for (int i = 0; i < abs(step); i++)
		form_step(v->app, f, step > 0 ? 1 : -1);
	return REDRAW;
}

static int run_choose(struct view *v, enum action a)
{
	(void)a;
	picker_open(v->app, form_of(v), "");
	return REDRAW;
}

static int run_editor_action(struct view *v, enum action a)
{
	(void)a;
	external_editor(v->app, form_of(v));
	return REDRAW;
}

static void discard(struct app *app, void *ctx)
{
	struct form *f = ctx;
	form_drop_draft(app, f);
	form_close(app, f, false);
	app_message(app, false, "%s", _("The changes were discarded."));
}

static int run_back(struct view *v, enum action a)
{
	(void)a;
	struct form *f = form_of(v);
	if (!f->dirty) {
		form_close(v->app, f, false);
		return REDRAW;
	}
	struct question q = {
		.title = _(" Discard changes?"),
		.text = _("What you typed in this form has not been saved."),
		.keys = _("y discards it   n or Esc goes back to the form"),
		.answers = { { 'y', 0, discard }, { 'n', JK_ESC, NULL } },
		.ctx = f,
	};
	question_ask(v->app, &q);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_SAVE, run_save, 0, NULL },
	{ ACT_NEXT_PANE, run_step, 0, N_("Next field") },
	{ ACT_PREV_PANE, run_step, 0, NULL },
	{ ACT_MOVE_DOWN, run_step, 0, NULL },
	{ ACT_MOVE_UP, run_step, 0, NULL },
	{ ACT_PAGE_DOWN, run_step, 0, NULL },
	{ ACT_PAGE_UP, run_step, 0, NULL },
	{ ACT_CHOOSE, run_choose, CAN_CHOOSE, NULL },
	{ ACT_EDITOR, run_editor_action, CAN_EDITOR, NULL },
	{ ACT_BACK, run_back, 0, NULL },
	VIEW_END,
};

static void fv_status(const struct view *v, char *buf, int size)
{
	const struct form *f = form_of(v);
	snprintf(buf, (size_t)size, _("Field %d/%d"), f->cur + 1, f->n);
}

static int fv_mouse(struct view *v, int y, int x, enum mouse_event ev)
{
	(void)x;
	struct form *f = form_of(v);
	if (ev != MOUSE_CLICK)
		return DONE;
	for (int i = 0; i < f->n; i++)
		if (f->field_y[i] >= 0 && y >= f->field_y[i] && y < f->field_y[i] + rows_of(&f->f[i]) &&
		    !f->f[i].readonly)
			form_go_to(v->app, f, i);
	return REDRAW;
}

static void fv_tick(struct view *v, bool force)
{
	form_tick(v->app, form_of(v), force);
}

static bool fv_unsaved(const struct view *v)
{
	return form_of(v)->dirty;
}

static bool fv_open(struct view *v, const void *arg)
{
	struct form *f = (struct form *)arg;
	v->priv = f;
	f->view = v;
	return true;
}

static void fv_close(struct view *v)
{
	struct form *f = v->priv;
	form_free(&f);
	v->priv = NULL;
}

const struct view_ops form_view = {
	.name = "form",
	.scope = "form",
	.flags = VIEW_MODAL,
	.open = fv_open,
	.close = fv_close,
	.draw = fv_draw,
	.key = fv_key,
	.actions = actions,
	.state = fv_state,
	.status = fv_status,
	.mouse = fv_mouse,
	.paste = fv_paste,
	.tick = fv_tick,
	.unsaved = fv_unsaved,
};
