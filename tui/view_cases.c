/* tui/view_cases.c - people's mediation (调解): the case list, newest
 * first, narrowed by year, state, type, mediator or overdue (F3), with
 * each open case's day counter; Enter opens a case: its parties and
 * records, and the keys for the next step (F8), a record (F7), another
 * party (F5), its fields (F4) and its documents (F6). */
#include "app.h"

#include "core/date.h"
#include "core/document.h"
#include "core/listwin.h"
#include "core/mediation.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cases_view {
	struct list list;
	struct case_filter filter;
	char *filter_text; /* what the filter is, for the title */
	bool loaded;
	/* The open case (0: the list shows). */
	int64_t open_id;
	struct case_rec rec;
	struct case_party *parties;
	int n_parties, psel;
	struct case_event *events;
	int n_events;
	int scroll;
	int from_section; /* Esc goes back there (Today opens cases too) */
	bool confirm_remove; /* Delete asked about the selected party; y removes */
};

static const struct table_col cols[] = {
	{ N_("Number"),      12, 0, TEXT_LEFT, 0 },
	{ N_("Accepted"),    10, 0, TEXT_LEFT, 0 },
	{ N_("Type"),         8, 1, TEXT_LEFT, 0 },
	{ N_("Parties"),     12, 2, TEXT_LEFT, 2 },
	{ N_("Mediator"),     6, 3, TEXT_LEFT, 0 },
	{ N_("State"),        8, 0, TEXT_LEFT, 0 },
	{ N_("Day"),          4, 0, TEXT_RIGHT, 0 },
};

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct app *app = ctx;
	return reg_case_page(&app->reg, &app->cases_v->filter, from, dir, inclusive, limit, out, n) == DB_OK;
}

static bool src_count(void *ctx, int *n)
{
	struct app *app = ctx;
	return reg_case_count(&app->reg, &app->cases_v->filter, n) == DB_OK;
}

static void src_free(void *row)
{
	case_row_free(row);
}

static void src_copy(void *dst, const void *src)
{
	const struct case_row *s = src;
	struct case_row *d = dst;
	memset(d, 0, sizeof *d);
	d->id = s->id;
	d->year = s->year;
	d->seq = s->seq;
}

static const struct list_ops source = {
	.row_size = sizeof(struct case_row),
	.page = src_page,
	.count = src_count,
	.free_row = src_free,
	.copy_row = src_copy,
};

struct cases_view *cases_view_new(struct app *app)
{
	struct cases_view *cv = x_calloc(1, sizeof *cv);
	app->cases_v = cv;
	list_init(&cv->list, &source, app);
	case_rec_init(&cv->rec);
	snprintf(cv->filter.today, sizeof cv->filter.today, "%s", app->today);
	return cv;
}

static void close_case(struct cases_view *cv)
{
	case_rec_free(&cv->rec);
	case_parties_free(&cv->parties, &cv->n_parties);
	case_events_free(&cv->events, &cv->n_events);
	cv->open_id = 0;
}

void cases_view_free(struct cases_view **pcv)
{
	struct cases_view *cv = *pcv;
	if (!cv)
		return;
	close_case(cv);
	list_free(&cv->list);
	x_free(&cv->filter_text);
	x_free(pcv);
}

/* Read the open case again; false when it is gone. */
static bool load_case(struct app *app)
{
	struct cases_view *cv = app->cases_v;
	int64_t id = cv->open_id;
	close_case(cv);
	if (reg_case(&app->reg, id, &cv->rec, &cv->parties, &cv->n_parties, &cv->events, &cv->n_events) != DB_OK) {
		close_case(cv);
		return false;
	}
	cv->open_id = id;
	if (cv->psel >= cv->n_parties)
		cv->psel = cv->n_parties - 1;
	if (cv->psel < 0)
		cv->psel = 0;
	return true;
}

void cases_view_show(struct app *app, int64_t id)
{
	struct cases_view *cv = app->cases_v;
	cv->from_section = app->section;
	app->section = 2;
	cv->open_id = id;
	cv->psel = 0;
	cv->scroll = 0;
	cv->loaded = false;
	if (!load_case(app))
		app_message(app, true, "%s", _("This case was deleted by another session."));
}

static void checked(struct app *app)
{
	struct cases_view *cv = app->cases_v;
	if (cv->list.failed) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		cv->list.failed = false;
	}
}

