/* tui/question.c - a question answered with one key. */
#include "question.h"

#include "app.h"
#include "core/xalloc.h"
#include "draw.h"
#include "views.h"

#include <string.h>

struct asked {
	struct question q;
	char *text, *keys, *other_message;
};

static bool q_open(struct view *v, const void *arg)
{
	struct asked *a = v->priv;
	a->q = *(const struct question *)arg;
	a->text = x_strdup(a->q.text ? a->q.text : "");
	a->keys = x_strdup(a->q.keys ? a->q.keys : "");
	a->other_message = a->q.other_message ? x_strdup(a->q.other_message) : NULL;
	if (!a->q.title)
		app_message(v->app, true, "%s", a->text);
	return true;
}

static void q_close(struct view *v)
{
	struct asked *a = v->priv;
	if (a->q.free_ctx)
		a->q.free_ctx(a->q.ctx);
	/* A box drawn over wide characters leaves curses unsure of the
	 * cells under its edges: paint those lines whole again. */
	if (a->q.title)
		redrawwin(stdscr);
	x_free(&a->text);
	x_free(&a->keys);
	x_free(&a->other_message);
}

/* The box of a question with a title: its text (paragraphs wrapped) and
 * the keys that answer it, in the middle of the view under it. */
static void q_draw(struct view *v)
{
	struct asked *a = v->priv;
	if (!a->q.title)
		return; /* in the status line */
	struct rect r = v->r;
	int w = r.w - 4 < 70 ? r.w - 4 : 70;
	int lines = 0;
	char *copy = x_strdup(a->text);
	for (char *p = copy, *nl; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		lines += text_width(p) / (w - 4) + 1;
	}
	x_free(&copy);
	if (lines > r.h - 6)
		lines = r.h - 6;
	int h = lines + 5;
	int y = r.y + (r.h - h) / 2, x = r.x + (r.w - w) / 2;
	draw_box(y, x, h, w, a->q.title);
	int row = y + 2;
	copy = x_strdup(a->text);
	for (char *p = copy, *nl; p && *p && row < y + 2 + lines; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		row += draw_wrapped(row, x + 2, w - 4, y + 2 + lines - row, p, A_NORMAL);
	}
	x_free(&copy);
	draw_text(y + h - 2, x + 2, w - 4, a->keys, A_BOLD, TEXT_LEFT);
}

static int lower(int k)
{
	return k >= 'A' && k <= 'Z' ? k - 'A' + 'a' : k;
}

static int q_key(struct view *v, int k)
{
	struct asked *a = v->priv;
	struct app *app = v->app;
	const struct answer *hit = NULL;
	for (int i = 0; i < QUESTION_ANSWERS && !hit; i++) {
		const struct answer *an = &a->q.answers[i];
		if ((an->key && lower(an->key) == lower(k)) || (an->key2 && lower(an->key2) == lower(k)))
			hit = an;
	}
	if (!hit && !a->q.other_closes)
		return REDRAW;
	/* Take what the answer needs before the question is freed. */
	void (*run)(struct app *, void *) = hit ? hit->run : NULL;
	void *ctx = a->q.ctx;
	void (*free_ctx)(void *) = a->q.free_ctx;
	char *msg = !hit && a->other_message ? x_strdup(a->other_message) : NULL;
	a->q.free_ctx = NULL;
	if (!a->q.title)
		app->message[0] = '\0';
	view_remove(v);
	if (run)
		run(app, ctx);
	if (msg)
		app_message(app, false, "%s", msg);
	if (free_ctx)
		free_ctx(ctx);
	x_free(&msg);
	return REDRAW;
}

static const char *q_hint(const struct view *v)
{
	const struct asked *a = v->priv;
	return a->keys;
}

const struct view_ops question_view = {
	.name = "question",
	.scope = "question",
	.priv_size = sizeof(struct asked),
	.flags = VIEW_OVERLAY | VIEW_MODAL | VIEW_KEYS,
	.open = q_open,
	.close = q_close,
	.draw = q_draw,
	.key = q_key,
	.hint = q_hint,
};

void question_ask(struct app *app, const struct question *q)
{
	view_push(app, &question_view, q);
}

void confirm_ask(struct app *app, const char *text, void (*yes)(struct app *app, void *ctx), void *ctx,
		 void (*free_ctx)(void *ctx), const char *no_message)
{
	struct question q = {
		.text = text,
		.keys = _("y: yes   any other key: no"),
		.answers = { { 'y', 0, yes } },
		.other_closes = true,
		.other_message = no_message,
		.ctx = ctx,
		.free_ctx = free_ctx,
	};
	question_ask(app, &q);
}
