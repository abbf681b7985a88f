/* Unit tests: the paged list window over a source of numbered rows,
 * where rows can vanish and appear between reads as another session
 * would make them. */
#include "cm.h"

#include "core/listwin.h"
#include "core/xalloc.h"

#include <string.h>

/* The source: keys 10, 20, ... present[] says which exist now. */
#define MAX 200
static bool present[MAX];
static int pages; /* queries made */

struct row {
	int key;
	char *label; /* owned, to catch leaks and double frees under ASan */
};

static bool page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	(void)ctx;
	const struct row *f = from;
	struct row *o = out;
	*n = 0;
	pages++;
	int at = f ? f->key / 10 : (dir > 0 ? 0 : MAX - 1);
	if (f && !(dir > 0 && inclusive))
		at += dir > 0 ? 1 : -1;
	for (int i = at; i >= 0 && i < MAX && *n < limit; i += dir > 0 ? 1 : -1)
		if (present[i]) {
			o[*n].key = i * 10;
			o[*n].label = x_asprintf("row %d", i);
			(*n)++;
		}
	if (dir < 0) /* back in list order */
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct row t = o[i];
			o[i] = o[j];
			o[j] = t;
		}
	return true;
}

static bool count(void *ctx, int *n)
{
	(void)ctx;
	*n = 0;
	for (int i = 0; i < MAX; i++)
		*n += present[i];
	return true;
}

static void free_row(void *row)
{
	x_free(&((struct row *)row)->label);
}

static void copy_row(void *dst, const void *src)
{
	const struct row *s = src;
	struct row *d = dst;
	d->key = s->key;
	d->label = x_strdup(s->label);
}

static const struct list_ops ops = { sizeof(struct row), page, count, free_row, copy_row };

static int key_at(const struct list *l, int i)
{
	const struct row *r = list_row(l, i);
	return r ? r->key : -1;
}

static int selected(const struct list *l)
{
	const struct row *r = list_selected(l);
	return r ? r->key : -1;
}

static int setup(void **state)
{
	(void)state;
	for (int i = 0; i < MAX; i++)
		present[i] = i < 100;
	return 0;
}

static void moving_and_paging(void **state)
{
	(void)state;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 10);
	list_reset(&l);
	assert_int_equal(l.total, 100);
	assert_int_equal(l.nrows, 10);
	assert_int_equal(list_position(&l), 1);
	list_move(&l, -1);                      /* at the top already */
	assert_int_equal(selected(&l), 0);
	for (int i = 0; i < 12; i++)
		list_move(&l, 1);                /* scrolls past the window */
	assert_int_equal(list_position(&l), 13);
	assert_int_equal(selected(&l), 120);
	assert_int_equal(key_at(&l, 0), 30);
	list_page(&l, 1);
	assert_int_equal(list_position(&l), 23);
	assert_int_equal(selected(&l), 220);
	list_last(&l);
	assert_int_equal(list_position(&l), 100);
	assert_int_equal(selected(&l), 990);
	list_page(&l, 1);                        /* stays */
	assert_int_equal(list_position(&l), 100);
	list_page(&l, -1);
	assert_int_equal(list_position(&l), 90);
	list_first(&l);
	assert_int_equal(list_position(&l), 1);
	list_page(&l, -1);
	assert_int_equal(list_position(&l), 1);
	/* The same moves as actions, as the views hand them on. */
	assert_true(list_act(&l, ACT_MOVE_DOWN));
	assert_int_equal(list_position(&l), 2);
	assert_true(list_act(&l, ACT_PAGE_DOWN));
	assert_int_equal(list_position(&l), 12);
	assert_true(list_act(&l, ACT_MOVE_LAST));
	assert_int_equal(list_position(&l), 100);
	assert_true(list_act(&l, ACT_MOVE_UP));
	assert_true(list_act(&l, ACT_PAGE_UP));
	assert_int_equal(list_position(&l), 89);
	assert_true(list_act(&l, ACT_MOVE_FIRST));
	assert_int_equal(list_position(&l), 1);
	assert_false(list_act(&l, ACT_OPEN));
	assert_false(list_act(&l, ACT_EDIT));
	assert_int_equal(list_position(&l), 1);
	list_free(&l);
}

