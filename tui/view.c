/* tui/view.c - the stacks of views, their action tables, the registry. */
#include "view.h"

#include "app.h"
#include "core/xalloc.h"

#include <string.h>

/* ---- the stack ---- */

struct view *view_top(const struct app *app)
{
	return app->top[app->section];
}

struct view *view_find(struct view *v, const struct view_ops *ops)
{
	for (; v; v = v->parent)
		if (v->ops == ops)
			return v;
	return NULL;
}

struct view *view_push(struct app *app, const struct view_ops *ops, const void *arg)
{
	struct view *v = x_calloc(1, sizeof *v);
	v->ops = ops;
	v->app = app;
	v->priv = ops->priv_size ? x_calloc(1, ops->priv_size) : NULL;
	v->r = app_area(app, ops);
	v->parent = app->top[app->section];
	if (ops->open && !ops->open(v, arg)) {
		if (ops->close)
			ops->close(v);
		x_free(&v->priv);
		x_free(&v);
		return NULL;
	}
	app->top[app->section] = v;
	app->dirty = true;
	return v;
}

static void free_view(struct view *v)
{
	if (v->ops->close)
		v->ops->close(v);
	x_free(&v->priv);
	x_free(&v);
}

void view_remove(struct view *v)
{
	struct app *app = v->app;
	if (!v->parent)
		return; /* a section stays */
	for (int s = 0; s < SECTIONS; s++) {
		if (app->top[s] == v) {
			app->top[s] = v->parent;
			break;
		}
		for (struct view *u = app->top[s]; u; u = u->parent)
			if (u->parent == v) {
				u->parent = v->parent;
				s = SECTIONS;
				break;
			}
	}
	free_view(v);
	app->dirty = true;
}

/* ---- actions ---- */

int view_run_close(struct view *v, enum action a)
{
	(void)a;
	view_remove(v);
	return REDRAW;
}

unsigned view_state(const struct view *v)
{
	return (v->ops->state ? v->ops->state(v) : 0) | app_perm_bits(v->app);
}

const struct action_row *view_offers(const struct view *v, enum action a)
{
	const struct action_row *t = v->ops->actions;
	if (!t || a == ACT_NONE)
		return NULL;
	unsigned have = view_state(v);
	for (; t->action != ACT_NONE; t++)
		if (t->action == a && (t->needs & ~have) == 0)
			return t;
	return NULL;
}

const struct action_row *view_acts_on(const struct view *v, enum action a)
{
	const struct action_row *now = view_offers(v, a);
	const struct action_row *t = v->ops->actions;
	if (now || !t || a == ACT_NONE)
		return now;
	unsigned have = view_state(v) | v->ops->situational;
	for (; t->action != ACT_NONE; t++)
		if (t->action == a && (t->needs & ~have) == 0)
			return t;
	return NULL;
}

const char *view_action_help(const struct view *v, enum action a)
{
	for (const struct action_help *h = v->ops->helps; h && h->action != ACT_NONE; h++)
		if (h->action == a)
			return h->help;
	return action_info(a)->help;
}

int view_act(struct view *v, enum action a)
{
	const struct action_row *row = view_offers(v, a);
	return row ? row->run(v, a) : NOT_HANDLED;
}

const char *view_scope(const struct view *v)
{
	return v->ops->current_scope ? v->ops->current_scope(v) : v->ops->scope;
}

/* ---- the registry ---- */

#define EXTRA_VIEWS 8
static struct view_reg extra[EXTRA_VIEWS];
static int n_extra;

void view_register(const struct view_reg *r)
{
	if (n_extra < EXTRA_VIEWS)
		extra[n_extra++] = *r;
}

static const struct view_reg *reg_at(int i)
{
	int builtin = 0;
	while (view_registry[builtin].ops)
		builtin++;
	if (i < builtin)
		return &view_registry[i];
	return i - builtin < n_extra ? &extra[i - builtin] : NULL;
}

const struct view_reg *view_reg_for(enum action a, const char *scope)
{
	const struct view_reg *r;
	for (int i = 0; a != ACT_NONE && (r = reg_at(i)); i++)
		if (r->opened_by == a && (!*r->from_scope || strcmp(r->from_scope, scope) == 0))
			return r;
	return NULL;
}

const struct view_ops *view_section(int n)
{
	const struct view_reg *r;
	for (int i = 0; (r = reg_at(i)); i++)
		if (r->section == n)
			return r->ops;
	return NULL;
}
