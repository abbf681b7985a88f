/* tui/reveal.c - showing a whole ID number or phone, for a reason. */
#include "reveal.h"

#include "app.h"
#include "core/codes.h"
#include "core/xalloc.h"
#include "question.h"

#include <stdio.h>
#include <string.h>

struct reveal_ctx {
	char table[16];
	int64_t id;
	reveal_fn done;
};

static void show(struct app *app, struct reveal_ctx *c, int reason)
{
	char *id_number = NULL, *phone = NULL;
	enum db_status s = reg_reveal(&app->reg, c->table, c->id, code_reveal_reasons[reason], &id_number, &phone);
	if (s != DB_OK) {
		app_message(app, true, "%s", reg_status_text(&app->reg, s));
		return;
	}
	if (c->done)
		c->done(app, c->table, c->id, id_number, phone);
	app_message(app, false, _("ID number %s  phone %s  (shown for %s; this is logged)"),
		    *id_number ? id_number : "-", *phone ? phone : "-", code_reveal_reasons[reason]);
	app->dirty = true;
	x_free(&id_number);
	x_free(&phone);
}

static void reason_0(struct app *app, void *ctx) { show(app, ctx, 0); }
static void reason_1(struct app *app, void *ctx) { show(app, ctx, 1); }
static void reason_2(struct app *app, void *ctx) { show(app, ctx, 2); }
static void reason_3(struct app *app, void *ctx) { show(app, ctx, 3); }

static void free_ctx(void *ctx)
{
	struct reveal_ctx *c = ctx;
	x_free(&c);
}

void reveal_ask(struct app *app, const char *table, int64_t id, const char *whose, reveal_fn done)
{
	struct reveal_ctx *c = x_calloc(1, sizeof *c);
	snprintf(c->table, sizeof c->table, "%s", table);
	c->id = id;
	c->done = done;
	char *text = x_asprintf(_("Show the whole ID number and phone of %s?  Why (the reason goes into the audit "
				  "history):\n1 %s   2 %s   3 %s   4 %s"),
				whose && *whose ? whose : "-", code_reveal_reasons[0], code_reveal_reasons[1],
				code_reveal_reasons[2], code_reveal_reasons[3]);
	struct question q = {
		.title = _(" Show the whole number"),
		.text = text,
		.keys = _("1-4: the reason   any other key: do not show"),
		.answers = { { '1', 0, reason_0 }, { '2', 0, reason_1 }, { '3', 0, reason_2 }, { '4', 0, reason_3 } },
		.other_closes = true,
		.other_message = _("Nothing was shown."),
		.ctx = c,
		.free_ctx = free_ctx,
	};
	question_ask(app, &q);
	x_free(&text);
}
