/* tui/view_case.c - one mediation case: what happened, its parties
 * (one selected) and its records, and the keys for the next step (F8),
 * a record (F7), another party (F5), its fields (F4) and its documents
 * (F6).  Enter on a party from the register opens their household. */
#include "core/access.h"
#include "app.h"

#include "core/cursor.h"
#include "core/mediation.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "draw.h"
#include "forms.h"
#include "history.h"
#include "reveal.h"
#include "question.h"
#include "table.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct case_view {
	int64_t id;
	struct case_rec rec;
	struct case_party *parties;
	int n_parties;
	struct case_event *events;
	int n_events;
	struct cursor pc;   /* the selected party */
	int scroll, lines;
};

enum { HAS_MOVES = NEED_VIEW(0), IS_OPEN = NEED_VIEW(1), IS_CLOSED = NEED_VIEW(2) };

static struct case_view *cv_of(const struct view *v)
{
	return v->priv;
}

static void unload(struct case_view *cv)
{
	case_rec_free(&cv->rec);
	case_parties_free(&cv->parties, &cv->n_parties);
	case_events_free(&cv->events, &cv->n_events);
}

/* Read the case again; false (with a message) when it is gone. */
static bool load(struct view *v)
{
	struct case_view *cv = cv_of(v);
	unload(cv);
	if (reg_case(&v->app->reg, cv->id, &cv->rec, &cv->parties, &cv->n_parties, &cv->events, &cv->n_events) !=
	    DB_OK) {
		unload(cv);
		app_message(v->app, true, "%s", _("This case was deleted by another session."));
		cursor_count(&cv->pc, 0);
		return false;
	}
	cursor_count(&cv->pc, cv->n_parties);
	return true;
}

static bool cs_open(struct view *v, const void *arg)
{
	struct case_view *cv = cv_of(v);
	cv->id = *(const int64_t *)arg;
	case_rec_init(&cv->rec);
	cursor_init(&cv->pc);
	cv->pc.height = 1000; /* the parties scroll with the whole case */
	return load(v);
}

static void cs_close(struct view *v)
{
	unload(cv_of(v));
}

/* ---- drawing ---- */

/* A party's line; the name's width follows the names (draw_parties). */
static const struct table_col party_cols[] = {
	{ "",                1, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Role"),        8, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Name"),        6, 0, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Sex"),         2, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Age"),         5, 3, TEXT_LEFT, 0, NULL, 0 },
	{ "",                6, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Phone"),      11, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Address or unit"), 8, 4, TEXT_LEFT, 1, NULL, 0 },
};

struct lines {
	int x, w, top, bottom, line, scroll;
};

static int row_of(const struct lines *ls)
{
	int row = ls->top + ls->line - ls->scroll;
	return row >= ls->top && row < ls->bottom ? row : -1;
}

static void put_line(struct lines *ls, const char *s, attr_t a)
{
	if (row_of(ls) >= 0)
		draw_text(row_of(ls), ls->x, ls->w, s, a, TEXT_LEFT);
	ls->line++;
}

/* A labelled text, wrapped at the width, its own line breaks kept. */
static void put_text(struct lines *ls, const char *label, const char *text)
{
	if (!text || !*text)
		return;
	char *s = label ? x_asprintf("%s：%s", label, text) : x_strdup(text);
	for (const char *p = s; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = x_strndup(p, len);
		const char *q = para;
		do {
			size_t n = text_line_break(q, ls->w);
			if (n == 0 && *q)
				n = strlen(q); /* wider than the line: drawn cut */
			char *part = x_strndup(q, n);
			put_line(ls, part, A_NORMAL);
			x_free(&part);
			q += n;
		} while (*q);
		x_free(&para);
		p += len + (nl ? 1 : 0);
	}
	x_free(&s);
}

static attr_t limit_attr(enum case_limit lim)
{
	return lim == CASE_OVERDUE ? draw_attr(C_ERROR) | A_BOLD : lim == CASE_WARN ? A_BOLD : A_NORMAL;
}

