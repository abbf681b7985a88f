/* tui/view.h - a screen is a view: a table of operations and its own
 * state, pushed on a stack.
 *
 * Like tig's view_ops: each screen is one file that defines a
 * struct view_ops (what it draws, which keys it reads, which actions it
 * offers) and nothing else knows its insides.  The app keeps one stack
 * per section; forms, pickers, questions, help, a page of text, the
 * settings and the detail of a record are pushed on the section's stack
 * and popped by Esc (back).
 *
 * Actions come from one table per view: rows of {action, handler,
 * needs}.  A row is offered (in the F-key bar, in help, to a key) only
 * while every condition in needs holds; the view says which hold now
 * through its state() operation.  Nothing else decides what a view
 * supports, so the key bar, help and the keys cannot disagree. */
#ifndef JUWEI_VIEW_H
#define JUWEI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/action.h"

struct app;
struct view;
struct lineedit;

/* What a handler tells the main loop. */
enum {
	NOT_HANDLED = -1,  /* pass the key or action on */
	DONE = 0,          /* handled; nothing on the screen changed */
	REDRAW = 1,        /* handled; draw the screen again */
};

/* Conditions an action may need (struct action_row.needs).  Bits from
 * NEED_VIEW(0) are a view's own; from NEED_PERM(0) the permissions of
 * the one signed in. */
enum {
	NEED_ROW = 1u << 0,     /* a row (record) is selected */
	NEED_FILTER = 1u << 1,  /* a filter or a search narrows the list */
};
#define NEED_VIEW(n) (1u << (8 + (n)))
#define NEED_PERM(n) (1u << (16 + (n)))

typedef int (*action_fn)(struct view *v, enum action a);

struct action_row {
	enum action action;     /* ACT_NONE ends a table */
	action_fn run;
	unsigned needs;         /* every bit must hold */
	const char *label;      /* msgid of the F-key bar label here; NULL: the action's own */
};

/* What a key does in one view, where the action's own help text says it
 * too generally (F4 edits the meeting, not the selected row). */
struct action_help {
	enum action action;     /* ACT_NONE ends a table */
	const char *help;       /* msgid */
};

/* Where a view draws. */
struct rect {
	int y, x, h, w;
};

