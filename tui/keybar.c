/* tui/keybar.c - the F-key bar, drawn from the keymap and the view's
 * action table, so it always tells the truth about what a key does. */
#include "app.h"

#include "core/xalloc.h"
#include "draw.h"

#include <stdio.h>
#include <string.h>

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

/* What the bar calls a here: the view's own word for it, else the
 * action's; NULL when neither the view nor the app offers it. */
static const char *label_of(const struct app *app, const struct view *v, enum action a)
{
	const struct action_row *row = view_offers(v, a);
	if (row)
		return _(row->label ? row->label : action_info(a)->label);
	return app_offers(app, a) ? _(action_info(a)->label) : NULL;
}

void keybar_draw(struct app *app, const struct view *v, int y)
{
	draw_blank(y, 0, app->cols, A_NORMAL);
	if (v->ops->hint) {
		draw_text(y, 0, app->cols, v->ops->hint(v), draw_attr(C_KEYLABEL), TEXT_LEFT);
		return;
	}
	const char *scope = view_scope(v);
	int x = 0;
	char name[16];
	/* While a line is being typed, Enter and Esc belong to it. */
	bool typing = v->ops->prompt && v->ops->prompt(v);
	if (typing) {
		x = item(y, x, app->cols, "Enter", _("Keep"));
		if (x >= 0)
			x = item(y, x, app->cols, "Esc", _("Clear"));
		if (x >= 0)
			x++;
	}
	for (int n = 1; n <= 12 && x >= 0; n++) {
		const char *label = label_of(app, v, keymap_lookup(&app->km, scope, JK_F(n)));
		if (label)
			x = item(y, x, app->cols, key_to_name(JK_F(n), name), label);
	}
	/* Enter and Esc are not F-keys, but a clerk needs them too. */
	static const enum action extra[] = { ACT_NEXT_PANE, ACT_OPEN, ACT_BACK };
	for (size_t i = 0; i < ARRAY_SIZE(extra) && x >= 0 && !typing; i++) {
		const char *label = label_of(app, v, extra[i]);
		int k = keymap_key_for(&app->km, scope, extra[i]);
		if (label && k && !(k > JK_F0 && k <= JK_F(12)))
			x = item(y, x + 1, app->cols, key_to_name(k, name), label);
	}
}