static void draw_head(const struct view *v, const struct case_rec *c)
{
	struct rect r = v->r;
	const char *today = v->app->today;
	char *head = x_asprintf("%s  %s  %s", c->case_no, c->type, c->state);
	draw_text(r.y, r.x + 1, r.w - 2, head, A_BOLD, TEXT_LEFT);
	x_free(&head);
	enum case_limit lim = case_limit_of(c->state, c->accepted, today);
	const char *lim_text = lim == CASE_OVERDUE ? _("  overdue") : lim == CASE_WARN ? _("  limit near") : "";
	char day[16];
	snprintf(day, sizeof day, "%d", case_day(c->accepted, *c->closed ? c->closed : today));
	char *d = x_asprintf(_("day %s%s"), day, lim_text);
	int dw = text_width(d);
	draw_text(r.y, r.x + r.w - dw - 1, dw, d, limit_attr(lim), TEXT_RIGHT);
	x_free(&d);
}

/* The parties in columns of tui/table: the name column as wide as the
 * longest name (up to a third of the line), the address takes the rest. */
static void draw_parties(const struct view *v, struct lines *ls)
{
	const struct case_view *cv = cv_of(v);
	struct table_col pc[ARRAY_SIZE(party_cols)];
	memcpy(pc, party_cols, sizeof pc);
	for (int i = 0; i < cv->n_parties; i++) {
		int nw = text_width(cv->parties[i].name);
		if (nw > pc[2].width)
			pc[2].width = nw < ls->w / 3 ? nw : ls->w / 3;
	}
	struct table_layout pl;
	table_layout(pc, (int)ARRAY_SIZE(pc), ls->w, &pl);
	for (int i = 0; i < cv->n_parties; i++, ls->line++) {
		const struct case_party *p = &cv->parties[i];
		int age = case_party_age(p, v->app->today);
		char agebuf[16] = "";
		if (age >= 0)
			snprintf(agebuf, sizeof agebuf, _("%d yrs"), age);
		bool sel = i == cv->pc.sel;
		const char *cells[] = { sel ? ">" : "", p->role, p->name, p->sex, agebuf,
					p->resident_id ? _("[resident]") : "", p->phone, p->address };
		if (row_of(ls) >= 0)
			table_draw_row(row_of(ls), ls->x, ls->w, &pl, pc, cells, sel ? draw_attr(C_SELECTED) : A_NORMAL);
	}
	if (cv->n_parties == 0)
		put_line(ls, _("  none yet: F5 adds one"), A_NORMAL);
}

static void draw_events(const struct case_view *cv, struct lines *ls)
{
	put_line(ls, _("Records"), draw_attr(C_TITLE));
	for (int i = 0; i < cv->n_events; i++) {
		const struct case_event *e = &cv->events[i];
		char *s;
		if (strcmp(e->kind, "状态变更") == 0 && case_closed(e->from_state))
			s = x_asprintf(_("%s  %s → %s  reopened by %s: %s"), e->date, e->from_state, e->to_state,
				       *e->staff ? e->staff : "-", e->text);
		else if (strcmp(e->kind, "状态变更") == 0)
			s = x_asprintf("%s  %s → %s", e->date, e->from_state, e->to_state);
		else if (*e->method)
			s = x_asprintf("%s  %s  %s（%s）%s%s%s%s", e->date, e->kind, e->staff, e->method,
				       "：", e->text, *e->performance ? "  " : "", e->performance);
		else
			s = x_asprintf("%s  %s  %s%s%s%s%s", e->date, e->kind, e->staff, *e->staff ? "：" : "", e->text,
				       *e->performance ? "  " : "", e->performance);
		put_text(ls, NULL, s);
		x_free(&s);
	}
	if (cv->n_events == 0)
		put_line(ls, _("  none yet: F7 adds one"), A_NORMAL);
}

