/* Unit tests: form fields as JSON, and drafts kept per user. */
#include "cm.h"

#include "core/kv.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/draft.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void json_round_trip(void **state)
{
	(void)state;
	struct kv a = { 0 }, b = { 0 };
	kv_set(&a, "name", "欧阳娜娜");
	kv_set(&a, "notes", "第一行\n\"引号\" \\ 反斜杠\t制表");
	kv_set(&a, "members.0.name", "阿依古丽·买买提");
	kv_set(&a, "empty", "");
	kv_set(&a, "ctl", "a\x01z");
	kv_set(&a, "name", "欧阳小明"); /* replaces */
	assert_int_equal(a.n, 5);
	char *json = kv_to_json(&a);
	assert_true(kv_from_json(&b, json));
	assert_int_equal(b.n, a.n);
	for (size_t i = 0; i < a.n; i++)
		assert_string_equal(kv_get(&b, a.keys[i]), a.vals[i]);
	assert_string_equal(kv_get(&b, "name"), "欧阳小明");
	assert_null(kv_get(&b, "nope"));
	x_free(&json);
	kv_free(&a);
	kv_free(&b);
}

static void json_escapes_and_refusals(void **state)
{
	(void)state;
	struct kv kv = { 0 };
	assert_true(kv_from_json(&kv, " { \"a\" : \"\\u5f20\\u4e09\", \"b\":\"\\ud842\\udfb7\", \"n\": 12, \"t\":true,"
				      " \"z\":\"\\u0000\", \"s\":\"\\/\" } "));
	assert_string_equal(kv_get(&kv, "a"), "张三");
	assert_string_equal(kv_get(&kv, "b"), "𠮷");
	assert_string_equal(kv_get(&kv, "n"), "12");
	assert_string_equal(kv_get(&kv, "t"), "true");
	assert_string_equal(kv_get(&kv, "z"), "\xEF\xBF\xBD");
	assert_string_equal(kv_get(&kv, "s"), "/");
	assert_true(kv_from_json(&kv, "{}"));
	assert_int_equal(kv.n, 0);
	const char *bad[] = { "", "[]", "{", "{\"a\"}", "{\"a\":}", "{\"a\":\"x\",}", "{\"a\":\"x\"} x",
			      "{\"a\":{\"b\":\"c\"}}", "{\"a\":[1]}", "{\"a\":\"\\q\"}", "{\"a\":\"\\u12\"}",
			      "{\"a\":\"line\nbreak\"}", "{a:\"x\"}" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (kv_from_json(&kv, bad[i]))
			fail_msg("accepted: %s", bad[i]);
		assert_int_equal(kv.n, 0);
	}
	kv_free(&kv);
}

static void drafts_per_user_and_form(void **state)
{
	(void)state;
	char path[] = "/tmp/juwei-draft-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct db *a = NULL, *b = NULL;
	assert_int_equal(db_open(path, "clerk_a", DB_OPEN_CREATE, &a, NULL), DB_OK);
	assert_int_equal(db_open(path, "clerk_b", 0, &b, NULL), DB_OK);

	char *json = NULL, *at = NULL;
	assert_int_equal(db_draft_load(a, "household", 0, &json, &at), DB_ERR_NOTFOUND);
	assert_null(json);
	assert_int_equal(db_draft_save(a, "household", 0, "{\"name\":\"张三\"}"), DB_OK);
	assert_int_equal(db_draft_save(a, "household", 0, "{\"name\":\"张三丰\"}"), DB_OK); /* replaces */
	assert_int_equal(db_draft_save(a, "resident", 42, "{\"name\":\"李四\"}"), DB_OK);
	assert_int_equal(db_draft_save(b, "household", 0, "{\"name\":\"王五\"}"), DB_OK);
	assert_int_equal(db_draft_load(a, "household", 0, &json, &at), DB_OK);
	assert_string_equal(json, "{\"name\":\"张三丰\"}");
	assert_int_equal(strlen(at), 19);
	x_free(&json);
	x_free(&at);
	assert_int_equal(db_draft_load(b, "household", 0, &json, NULL), DB_OK);
	assert_string_equal(json, "{\"name\":\"王五\"}");
	x_free(&json);
	/* Not JSON: the table refuses it. */
	assert_int_not_equal(db_draft_save(a, "household", 0, "{broken"), DB_OK);

	struct draft_info *list = NULL;
	int n = 0;
	assert_int_equal(db_draft_list(a, &list, &n), DB_OK);
	assert_int_equal(n, 2);
	draft_info_free(&list, &n);
	assert_null(list);
	assert_int_equal(n, 0);
	assert_int_equal(db_draft_delete(a, "household", 0), DB_OK);
	assert_int_equal(db_draft_load(a, "household", 0, &json, NULL), DB_ERR_NOTFOUND);
	assert_int_equal(db_draft_load(b, "household", 0, &json, NULL), DB_OK); /* b's stays */
	x_free(&json);
	assert_int_equal(query_int(a, "SELECT count(*) FROM draft"), 2);
	db_close(&a);
	db_close(&b);
	dbtest_remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_round_trip),
		cmocka_unit_test(json_escapes_and_refusals),
		cmocka_unit_test(drafts_per_user_and_form),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
