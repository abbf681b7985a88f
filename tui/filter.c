/* tui/filter.c - the filter form of a list. */
#include "filter.h"

#include "app.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"
#include "forms.h"
#include "listview.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fctx {
	struct view *list;
	const struct filter_spec *spec;
};

void filter_put_text(struct kv *values, const char *key, const char *text)
{
	kv_set(values, key, text ? text : "");
}

void filter_put_id(struct kv *values, const char *key, int64_t id)
{
	char buf[32] = "";
	if (id)
		snprintf(buf, sizeof buf, "#%lld", (long long)id);
	kv_set(values, key, buf);
}

void filter_put_int(struct kv *values, const char *key, int n)
{
	char buf[16] = "";
	if (n)
		snprintf(buf, sizeof buf, "%d", n);
	kv_set(values, key, buf);
}

void filter_put_yes(struct kv *values, const char *key, bool yes)
{
	kv_set(values, key, yes ? "1" : "0");
}

static void check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct fctx *c = f->ctx;
	for (int i = 0; i < c->spec->n; i++) {
		const struct filter_field *ff = &c->spec->fields[i];
		if (ff->kind == FILTER_DATE)
			forms_date(app, f, ff->key);
		const char *y = form_get(f, ff->key);
		if (ff->kind == FILTER_YEAR && *y && (atoi(y) < 2000 || atoi(y) > 2999))
			form_msg(f, ff->key, _("Give a year such as 2026."), false);
	}
}

/* What narrows the list, in words: the values given, a date range as
 * from~to, a yes as the field's name. */
static char *describe(const struct filter_spec *spec, const struct form *f)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < spec->n; i++) {
		const struct filter_field *ff = &spec->fields[i];
		const char *v = form_get(f, ff->key);
		if (ff->kind == FILTER_DATE && i + 1 < spec->n && spec->fields[i + 1].kind == FILTER_DATE) {
			const char *to = form_get(f, spec->fields[i + 1].key);
			if (*v || *to)
				sb_addf(&sb, "%s~%s ", v, to);
			i++;
		} else if (ff->kind == FILTER_YESNO) {
			if (form_yes(f, ff->key) > 0)
				sb_addf(&sb, "%s ", _(ff->label));
		} else if (*v) {
			sb_addf(&sb, "%s ", v);
		}
	}
	return sb.len ? sb_take(&sb) : NULL;
}

static enum db_status apply(struct app *app, struct form *f)
{
	struct fctx *c = f->ctx;
	struct listview *lv = c->list->priv;
	c->spec->set(c->list, f);
	char *text = describe(c->spec, f);
	lv_set_filter_text(lv, text);
	lv_reset(lv, c->list);
	app_message(app, false, "%s", text ? _("The list is narrowed; Esc shows all again.")
					    : _("The list shows all again."));
	x_free(&text);
	return DB_OK;
}

static void free_fctx(void *p)
{
	struct fctx *c = p;
	x_free(&c);
}

static const struct form_ops ops = {
	.check = check,
	.save = apply,
	.free_ctx = free_fctx,
};

/* The entries of a vocabulary as a field's choices. */
static void vocab_choices(struct app *app, struct ffield *fld, const struct filter_field *ff)
{
	struct vocab *v;
	int n;
	bool all = ff->kind == FILTER_VOCAB_ALL;
	if (reg_vocab(&app->reg, (enum vocab_kind)ff->vocab, all, &v, &n) != DB_OK)
		return;
	const char **names = x_calloc((size_t)(n > 0 ? n : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	int k = 0;
	for (int i = 0; i < n; i++)
		if (ff->kind != FILTER_RHYTHM || v[i].extra > 0) {
			names[k] = v[i].name;
			ids[k++] = v[i].id;
		}
	form_set_choices(fld, names, ids, k);
	x_free(&names);
	x_free(&ids);
	vocab_free(&v, &n);
}

static void add_field(struct app *app, struct form *f, const struct filter_field *ff, const char *value)
{
	static const enum fkind kinds[] = {
		[FILTER_DATE] = FK_DATE, [FILTER_YEAR] = FK_NUMBER, [FILTER_CHOICE] = FK_SELECT,
		[FILTER_VOCAB] = FK_SELECT, [FILTER_VOCAB_ALL] = FK_SELECT, [FILTER_RHYTHM] = FK_SELECT,
		[FILTER_YESNO] = FK_YESNO,
	};
	struct field_def d = { ff->key, ff->label, kinds[ff->kind], ff->kind == FILTER_DATE ? 16 : ff->kind ==
			       FILTER_YEAR ? 4 : 0, false, ff->kind == FILTER_CHOICE ? ff->choices : NULL };
	struct ffield *fld = form_add(f, &d);
	if (ff->kind == FILTER_VOCAB || ff->kind == FILTER_VOCAB_ALL || ff->kind == FILTER_RHYTHM)
		vocab_choices(app, fld, ff);
	if (value && value[0] == '#')
		form_set_id(f, ff->key, strtoll(value + 1, NULL, 10));
	else
		form_set(f, ff->key, value ? value : "");
}

void filter_open(struct view *v, const struct filter_spec *spec)
{
	struct fctx *c = x_calloc(1, sizeof *c);
	c->list = v;
	c->spec = spec;
	struct form *f = form_new(&ops, c, _(spec->title));
	struct kv values = { 0 };
	spec->get(v, &values);
	for (int i = 0; i < spec->n; i++)
		add_field(v->app, f, &spec->fields[i], kv_get(&values, spec->fields[i].key));
	kv_free(&values);
	form_open(v->app, f);
}

void filter_title(const struct listview *lv, const char *title, char *buf, int size)
{
	snprintf(buf, (size_t)size, "%s%s%s", title, lv->filter_text ? _("   filter: ") : "",
		 lv->filter_text ? lv->filter_text : "");
}