static void cs_draw(struct view *v)
{
	struct case_view *cv = cv_of(v);
	const struct case_rec *c = &cv->rec;
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	draw_head(v, c);
	struct lines ls = { r.x + 1, r.w - 2, r.y + 1, r.y + r.h, 0, cv->scroll };
	char *info = x_asprintf(_("Accepted %s   source %s   mediator %s   registrar %s"), c->accepted, c->source,
				*c->mediator ? c->mediator : "-", *c->registrar ? c->registrar : "-");
	put_line(&ls, info, A_NORMAL);
	x_free(&info);
	if (case_closed(c->state)) {
		char who[128];
		access_who(P_CASE_REOPEN, who, sizeof who);
		char *ro = x_asprintf(_("Closed on %s: it can only be read; %s may reopen it, saying why."),
				      *c->closed ? c->closed : "-", who);
		put_line(&ls, ro, A_BOLD);
		x_free(&ro);
	}
	put_text(&ls, _("What happened"), c->summary);
	put_text(&ls, _("What is asked"), c->claims);
	put_line(&ls, _("Parties (Enter opens a resident's household, Delete removes one)"), draw_attr(C_TITLE));
	draw_parties(v, &ls);
	draw_events(cv, &ls);
	put_text(&ls, _("Facts and responsibility"), c->facts);
	put_text(&ls, _("Agreement"), c->agreement);
	if (*c->manner || *c->deadline) {
		char *s = x_asprintf("%s %s %s", c->manner, c->place, c->deadline);
		put_text(&ls, _("Performance"), s);
		x_free(&s);
	}
	put_text(&ls, _("Went on to"), c->referred_to);
	cv->lines = ls.line;
}

/* ---- actions ---- */

static int run_move(struct view *v, enum action a)
{
	struct case_view *cv = cv_of(v);
	int page = v->r.h - 2 > 1 ? v->r.h - 2 : 1;
	int max = cv->lines - (v->r.h - 1) > 0 ? cv->lines - (v->r.h - 1) : 0;
	if (a == ACT_MOVE_UP || a == ACT_MOVE_DOWN)
		cursor_move(&cv->pc, a == ACT_MOVE_DOWN ? 1 : -1);
	else if (a == ACT_MOVE_FIRST)
		cv->scroll = 0;
	else
		cv->scroll += a == ACT_PAGE_DOWN ? page : -page;
	cv->scroll = cv->scroll > max ? max : cv->scroll < 0 ? 0 : cv->scroll;
	return REDRAW;
}

static int run_open(struct view *v, enum action a)
{
	(void)a;
	struct case_view *cv = cv_of(v);
	int i = cv->pc.sel;
	if (i >= 0 && i < cv->n_parties && cv->parties[i].household_id)
		hh_view_show(v->app, cv->parties[i].household_id);
	else
		app_message(v->app, false, "%s", _("This party is not in the register."));
	return REDRAW;
}

static int run_edit(struct view *v, enum action a)
{
	(void)a;
	forms_case_edit(v->app, cv_of(v)->id);
	return REDRAW;
}

static int run_party(struct view *v, enum action a)
{
	(void)a;
	forms_case_party(v->app, cv_of(v)->id, cv_of(v)->rec.case_no);
	return REDRAW;
}

static int run_record(struct view *v, enum action a)
{
	(void)a;
	const struct case_rec *c = &cv_of(v)->rec;
	forms_case_record(v->app, c->id, c->case_no, c->accepted, c->state);
	return REDRAW;
}

static int run_step(struct view *v, enum action a)
{
	(void)a;
	forms_case_move(v->app, cv_of(v)->id);
	return REDRAW;
}

static int run_reopen(struct view *v, enum action a)
{
	(void)a;
	forms_case_reopen(v->app, cv_of(v)->id);
	return REDRAW;
}

static int run_print(struct view *v, enum action a)
{
	(void)a;
	forms_case_print(v->app, cv_of(v)->id, cv_of(v)->rec.case_no);
	return REDRAW;
}

static int run_history(struct view *v, enum action a)
{
	(void)a;
	history_show(v->app, "mediation_case", cv_of(v)->id);
	return REDRAW;
}

/* F3: a party's whole ID number and phone, for a reason (logged). */
static void revealed(struct app *app, const char *table, int64_t id, const char *id_number, const char *phone)
{
	(void)table;
	struct view *v = view_find(view_top(app), &case_view);
	struct case_view *cv = v ? cv_of(v) : NULL;
	for (int i = 0; cv && i < cv->n_parties; i++)
		if (cv->parties[i].id == id) {
			x_free(&cv->parties[i].id_number);
			x_free(&cv->parties[i].phone);
			cv->parties[i].id_number = x_strdup(id_number);
			cv->parties[i].phone = x_strdup(phone);
		}
}

static int run_reveal(struct view *v, enum action a)
{
	(void)a;
	struct case_view *cv = cv_of(v);
	const struct case_party *p = &cv->parties[cv->pc.sel];
	reveal_ask(v->app, "case_party", p->id, p->name, revealed);
	return REDRAW;
}

