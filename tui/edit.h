/* tui/edit.h - typing into a line of text: the search, a form's field,
 * the search of a list field.  The editing keys are the keymap's "edit"
 * scope (keymaps/default.keys), one table for every place text is typed
 * and for the help screen. */
#ifndef JUWEI_EDIT_H
#define JUWEI_EDIT_H

#include <stdbool.h>

#include "core/lineedit.h"

struct app;

/* The editing action key is bound to, or ACT_NONE. */
enum action edit_action(const struct app *app, int key);
/* A key that types a character (printable, not bound to an editing action). */
bool edit_is_text(const struct app *app, int key);
/* key typed into le: an editing action or a character.  False when key
 * is neither (then *r is LE_NOTHING). */
bool edit_line(const struct app *app, struct lineedit *le, int key, enum le_result *r);

#endif