/* "第 26 天", and how it stands against the limit. */
static void day_of(const struct app *app, const char *state, const char *accepted, const char *closed, char *buf,
		   size_t size, enum case_limit *lim)
{
	int day = case_day(accepted, *closed ? closed : app->today);
	snprintf(buf, size, "%d", day);
	*lim = case_limit_of(state, accepted, app->today);
}

static attr_t limit_attr(enum case_limit lim)
{
	return lim == CASE_OVERDUE ? draw_attr(C_ERROR) | A_BOLD : lim == CASE_WARN ? A_BOLD : A_NORMAL;
}

static void draw_list(struct app *app, int y, int x, int h, int w)
{
	struct cases_view *cv = app->cases_v;
	if (!cv->loaded) {
		snprintf(cv->filter.today, sizeof cv->filter.today, "%s", app->today);
		list_reset(&cv->list);
		checked(app);
		cv->loaded = true;
	}
	char title[256];
	snprintf(title, sizeof title, "%s%s%s", _("Mediation cases"), cv->filter_text ? _("   filter: ") : "",
		 cv->filter_text ? cv->filter_text : "");
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	struct table_layout l;
	table_layout(cols, (int)ARRAY_SIZE(cols), w - 1, &l);
	table_draw_header(y + 1, x + 1, w - 1, cols, &l, draw_attr(C_TITLE));
	int cap = h - 2;
	list_set_height(&cv->list, cap);
	checked(app);
	for (int i = 0; i < cap; i++) {
		const struct case_row *r = list_row(&cv->list, i);
		if (!r)
			break;
		char day[16];
		enum case_limit lim;
		day_of(app, r->state, r->accepted, r->closed, day, sizeof day, &lim);
		/* The year and number say which case it is; the whole number
		 * (with the committee's name) is in the case. */
		char number[32];
		snprintf(number, sizeof number, _("%d No.%d"), r->year, r->seq);
		const char *cells[] = { number, r->accepted, r->type, r->parties, r->mediator, r->state, day };
		attr_t a = i == cv->list.sel ? draw_attr(C_SELECTED) : limit_attr(lim);
		table_draw_row(y + 2 + i, x + 1, w - 1, &l, cols, cells, a);
	}
	if (cv->list.total == 0)
		draw_wrapped(y + 4, x + 2, w - 4, 2, cv->filter_text ? _("No case matches. Esc clears the filter.")
				: _("No mediation case yet. F5 registers one."), A_BOLD);
}

/* ---- the open case ---- */

/* A party's line; the name's width follows the names (draw_case). */
static const struct table_col party_cols[] = {
	{ "",                1, 0, TEXT_LEFT, 0 },
	{ N_("Role"),        8, 0, TEXT_LEFT, 0 },
	{ N_("Name"),        6, 0, TEXT_LEFT, 0 },
	{ N_("Sex"),         2, 2, TEXT_LEFT, 0 },
	{ N_("Age"),         5, 3, TEXT_LEFT, 0 },
	{ "",                6, 1, TEXT_LEFT, 0 },
	{ N_("Phone"),      11, 2, TEXT_LEFT, 0 },
	{ N_("Address or unit"), 8, 4, TEXT_LEFT, 1 },
};

struct lines {
	int y, x, w, top, bottom, line; /* line: the next line, counted from the case's first */
	int scroll;
};

