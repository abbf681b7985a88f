/* tui/hh_detail.c - a household as the detail pane shows it. */
#include "hh_detail.h"

#include "app.h"
#include "core/date.h"
#include "core/mediation.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "table.h"

#include <stdio.h>
#include <string.h>

/* Visits shown in the detail, newest first. */
#define DETAIL_VISITS 12

static const struct table_col member_cols[] = {
	{ N_("Relation"),  8, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Name"),     10, 0, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Sex"),       4, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Age"),       4, 1, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("ID number"),18, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Phone"),    12, 3, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Status"),    4, 4, TEXT_LEFT, 0, NULL, 2 },
	{ N_("Tags"),      6, 5, TEXT_LEFT, 1, NULL, 0 },
};

static const struct table_col visit_cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Method"),    8, 2, TEXT_LEFT, 0, NULL, 2 },
	{ N_("Purpose"),  12, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Staff"),     8, 3, TEXT_LEFT, 0, NULL, 2 },
	{ N_("Findings"), 10, 0, TEXT_LEFT, 1, NULL, 0 },
};

void hh_detail_free(struct hh_detail *d)
{
	for (int i = 0; i < d->n_visits; i++)
		visit_row_free(&d->visits[i]);
	x_free(&d->visits);
	d->n_visits = 0;
	for (int i = 0; i < d->n_cases; i++)
		case_row_free(&d->cases[i]);
	x_free(&d->cases);
	d->n_cases = 0;
	x_free(&d->last_visit);
	x_free(&d->next_due);
	x_free(&d->plan);
	if (d->ok)
		household_free(&d->h);
	d->ok = false;
	d->id = 0;
}

bool hh_detail_load(struct hh_detail *d, struct app *app, int64_t id)
{
	hh_detail_free(d);
	d->id = id;
	if (!id)
		return true;
	enum db_status s = reg_household(&app->reg, id, &d->h);
	if (s == DB_OK)
		d->ok = true;
	if (s == DB_OK)
		s = reg_household_visits(&app->reg, id, app->today, DETAIL_VISITS, &d->visits, &d->n_visits,
					 &d->last_visit, &d->next_due);
	if (s == DB_OK) {
		enum plan_state ps;
		s = reg_household_plan(&app->reg, id, app->today, &d->plan, &ps);
		d->plan_state = ps;
	}
	if (s == DB_OK)
		s = reg_cases_of_household(&app->reg, id, &d->cases, &d->n_cases);
	if (s == DB_ERR_NOTFOUND)
		app_message(app, true, "%s", _("This household was deleted by another session."));
	else if (s != DB_OK)
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
	return s == DB_OK;
}

/* The lines of the detail, drawn when inside the scrolled window. */
struct lines {
	struct rect r;
	int scroll, line;
};

static bool inside(const struct lines *ls)
{
	return ls->line - ls->scroll >= 0 && ls->line - ls->scroll < ls->r.h;
}

static int row_y(const struct lines *ls)
{
	return ls->r.y + ls->line - ls->scroll;
}

static void put(struct lines *ls, const char *s, attr_t a)
{
	if (inside(ls))
		draw_text(row_y(ls), ls->r.x, ls->r.w, s, a, TEXT_LEFT);
	ls->line++;
}

/* Append "label value" to sb when value is not empty. */
static void pair(struct strbuf *sb, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	if (sb->len)
		sb_adds(sb, "   ");
	sb_adds(sb, label);
	sb_adds(sb, " ");
	sb_adds(sb, value);
}

static void put_pairs(struct lines *ls, struct strbuf *sb, bool always)
{
	if (sb->len || always)
		put(ls, sb->buf ? sb->buf : "", A_NORMAL);
	sb_free(sb);
}

/* Notes may have several lines: each on its own, under the label. */
static void put_notes(struct lines *ls, const char *notes)
{
	struct strbuf sb = STRBUF_INIT;
	char *copy = x_strdup(notes);
	bool first = true;
	for (char *p = copy, *nl; p; p = nl ? nl + 1 : NULL, first = false) {
		nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (first)
			pair(&sb, _("Notes"), p);
		else
			sb_addf(&sb, "%*s%s", text_width(_("Notes")) + 1, "", p);
		put_pairs(ls, &sb, true);
	}
	x_free(&copy);
}

static void put_head(struct lines *ls, const struct household *h, int sel)
{
	char *addr = hh_address(&h->row);
	put(ls, addr, sel == -1 ? draw_attr(C_SELECTED) | A_BOLD : A_BOLD);
	x_free(&addr);
	struct strbuf sb = STRBUF_INIT;
	pair(&sb, _("Head"), h->row.head);
	pair(&sb, _("Grid"), h->grid);
	pair(&sb, _("Kind"), h->row.kind);
	pair(&sb, _("Status"), h->row.status);
	put_pairs(ls, &sb, true);
	pair(&sb, _("Phone"), h->row.phone);
	pair(&sb, _("Reg. no."), h->reg_no);
	pair(&sb, _("Tenure"), h->tenure);
	put_pairs(ls, &sb, false);
	pair(&sb, _("Tags"), h->row.tags);
	put_pairs(ls, &sb, false);
	if (h->notes[0])
		put_notes(ls, h->notes);
}

