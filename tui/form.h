/* tui/form.h - the form engine every record screen uses.
 *
 * A form is a list of fields described as data (key, label, kind,
 * limit, required) and a table of operations that check and save it.
 * It is shown as a view (tui/form_view.c) pushed over the screen that
 * opened it: the engine edits, draws, scrolls, moves between fields,
 * opens the value lists and search popups (tui/picker.c), asks before
 * throwing work away (tui/question.c), keeps a draft of what was typed,
 * and handles a save that lost a race with another session (show what
 * changed; reload or overwrite knowingly).
 *
 * Asking a form for a field it does not have is a programming error:
 * form_get(), form_set() and their typed kin abort.  form_field() is
 * the question "does it have one?". */
#ifndef JUWEI_FORM_H
#define JUWEI_FORM_H

#include <stdbool.h>
#include <stdint.h>

#include "core/kv.h"
#include "core/lineedit.h"
#include "core/status.h"
#include "core/textarea.h"

struct app;
struct view;

enum fkind {
	FK_TEXT,    /* one line */
	FK_NUMBER,  /* digits only */
	FK_DATE,    /* typed in any accepted form, kept as YYYY-MM-DD */
	FK_SELECT,  /* one value of a list, chosen with type-ahead */
	FK_YESNO,   /* yes / no (or not said): a bool, Space switches it */
	FK_AREA,    /* several lines; F6 hands it to $EDITOR */
	FK_LINK,    /* a record chosen through a search popup */
};

/* A field as data; the engine copies what it needs. */
struct field_def {
	const char *key;
	const char *label;            /* msgid, or data (a vocabulary's name) */
	enum fkind kind;
	int max;                      /* most characters (0: none) */
	bool required;
	const char *const *choices;   /* FK_SELECT: NULL-terminated */
};

/* One result of a link search. */
struct link_hit {
	int64_t id;
	char *label;
};

struct form;

struct form_ops {
	/* Check the form (normalised values go back with form_set, messages
	 * with form_msg).  saving: the user asked to save; else only a field
	 * was left, and only cheap checks need to run. */
	void (*check)(struct app *app, struct form *f, bool saving);
	/* Save what the form holds (checked and without errors).  DB_OK,
	 * DB_ERR_CONFLICT (someone else saved first) or another status. */
	enum db_status (*save)(struct app *app, struct form *f);
	/* The record as it is stored now, as field values, and its version;
	 * for the conflict prompt.  NULL when the form never conflicts. */
	enum db_status (*fetch)(struct app *app, struct form *f, struct kv *now, int64_t *version);
	/* Search for a FK_LINK field: up to max hits, newly allocated. */
	int (*link_search)(struct app *app, struct form *f, const char *key, const char *query,
			   struct link_hit *hits, int max);
	/* A hit was picked for a FK_LINK field (may fill other fields). */
	void (*link_pick)(struct app *app, struct form *f, const char *key, const struct link_hit *hit);
	/* The form closed (saved or not); refresh what shows the record. */
	void (*closed)(struct app *app, struct form *f, bool saved);
	void (*free_ctx)(void *ctx);
};

struct ffield {
	struct field_def def; /* def.key points to key */
	char *key;
	char **choices;      /* copies; FK_SELECT */
	int64_t *choice_ids; /* when the choices stand for records (may be NULL) */
	int n_choices;
	struct lineedit le;  /* the value of FK_TEXT, FK_NUMBER, FK_DATE, FK_SELECT, FK_LINK */
	struct textarea ta;  /* FK_AREA */
	int yes;             /* FK_YESNO: 1 yes, 0 no, -1 not said */
	int64_t link_id;     /* FK_LINK, and FK_SELECT with choice_ids */
	char *msg;
	bool warning;
	bool readonly;
	bool secret;         /* shown as stars (a PIN) */
};

#define FORM_FIELDS 64