static void put_line(struct lines *ls, const char *s, attr_t a)
{
	int row = ls->top + ls->line - ls->scroll;
	if (row >= ls->top && row < ls->bottom)
		draw_text(row, ls->x, ls->w, s, a, TEXT_LEFT);
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

static void draw_case(struct app *app, int y, int x, int h, int w)
{
	struct cases_view *cv = app->cases_v;
	const struct case_rec *c = &cv->rec;
	char day[16];
	enum case_limit lim;
	day_of(app, c->state, c->accepted, c->closed, day, sizeof day, &lim);
	char *head = x_asprintf("%s  %s  %s", c->case_no, c->type, c->state);
	draw_text(y, x + 1, w - 2, head, A_BOLD, TEXT_LEFT);
	x_free(&head);
	const char *lim_text = lim == CASE_OVERDUE ? _("  overdue") : lim == CASE_WARN ? _("  limit near") : "";
	char *d = x_asprintf(_("day %s%s"), day, lim_text);
	int dw = text_width(d);
	draw_text(y, x + w - dw - 1, dw, d, limit_attr(lim), TEXT_RIGHT);
	x_free(&d);
	struct lines ls = { .x = x + 1, .w = w - 2, .top = y + 1, .bottom = y + h, .scroll = cv->scroll };
	char *info = x_asprintf(_("Accepted %s   source %s   mediator %s   registrar %s"), c->accepted, c->source,
				*c->mediator ? c->mediator : "-", *c->registrar ? c->registrar : "-");
	put_line(&ls, info, A_NORMAL);
	x_free(&info);
	put_text(&ls, _("What happened"), c->summary);
	put_text(&ls, _("What is asked"), c->claims);
	put_line(&ls, _("Parties (Enter opens a resident's household, Delete removes one)"), draw_attr(C_TITLE));
	/* The parties in columns of tui/table: the name column as wide as the
	 * longest name (up to a third of the line), the address takes the rest. */
	struct table_col pc[ARRAY_SIZE(party_cols)];
	memcpy(pc, party_cols, sizeof pc);
	for (int i = 0; i < cv->n_parties; i++) {
		int nw = text_width(cv->parties[i].name);
		if (nw > pc[2].width)
			pc[2].width = nw < ls.w / 3 ? nw : ls.w / 3;
	}
	struct table_layout pl;
	table_layout(pc, (int)ARRAY_SIZE(pc), ls.w, &pl);
	for (int i = 0; i < cv->n_parties; i++) {
		const struct case_party *p = &cv->parties[i];
		int age = case_party_age(p, app->today);
		char agebuf[16] = "";
		if (age >= 0)
			snprintf(agebuf, sizeof agebuf, _("%d yrs"), age);
		const char *cells[] = { i == cv->psel ? ">" : "", p->role, p->name, p->sex, agebuf,
					p->resident_id ? _("[resident]") : "", p->phone, p->address };
		int row = ls.top + ls.line - ls.scroll;
		if (row >= ls.top && row < ls.bottom)
			table_draw_row(row, ls.x, ls.w, &pl, pc, cells, i == cv->psel ? draw_attr(C_SELECTED) : A_NORMAL);
		ls.line++;
	}
	if (cv->n_parties == 0)
		put_line(&ls, _("  none yet: F5 adds one"), A_NORMAL);
	put_line(&ls, _("Records"), draw_attr(C_TITLE));
	for (int i = 0; i < cv->n_events; i++) {
		const struct case_event *e = &cv->events[i];
		char *s;
		if (strcmp(e->kind, "状态变更") == 0)
			s = x_asprintf("%s  %s → %s", e->date, e->from_state, e->to_state);
		else
			s = x_asprintf("%s  %s  %s%s%s%s%s", e->date, e->kind, e->staff, *e->staff ? "：" : "", e->text,
				       *e->performance ? "  " : "", e->performance);
		put_text(&ls, NULL, s);
		x_free(&s);
	}
	if (cv->n_events == 0)
		put_line(&ls, _("  none yet: F7 adds one"), A_NORMAL);
	put_text(&ls, _("Facts and responsibility"), c->facts);
	put_text(&ls, _("Agreement"), c->agreement);
	if (*c->manner || *c->deadline) {
		char *s = x_asprintf("%s %s %s", c->manner, c->place, c->deadline);
		put_text(&ls, _("Performance"), s);
		x_free(&s);
	}
	put_text(&ls, _("Went on to"), c->referred_to);
	/* Keep the scroll within what there is. */
	int max = ls.line - (h - 1);
	if (cv->scroll > max)
		cv->scroll = max > 0 ? max : 0;
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct cases_view *cv = app->cases_v;
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	if (cv->open_id)
		draw_case(app, y, x, h, w);
	else
		draw_list(app, y, x, h, w);
}

/* ---- the filter form ---- */

static const char *const overdue_choices[] = { "是", "否", NULL };

static void filter_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	(void)saving;
	const char *y = form_get(f, "year");
	if (*y && (atoi(y) < 2000 || atoi(y) > 2999))
		form_msg(f, "year", _("Give a year such as 2026."), false);
}