struct removal {
	int64_t case_id, party_id;
	char *name;
};

static void free_removal(void *p)
{
	struct removal *rm = p;
	x_free(&rm->name);
	x_free(&rm);
}

static void remove_party(struct app *app, void *ctx)
{
	struct removal *rm = ctx;
	struct check c = { 0 };
	enum db_status s = reg_case_party_remove(&app->reg, rm->case_id, rm->party_id, &c);
	if (s == DB_OK && !check_ok(&c))
		app_message(app, true, "%s", c.items[0].message);
	else if (s == DB_OK)
		app_message(app, false, _("%s was removed from the case."), rm->name);
	else
		app_message(app, true, _("Could not save: %s"), reg_status_text(&app->reg, s));
	check_free(&c);
	app_data_changed(app);
}

static int run_delete(struct view *v, enum action a)
{
	(void)a;
	struct case_view *cv = cv_of(v);
	const struct case_party *p = &cv->parties[cv->pc.sel];
	struct removal *rm = x_calloc(1, sizeof *rm);
	*rm = (struct removal){ cv->id, p->id, x_strdup(p->name) };
	char *q = x_asprintf(_("Remove %s (%s) from the case? y removes, any other key keeps them."), p->name,
			     p->role);
	confirm_ask(v->app, q, remove_party, rm, free_removal, _("Nobody was removed."));
	x_free(&q);
	return REDRAW;
}

static const struct action_row actions[] = {
	{ ACT_MOVE_UP, run_move, 0, NULL },
	{ ACT_MOVE_DOWN, run_move, 0, NULL },
	{ ACT_PAGE_UP, run_move, 0, NULL },
	{ ACT_PAGE_DOWN, run_move, 0, NULL },
	{ ACT_MOVE_FIRST, run_move, 0, NULL },
	{ ACT_OPEN, run_open, 0, NULL },
	{ ACT_EDIT, run_edit, IS_OPEN | NEED_PERM(P_CASE_WRITE), NULL },
	{ ACT_PARTY, run_party, IS_OPEN | NEED_PERM(P_CASE_WRITE), NULL },
	{ ACT_RECORD, run_record, IS_OPEN | NEED_PERM(P_CASE_WRITE), NULL },
	{ ACT_PRINT, run_print, NEED_PERM(P_CASE_PARTIES) | NEED_PERM(P_REVEAL), NULL },
	{ ACT_NEXT_STEP, run_step, HAS_MOVES | NEED_PERM(P_CASE_WRITE), NULL },
	{ ACT_REOPEN, run_reopen, IS_CLOSED | NEED_PERM(P_CASE_REOPEN), NULL },
	{ ACT_DELETE, run_delete, NEED_ROW | IS_OPEN | NEED_PERM(P_CASE_WRITE), NULL },
	{ ACT_REVEAL, run_reveal, NEED_ROW | NEED_PERM(P_CASE_PARTIES) | NEED_PERM(P_REVEAL), NULL },
	{ ACT_HISTORY, run_history, NEED_PERM(P_AUDIT), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static unsigned cs_state(const struct view *v)
{
	const struct case_view *cv = cv_of(v);
	const char *moves[CASE_STATES + 1];
	bool closed = case_closed(cv->rec.state);
	return (cv->pc.sel >= 0 && cv->pc.sel < cv->n_parties ? NEED_ROW : 0) |
	       (cv->rec.state && case_moves(cv->rec.state, moves) > 0 ? HAS_MOVES : 0) |
	       (cv->rec.state && !closed ? IS_OPEN : 0) | (closed ? IS_CLOSED : 0);
}

static void cs_status(const struct view *v, char *buf, int size)
{
	const struct case_view *cv = cv_of(v);
	snprintf(buf, (size_t)size, _("%d parties, %d records"), cv->n_parties, cv->n_events);
}

static void cs_reload(struct view *v)
{
	load(v);
}

const struct view_ops case_view = {
	.name = "case",
	.scope = "case",
	.priv_size = sizeof(struct case_view),
	.open = cs_open,
	.close = cs_close,
	.draw = cs_draw,
	.actions = actions,
	.state = cs_state,
	.status = cs_status,
	.reload = cs_reload,
};

void cases_view_show(struct app *app, int64_t id)
{
	view_push(app, &case_view, &id);
}