enum mouse_event { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

enum {
	VIEW_OVERLAY = 1 << 0,  /* draws over its parent, which is drawn first */
	VIEW_MODAL = 1 << 1,    /* the sections cannot be switched while it is on top */
	VIEW_WHOLE = 1 << 2,    /* takes the whole screen between the title and the status line */
	VIEW_KEYS = 1 << 3,     /* reads every key itself (a question): no app-level keys */
};

struct view_ops {
	const char *name;       /* for the registry and the tests */
	const char *scope;      /* its keymap scope */
	size_t priv_size;       /* the private state, zeroed, freed after close */
	const void *data;       /* the view's own constant data (a list's spec) */
	int flags;              /* VIEW_* */
	/* Fill the private state from arg; false when there is nothing to
	 * show (a message says why) and the view is not pushed. */
	bool (*open)(struct view *v, const void *arg);
	/* Free what the private state holds (not the state itself). */
	void (*close)(struct view *v);
	/* v->r changed: a list learns its height (and may read rows). */
	void (*resize)(struct view *v);
	/* Draw inside v->r; no queries here. */
	void (*draw)(struct view *v);
	/* A key before the keymap sees it (text entry); NOT_HANDLED passes it on. */
	int (*key)(struct view *v, int key);
	/* The actions it offers, ending with ACT_NONE. */
	const struct action_row *actions;
	/* Which NEED_* conditions hold now (NULL: none). */
	unsigned (*state)(const struct view *v);
	/* The conditions that follow the selection (a row, a pane): help
	 * lists the keys that need them whatever is selected now. */
	unsigned situational;
	/* Its own help texts of actions (NULL: the actions' own). */
	const struct action_help *helps;
	/* The keymap scope now, when it has modes (NULL: scope). */
	const char *(*current_scope)(const struct view *v);
	/* The right side of the status line. */
	void (*status)(const struct view *v, char *buf, int size);
	/* A line being typed (a search): drawn in the status line with the cursor. */
	struct lineedit *(*prompt)(const struct view *v);
	/* What the F-key bar shows instead of keys (a question's answers). */
	const char *(*hint)(const struct view *v);
	/* The register changed (this session or another): read again, keeping the place. */
	void (*reload)(struct view *v);
	int (*mouse)(struct view *v, int y, int x, enum mouse_event ev);
	/* Text pasted in one piece (bracketed paste). */
	void (*paste)(struct view *v, const char *text);
	/* Every few seconds and before quitting or hanging up: keep a draft
	 * of unsaved work (now when force). */
	void (*tick)(struct view *v, bool force);
	/* Does it hold changes not saved yet (quitting asks first)? */
	bool (*unsaved)(const struct view *v);
};

struct view {
	const struct view_ops *ops;
	void *priv;
	struct view *parent;    /* the view under it on its stack; NULL: a section */
	struct app *app;
	struct rect r;          /* where it was last laid out */
	bool stale;             /* the register changed while it was not shown */
	bool laid_out;
};

/* ---- the stack ---- */

/* Make a view of ops over the current view, open it with arg and show
 * it; NULL (nothing pushed) when open refused. */
struct view *view_push(struct app *app, const struct view_ops *ops, const void *arg);
/* Close and free v, wherever it is on its stack (the view above it, if
 * any, now sits on v's parent).  Sections are never removed. */
void view_remove(struct view *v);
/* The view on top of the current section's stack. */
struct view *view_top(const struct app *app);
/* The nearest view of ops at or under v (NULL: none). */
struct view *view_find(struct view *v, const struct view_ops *ops);

/* ---- actions ---- */

/* The six moving actions, run by fn; the end of a table. */
#define VIEW_MOVES(fn) \
	{ ACT_MOVE_UP, fn, 0, NULL }, { ACT_MOVE_DOWN, fn, 0, NULL }, { ACT_PAGE_UP, fn, 0, NULL }, \
	{ ACT_PAGE_DOWN, fn, 0, NULL }, { ACT_MOVE_FIRST, fn, 0, NULL }, { ACT_MOVE_LAST, fn, 0, NULL }
#define VIEW_END { ACT_NONE, NULL, 0, NULL }

/* A handler that closes the view (Esc on a pushed view). */
int view_run_close(struct view *v, enum action a);

/* The row of v's table for a whose needs hold now, else NULL. */
const struct action_row *view_offers(const struct view *v, enum action a);
/* The row of v's table for a that works here with some selection (its
 * situational needs aside), else NULL: what help lists. */
const struct action_row *view_acts_on(const struct view *v, enum action a);
/* The help text of a in v: the view's own, else the action's (msgid). */
const char *view_action_help(const struct view *v, enum action a);
/* Run a on v when it offers it; NOT_HANDLED otherwise. */
int view_act(struct view *v, enum action a);
/* The keymap scope v is in now. */
const char *view_scope(const struct view *v);
/* The conditions that hold for v now: its own and the permissions. */
unsigned view_state(const struct view *v);

/* ---- the registry ---- */

/* A view the app opens by itself: a section (1..6), or the view an
 * action pushes from any view of a scope ("" any). */
struct view_reg {
	const struct view_ops *ops;
	int section;            /* 1..6, or 0 */
	enum action opened_by;  /* ACT_NONE: only code pushes it */
	const char *from_scope; /* where opened_by works; "" everywhere */
	unsigned needs;         /* permissions it needs */
};
/* The built-in views (tui/registry.c), ending with ops NULL. */
extern const struct view_reg view_registry[];
/* Add a view at run time (an extension, a test); at most a few. */
void view_register(const struct view_reg *r);
/* The entry that opens a from scope, or NULL. */
const struct view_reg *view_reg_for(enum action a, const char *scope);
/* The section view of section i (1..6), or NULL. */
const struct view_ops *view_section(int i);

#endif
