/* tui/keybar.c - the F-key bar and the help screen, both drawn from
 * the keymap so they always tell the truth about the bindings. */
#include "app.h"

#include "core/xalloc.h"
#include "draw.h"

#include <stdio.h>
#include <string.h>

/* Actions the app itself handles on every screen. */
static bool app_level(enum action a)
{
	return a == ACT_HELP || a == ACT_QUIT || a == ACT_REDRAW ||
	       (a >= ACT_SECTION_1 && a <= ACT_SECTION_6);
}

static bool offered(const struct app *app, const struct view_ops *v, enum action a)
{
	if (app->help)
		return a == ACT_HELP || a == ACT_QUIT || a == ACT_BACK;
	if (app->form && a >= ACT_SECTION_1 && a <= ACT_SECTION_6)
		return false; /* finish or leave the form first */
	return app_level(a) || (v && v->supports && v->supports(app, a));
}

static const char *scope_of(const struct app *app, const struct view_ops *v)
{
	if (!v)
		return "generic";
	return v->current_scope ? v->current_scope(app) : v->scope;
}

/* Put "KEY" and "label" at x; returns the new x, or -1 when full. */
static int item(int y, int x, int maxx, const char *key, const char *label)
{
	int kw = text_width(key), lw = text_width(label);
	if (x + kw + lw > maxx)
		return -1;
	draw_text(y, x, kw, key, A_NORMAL, TEXT_LEFT);
	draw_text(y, x + kw, lw, label, draw_attr(C_KEYLABEL), TEXT_LEFT);
	return x + kw + lw + 1;
}

void keybar_draw(struct app *app, const struct view_ops *v, int y)
{
	const char *scope = scope_of(app, v);
	draw_blank(y, 0, app->cols, A_NORMAL);
	int x = 0;
	char name[16];
	/* While a line is being typed, Enter and Esc belong to it. */
	bool typing = !app->help && v && v->prompt && v->prompt(app);
	if (typing) {
		x = item(y, x, app->cols, "Enter", _("Keep"));
		if (x >= 0)
			x = item(y, x, app->cols, "Esc", _("Clear"));
		if (x >= 0)
			x++;
	}
	for (int n = 1; n <= 12 && x >= 0; n++) {
		enum action a = keymap_lookup(&app->km, scope, JK_F(n));
		if (a == ACT_NONE || !offered(app, v, a))
			continue;
		x = item(y, x, app->cols, key_to_name(JK_F(n), name), _(action_info(a)->label));
	}
	/* Enter and Esc are not F-keys, but a clerk needs them too. */
	static const enum action extra[] = { ACT_NEXT_PANE, ACT_OPEN, ACT_BACK };
	for (size_t i = 0; i < ARRAY_SIZE(extra) && x >= 0 && !typing; i++) {
		if (!offered(app, v, extra[i]))
			continue;
		int k = keymap_key_for(&app->km, scope, extra[i]);
		if (k && !(k > JK_F0 && k <= JK_F(12)))
			x = item(y, x + 1, app->cols, key_to_name(k, name), _(action_info(extra[i])->label));
	}
}

/* Keys a line being typed keeps for itself (see tui/view_*.c). */
static bool taken_by_line(int key)
{
	switch (key) {
	case JK_ENTER: case JK_ESC: case JK_LEFT: case JK_RIGHT: case JK_HOME: case JK_END:
	case JK_BACKSPACE: case JK_DELETE: case 1: case 5: case 11: case 21: case 23:
		return true;
	default:
		return key >= 0x20 && key < JK_BASE; /* typed, not bound */
	}
}

