/* tui/help.c - the keys of the screen under it, drawn from the keymap and
 * that screen's action table: what help says is what the keys do, every
 * key the screen acts on (also those that act on another selection: F9
 * on a passed topic), in the screen's own words.  Long lines wrap; when
 * it does not fit, it scrolls (Up Down PgUp PgDn Home End) and its last
 * line says where it is.  F1, ? or Esc closes it, and so does any key it
 * does not use. */
#include "app.h"

#include "core/cursor.h"
#include "core/xalloc.h"
#include "draw.h"
#include "edit.h"
#include "views.h"

#include <string.h>

struct line {
	char *keys, *text;
	bool heading;
};

/* A screen line: a piece of an entry's text (the keys on its first). */
struct row {
	int entry;
	size_t off, len;
};

struct help {
	struct line *l;
	int n, cap;
	struct row *rows;  /* the entries wrapped to the width */
	int nrows, width;
	struct cursor c;
};

static void add(struct help *h, const char *keys, const char *text, bool heading)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 32;
		h->l = x_realloc(h->l, (size_t)h->cap * sizeof *h->l);
	}
	h->l[h->n++] = (struct line){ x_strdup(keys), x_strdup(text), heading };
}

/* The names of the keys bound to a in scope (or generic) that are in
 * force there; skip those typing takes for itself. */
static void keys_of(const struct app *app, const char *scope, enum action a, bool typing, struct strbuf *out)
{
	char name[16];
	for (int i = 0; i < app->km.n; i++) {
		const struct binding *b = &app->km.b[i];
		if (b->action != a || (strcmp(b->scope, scope) != 0 && strcmp(b->scope, "generic") != 0))
			continue;
		if (keymap_lookup(&app->km, scope, b->key) != a)
			continue;
		if (typing && (edit_action(app, b->key) != ACT_NONE || edit_is_text(app, b->key) ||
			       b->key == JK_ENTER || b->key == JK_ESC))
			continue;
		if (out->len)
			sb_adds(out, " ");
		sb_adds(out, key_to_name(b->key, name));
	}
}

/* The editing keys, from the keymap's "edit" scope. */
static void add_editing(struct help *h, const struct app *app, bool form)
{
	if (!form) {
		add(h, "Enter", _("Keep what was typed"), false);
		add(h, "Esc", _("Clear it and leave the line"), false);
	}
	for (int a = 1; a < ACT_COUNT; a++) {
		struct strbuf keys = STRBUF_INIT;
		char name[16];
		for (int i = 0; i < app->km.n; i++)
			if ((int)app->km.b[i].action == a && strcmp(app->km.b[i].scope, "edit") == 0 &&
			    edit_action(app, app->km.b[i].key) == (enum action)a) {
				if (keys.len)
					sb_adds(&keys, " ");
				sb_adds(&keys, key_to_name(app->km.b[i].key, name));
			}
		if (keys.len)
			add(h, keys.buf, _(action_info((enum action)a)->help), false);
		sb_free(&keys);
	}
	if (form) {
		add(h, "Enter", _("Next field; a new line in a text box; opens a list field"), false);
		add(h, "Space", _("Switches a yes/no field"), false);
		add(h, _("Typing"), _("In a list field, typing narrows the list (pinyin initials too)"), false);
	}
	add(h, "", "", false);
}

/* The actions of the screen: its own keys first, then those of every
 * screen, since at 80x24 what is particular to the screen is what a
 * clerk looks for. */
static void add_actions(struct help *h, const struct app *app, const struct view *under, bool typing, bool form)
{
	const char *scope = view_scope(under);
	for (int pass = 0; pass < 2; pass++)
		for (int a = 1; a < ACT_COUNT; a++) {
			const struct action_row *row = view_acts_on(under, (enum action)a);
			if (!row && !app_offers(app, (enum action)a))
				continue;
			bool own = keymap_key_for(&app->km, scope, (enum action)a) &&
				   keymap_lookup_only(&app->km, scope, keymap_key_for(&app->km, scope, (enum action)a)) ==
					   (enum action)a;
			if (own != (pass == 0))
				continue;
			struct strbuf keys = STRBUF_INIT;
			keys_of(app, scope, (enum action)a, typing || form, &keys);
			if (keys.len) {
				const struct action_info *ai = action_info((enum action)a);
				char *text = x_asprintf(_("%s: %s"), _(row && row->label ? row->label : ai->label),
							_(row ? view_action_help(under, (enum action)a) : ai->help));
				add(h, keys.buf, text, false);
				x_free(&text);
			}
			sb_free(&keys);
		}
}

