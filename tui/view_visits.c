/* tui/view_visits.c - the visit list (走访): newest first, narrowed by
 * date range, grid, staff, purpose and must-report item (F3).  Enter or
 * F4 edits a visit, F5 logs one, F8 deletes one after asking. */
#include "app.h"

#include "core/date.h"
#include "core/listwin.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "table.h"

#include <stdio.h>
#include <string.h>

struct visits_view {
	struct list list;
	struct visit_filter filter;
	char *filter_text;   /* what the filter is, for the title */
	bool confirm_delete; /* F8 asked; y deletes */
	bool loaded;
};

static const struct table_col cols[] = {
	{ N_("Date"),     10, 0, TEXT_LEFT, 0 },
	{ N_("Address"),  20, 1, TEXT_LEFT, 0 },
	{ N_("Head"),      8, 2, TEXT_LEFT, 0 },
	{ N_("Purpose"),   8, 3, TEXT_LEFT, 0 },
	{ N_("Staff"),     6, 4, TEXT_LEFT, 0 },
	{ N_("Findings"), 10, 5, TEXT_LEFT, 1 },
};

static bool src_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	struct app *app = ctx;
	return reg_visit_page(&app->reg, &app->visits_v->filter, from, dir, inclusive, limit, out, n) == DB_OK;
}

static bool src_count(void *ctx, int *n)
{
	struct app *app = ctx;
	return reg_visit_count(&app->reg, &app->visits_v->filter, n) == DB_OK;
}

static void src_free(void *row)
{
	visit_row_free(row);
}

static void src_copy(void *dst, const void *src)
{
	const struct visit_row *s = src;
	struct visit_row *d = dst;
	memset(d, 0, sizeof *d);
	d->id = s->id;
	d->date = x_strdup(s->date ? s->date : "");
}

static const struct list_ops source = {
	.row_size = sizeof(struct visit_row),
	.page = src_page,
	.count = src_count,
	.free_row = src_free,
	.copy_row = src_copy,
};

struct visits_view *visits_view_new(struct app *app)
{
	struct visits_view *vv = x_calloc(1, sizeof *vv);
	app->visits_v = vv;
	list_init(&vv->list, &source, app);
	return vv;
}

void visits_view_free(struct visits_view **pvv)
{
	struct visits_view *vv = *pvv;
	if (!vv)
		return;
	list_free(&vv->list);
	x_free(&vv->filter_text);
	x_free(pvv);
}

static void checked(struct app *app)
{
	struct visits_view *vv = app->visits_v;
	if (vv->list.failed) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		vv->list.failed = false;
	}
}

static void draw(struct app *app, int y, int x, int h, int w)
{
	struct visits_view *vv = app->visits_v;
	if (!vv->loaded) {
		list_reset(&vv->list);
		checked(app);
		vv->loaded = true;
	}
	for (int r = 0; r < h; r++)
		draw_blank(y + r, x, w, A_NORMAL);
	char title[256];
	snprintf(title, sizeof title, "%s%s%s", _("Visits"), vv->filter_text ? _("   filter: ") : "",
		 vv->filter_text ? vv->filter_text : "");
	draw_text(y, x + 1, w - 2, title, A_BOLD, TEXT_LEFT);
	struct table_layout l;
	table_layout(cols, (int)ARRAY_SIZE(cols), w - 1, &l);
	table_draw_header(y + 1, x + 1, w - 1, cols, &l, draw_attr(C_TITLE));
	int cap = h - 2;
	list_set_height(&vv->list, cap);
	checked(app);
	for (int i = 0; i < cap; i++) {
		const struct visit_row *r = list_row(&vv->list, i);
		if (!r)
			break;
		const char *cells[] = { r->date, r->address, r->head, r->purpose, r->staff, r->findings };
		attr_t a = i == vv->list.sel ? draw_attr(C_SELECTED) : A_NORMAL;
		table_draw_row(y + 2 + i, x + 1, w - 1, &l, cols, cells, a);
	}
	if (vv->list.total == 0)
		draw_wrapped(y + 4, x + 2, w - 4, 2, vv->filter_text ? _("No visit matches. Esc clears the filter.")
				: _("No visit logged yet. F5 logs one; F7 on a household too."), A_BOLD);
}

