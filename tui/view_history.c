/* tui/view_history.c - the audit history (历史记录): every change,
 * whole-number view, export and sign-in, newest first; F3 narrows it by
 * member of staff, kind of record and dates; Enter shows one change
 * field by field; F6 writes the list as CSV.  Opened from Today (F8)
 * for everything, or from a household, a member or a case (F2) for
 * that record alone. */
#include "core/access.h"
#include "app.h"

#include "core/date.h"
#include "core/history.h"
#include "core/privilege.h"
#include "core/xalloc.h"
#include "filter.h"
#include "form.h"
#include "forms.h"
#include "history.h"
#include "listview.h"
#include "views.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct history {
	struct listview lv;   /* first: the list actions work on it */
	struct audit_filter filter;
	char table[32];       /* opened for one record: which */
	int64_t row;
};

static struct history *hv_of(const struct view *v)
{
	return v->priv;
}

static const struct table_col cols[] = {
	{ N_("When"),    16, 0, TEXT_LEFT, 0, NULL, 0 },
	{ N_("By"),       6, 1, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Did"),      6, 2, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Record"),   8, 3, TEXT_LEFT, 0, NULL, 0 },
	{ N_("Rec. No."), 5, 4, TEXT_RIGHT, 0, NULL, 0 },
	{ N_("Of"),      10, 5, TEXT_LEFT, 1, NULL, 0 },
};

static void cells(const struct view *v, const void *row, struct cells *c)
{
	(void)v;
	const struct audit_row *r = row;
	snprintf(c->buf[0], sizeof c->buf[0], "%.16s", r->at);
	snprintf(c->buf[4], sizeof c->buf[4], "%lld", (long long)r->row_id);
	const char *text[] = { c->buf[0], r->who, history_action_name(r->action), history_table_name(r->table),
			       r->row_id ? c->buf[4] : "", r->label };
	memcpy(c->text, text, sizeof text);
	if (strcmp(r->action, "reveal") == 0 || strcmp(r->action, "export") == 0)
		c->attr = A_BOLD;
}

/* ---- the filter ---- */

static const struct filter_field filter_fields[] = {
	{ "staff", N_("Member of staff"), FILTER_VOCAB_ALL, VOCAB_STAFF, NULL },
	{ "table", N_("Kind of record"),  FILTER_CHOICE,    0,           history_table_names },
	{ "from",  N_("From"),            FILTER_DATE,      0,           NULL },
	{ "to",    N_("To"),              FILTER_DATE,      0,           NULL },
};

static void filter_get(const struct view *v, struct kv *values)
{
	const struct audit_filter *f = &hv_of(v)->filter;
	filter_put_id(values, "staff", f->staff);
	filter_put_text(values, "table", f->table[0] ? history_table_name(f->table) : "");
	filter_put_text(values, "from", f->from);
	filter_put_text(values, "to", f->to);
}

/* The history of one record stays with that record. */
static void keep_record(struct view *v)
{
	struct history *h = hv_of(v);
	if (!h->row)
		return;
	snprintf(h->filter.table, sizeof h->filter.table, "%s", h->table);
	h->filter.row_id = h->row;
}

static void filter_set(struct view *v, const struct form *form)
{
	struct audit_filter *f = &hv_of(v)->filter;
	memset(f, 0, sizeof *f);
	f->staff = form_id(form, "staff");
	const char *name = form_get(form, "table");
	for (int i = 0; history_tables[i]; i++)
		if (strcmp(history_table_names[i], name) == 0)
			snprintf(f->table, sizeof f->table, "%s", history_tables[i]);
	snprintf(f->from, sizeof f->from, "%s", form_get(form, "from"));
	snprintf(f->to, sizeof f->to, "%s", form_get(form, "to"));
	keep_record(v);
}

static const struct filter_spec list_filter = {
	.title = N_("Narrow the history (empty: all)"),
	.fields = filter_fields,
	.n = (int)ARRAY_SIZE(filter_fields),
	.get = filter_get,
	.set = filter_set,
};

static void title(const struct view *v, char *buf, int size)
{
	const struct history *h = hv_of(v);
	char t[128];
	if (h->filter.row_id)
		snprintf(t, sizeof t, _("History of %s No. %lld"), history_table_name(h->filter.table),
			 (long long)h->filter.row_id);
	else
		snprintf(t, sizeof t, "%s", _("History: who changed what"));
	filter_title(&h->lv, t, buf, size);
}

