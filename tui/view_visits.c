/* tui/view_visits.c - the visit list (走访): newest first, narrowed by
 * date range, grid, staff, purpose and must-report item (F3).  Enter or
 * F4 edits a visit, F5 logs one, F8 deletes one after asking. */
#include "core/access.h"
#include "app.h"

#include "core/date.h"
#include "core/visit.h"
#include "core/store.h"
#include "core/xalloc.h"
#include "filter.h"
#include "form.h"
#include "forms.h"
#include "listview.h"
#include "question.h"
#include "views.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct visits {
	struct listview lv;   /* first: the list actions work on it */
	struct visit_filter filter;
};

static struct visits *vv_of(const struct view *v)
{
	return v->priv;
}

static const struct table_col cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Address"),  20, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Head"),      8, 2, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Purpose"),   8, 3, TEXT_LEFT, 0, NULL, 6 },
	{ N_("Staff"),     6, 4, TEXT_LEFT, 0, NULL, 2 },
	{ N_("Findings"), 10, 5, TEXT_LEFT, 1, NULL, 0 },
};

static void cells(const struct view *v, const void *row, struct cells *c)
{
	(void)v;
	const struct visit_row *r = row;
	const char *text[] = { r->date, r->address, r->head, r->purpose, r->staff, r->findings };
	memcpy(c->text, text, sizeof text);
}

/* ---- the filter ---- */

static const struct filter_field filter_fields[] = {
	{ "from",    N_("From"),        FILTER_DATE,  0,             NULL },
	{ "to",      N_("To"),          FILTER_DATE,  0,             NULL },
	{ "grid",    N_("Grid"),        FILTER_VOCAB, VOCAB_GRID,    NULL },
	{ "staff",   N_("Staff"),       FILTER_VOCAB, VOCAB_STAFF,   NULL },
	{ "purpose", N_("Purpose"),     FILTER_VOCAB, VOCAB_PURPOSE, NULL },
	{ "report",  N_("Must report"), FILTER_VOCAB, VOCAB_REPORT,  NULL },
};

static void filter_get(const struct view *v, struct kv *values)
{
	const struct visit_filter *f = &vv_of(v)->filter;
	filter_put_text(values, "from", f->from);
	filter_put_text(values, "to", f->to);
	filter_put_id(values, "grid", f->grid);
	filter_put_id(values, "staff", f->staff);
	filter_put_id(values, "purpose", f->purpose);
	filter_put_id(values, "report", f->report);
}

static void filter_set(struct view *v, const struct form *form)
{
	struct visit_filter *f = &vv_of(v)->filter;
	memset(f, 0, sizeof *f);
	snprintf(f->from, sizeof f->from, "%s", form_get(form, "from"));
	snprintf(f->to, sizeof f->to, "%s", form_get(form, "to"));
	f->grid = form_id(form, "grid");
	f->staff = form_id(form, "staff");
	f->purpose = form_id(form, "purpose");
	f->report = form_id(form, "report");
}

static const struct filter_spec list_filter = {
	.title = N_("Narrow the visit list (empty: all)"),
	.fields = filter_fields,
	.n = (int)ARRAY_SIZE(filter_fields),
	.get = filter_get,
	.set = filter_set,
};

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.list = &visit_list,
	.filter = offsetof(struct visits, filter),
	.cells = cells,
	.title_text = N_("Visits"),
	.empty = N_("No visit logged yet. F5 logs one; F7 on a household too."),
	.empty_filtered = N_("No visit matches. Esc clears the filter."),
	.count = N_("%d/%d visits"),
	.filter_form = &list_filter,
	.filter_size = sizeof(((struct visits *)0)->filter),
};

/* ---- actions ---- */

static void delete_visit(struct app *app, void *ctx)
{
	int64_t id = *(int64_t *)ctx;
	struct visit_rec rec;
	visit_rec_init(&rec);
	enum db_status s = reg_visit(&app->reg, id, &rec);
	if (s == DB_OK)
		s = reg_visit_delete(&app->reg, id, rec.version);
	visit_rec_free(&rec);
	if (s == DB_OK) {
		app_message(app, false, "%s", _("The visit was deleted."));
		app_data_changed(app);
	} else if (s == DB_ERR_CONFLICT || s == DB_ERR_NOTFOUND) {
		app_message(app, true, "%s", _("Someone else changed this visit meanwhile; nothing was deleted."));
		app_data_changed(app);
	} else {
		app_message(app, true, _("Could not save: %s"), reg_status_text(&app->reg, s));
	}
}

static void free_id(void *p)
{
	x_free(&p);
}

static int run_delete(struct view *v, enum action a)
{
	(void)a;
	const struct visit_row *r = lv_selected(&vv_of(v)->lv);
	int64_t *id = x_malloc(sizeof *id);
	*id = r->id;
	char *q = x_asprintf(_("Delete the visit of %s on %s? y deletes, any other key keeps it."), r->address,
			     r->date);
	confirm_ask(v->app, q, delete_visit, id, free_id, _("Nothing was deleted."));
	x_free(&q);
	return REDRAW;
}

static int run_form(struct view *v, enum action a)
{
	const struct visit_row *r = lv_selected(&vv_of(v)->lv);
	forms_visit(v->app, 0, a == ACT_NEW ? 0 : r->id, 0);
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	LISTVIEW_FILTER,
	{ ACT_OPEN, run_form, NEED_ROW | NEED_PERM(P_VISIT_WRITE), NULL },
	{ ACT_EDIT, run_form, NEED_ROW | NEED_PERM(P_VISIT_WRITE), NULL },
	{ ACT_NEW, run_form, NEED_PERM(P_VISIT_WRITE), NULL },
	{ ACT_DELETE, run_delete, NEED_ROW | NEED_PERM(P_VISIT_WRITE), NULL },
	VIEW_END,
};

const struct view_ops visits_view = {
	.name = "visits",
	.scope = "visits",
	.priv_size = sizeof(struct visits),
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
