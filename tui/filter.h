/* tui/filter.h - the filter form of a list (F3): its fields as data,
 * how the list's filter reads into the form and back, and the words in
 * the list's title that say what narrows it. */
#ifndef JUWEI_FILTER_H
#define JUWEI_FILTER_H

#include <stdint.h>

#include "core/kv.h"
#include "core/model.h"

struct view;
struct form;
struct listview;

enum filter_kind {
	FILTER_DATE,     /* a date typed in any accepted form */
	FILTER_YEAR,     /* a year, 2000-2999 */
	FILTER_CHOICE,   /* one of a fixed list (choices) */
	FILTER_VOCAB,    /* an entry of a vocabulary (in use ones) */
	FILTER_VOCAB_ALL,/* an entry of a vocabulary, in use or not */
	FILTER_RHYTHM,   /* a tag that asks for visits */
	FILTER_YESNO,
};

struct filter_field {
	const char *key;
	const char *label;           /* msgid */
	enum filter_kind kind;
	int vocab;                   /* enum vocab_kind */
	const char *const *choices;  /* FILTER_CHOICE, NULL-terminated */
};

struct filter_spec {
	const char *title;           /* msgid of the form's title */
	const struct filter_field *fields;
	int n;
	/* The list's filter now, as the form's values (filter_put_*). */
	void (*get)(const struct view *v, struct kv *values);
	/* The form's values into the list's filter. */
	void (*set)(struct view *v, const struct form *f);
};

/* Open the filter form of the list view v (its private state starts
 * with a struct listview); saving it narrows the list. */
void filter_open(struct view *v, const struct filter_spec *spec);
/* "Title   filter: ..." for the list's title line. */
void filter_title(const struct listview *lv, const char *title, char *buf, int size);

void filter_put_text(struct kv *values, const char *key, const char *text);
void filter_put_id(struct kv *values, const char *key, int64_t id);
void filter_put_int(struct kv *values, const char *key, int n);
void filter_put_yes(struct kv *values, const char *key, bool yes);

#endif