static bool help_open(struct view *v, const void *arg)
{
	struct help *h = v->priv;
	const struct view *under = arg;
	cursor_init(&h->c);
	bool typing = under->ops->prompt && under->ops->prompt(under);
	bool form = strcmp(view_scope(under), "form") == 0;
	if (typing || form)
		add_editing(h, v->app, form);
	add_actions(h, v->app, under, typing, form);
	return true;
}

static void help_close(struct view *v)
{
	struct help *h = v->priv;
	for (int i = 0; i < h->n; i++) {
		x_free(&h->l[i].keys);
		x_free(&h->l[i].text);
	}
	x_free(&h->l);
	x_free(&h->rows);
}

/* Keys in a column of KEYS_W, the text after it wrapped to the width. */
#define KEYS_W 16

static void add_row(struct help *h, int entry, size_t off, size_t len)
{
	h->rows = x_realloc(h->rows, (size_t)(h->nrows + 1) * sizeof *h->rows);
	h->rows[h->nrows++] = (struct row){ entry, off, len };
}

static void help_resize(struct view *v)
{
	struct help *h = v->priv;
	int width = v->r.w - KEYS_W - 5;
	if (width < 8)
		width = 8;
	h->nrows = 0;
	for (int i = 0; i < h->n; i++) {
		const char *t = h->l[i].text;
		size_t off = 0, len = strlen(t);
		do {
			size_t take = text_line_break(t + off, width);
			if (take == 0)
				take = len - off; /* nothing fits: one line, cut when drawn */
			add_row(h, i, off, take);
			off += take;
			while (off < len && t[off] == ' ')
				off++;
		} while (off < len);
	}
	h->width = width;
	/* The last line says where help is when it does not fit. */
	int height = v->r.h - 2;
	if (h->nrows > height)
		height--;
	cursor_count(&h->c, h->nrows);
	cursor_height(&h->c, height > 1 ? height : 1);
}

static void help_draw(struct view *v)
{
	struct help *h = v->priv;
	struct rect r = v->r;
	for (int i = 0; i < r.h; i++)
		draw_blank(r.y + i, r.x, r.w, A_NORMAL);
	draw_text(r.y, r.x + 2, r.w - 4, _("Keys of this screen (F1, ? or Esc closes this help)"), A_BOLD, TEXT_LEFT);
	for (int i = 0; i < h->c.height && h->c.top + i < h->nrows; i++) {
		const struct row *w = &h->rows[h->c.top + i];
		const struct line *l = &h->l[w->entry];
		if (w->off == 0)
			draw_text(r.y + 2 + i, r.x + 2, KEYS_W, l->keys, draw_attr(C_TITLE), TEXT_LEFT);
		char *piece = x_strndup(l->text + w->off, w->len);
		draw_text(r.y + 2 + i, r.x + KEYS_W + 3, h->width, piece, A_NORMAL, TEXT_LEFT);
		x_free(&piece);
	}
	if (h->nrows > h->c.height) {
		int last = h->c.top + h->c.height < h->nrows ? h->c.top + h->c.height : h->nrows;
		char *where = x_asprintf(last < h->nrows ? _("Lines %d-%d of %d; more below: Down, PgDn or End")
							 : _("Lines %d-%d of %d, the end; Up, PgUp or Home goes back"),
					 h->c.top + 1, last, h->nrows);
		draw_text(r.y + r.h - 1, r.x + 2, r.w - 4, where, draw_attr(C_TITLE) | A_BOLD, TEXT_LEFT);
		x_free(&where);
	}
}

static int help_scroll(struct view *v, enum action a)
{
	struct help *h = v->priv;
	cursor_act(&h->c, a, true);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_HELP, view_run_close, 0, N_("Close") },
	{ ACT_BACK, view_run_close, 0, N_("Close") },
	VIEW_MOVES(help_scroll),
	VIEW_END,
};

/* A key help does not use closes it. */
static int help_key(struct view *v, int k)
{
	enum action a = keymap_lookup(&v->app->km, "generic", k);
	if (view_offers(v, a) || a == ACT_QUIT || a == ACT_REDRAW)
		return NOT_HANDLED;
	view_remove(v);
	return REDRAW;
}

const struct view_ops help_view = {
	.name = "help",
	.scope = "generic",
	.priv_size = sizeof(struct help),
	.flags = VIEW_WHOLE | VIEW_MODAL,
	.open = help_open,
	.close = help_close,
	.resize = help_resize,
	.draw = help_draw,
	.key = help_key,
	.actions = actions,
};
