/* Unit tests: the multi-line text area, with wide characters wrapped
 * whole and the cursor's line and column checked after each step. */
#include "cm.h"

#include "core/textarea.h"
#include "core/xalloc.h"

#include <string.h>

static void at(struct textarea *ta, int width, int line, int col)
{
	int l, c;
	ta_cursor(ta, width, &l, &c);
	assert_int_equal(l, line);
	assert_int_equal(c, col);
}

static void wide_characters_wrap_whole(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 0);
	/* Width 5: "张三李" is 6 columns, so 李 starts the second line. */
	ta_set(&ta, "张三李四");
	struct ta_line *l;
	int n = ta_layout(&ta, 5, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 6);   /* 张三 */
	assert_int_equal(l[1].start, 6);
	assert_int_equal(l[1].end, 12);  /* 李四 */
	x_free(&l);
	at(&ta, 5, 1, 4);
	ta_free(&ta);
}

static void enter_makes_a_new_line(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 0);
	assert_int_equal(ta_insert(&ta, "ab"), LE_CHANGED);
	assert_int_equal(ta_insert(&ta, "\n"), LE_CHANGED);
	ta_insert(&ta, "王五");
	assert_string_equal(ta.buf, "ab\n王五");
	at(&ta, 20, 1, 4);
	assert_int_equal(ta_up(&ta, 20), LE_MOVED);
	at(&ta, 20, 0, 2);       /* column 4 is past "ab": its end */
	assert_int_equal(ta_up(&ta, 20), LE_NOTHING);
	assert_int_equal(ta_down(&ta, 20), LE_MOVED);
	at(&ta, 20, 1, 4);       /* the goal column came back */
	ta_free(&ta);
}

static void up_and_down_keep_to_whole_characters(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 0);
	ta_set(&ta, "a张三\n李四五");
	/* Cursor after "a" on line 0 (column 1), then down: 李 spans
	 * columns 0-1, so the cursor stops before it, never inside. */
	ta.cur = 1;
	ta.goal = -1;
	assert_int_equal(ta_down(&ta, 20), LE_MOVED);
	at(&ta, 20, 1, 0);
	ta_right(&ta);
	at(&ta, 20, 1, 2);
	assert_int_equal(ta_up(&ta, 20), LE_MOVED);
	at(&ta, 20, 0, 1);
	ta_free(&ta);
}

static void backspace_and_delete_whole_characters(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 0);
	ta_set(&ta, "张三\n丰");
	ta_left(&ta);                  /* before 丰 */
	assert_int_equal(ta_backspace(&ta), LE_CHANGED); /* the line break */
	assert_string_equal(ta.buf, "张三丰");
	at(&ta, 20, 0, 4);
	assert_int_equal(ta_delete(&ta), LE_CHANGED);
	assert_string_equal(ta.buf, "张三");
	ta_backspace(&ta);
	assert_string_equal(ta.buf, "张");
	ta_free(&ta);
}

static void paste_keeps_lines_and_limits_hold(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 6);
	assert_int_equal(ta_insert(&ta, "一\r\n二\t三\033"), LE_CHANGED);
	assert_string_equal(ta.buf, "一\n二 三");
	assert_int_equal(ta_chars(&ta), 5);
	assert_int_equal(ta_insert(&ta, "四五"), LE_TOO_LONG);
	assert_string_equal(ta.buf, "一\n二 三");
	assert_int_equal(ta_insert(&ta, "四"), LE_CHANGED);
	ta_free(&ta);
}

static void home_end_and_scrolling(void **state)
{
	(void)state;
	struct textarea ta;
	ta_init(&ta, 0);
	ta_set(&ta, "一二三四五六七八");   /* 16 columns: 4 lines at width 4 */
	ta_scroll_to_cursor(&ta, 4, 2);
	assert_int_equal(ta.scroll, 2);
	ta_home(&ta, 4);
	at(&ta, 4, 3, 0);
	ta_up(&ta, 4);
	ta_end(&ta, 4);
	/* The end of a wrapped line stays on that line. */
	at(&ta, 4, 2, 2);
	ta.cur = 0;
	ta_scroll_to_cursor(&ta, 4, 2);
	assert_int_equal(ta.scroll, 0);
	assert_int_equal(ta_kill_end(&ta), LE_CHANGED);
	assert_string_equal(ta.buf, "");
	ta_free(&ta);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wide_characters_wrap_whole),
		cmocka_unit_test(enter_makes_a_new_line),
		cmocka_unit_test(up_and_down_keep_to_whole_characters),
		cmocka_unit_test(backspace_and_delete_whole_characters),
		cmocka_unit_test(paste_keeps_lines_and_limits_hold),
		cmocka_unit_test(home_end_and_scrolling),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
