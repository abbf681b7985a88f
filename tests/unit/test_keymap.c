/* Unit tests: key names, the keymap parser, the default keymap. */
#include "cm.h"

#include "core/embed.h"
#include "core/keymap.h"
#include "core/xalloc.h"

#include <string.h>

static void key_names_round_trip(void **state)
{
	(void)state;
	const char *names[] = { "F1", "F10", "F12", "Up", "PgDn", "Enter", "Esc", "S-Tab",
				"C-l", "q", "/", "?", "1", "Space", "Backspace" };
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		int k = key_from_name(names[i]);
		assert_int_not_equal(k, 0);
		char buf[16];
		assert_int_equal(key_from_name(key_to_name(k, buf)), k);
	}
	assert_int_equal(key_from_name("F1"), JK_F(1));
	assert_int_equal(key_from_name("f10"), JK_F(10));
	assert_int_equal(key_from_name("C-a"), 1);
	assert_int_equal(key_from_name("pgup"), JK_PGUP);
	assert_int_equal(key_from_name("搜"), 0x641c);
}

static void bad_key_names(void **state)
{
	(void)state;
	const char *bad[] = { "", "F0", "F13", "F1x", "C-", "C-1", "ab", "\x1b", " ", "\xff" };
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(key_from_name(bad[i]), 0);
}

static void parse_and_override(void **state)
{
	(void)state;
	struct keymap km = { 0 };
	char *err = NULL;
	int bad = keymap_parse(&km,
		"# comment\n"
		"bind generic F10 quit\n"
		"\n"
		"bind households / search   # trailing comment\n"
		"bind generic Hash help\n"
		"bind households F10 help\r\n",
		"test", &err);
	assert_int_equal(bad, 0);
	assert_null(err);
	assert_int_equal(keymap_lookup(&km, "households", '/'), ACT_SEARCH);
	assert_int_equal(keymap_lookup(&km, "detail", '/'), ACT_NONE);
	/* The scope's own binding wins over generic... */
	assert_int_equal(keymap_lookup(&km, "households", JK_F(10)), ACT_HELP);
	/* ...and generic applies where the scope has none. */
	assert_int_equal(keymap_lookup(&km, "detail", JK_F(10)), ACT_QUIT);
	assert_int_equal(keymap_lookup(&km, "detail", '#'), ACT_HELP);
	/* A later line rebinds the key. */
	keymap_parse(&km, "bind generic F10 redraw\n", "user", &err);
	assert_int_equal(keymap_lookup(&km, "detail", JK_F(10)), ACT_REDRAW);
	keymap_free(&km);
}

static void bad_lines_are_reported_with_line_numbers(void **state)
{
	(void)state;
	struct keymap km = { 0 };
	char *err = NULL;
	int bad = keymap_parse(&km,
		"bind generic F1 help\n"
		"bind generic F99 help\n"
		"bind generic F2 no-such-action\n"
		"unbind generic F3\n"
		"bind generic F4 help extra\n"
		"bind Generic F5 help\n"
		"bind generic \x1b[2J help\n",
		"my.keys", &err);
	assert_int_equal(bad, 6);
	assert_non_null(err);
	assert_non_null(strstr(err, "my.keys:2:"));
	assert_non_null(strstr(err, "my.keys:7:"));
	/* The control sequence is shown harmlessly. */
	assert_null(strchr(err, '\x1b'));
	assert_int_equal(km.n, 1);
	x_free(&err);
	keymap_free(&km);
}

static void default_keymap_is_clean(void **state)
{
	(void)state;
	const struct embedded_file *f = embedded_find("keymaps/default.keys");
	assert_non_null(f);
	struct keymap km = { 0 };
	char *err = NULL;
	assert_int_equal(keymap_parse(&km, f->data, "default.keys", &err), 0);
	/* What DESIGN.md promises. */
	assert_int_equal(keymap_lookup(&km, "households", JK_F(1)), ACT_HELP);
	assert_int_equal(keymap_lookup(&km, "households", '?'), ACT_HELP);
	assert_int_equal(keymap_lookup(&km, "households", JK_F(3)), ACT_SEARCH);
	assert_int_equal(keymap_lookup(&km, "households", '/'), ACT_SEARCH);
	assert_int_equal(keymap_lookup(&km, "households", JK_F(10)), ACT_QUIT);
	/* q goes back one level; at the top, leaving is quitting. */
	assert_int_equal(keymap_lookup(&km, "households", 'q'), ACT_LEAVE);
	assert_int_equal(keymap_lookup(&km, "households", 'j'), ACT_MOVE_DOWN);
	assert_int_equal(keymap_lookup(&km, "households", 'k'), ACT_MOVE_UP);
	assert_int_equal(keymap_lookup(&km, "households", JK_PGDN), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(&km, "households", JK_HOME), ACT_MOVE_FIRST);
	assert_int_equal(keymap_lookup(&km, "households", '6'), ACT_SECTION_6);
	assert_int_equal(keymap_key_for(&km, "households", ACT_SEARCH), JK_F(3));
	keymap_free(&km);
}

static void every_action_has_a_name(void **state)
{
	(void)state;
	for (int a = 1; a < ACT_COUNT; a++) {
		const struct action_info *ai = action_info((enum action)a);
		assert_true(ai->name[0] && ai->label[0] && ai->help[0]);
		assert_int_equal(action_by_name(ai->name), a);
	}
	assert_int_equal(action_by_name("nope"), ACT_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_names_round_trip),
		cmocka_unit_test(bad_key_names),
		cmocka_unit_test(parse_and_override),
		cmocka_unit_test(bad_lines_are_reported_with_line_numbers),
		cmocka_unit_test(default_keymap_is_clean),
		cmocka_unit_test(every_action_has_a_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