struct form {
	const struct form_ops *ops;
	void *ctx;
	char *title;
	char *draft_name;        /* drafts: form name; NULL keeps none */
	int64_t record_id;       /* 0: a new record */
	int64_t parent_id;       /* e.g. the household of a new member */
	int64_t version;         /* the version read, for optimistic locking */
	struct ffield *f;
	int n, cap;
	int cur;                 /* the field with the cursor */
	int scroll;              /* first field row shown */
	bool dirty;              /* changed since opened */
	bool draft_pending;      /* changed since the last draft */
	double draft_at;         /* app_elapsed_ms() of the last draft */
	struct kv orig;          /* values as opened, to show a conflict */
	struct kv conflict_now;  /* the record as another session saved it */
	int64_t conflict_version;
	char *draft_json;        /* a draft waiting for the restore answer */
	bool from_start;         /* opened at start to offer its draft */
	struct view *view;       /* the view that shows it */
	/* where fields were drawn, for the cursor and the popups */
	int field_y[FORM_FIELDS];
	int value_x, value_w;
};

/* A new, empty form; add fields, then form_open(). */
struct form *form_new(const struct form_ops *ops, void *ctx, const char *title);
struct ffield *form_add(struct form *f, const struct field_def *def);
/* Keep drafts under this name (copied). */
void form_keep_drafts(struct form *f, const char *name);
/* Copy a list of choices into an FK_SELECT field (ids may be NULL). */
void form_set_choices(struct ffield *ff, const char *const *names, const int64_t *ids, int n);
/* The field of that key, or NULL when the form has none. */
struct ffield *form_field(struct form *f, const char *key);
/* The value of a field as text (a yes/no field: "1", "0" or ""). */
const char *form_get(const struct form *f, const char *key);
/* Set a value as text (not marking the form changed). */
void form_set(struct form *f, const char *key, const char *value);
/* A yes/no field: 1, 0, or -1 when not said. */
int form_yes(const struct form *f, const char *key);
void form_set_yes(struct form *f, const char *key, int yes);
/* A number field: its value, or -1 when empty. */
int form_int(const struct form *f, const char *key);
void form_set_int(struct form *f, const char *key, int v);
/* The record id chosen in a select (with ids) or link field; 0: none. */
int64_t form_id(const struct form *f, const char *key);
/* Choose the entry of a select field with that id ("" when none). */
void form_set_id(struct form *f, const char *key, int64_t id);
/* Attach a message to a field (an error unless warning). */
void form_msg(struct form *f, const char *key, const char *msg, bool warning);
void form_clear_msgs(struct form *f);
/* All values (and link ids as "key#id") as a kv, for drafts. */
void form_to_kv(const struct form *f, struct kv *out);
void form_from_kv(struct form *f, const struct kv *kv);
/* A field's value as the form shows it (a yes/no field in words). */
const char *form_shown(const struct ffield *ff, const char *value);

/* Show f over the current view (the view owns it from now on).  When
 * the user has a draft of this form, offer to restore it. */
void form_open(struct app *app, struct form *f);
void form_free(struct form **f);
/* Close f (after a save, or giving up). */
void form_close(struct app *app, struct form *f, bool saved);

/* Check and save, as F2 does. */
void form_save(struct app *app, struct form *f);
/* Leaving the current field: normalise it and run the cheap checks. */
void form_leave(struct app *app, struct form *f);
/* Move the cursor to field i / by dir fields, over read-only ones. */
void form_go_to(struct app *app, struct form *f, int i);
void form_step(struct app *app, struct form *f, int dir);
/* The value changed by typing. */
void form_changed(struct form *f);

/* Keep a draft when the form changed and the last one is older than
 * FORM_DRAFT_MS, or now when force (hang-up, termination). */
#define FORM_DRAFT_MS 3000
void form_tick(struct app *app, struct form *f, bool force);
void form_drop_draft(struct app *app, struct form *f);

/* The value list or search of the current field (tui/picker.c), with
 * typed as its first search text. */
void picker_open(struct app *app, struct form *f, const char *typed);

#endif