void help_draw(struct app *app, const struct view_ops *v, int y, int h)
{
	const char *scope = v ? (v->current_scope ? v->current_scope(app) : v->scope) : "generic";
	for (int r = 0; r < h; r++)
		draw_blank(y + r, 0, app->cols, A_NORMAL);
	draw_text(y, 2, app->cols - 4, _("Keys of this screen (F1, ? or Esc closes this help)"),
		  A_BOLD, TEXT_LEFT);
	int row = 2;
	/* The line being typed has fixed editing keys, as a shell does. */
	static const struct { const char *keys, *what; } editing[] = {
		{ "Enter", N_("Keep what was typed") },
		{ "Esc", N_("Clear it and leave the line") },
		{ "Left Right", N_("Move by one character") },
		{ "Home End C-a C-e", N_("Go to the start or the end") },
		{ "Backspace Delete", N_("Delete the character before or under the cursor") },
		{ "C-w C-u C-k", N_("Delete the word before, all before, all after") },
	};
	/* A form's fields edit the same way, with a few keys of their own. */
	static const struct { const char *keys, *what; } form_keys[] = {
		{ "Left Right", N_("Move by one character in the field") },
		{ "Home End C-a C-e", N_("Go to the start or the end of the field") },
		{ "Backspace Delete", N_("Delete the character before or under the cursor") },
		{ "C-w C-u C-k", N_("Delete the word before, all before, all after") },
		{ "Enter", N_("Next field; a new line in a text box; opens a list field") },
		{ "Space", N_("Switches a yes/no field") },
		{ "abc 拼音", N_("In a list field, typing narrows the list (pinyin initials too)") },
	};
	if (strcmp(scope, "form") == 0) {
		for (size_t i = 0; i < ARRAY_SIZE(form_keys) && row < h; i++, row++) {
			draw_text(y + row, 2, 16, form_keys[i].keys, draw_attr(C_TITLE), TEXT_LEFT);
			draw_text(y + row, 19, app->cols - 21, _(form_keys[i].what), A_NORMAL, TEXT_LEFT);
		}
		row++;
	}
	bool typing = v && v->prompt && v->prompt(app);
	if (typing) {
		for (size_t i = 0; i < ARRAY_SIZE(editing) && row < h; i++, row++) {
			draw_text(y + row, 2, 16, editing[i].keys, draw_attr(C_TITLE), TEXT_LEFT);
			draw_text(y + row, 19, app->cols - 21, _(editing[i].what), A_NORMAL, TEXT_LEFT);
		}
		row++;
	}
	bool saved = app->help;
	app->help = false; /* list what the screen under the help offers */
	/* This screen's own keys first, then those of every screen: at 80x24
	 * the list may not fit, and what is particular to the screen is what
	 * a clerk looks for. */
	for (int pass = 0; pass < 2; pass++)
	for (int a = 1; a < ACT_COUNT && row < h; a++) {
		if (!offered(app, v, (enum action)a))
			continue;
		bool own = false;
		for (int i = 0; i < app->km.n && !own; i++)
			own = (int)app->km.b[i].action == a && strcmp(app->km.b[i].scope, scope) == 0 &&
			      keymap_lookup(&app->km, scope, app->km.b[i].key) == (enum action)a;
		if (own != (pass == 0))
			continue;
		struct strbuf keys = STRBUF_INIT;
		char name[16];
		for (int i = 0; i < app->km.n; i++) {
			const struct binding *b = &app->km.b[i];
			if ((int)b->action != a)
				continue;
			if (strcmp(b->scope, scope) != 0 && strcmp(b->scope, "generic") != 0)
				continue;
			if (keymap_lookup(&app->km, scope, b->key) != (enum action)a)
				continue;
			if (typing && taken_by_line(b->key))
				continue;
			/* A form's fields take the printable keys. */
			if (strcmp(scope, "form") == 0 && b->key >= 0x20 && b->key < JK_BASE)
				continue;
			if (keys.len)
				sb_adds(&keys, " ");
			sb_adds(&keys, key_to_name(b->key, name));
		}
		if (keys.len) {
			const struct action_info *ai = action_info((enum action)a);
			char *line = x_asprintf(_("%s: %s"), _(ai->label), _(ai->help));
			draw_text(y + row, 2, 16, keys.buf, draw_attr(C_TITLE), TEXT_LEFT);
			draw_text(y + row, 19, app->cols - 21, line, A_NORMAL, TEXT_LEFT);
			x_free(&line);
			row++;
		}
		sb_free(&keys);
	}
	app->help = saved;
}