static const struct listview_spec spec = {
	.cols = cols,
	.n_cols = (int)ARRAY_SIZE(cols),
	.list = &history_list,
	.filter = offsetof(struct history, filter),
	.cells = cells,
	.title = title,
	.empty = N_("Nothing in the history yet."),
	.empty_filtered = N_("Nothing in the history matches. Esc clears the filter."),
	.count = N_("%d/%d changes"),
	.filter_form = &list_filter,
	.filter_size = sizeof(((struct history *)0)->filter),
	.clear_filter = keep_record,
};

/* ---- opening ---- */

static bool hs_open(struct view *v, const void *arg)
{
	struct history *h = hv_of(v);
	const struct history_arg *a = arg;
	if (a) {
		snprintf(h->table, sizeof h->table, "%s", a->table);
		h->row = a->id;
		keep_record(v);
	}
	return lv_view_open(v, NULL);
}

void history_show(struct app *app, const char *table, int64_t id)
{
	struct history_arg a = { table, id };
	view_push(app, &history_view, &a);
}

/* ---- actions ---- */

static int run_open(struct view *v, enum action a)
{
	(void)a;
	const struct audit_row *r = lv_selected(&hv_of(v)->lv);
	struct audit_row full;
	if (reg_history_get(&v->app->reg, r->id, &full) != DB_OK)
		return REDRAW;
	char *text = reg_history_text(&v->app->reg, &full);
	report_show(v->app, text);
	x_free(&text);
	audit_row_free(&full);
	return REDRAW;
}

/* F6: the list as it is narrowed now, to a CSV file. */
static enum db_status export_save(struct app *app, struct form *f)
{
	struct view *v = view_find(view_top(app), &history_view);
	if (!v)
		return DB_ERR_NOTFOUND;
	const char *path = form_get(f, "file");
	/* The file is the user's: written as them, not as juwei's group. */
	priv_user();
	FILE *out = fopen(path, "wb");
	priv_db();
	if (!out) {
		form_msg(f, "file", _("Cannot write this file (no such directory, or no permission)."), false);
		return DB_ERR_SQL;
	}
	long rows = 0;
	enum db_status s = history_csv(&app->reg, &hv_of(v)->filter, out,
				       strcmp(form_get(f, "encoding"), "UTF-8") == 0 ? CSV_UTF8 : CSV_GB18030, &rows);
	if (fclose(out) != 0 && s == DB_OK)
		s = DB_ERR_CANTOPEN;
	if (s == DB_OK)
		app_message(app, false, _("%ld rows written to %s."), rows, path);
	else
		form_msg(f, "file", _("Could not write the whole file."), false);
	return s == DB_OK ? DB_OK : DB_ERR_SQL;
}

static void no_ctx(void *p)
{
	(void)p;
}

static const struct form_ops export_ops = {
	.save = export_save,
	.free_ctx = no_ctx,
};

static const char *const encodings[] = { "GB18030", "UTF-8", NULL };

static int run_export(struct view *v, enum action a)
{
	(void)a;
	struct form *f = form_new(&export_ops, NULL, _("Write the history as CSV (Excel/WPS)"));
	struct field_def ed = { "encoding", N_("Encoding"), FK_SELECT, 0, true, encodings };
	struct field_def fd = { "file", N_("File"), FK_TEXT, 240, true, NULL };
	form_add(f, &ed);
	form_add(f, &fd);
	char *dir = forms_documents_dir();
	char *path = x_asprintf("%s/juwei-历史记录-%s.csv", dir, v->app->today);
	form_set(f, "encoding", "GB18030");
	form_set(f, "file", path);
	x_free(&path);
	x_free(&dir);
	form_open(v->app, f);
	return REDRAW;
}

static const struct action_row actions[] = {
	LISTVIEW_MOVES,
	LISTVIEW_FILTER,
	{ ACT_OPEN, run_open, NEED_ROW, NULL },
	{ ACT_EXPORT, run_export, 0, NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

const struct view_ops history_view = {
	.name = "history",
	.scope = "history",
	.priv_size = sizeof(struct history),
	.data = &spec,
	.open = hs_open,
	.close = lv_view_close,
	.resize = lv_view_resize,
	.draw = lv_view_draw,
	.actions = actions,
	.state = lv_view_state,
	.status = lv_view_status,
	.reload = lv_view_reload,
	.mouse = lv_view_mouse,
};