/* ---- the filter form ---- */

struct fctx {
	struct vocab *v[4];
	int n[4];
};
static const enum vocab_kind filter_kinds[4] = { VOCAB_GRID, VOCAB_STAFF, VOCAB_PURPOSE, VOCAB_REPORT };
static const char *const filter_keys[4] = { "grid", "staff", "purpose", "report" };

static void free_fctx(void *p)
{
	struct fctx *c = p;
	for (int i = 0; i < 4; i++)
		vocab_free(&c->v[i], &c->n[i]);
	x_free(&c);
}

static void filter_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	const char *keys[] = { "from", "to" };
	for (size_t i = 0; i < 2; i++) {
		const char *d = form_get(f, keys[i]);
		char iso[11];
		const char *err;
		if (*d && (err = date_parse_input(d, app->today, iso)))
			form_msg(f, keys[i], _(err), false);
		else if (*d)
			form_set(f, keys[i], iso);
	}
}

static enum db_status filter_apply(struct app *app, struct form *f)
{
	struct visits_view *vv = app->visits_v;
	memset(&vv->filter, 0, sizeof vv->filter);
	snprintf(vv->filter.from, sizeof vv->filter.from, "%s", form_get(f, "from"));
	snprintf(vv->filter.to, sizeof vv->filter.to, "%s", form_get(f, "to"));
	vv->filter.grid = form_field(f, "grid")->link_id;
	vv->filter.staff = form_field(f, "staff")->link_id;
	vv->filter.purpose = form_field(f, "purpose")->link_id;
	vv->filter.report = form_field(f, "report")->link_id;
	struct strbuf sb = STRBUF_INIT;
	if (vv->filter.from[0] || vv->filter.to[0])
		sb_addf(&sb, "%s~%s ", vv->filter.from, vv->filter.to);
	for (int i = 0; i < 4; i++)
		if (*form_get(f, filter_keys[i]))
			sb_addf(&sb, "%s ", form_get(f, filter_keys[i]));
	x_free(&vv->filter_text);
	vv->filter_text = sb.len ? sb_take(&sb) : NULL;
	sb_free(&sb);
	vv->loaded = false;
	app_message(app, false, "%s", vv->filter_text ? _("The list is narrowed; Esc shows all again.")
						     : _("The list shows all again."));
	return DB_OK;
}

static const struct form_ops filter_ops = {
	.check = filter_check,
	.save = filter_apply,
	.free_ctx = free_fctx,
};

static void open_filter(struct app *app)
{
	struct visits_view *vv = app->visits_v;
	struct fctx *c = x_calloc(1, sizeof *c);
	struct form *f = form_new(&filter_ops, c, _("Narrow the visit list (empty: all)"));
	struct field_def from = { "from", N_("From"), FK_DATE, 16, false, NULL };
	struct field_def to = { "to", N_("To"), FK_DATE, 16, false, NULL };
	form_add(f, &from);
	form_add(f, &to);
	static const char *const labels[4] = { N_("Grid"), N_("Staff"), N_("Purpose"), N_("Must report") };
	int64_t now[4] = { vv->filter.grid, vv->filter.staff, vv->filter.purpose, vv->filter.report };
	for (int i = 0; i < 4; i++) {
		struct field_def d = { filter_keys[i], labels[i], FK_SELECT, 0, false, NULL };
		struct ffield *ff = form_add(f, &d);
		reg_vocab(&app->reg, filter_kinds[i], false, &c->v[i], &c->n[i]);
		const char **names = x_calloc((size_t)(c->n[i] + 1), sizeof *names);
		int64_t *ids = x_calloc((size_t)(c->n[i] + 1), sizeof *ids);
		const char *cur = "";
		for (int k = 0; k < c->n[i]; k++) {
			names[k] = c->v[i][k].name;
			ids[k] = c->v[i][k].id;
			if (ids[k] == now[i])
				cur = names[k];
		}
		form_set_choices(ff, names, ids, c->n[i]);
		form_set(f, filter_keys[i], cur);
		x_free(&names);
		x_free(&ids);
	}
	form_set(f, "from", vv->filter.from);
	form_set(f, "to", vv->filter.to);
	form_open(app, f);
}

