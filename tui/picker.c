/* tui/picker.c - the value list of a form's list field, or the search of
 * a link field: a box under the field with a search line; typing
 * narrows (pinyin initials too), Enter picks, Esc closes. */
#include "form.h"

#include "app.h"
#include "core/cursor.h"
#include "core/pinyin.h"
#include "core/xalloc.h"
#include "draw.h"
#include "edit.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

#define POP_ROWS 8
#define MAX_HITS 200

struct picker {
	struct form *f;
	struct lineedit query;
	struct link_hit *hits;
	int n_hits;
	struct cursor c;
};

struct picker_arg {
	struct form *f;
	const char *typed;
};

static struct ffield *field(const struct picker *p)
{
	return &p->f->f[p->f->cur];
}

/* How well a choice matches what was typed: -1 not at all; 0 the whole
 * choice (子 for z, 户主 for hz or 户主); 1 from its start; 2 inside it.
 * The list keeps the code list's order within each rank, so that z puts
 * 子 before 户主 and Enter picks what the initials spell. */
static int choice_rank(const char *choice, const char *query)
{
	if (!*query)
		return 0;
	char *a = text_fold(choice), *b = text_fold(query);
	const char *at = strstr(a, b);
	int rank = -1;
	struct pinyin_match m;
	if (at)
		rank = strcmp(a, b) == 0 ? 0 : at == a ? 1 : 2;
	if (rank != 0 && pinyin_match(choice, query, &m)) {
		int r = pinyin_cover(choice, query) != PINYIN_PART ? 0 : m.first == 0 ? 1 : 2;
		if (rank < 0 || r < rank)
			rank = r;
	}
	x_free(&a);
	x_free(&b);
	return rank;
}

static void free_hits(struct picker *p)
{
	for (int i = 0; i < p->n_hits; i++)
		x_free(&p->hits[i].label);
	x_free(&p->hits);
	p->n_hits = 0;
}

/* Fill the list for the search line; at_value: start on the field's
 * value when it is listed (else on the first). */
static void fill(struct app *app, struct picker *p, bool at_value)
{
	struct ffield *ff = field(p);
	free_hits(p);
	p->hits = x_calloc(MAX_HITS, sizeof *p->hits);
	int start = 0;
	if (ff->def.kind == FK_SELECT) {
		for (int rank = 0; rank <= 2; rank++)
			for (int i = 0; i < ff->n_choices && p->n_hits < MAX_HITS; i++) {
				if (choice_rank(ff->choices[i], p->query.buf) != rank)
					continue;
				/* Start on the current value when it is listed. */
				if (strcmp(ff->choices[i], ff->le.buf) == 0)
					start = p->n_hits;
				p->hits[p->n_hits].id = i;
				p->hits[p->n_hits++].label = x_strdup(ff->choices[i]);
			}
	} else if (p->f->ops->link_search) {
		p->n_hits = p->f->ops->link_search(app, p->f, ff->def.key, p->query.buf, p->hits, MAX_HITS);
	}
	cursor_count(&p->c, p->n_hits);
	cursor_first(&p->c);
	if (at_value)
		cursor_move(&p->c, start);
}

static bool pk_open(struct view *v, const void *arg)
{
	const struct picker_arg *a = arg;
	struct picker *p = v->priv;
	p->f = a->f;
	le_init(&p->query, 40);
	le_set(&p->query, a->typed ? a->typed : "");
	cursor_init(&p->c);
	cursor_height(&p->c, POP_ROWS);
	fill(v->app, p, true);
	return true;
}

static void pk_close(struct view *v)
{
	struct picker *p = v->priv;
	free_hits(p);
	le_free(&p->query);
}

static void pick(struct view *v)
{
	struct picker *p = v->priv;
	struct app *app = v->app;
	struct form *f = p->f;
	struct ffield *ff = field(p);
	if (p->c.sel < 0 || p->c.sel >= p->n_hits)
		return;
	struct link_hit h = { p->hits[p->c.sel].id, x_strdup(p->hits[p->c.sel].label) };
	view_remove(v); /* p is gone from here on */
	if (ff->def.kind == FK_SELECT) {
		form_set(f, ff->def.key, h.label);
	} else {
		le_set(&ff->le, h.label);
		/* Shown from its start: the whole name, then what fits. */
		ff->le.cur = 0;
		ff->le.scroll = 0;
		ff->link_id = h.id;
		if (f->ops->link_pick)
			f->ops->link_pick(app, f, ff->def.key, &h);
	}
	x_free(&h.label);
	form_changed(f);
	form_step(app, f, 1);
}