static void memory_is_bounded_by_the_window(void **state)
{
	(void)state;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 5);
	list_reset(&l);
	for (int i = 0; i < 150; i++) {
		list_move(&l, 1);
		assert_true(l.nrows <= 5);
	}
	assert_int_equal(list_position(&l), 100);
	list_free(&l);
}

static void resizing_keeps_the_selection_in_view(void **state)
{
	(void)state;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 10);
	list_reset(&l);
	for (int i = 0; i < 8; i++)
		list_move(&l, 1);
	assert_int_equal(selected(&l), 80);
	list_set_height(&l, 4);                  /* the selection was row 8 */
	assert_int_equal(selected(&l), 80);
	assert_true(l.sel < 4);
	assert_int_equal(list_position(&l), 9);
	list_set_height(&l, 20);
	assert_int_equal(selected(&l), 80);
	assert_int_equal(list_position(&l), 9);
	assert_int_equal(l.nrows, 20);
	/* Near the end a taller window pulls earlier rows in. */
	list_last(&l);
	list_set_height(&l, 30);
	assert_int_equal(l.nrows, 30);
	assert_int_equal(selected(&l), 990);
	assert_int_equal(list_position(&l), 100);
	list_free(&l);
}

static void reloading_after_other_sessions(void **state)
{
	(void)state;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 10);
	list_reset(&l);
	list_move(&l, 3);
	present[5] = false;                      /* someone deleted a row below */
	present[150] = true;                     /* and added one at the end */
	list_reload(&l);
	assert_int_equal(l.total, 100);
	assert_int_equal(key_at(&l, 0), 0);      /* same top row */
	assert_int_equal(selected(&l), 30);      /* same place */
	assert_int_equal(key_at(&l, 5), 60);
	present[0] = false;                      /* the top row itself goes */
	list_reload(&l);
	assert_int_equal(key_at(&l, 0), 10);
	/* Everything goes: an empty list, then rows come back. */
	for (int i = 0; i < MAX; i++)
		present[i] = false;
	list_reload(&l);
	assert_int_equal(l.nrows, 0);
	assert_null(list_selected(&l));
	assert_int_equal(list_position(&l), 0);
	list_move(&l, 1);
	list_page(&l, 1);
	present[7] = true;
	list_reload(&l);
	assert_int_equal(selected(&l), 70);
	list_free(&l);
}

/* A row that comes before the first one shown (the visit just saved, in
 * a list newest first) shows at once, the selection staying on its row. */
static void a_new_first_row_shows_at_once(void **state)
{
	(void)state;
	for (int i = 0; i < MAX; i++)
		present[i] = i >= 5 && i < 105;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 10);
	list_reset(&l);
	list_move(&l, 2);
	assert_int_equal(selected(&l), 70);
	present[3] = true;                       /* saved now, sorts first */
	list_reload(&l);
	assert_int_equal(l.total, 101);
	assert_int_equal(key_at(&l, 0), 30);     /* in view */
	assert_int_equal(selected(&l), 70);      /* the same row selected */
	assert_int_equal(list_position(&l), 4);
	/* More than fit above the selection: it stays on the screen. */
	list_move(&l, 6);
	assert_int_equal(selected(&l), 130);
	for (int i = 0; i < 3; i++)
		present[i] = true;
	list_reload(&l);
	assert_int_equal(selected(&l), 130);
	assert_true(l.sel < l.nrows);
	assert_int_equal(list_position(&l), 13);
	list_free(&l);
}

static void a_click_selects(void **state)
{
	(void)state;
	struct list l;
	list_init(&l, &ops, NULL);
	list_set_height(&l, 10);
	list_reset(&l);
	pages = 0;
	list_select(&l, 4);
	assert_int_equal(selected(&l), 40);
	list_select(&l, 40);                     /* outside the window: ignored */
	assert_int_equal(selected(&l), 40);
	list_move(&l, 1);                        /* inside the window: no query */
	assert_int_equal(pages, 0);
	list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(moving_and_paging, setup),
		cmocka_unit_test_setup(memory_is_bounded_by_the_window, setup),
		cmocka_unit_test_setup(resizing_keeps_the_selection_in_view, setup),
		cmocka_unit_test_setup(reloading_after_other_sessions, setup),
		cmocka_unit_test_setup(a_new_first_row_shows_at_once, setup),
		cmocka_unit_test_setup(a_click_selects, setup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
