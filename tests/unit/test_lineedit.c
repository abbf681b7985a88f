/* Unit tests: the line editor on mixed Chinese and Latin text, with the
 * cursor's display column checked after every step. */
#include "cm.h"

#include "core/lineedit.h"

#include <string.h>

#define AT(le, text, col) do { \
	assert_string_equal((le)->buf, text); \
	assert_int_equal(le_cursor_col(le), col); \
} while (0)

static void moving_over_wide_characters(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 0);
	assert_int_equal(le_insert(&le, "张a三"), LE_CHANGED);
	AT(&le, "张a三", 5);
	assert_int_equal(le_left(&le), LE_MOVED);
	AT(&le, "张a三", 3);
	le_left(&le);
	AT(&le, "张a三", 2);
	le_left(&le);
	AT(&le, "张a三", 0);
	assert_int_equal(le_left(&le), LE_NOTHING);
	le_right(&le);
	AT(&le, "张a三", 2);
	le_end(&le);
	AT(&le, "张a三", 5);
	assert_int_equal(le_right(&le), LE_NOTHING);
	le_home(&le);
	AT(&le, "张a三", 0);
	le_free(&le);
}

static void editing_in_the_middle_of_a_name(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 0);
	le_set(&le, "欧阳娜娜");
	AT(&le, "欧阳娜娜", 8);
	le_left(&le);
	le_left(&le);
	AT(&le, "欧阳娜娜", 4);
	assert_int_equal(le_backspace(&le), LE_CHANGED);   /* removes 阳, whole */
	AT(&le, "欧娜娜", 2);
	le_insert(&le, "阳");
	AT(&le, "欧阳娜娜", 4);
	assert_int_equal(le_delete(&le), LE_CHANGED);      /* removes the first 娜 */
	AT(&le, "欧阳娜", 4);
	le_insert(&le, "小明 Li");
	AT(&le, "欧阳小明 Li娜", 11);
	le_free(&le);
}

static void killing(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 0);
	le_set(&le, "幸福里 3-2-501 张三");
	assert_int_equal(le_kill_word(&le), LE_CHANGED);
	AT(&le, "幸福里 3-2-501 ", 15);
	le_kill_word(&le);
	AT(&le, "幸福里 ", 7);
	le_home(&le);
	le_right(&le);
	AT(&le, "幸福里 ", 2);
	le_kill_end(&le);
	AT(&le, "幸", 2);
	le_insert(&le, "福");
	le_left(&le);
	le_kill_start(&le);
	AT(&le, "福", 0);
	assert_int_equal(le_kill_start(&le), LE_NOTHING);
	assert_int_equal(le_backspace(&le), LE_NOTHING);
	le_end(&le);
	assert_int_equal(le_delete(&le), LE_NOTHING);
	le_free(&le);
}

static void length_is_counted_in_characters_and_refused(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 4);
	assert_int_equal(le_insert(&le, "张三"), LE_CHANGED);
	assert_int_equal(le_insert(&le, "丰a"), LE_CHANGED);   /* 4 characters, 12+ bytes */
	AT(&le, "张三丰a", 7);
	assert_int_equal(le_insert(&le, "b"), LE_TOO_LONG);
	AT(&le, "张三丰a", 7);                                 /* not cut, not changed */
	le_backspace(&le);
	/* A paste is all or nothing. */
	assert_int_equal(le_insert(&le, "ab"), LE_TOO_LONG);
	AT(&le, "张三丰", 6);
	le_set(&le, "一二三四五六");
	AT(&le, "一二三四", 8);
	assert_int_equal(le_chars(&le), 4);
	le_free(&le);
}

static void pasted_text_arrives_as_one_clean_line(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 0);
	le_insert(&le, "张三\n李四\t王\x1b[2J\xe2\x80\xae五\xff");
	AT(&le, "张三 李四 王[2J五\xEF\xBF\xBD", 18);
	assert_int_equal(le_insert(&le, "\x1b\x07"), LE_NOTHING);
	le_free(&le);
}

static void the_view_scrolls_by_columns_and_keeps_characters_whole(void **state)
{
	(void)state;
	struct lineedit le;
	le_init(&le, 0);
	size_t a, b;
	int x;
	le_set(&le, "张三丰李四");                    /* 10 columns */
	le_view(&le, 6, &a, &b, &x);
	/* Cursor at the end: the view would start at column 5, inside 丰,
	 * so it starts at 李 (column 6); the cursor cell follows 四. */
	assert_int_equal(le.scroll, 6);
	assert_int_equal(x, 4);
	assert_int_equal(b, strlen(le.buf));
	char shown[64];
	memcpy(shown, le.buf + a, b - a);
	shown[b - a] = '\0';
	assert_string_equal(shown, "李四");
	le_home(&le);
	le_view(&le, 6, &a, &b, &x);
	assert_int_equal(x, 0);
	assert_int_equal(a, 0);
	memcpy(shown, le.buf + a, b - a);
	shown[b - a] = '\0';
	assert_string_equal(shown, "张三丰");
	/* Short text: no scrolling at all. */
	le_set(&le, "ab");
	le_view(&le, 6, &a, &b, &x);
	assert_int_equal(le.scroll, 0);
	assert_int_equal(x, 2);
	le_free(&le);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(moving_over_wide_characters),
		cmocka_unit_test(editing_in_the_middle_of_a_name),
		cmocka_unit_test(killing),
		cmocka_unit_test(length_is_counted_in_characters_and_refused),
		cmocka_unit_test(pasted_text_arrives_as_one_clean_line),
		cmocka_unit_test(the_view_scrolls_by_columns_and_keeps_characters_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