static enum db_status filter_apply(struct app *app, struct form *f)
{
	struct cases_view *cv = app->cases_v;
	memset(&cv->filter, 0, sizeof cv->filter);
	cv->filter.year = atoi(form_get(f, "year"));
	snprintf(cv->filter.state, sizeof cv->filter.state, "%s", form_get(f, "state"));
	cv->filter.type = *form_get(f, "type") ? form_field(f, "type")->link_id : 0;
	cv->filter.mediator = *form_get(f, "mediator") ? form_field(f, "mediator")->link_id : 0;
	cv->filter.overdue = strcmp(form_get(f, "overdue"), "是") == 0;
	struct strbuf sb = STRBUF_INIT;
	const char *keys[] = { "year", "state", "type", "mediator" };
	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (*form_get(f, keys[i]))
			sb_addf(&sb, "%s ", form_get(f, keys[i]));
	if (cv->filter.overdue)
		sb_addf(&sb, "%s ", _("overdue"));
	x_free(&cv->filter_text);
	cv->filter_text = sb.len ? sb_take(&sb) : NULL;
	sb_free(&sb);
	cv->loaded = false;
	app_message(app, false, "%s", cv->filter_text ? _("The list is narrowed; Esc shows all again.")
						     : _("The list shows all again."));
	return DB_OK;
}

static void free_nothing(void *p)
{
	(void)p;
}

static const struct form_ops filter_ops = {
	.check = filter_check,
	.save = filter_apply,
	.free_ctx = free_nothing,
};