static void put_members(struct lines *ls, struct hh_detail *d, struct app *app, int sel)
{
	ls->line++;
	char title[128];
	snprintf(title, sizeof title, _("Members (%d living)"), d->h.row.members);
	put(ls, title, A_BOLD);
	struct table_layout l;
	table_layout(member_cols, (int)ARRAY_SIZE(member_cols), ls->r.w, &l);
	if (inside(ls))
		table_draw_header(row_y(ls), ls->r.x, ls->r.w, member_cols, &l, draw_attr(C_TITLE));
	ls->line++;
	d->member_line0 = ls->line;
	for (int i = 0; i < d->h.n_members; i++, ls->line++) {
		const struct member *m = &d->h.members[i];
		if (!inside(ls))
			continue;
		char age[16] = "";
		int a = date_age(m->birth_date, app->today);
		if (a >= 0)
			snprintf(age, sizeof age, "%d", a);
		/* core masks the ID number and phone; F3 shows them whole */
		const char *cells[] = { m->relation, m->name, m->sex, age, m->id_number, m->phone, m->status, m->tags };
		attr_t ma = sel == i ? draw_attr(C_SELECTED) : strcmp(m->status, "在住") == 0 ? A_NORMAL : draw_attr(C_DIM);
		table_draw_row(row_y(ls), ls->r.x, ls->r.w, &l, member_cols, cells, ma);
	}
}

/* Visits: the rhythm, then the latest ones. */
static void put_visits(struct lines *ls, const struct hh_detail *d, const struct app *app)
{
	ls->line++;
	struct strbuf vs = STRBUF_INIT;
	sb_adds(&vs, _("Visits"));
	bool rhythm = d->next_due && d->next_due[0];
	if (d->last_visit && d->last_visit[0]) {
		sb_addf(&vs, _("   last %s"), d->last_visit);
		if (rhythm)
			sb_addf(&vs, strcmp(d->next_due, app->today) < 0 ? _("   overdue by the rules since %s")
				     : _("   next due by the rules %s"), d->next_due);
	} else {
		/* Never visited: due at once when its tags ask for visits. */
		sb_adds(&vs, rhythm ? _("   never visited: due now") : _("   never visited"));
	}
	put(ls, vs.buf, A_BOLD);
	sb_free(&vs);
	/* The next visit its latest visit planned, and where it stands. */
	if (d->plan && d->plan[0]) {
		char *p = x_asprintf(d->plan_state == PLAN_MISSED ? _("   next visit (planned) %s: missed")
				     : d->plan_state == PLAN_DUE ? _("   next visit (planned) %s: in Today's plan")
				     : _("   next visit (planned) %s"), d->plan);
		put(ls, p, d->plan_state == PLAN_UPCOMING ? A_NORMAL : A_BOLD);
		x_free(&p);
	}
	struct table_layout l;
	table_layout(visit_cols, (int)ARRAY_SIZE(visit_cols), ls->r.w, &l);
	if (d->n_visits) {
		if (inside(ls))
			table_draw_header(row_y(ls), ls->r.x, ls->r.w, visit_cols, &l, draw_attr(C_TITLE));
		ls->line++;
	}
	for (int i = 0; i < d->n_visits; i++, ls->line++) {
		const struct visit_row *v = &d->visits[i];
		const char *cells[] = { v->date, v->method, v->purpose, v->staff, v->findings };
		if (inside(ls))
			table_draw_row(row_y(ls), ls->r.x, ls->r.w, &l, visit_cols, cells, A_NORMAL);
	}
}

/* Mediation cases its residents are parties to (open them in 3 调解). */
static void put_cases(struct lines *ls, const struct hh_detail *d)
{
	if (d->n_cases) {
		ls->line++;
		put(ls, _("Mediation cases"), A_BOLD);
	}
	for (int i = 0; i < d->n_cases; i++) {
		const struct case_row *c = &d->cases[i];
		char *s = x_asprintf("%s  %s  %s  %s  %s", c->case_no, c->accepted, c->type, c->state, c->parties);
		put(ls, s, A_NORMAL);
		x_free(&s);
	}
}

void hh_detail_draw(struct hh_detail *d, struct app *app, struct rect r, int scroll, int sel)
{
	draw_clear(r.y, r.x, r.h, r.w);
	if (!d->ok)
		return;
	struct lines ls = { r, scroll, 0 };
	put_head(&ls, &d->h, sel);
	put_members(&ls, d, app, sel);
	put_visits(&ls, d, app);
	put_cases(&ls, d);
	d->lines = ls.line;
}
