/* tui/formrec.c - a record's field table as a form. */
#include "formrec.h"

#include "app.h"
#include "core/visit.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AT(rec, rf, type) ((type *)((char *)(rec) + (rf)->offset))
#define CAT(rec, rf, type) ((const type *)((const char *)(rec) + (rf)->offset))

static char *key_of(const char *prefix, const struct rec_field *rf)
{
	return x_asprintf("%s%s", prefix ? prefix : "", rf->key);
}

static enum fkind kind_of(const struct rec_field *rf)
{
	switch (rf->type) {
	case FT_AREA: return FK_AREA;
	case FT_DATE: return FK_DATE;
	case FT_INT: return FK_NUMBER;
	case FT_BOOL: case FT_MAYBE: return FK_YESNO;
	case FT_VOCAB: return FK_SELECT;
	case FT_LINK: return FK_LINK;
	case FT_TEXT: break;
	}
	return rf->choices ? FK_SELECT : FK_TEXT;
}

static void vocab_choices(struct app *app, struct ffield *ff, enum vocab_kind kind)
{
	struct vocab *v;
	int n;
	if (reg_vocab(&app->reg, kind, false, &v, &n) != DB_OK)
		return;
	const char **names = x_calloc((size_t)(n > 0 ? n : 1), sizeof *names);
	int64_t *ids = x_calloc((size_t)(n > 0 ? n : 1), sizeof *ids);
	for (int i = 0; i < n; i++) {
		names[i] = v[i].name;
		ids[i] = v[i].id;
	}
	form_set_choices(ff, names, ids, n);
	x_free(&names);
	x_free(&ids);
	vocab_free(&v, &n);
}

struct ffield *formrec_add_field(struct app *app, struct form *f, const struct rec_field *rf, const char *prefix,
				 const char *label)
{
	char *key = key_of(prefix, rf);
	int max = rf->type == FT_BOOL || rf->type == FT_MAYBE || rf->type == FT_VOCAB || rf->type == FT_LINK
		? 0 : rf->type == FT_DATE ? 16 : rf->max_chars;
	if (rf->choices)
		max = 0;
	struct field_def d = { key, label ? label : rf->label, kind_of(rf), max, rf->required, rf->choices };
	struct ffield *ff = form_add(f, &d);
	x_free(&key);
	if (rf->type == FT_VOCAB && rf->vocab >= 0)
		vocab_choices(app, ff, (enum vocab_kind)rf->vocab);
	return ff;
}

void formrec_add(struct app *app, struct form *f, const struct rec_field *t, int n, const char *prefix,
		 const char *const *keys)
{
	if (!keys) {
		for (int i = 0; i < n; i++)
			formrec_add_field(app, f, &t[i], prefix, NULL);
		return;
	}
	for (; *keys; keys++) {
		const struct rec_field *rf = rec_field_by_key(t, n, *keys);
		if (!rf)
			abort(); /* a key the table does not have: a programming error */
		formrec_add_field(app, f, rf, prefix, NULL);
	}
}

/* The name a vocabulary or link field shows for the record's id. */
static const char *name_in(const void *rec, const struct rec_field *rf)
{
	return rf->name_offset ? *(char *const *)((const char *)rec + rf->name_offset) : NULL;
}

void formrec_load(struct form *f, const void *rec, const struct rec_field *t, int n, const char *prefix)
{
	for (int i = 0; i < n; i++) {
		const struct rec_field *rf = &t[i];
		char *key = key_of(prefix, rf);
		struct ffield *ff = form_field(f, key);
		if (ff) {
			switch (rf->type) {
			case FT_INT: form_set_int(f, key, *CAT(rec, rf, int)); break;
			case FT_BOOL: form_set_yes(f, key, *CAT(rec, rf, bool)); break;
			case FT_MAYBE: form_set_yes(f, key, *CAT(rec, rf, int)); break;
			case FT_VOCAB:
				form_set_id(f, key, *CAT(rec, rf, int64_t));
				if (!*ff->le.buf && *CAT(rec, rf, int64_t) && name_in(rec, rf)) {
					/* An entry no longer in use: shown by its name. */
					le_set(&ff->le, name_in(rec, rf));
					ff->link_id = *CAT(rec, rf, int64_t);
				}
				break;
			case FT_LINK:
				le_set(&ff->le, name_in(rec, rf) ? name_in(rec, rf) : "");
				ff->link_id = *CAT(rec, rf, int64_t);
				break;
			default: {
				const char *s = *CAT(rec, rf, char *);
				form_set(f, key, s ? s : "");
				break;
			}
			}
		}
		x_free(&key);
	}
}

static void store_text(char **dst, const char *v)
{
	char *copy = x_strdup(v);
	x_free(dst);
	*dst = copy;
}

void formrec_store(const struct form *f, void *rec, const struct rec_field *t, int n, const char *prefix)
{
	for (int i = 0; i < n; i++) {
		const struct rec_field *rf = &t[i];
		char *key = key_of(prefix, rf);
		if (form_field((struct form *)f, key)) {
			switch (rf->type) {
			case FT_INT: *AT(rec, rf, int) = form_int(f, key); break;
			case FT_BOOL: *AT(rec, rf, bool) = form_yes(f, key) > 0; break;
			case FT_MAYBE: *AT(rec, rf, int) = form_yes(f, key); break;
			case FT_VOCAB: case FT_LINK: *AT(rec, rf, int64_t) = form_id(f, key); break;
			default: store_text(AT(rec, rf, char *), form_get(f, key)); break;
			}
		}
		x_free(&key);
	}
}

/* The name of the entry id among the field's choices (or the record's). */
static const char *choice_name(const struct ffield *ff, int64_t id, const char *fallback)
{
	for (int i = 0; ff->choice_ids && i < ff->n_choices; i++)
		if (ff->choice_ids[i] == id)
			return ff->choices[i];
	return fallback ? fallback : "";
}

void formrec_kv(const struct form *f, const void *rec, const struct rec_field *t, int n, const char *prefix,
		struct kv *out)
{
	for (int i = 0; i < n; i++) {
		const struct rec_field *rf = &t[i];
		char *key = key_of(prefix, rf);
		const struct ffield *ff = form_field((struct form *)f, key);
		char num[24] = "";
		if (ff) {
			switch (rf->type) {
			case FT_INT:
				if (*CAT(rec, rf, int) >= 0)
					snprintf(num, sizeof num, "%d", *CAT(rec, rf, int));
				kv_set(out, key, num);
				break;
			case FT_BOOL: kv_set(out, key, *CAT(rec, rf, bool) ? "1" : "0"); break;
			case FT_MAYBE:
				kv_set(out, key, *CAT(rec, rf, int) > 0 ? "1" : *CAT(rec, rf, int) == 0 ? "0" : "");
				break;
			case FT_VOCAB:
				kv_set(out, key, *CAT(rec, rf, int64_t) ? choice_name(ff, *CAT(rec, rf, int64_t),
										   name_in(rec, rf)) : "");
				break;
			case FT_LINK: kv_set(out, key, name_in(rec, rf) ? name_in(rec, rf) : ""); break;
			default: kv_set(out, key, *CAT(rec, rf, char *) ? *CAT(rec, rf, char *) : ""); break;
			}
		}
		x_free(&key);
	}
}
