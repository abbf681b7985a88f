/* tui/view_staff.c - the members of staff (工作人员), for the 主任:
 * name, role, login, phone, grids, in service, PIN set.  F5 adds one,
 * Enter or F4 edits one (retiring is "in service: no"), F6 sets or
 * clears their PIN.  Opened from Today (F6). */
#include "core/access.h"
#include "app.h"

#include "core/codes.h"
#include "core/signin.h"
#include "core/staff.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"
#include "forms.h"
#include "listview.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct staff_view {
	struct listview lv;   /* first: the list actions work on it */
	int filter;           /* none; the list wants one */
};

static const struct table_col cols[] = {
	{ N_("Name"),       6, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Role"),       6, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Login"),      8, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Phone"),     11, 3, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Grids"),      8, 4, TEXT_LEFT, 1, NULL, 0 },
	{ N_("In service"), 4, 5, TEXT_LEFT, 0, NULL, 0 },
	{ N_("PIN"),        4, 6, TEXT_LEFT, 0, NULL, 0 },
};

static void cells(const struct view *v, const void *row, struct cells *c)
{
	const struct staff_rec *s = row;
	c->own[4] = reg_staff_grid_names(&v->app->reg, s);
	const char *text[] = { s->name, s->role, s->os_login, s->phone, c->own[4], s->active ? _("yes") : _("no"),
			       *s->pin_hash ? _("set") : "-" };
	memcpy(c->text, text, sizeof text);
	if (!s->active)
		c->color = C_DIM;
}

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.list = &staff_reg_list,
	.filter = offsetof(struct staff_view, filter),
	.cells = cells,
	.title_text = N_("Members of staff"),
	.empty = N_("No member of staff yet. F5 adds one."),
	.count = N_("%d/%d members"),
};

/* ---- the form of a member ---- */

static void member_rec(struct app *app, const struct form *f, struct staff_rec *s, char *bad, size_t size)
{
	staff_rec_init(s);
	formrec_store(f, s, staff_fields, staff_field_count, "");
	s->id = f->record_id;
	s->version = f->version;
	reg_staff_parse_grids(&app->reg, form_get(f, "grids"), s, bad, size);
}

static void staff_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	char bad[128];
	struct staff_rec s;
	member_rec(app, f, &s, bad, sizeof bad);
	if (*bad) {
		char *msg = x_asprintf(_("There is no grid called %s."), bad);
		form_msg(f, "grids", msg, false);
		x_free(&msg);
	}
	staff_rec_free(&s);
}

static enum db_status staff_save(struct app *app, struct form *f)
{
	char bad[128];
	struct staff_rec s;
	struct check c;
	member_rec(app, f, &s, bad, sizeof bad);
	enum db_status st = reg_staff_save(&app->reg, &s, &c);
	st = forms_checked(f, st, &c, "name");
	if (st == DB_OK)
		app_message(app, false, _("Saved: %s (%s)."), s.name, s.role);
	check_free(&c);
	staff_rec_free(&s);
	return st;
}

static void no_ctx(void *p)
{
	(void)p;
}

static const struct form_ops staff_ops = {
	.check = staff_check,
	.save = staff_save,
	.closed = forms_saved,
	.free_ctx = no_ctx,
};

void forms_staff(struct app *app, int64_t id)
{
	struct staff_rec s;
	staff_rec_init(&s);
	if (id && reg_staff_get(&app->reg, id, &s) != DB_OK) {
		app_message(app, true, "%s", _("This member was deleted by another session."));
		staff_rec_free(&s);
		return;
	}
	char *title = id ? x_asprintf(_("Member of staff: %s"), s.name) : x_strdup(_("New member of staff"));
	struct form *f = form_new(&staff_ops, NULL, title);
	x_free(&title);
	f->record_id = id;
	f->version = s.version;
	formrec_add(app, f, staff_fields, staff_field_count, "", NULL);
	struct field_def gd = { "grids", N_("Grids (names, separated by 、)"), FK_TEXT, 200, false, NULL };
	form_add(f, &gd);
	if (id) {
		formrec_load(f, &s, staff_fields, staff_field_count, "");
		char *grids = reg_staff_grid_names(&app->reg, &s);
		form_set(f, "grids", grids);
		x_free(&grids);
	} else {
		form_set(f, "role", "社工");
		form_set_yes(f, "active", 1);
	}
	staff_rec_free(&s);
	form_keep_drafts(f, "staff");
	form_open(app, f);
}

/* ---- the form of a PIN ---- */

static void pin_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	const char *pin = form_get(f, "pin");
	if (*pin && pin_problem(pin))
		form_msg(f, "pin", pin_problem(pin), false);
	else if (saving && strcmp(pin, form_get(f, "again")) != 0)
		form_msg(f, "again", _("The two PINs differ; type them again."), false);
}

static enum db_status pin_save(struct app *app, struct form *f)
{
	struct check c;
	enum db_status st = reg_staff_set_pin(&app->reg, f->record_id, form_get(f, "pin"), &c);
	st = forms_checked(f, st, &c, "pin");
	if (st == DB_OK)
		app_message(app, false, "%s", *form_get(f, "pin") ? _("The PIN is set.") : _("The PIN is cleared."));
	check_free(&c);
	return st;
}

static const struct form_ops pin_ops = {
	.check = pin_check,
	.save = pin_save,
	.closed = forms_saved,
	.free_ctx = no_ctx,
};

static void pin_form(struct app *app, const struct staff_rec *s)
{
	char *title = x_asprintf(_("PIN of %s (empty: none)"), s->name);
	struct form *f = form_new(&pin_ops, NULL, title);
	x_free(&title);
	f->record_id = s->id;
	struct field_def pd = { "pin", N_("New PIN (4 to 12 digits)"), FK_NUMBER, 12, false, NULL };
	struct field_def ad = { "again", N_("The same again"), FK_NUMBER, 12, false, NULL };
	form_add(f, &pd)->secret = true;
	form_add(f, &ad)->secret = true;
	form_open(app, f);
}

/* ---- actions ---- */

static int run_edit(struct view *v, enum action a)
{
	const struct staff_rec *s = lv_selected(v->priv);
	forms_staff(v->app, a == ACT_NEW || !s ? 0 : s->id);
	return REDRAW;
}

static int run_pin(struct view *v, enum action a)
{
	(void)a;
	pin_form(v->app, lv_selected(v->priv));
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	{ ACT_OPEN, run_edit, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_EDIT, run_edit, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_NEW, run_edit, NEED_PERM(P_ADMIN), NULL },
	{ ACT_PIN, run_pin, NEED_ROW | NEED_PERM(P_ADMIN), NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

const struct view_ops staff_view = {
	.name = "staff",
	.scope = "staff",
	.priv_size = sizeof(struct staff_view),
	.data = &spec,
	.open = lv_view_open,
	.close = lv_view_close,
	.resize = lv_view_resize,
	.draw = lv_view_draw,
	.actions = actions,
	.state = lv_view_state,
	.status = lv_view_status,
	.reload = lv_view_reload,
	.mouse = lv_view_mouse,
};
