/* tui/edit.c - the editing keys, from the keymap's "edit" scope. */
#include "edit.h"

#include "app.h"
#include "core/text.h"

enum action edit_action(const struct app *app, int key)
{
	return keymap_lookup_only(&app->km, "edit", key);
}

bool edit_is_text(const struct app *app, int key)
{
	return key >= 0x20 && key < JK_BASE && key != 0x7f && edit_action(app, key) == ACT_NONE;
}

bool edit_line(const struct app *app, struct lineedit *le, int key, enum le_result *r)
{
	*r = LE_NOTHING;
	if (le_apply(le, edit_action(app, key), r))
		return true;
	if (!edit_is_text(app, key))
		return false;
	char buf[5] = { 0 };
	buf[utf8_encode((uint32_t)key, buf)] = '\0';
	*r = le_insert(le, buf);
	return true;
}