/* Where the box goes: under the field, else above it, inside r. */
static void place(const struct picker *p, struct rect r, int *y, int *x, int *h, int *w)
{
	const struct form *f = p->f;
	*w = f->value_w + 2 > 34 ? f->value_w + 2 : 34;
	if (*w > r.w)
		*w = r.w;
	*x = f->value_x - 1;
	if (*x + *w > r.x + r.w)
		*x = r.x + r.w - *w;
	if (*x < r.x)
		*x = r.x;
	int rows = p->n_hits < POP_ROWS ? p->n_hits : POP_ROWS;
	*h = (rows < 1 ? 1 : rows) + 3; /* title, query, rows, bottom line */
	int fy = f->field_y[f->cur];
	*y = fy + 1;
	if (*y + *h > r.y + r.h)
		*y = fy - *h >= r.y ? fy - *h : r.y + r.h - *h;
	if (*y < r.y)
		*y = r.y;
}

static void pk_draw(struct view *v)
{
	struct picker *p = v->priv;
	struct ffield *ff = field(p);
	int y, x, h, w;
	place(p, v->r, &y, &x, &h, &w);
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
	le_view(&p->query, w - 2 - lw, &s, &e, &cx);
	char *q = x_strndup(p->query.buf + s, e - s);
	draw_text(y + 1, x + 1 + lw, w - 2 - lw, q, A_UNDERLINE, TEXT_LEFT);
	x_free(&q);
	if (p->n_hits == 0)
		draw_text(y + 2, x + 1, w - 2, _("Nothing matches."), draw_attr(C_DIM), TEXT_LEFT);
	for (int r = 0; r < POP_ROWS && p->c.top + r < p->n_hits; r++) {
		int k = p->c.top + r;
		draw_text(y + 2 + r, x + 1, w - 2, p->hits[k].label, k == p->c.sel ? draw_attr(C_SELECTED) : A_NORMAL,
			  TEXT_LEFT);
	}
	v->app->cursor_y = y + 1;
	v->app->cursor_x = x + 1 + lw + cx;
}

/* The keys a list needs, fixed as in any list box; the rest edit the
 * search line. */
static int pk_key(struct view *v, int k)
{
	struct picker *p = v->priv;
	switch (k) {
	case JK_ESC: view_remove(v); return REDRAW;
	case JK_ENTER: case JK_TAB: pick(v); return REDRAW;
	case JK_UP: cursor_move(&p->c, -1); return REDRAW;
	case JK_DOWN: cursor_move(&p->c, 1); return REDRAW;
	case JK_PGUP: cursor_page(&p->c, -1); return REDRAW;
	case JK_PGDN: cursor_page(&p->c, 1); return REDRAW;
	case JK_HOME: cursor_first(&p->c); return REDRAW;
	case JK_END: cursor_last(&p->c); return REDRAW;
	default: break;
	}
	enum le_result r;
	if (edit_line(v->app, &p->query, k, &r) && r == LE_CHANGED)
		fill(v->app, p, false);
	return REDRAW;
}

static void pk_paste(struct view *v, const char *text)
{
	struct picker *p = v->priv;
	if (le_insert(&p->query, text) == LE_CHANGED)
		fill(v->app, p, false);
}

static const char *pk_hint(const struct view *v)
{
	(void)v;
	return _("↑↓ choose   Enter picks   Esc closes   typing narrows the list");
}

const struct view_ops picker_view = {
	.name = "picker",
	.scope = "picker",
	.priv_size = sizeof(struct picker),
	.flags = VIEW_OVERLAY | VIEW_MODAL | VIEW_KEYS,
	.open = pk_open,
	.close = pk_close,
	.draw = pk_draw,
	.key = pk_key,
	.paste = pk_paste,
	.hint = pk_hint,
};

void picker_open(struct app *app, struct form *f, const char *typed)
{
	struct picker_arg a = { f, typed };
	view_push(app, &picker_view, &a);
}