/* ---- keys ---- */

static int key(struct app *app, int k)
{
	struct visits_view *vv = app->visits_v;
	if (!vv->confirm_delete)
		return NOT_HANDLED;
	vv->confirm_delete = false;
	const struct visit_row *r = list_selected(&vv->list);
	if ((k == 'y' || k == 'Y') && r) {
		struct visit_rec v;
		visit_rec_init(&v);
		enum db_status s = reg_visit(&app->reg, r->id, &v);
		if (s == DB_OK)
			s = reg_visit_delete(&app->reg, r->id, v.version);
		visit_rec_free(&v);
		if (s == DB_OK) {
			app_message(app, false, "%s", _("The visit was deleted."));
			app_data_changed(app);
		} else if (s == DB_ERR_CONFLICT || s == DB_ERR_NOTFOUND) {
			app_message(app, true, "%s", _("Someone else changed this visit meanwhile; nothing was deleted."));
			app_data_changed(app);
		} else {
			app_message(app, true, _("Could not save: %s"), reg_error(&app->reg));
		}
	} else {
		app_message(app, false, "%s", _("Nothing was deleted."));
	}
	return REDRAW_ALL;
}

static int action(struct app *app, enum action a)
{
	struct visits_view *vv = app->visits_v;
	const struct visit_row *r = list_selected(&vv->list);
	if (list_act(&vv->list, a)) {
		checked(app);
		return REDRAW_ALL;
	}
	switch (a) {
	case ACT_OPEN: case ACT_EDIT:
		if (r)
			forms_visit(app, 0, r->id, 0);
		break;
	case ACT_NEW:
		forms_visit(app, 0, 0, 0);
		break;
	case ACT_DELETE:
		if (r) {
			vv->confirm_delete = true;
			app_message(app, true, _("Delete the visit of %s on %s? y deletes, any other key keeps it."),
				    r->address, r->date);
		}
		break;
	case ACT_SEARCH:
		open_filter(app);
		break;
	case ACT_BACK:
		if (!vv->filter_text)
			return REDRAW_NONE;
		memset(&vv->filter, 0, sizeof vv->filter);
		x_free(&vv->filter_text);
		vv->loaded = false;
		break;
	default:
		return NOT_HANDLED;
	}
	checked(app);
	return REDRAW_ALL;
}

static bool supports(const struct app *app, enum action a)
{
	const struct visits_view *vv = app->visits_v;
	bool row = list_selected(&vv->list) != NULL;
	switch (a) {
	case ACT_MOVE_UP: case ACT_MOVE_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_MOVE_FIRST: case ACT_MOVE_LAST: case ACT_NEW: case ACT_SEARCH:
		return true;
	case ACT_OPEN: case ACT_EDIT: case ACT_DELETE:
		return row;
	case ACT_BACK:
		return vv->filter_text != NULL;
	default:
		return false;
	}
}

static void status(const struct app *app, char *buf, int size)
{
	const struct visits_view *vv = app->visits_v;
	snprintf(buf, (size_t)size, _("%d/%d visits"), list_position(&vv->list), vv->list.total);
}

static void reload(struct app *app)
{
	struct visits_view *vv = app->visits_v;
	if (vv->loaded) {
		list_reload(&vv->list);
		checked(app);
	}
}

const struct view_ops visits_view = {
	.scope = "visits",
	.draw = draw,
	.action = action,
	.key = key,
	.supports = supports,
	.status = status,
	.reload = reload,
};