static void set_vocab(struct app *app, struct form *f, const char *key, enum vocab_kind kind, int64_t now)
{
	struct vocab *v;
	int n;
	if (reg_vocab(&app->reg, kind, true, &v, &n) != DB_OK)
		return;
	const char **names = x_calloc((size_t)(n > 0 ? n : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	const char *cur = "";
	for (int i = 0; i < n; i++) {
		names[i] = v[i].name;
		ids[i] = v[i].id;
		if (ids[i] == now)
			cur = names[i];
	}
	form_set_choices(form_field(f, key), names, ids, n);
	form_set(f, key, cur);
	x_free(&names);
	x_free(&ids);
	vocab_free(&v, &n);
}

static void open_filter(struct app *app)
{
	struct cases_view *cv = app->cases_v;
	struct form *f = form_new(&filter_ops, NULL, _("Narrow the case list (empty: all)"));
	/* The choices of a select field end with NULL; case_states has none. */
	static const char *states[CASE_STATES + 1];
	for (int i = 0; i < CASE_STATES; i++)
		states[i] = case_states[i];
	static const struct field_def defs[] = {
		{ "year",     N_("Year"),          FK_NUMBER, 4, false, NULL },
		{ "state",    N_("State"),         FK_SELECT, 0, false, states },
		{ "type",     N_("Type of dispute"), FK_SELECT, 0, false, NULL },
		{ "mediator", N_("Mediator"),      FK_SELECT, 0, false, NULL },
		{ "overdue",  N_("Overdue only"),  FK_SELECT, 0, false, overdue_choices },
	};
	for (size_t i = 0; i < ARRAY_SIZE(defs); i++)
		form_add(f, &defs[i]);
	set_vocab(app, f, "type", VOCAB_DISPUTE, cv->filter.type);
	set_vocab(app, f, "mediator", VOCAB_STAFF, cv->filter.mediator);
	if (cv->filter.year) {
		char y[8];
		snprintf(y, sizeof y, "%d", cv->filter.year);
		form_set(f, "year", y);
	}
	form_set(f, "state", cv->filter.state);
	form_set(f, "overdue", cv->filter.overdue ? "是" : "否");
	form_open(app, f);
}

/* ---- documents ---- */

static void print_documents(struct app *app)
{
	struct cases_view *cv = app->cases_v;
	forms_case_print(app, cv->open_id, cv->rec.case_no);
}

/* ---- keys ---- */

static int case_action(struct app *app, enum action a)
{
	struct cases_view *cv = app->cases_v;
	const struct case_rec *c = &cv->rec;
	switch (a) {
	case ACT_MOVE_DOWN:
		if (cv->psel < cv->n_parties - 1)
			cv->psel++;
		break;
	case ACT_MOVE_UP:
		if (cv->psel > 0)
			cv->psel--;
		break;
	case ACT_PAGE_DOWN:
		cv->scroll += 10;
		break;
	case ACT_PAGE_UP:
		cv->scroll = cv->scroll > 10 ? cv->scroll - 10 : 0;
		break;
	case ACT_MOVE_FIRST:
		cv->scroll = 0;
		break;
	case ACT_OPEN:
		if (cv->psel < cv->n_parties && cv->parties[cv->psel].household_id)
			hh_view_show(app, cv->parties[cv->psel].household_id);
		else
			app_message(app, false, "%s", _("This party is not in the register."));
		break;
	case ACT_EDIT:
		forms_case_edit(app, cv->open_id);
		break;
	case ACT_DELETE:
		if (cv->psel < cv->n_parties) {
			cv->confirm_remove = true;
			app_message(app, true, _("Remove %s (%s) from the case? y removes, any other key keeps them."),
				    cv->parties[cv->psel].name, cv->parties[cv->psel].role);
		}
		break;
	case ACT_PARTY:
		forms_case_party(app, cv->open_id, c->case_no);
		break;
	case ACT_RECORD:
		forms_case_record(app, cv->open_id, c->case_no, c->accepted, c->state);
		break;
	case ACT_NEXT_STEP:
		forms_case_move(app, cv->open_id);
		break;
	case ACT_PRINT:
		print_documents(app);
		break;
	case ACT_BACK:
		close_case(cv);
		cv->loaded = false;
		app->section = cv->from_section;
		break;
	default:
		return NOT_HANDLED;
	}
	return REDRAW_ALL;
}

/* The answer to "remove this party?". */
static int key(struct app *app, int k)
{
	struct cases_view *cv = app->cases_v;
	if (!cv->confirm_remove)
		return NOT_HANDLED;
	cv->confirm_remove = false;
	if ((k != 'y' && k != 'Y') || cv->psel >= cv->n_parties) {
		app_message(app, false, "%s", _("Nobody was removed."));
		return REDRAW_ALL;
	}
	struct check c;
	char *name = x_strdup(cv->parties[cv->psel].name);
	enum db_status s = reg_case_party_remove(&app->reg, cv->open_id, cv->parties[cv->psel].id, &c);
	if (s == DB_OK && !check_ok(&c))
		app_message(app, true, "%s", c.items[0].message);
	else if (s == DB_OK)
		app_message(app, false, _("%s was removed from the case."), name);
	else
		app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
	check_free(&c);
	x_free(&name);
	app_data_changed(app);
	return REDRAW_ALL;
}

static int action(struct app *app, enum action a)
{
	struct cases_view *cv = app->cases_v;
	if (cv->open_id)
		return case_action(app, a);
	const struct case_row *r = list_selected(&cv->list);
	if (list_act(&cv->list, a)) {
		checked(app);
		return REDRAW_ALL;
	}
	switch (a) {
	case ACT_OPEN:
		if (r)
			cases_view_show(app, r->id);
		break;
	case ACT_NEW:
		forms_case_new(app);
		break;
	case ACT_SEARCH:
		open_filter(app);
		break;
	case ACT_BACK:
		if (!cv->filter_text)
			return REDRAW_NONE;
		memset(&cv->filter, 0, sizeof cv->filter);
		x_free(&cv->filter_text);
		cv->loaded = false;
		break;
	default:
		return NOT_HANDLED;
	}
	checked(app);
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	const struct cases_view *cv = app->cases_v;
	if (cv->open_id) {
		switch (a) {
		case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN: case ACT_MOVE_FIRST:
		case ACT_OPEN: case ACT_EDIT: case ACT_PARTY: case ACT_RECORD: case ACT_PRINT: case ACT_BACK:
			return true;
		case ACT_DELETE:
			return cv->n_parties > 0;
		case ACT_NEXT_STEP: {
			const char *moves[CASE_STATES + 1];
			return case_moves(cv->rec.state, moves) > 0;
		}
		default:
			return false;
		}
	}
	bool row = list_selected(&cv->list) != NULL;
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_MOVE_FIRST: case ACT_MOVE_LAST: case ACT_NEW: case ACT_SEARCH:
		return true;
	case ACT_OPEN:
		return row;
	case ACT_BACK:
		return cv->filter_text != NULL;
	default:
		return false;
	}
}

static const char *current_scope(const struct app *app)
{
	return app->cases_v->open_id ? "case" : "cases";
}

static void status(const struct app *app, char *buf, int size)
{
	const struct cases_view *cv = app->cases_v;
	if (cv->open_id)
		snprintf(buf, (size_t)size, _("%d parties, %d records"), cv->n_parties, cv->n_events);
	else
		snprintf(buf, (size_t)size, _("%d/%d cases"), list_position(&cv->list), cv->list.total);
}

static void reload(struct app *app)
{
	struct cases_view *cv = app->cases_v;
	if (cv->open_id && !load_case(app)) {
		app_message(app, true, "%s", _("This case was deleted by another session."));
		cv->loaded = false;
	}
	if (cv->loaded) {
		list_reload(&cv->list);
		checked(app);
	}
}

const struct view_ops cases_view = {
	.scope = "cases",
	.draw = draw,
	.action = action,
	.key = key,
	.supports = supports,
	.current_scope = current_scope,
	.status = status,
	.reload = reload,
};
