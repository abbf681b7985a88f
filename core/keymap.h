/* core/keymap.h - key names and bindings, parsed from keymap files.
 *
 * A keymap file has one binding per line:
 *
 *     bind SCOPE KEY ACTION      # comment
 *
 * SCOPE is "generic" (everywhere) or a view ("households", "detail",
 * "search", ...).  KEY is a character ("q", "/", "?") or a name: F1..F12,
 * Up Down Left Right PgUp PgDn Home End Enter Esc Tab S-Tab Backspace
 * Delete Insert Space, C-a..C-z.  ACTION is a name from core/action.h.
 * Later lines win, so a user's file loaded after the default overrides it.
 * The default keymap and a user's file go through the same parser. */
#ifndef JUWEI_KEYMAP_H
#define JUWEI_KEYMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "action.h"

/* A key is a Unicode code point (C-a is 1) or one of these. */
enum {
	JK_BASE = 0x200000,
	JK_UP, JK_DOWN, JK_LEFT, JK_RIGHT, JK_PGUP, JK_PGDN, JK_HOME, JK_END,
	JK_ENTER, JK_ESC, JK_TAB, JK_BTAB, JK_BACKSPACE, JK_DELETE, JK_INSERT,
	JK_RESIZE, JK_MOUSE,
	JK_F0 = JK_BASE + 0x100, /* JK_F0 + n is Fn, n = 1..12 */
};
#define JK_F(n) (JK_F0 + (n))

/* Parse a key name; returns 0 when it is not one. */
int key_from_name(const char *name);
/* Write the canonical name of key into buf (at least 16 bytes). */
const char *key_to_name(int key, char *buf);

struct binding {
	char scope[24];
	int key;
	enum action action;
};

struct keymap {
	struct binding *b;
	int n, cap;
};

/* Parse text (source names it in messages) and append its bindings.
 * Bad lines are reported in *errors (newly allocated, one message per
 * line, in the UI language) and skipped; returns the number of bad lines. */
int keymap_parse(struct keymap *km, const char *text, const char *source, char **errors);

/* The action bound to key in scope, falling back to "generic". */
enum action keymap_lookup(const struct keymap *km, const char *scope, int key);

/* The action bound to key in scope itself, without "generic". */
enum action keymap_lookup_only(const struct keymap *km, const char *scope, int key);

/* The first key (in file order among the winning bindings) bound to
 * action in scope or generic, or 0. */
int keymap_key_for(const struct keymap *km, const char *scope, enum action a);

/* The built-in keymaps/default.keys, then the user's file
 * ($XDG_CONFIG_HOME/juwei/keys, else ~/.config/juwei/keys) when there
 * is one.  Problems go to *errors as with keymap_parse (NULL if none). */
void keymap_load(struct keymap *km, char **errors);

void keymap_free(struct keymap *km);

#endif
