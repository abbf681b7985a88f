/* Unit tests: form fields as JSON, and drafts kept per user. */
#include "cm.h"

#include "core/kv.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "core/register.h"
#include "core/session.h"
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

static char *load(struct reg *r, const char *form, int64_t id)
{
	char *json = NULL, *at = NULL;
	if (reg_draft_load(r, form, id, &json, &at) != DB_OK)
		return NULL;
	assert_int_equal(strlen(at), 19);
	x_free(&at);
	return json;
}

static void drafts_per_user_form_and_session(void **state)
{
	(void)state;
	char path[] = "/tmp/juwei-draft-test-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	/* Clerk a in two terminals, clerk b in a third. */
	struct db *a1 = NULL, *a2 = NULL, *b = NULL;
	assert_int_equal(db_open(path, "clerk_a", DB_OPEN_CREATE, &a1, NULL), DB_OK);
	assert_int_equal(db_open(path, "clerk_a", 0, &a2, NULL), DB_OK);
	assert_int_equal(db_open(path, "clerk_b", 0, &b, NULL), DB_OK);
	struct reg ra1, ra2, rb;
	reg_init(&ra1, a1);
	reg_init(&ra2, a2);
	reg_init(&rb, b);
	reg_session_begin(&ra1);
	reg_session_begin(&ra2);
	reg_session_begin(&rb);

	assert_null(load(&ra1, "household", 0));
	assert_int_equal(reg_draft_save(&ra1, "household", 0, "{\"name\":\"张三\"}"), DB_OK);
	assert_int_equal(reg_draft_save(&ra1, "household", 0, "{\"name\":\"张三丰\"}"), DB_OK); /* replaces */
	assert_int_equal(reg_draft_save(&ra1, "resident", 42, "{\"name\":\"李四\"}"), DB_OK);
	assert_int_equal(reg_draft_save(&rb, "household", 0, "{\"name\":\"王五\"}"), DB_OK);
	char *json = load(&ra1, "household", 0);
	assert_string_equal(json, "{\"name\":\"张三丰\"}");
	x_free(&json);
	json = load(&rb, "household", 0);
	assert_string_equal(json, "{\"name\":\"王五\"}");
	x_free(&json);
	/* Not JSON: the table refuses it. */
	assert_int_not_equal(reg_draft_save(&ra1, "household", 0, "{broken"), DB_OK);

	/* The same clerk's other terminal is not offered the live text... */
	assert_null(load(&ra2, "household", 0));
	char *form = NULL;
	int64_t id;
	assert_int_equal(reg_draft_newest(&ra2, &form, &id), DB_ERR_NOTFOUND);
	/* ...and keeps a draft of its own, which the first one's save does
	 * not delete. */
	assert_int_equal(reg_draft_save(&ra2, "household", 0, "{\"name\":\"第二个终端\"}"), DB_OK);
	assert_int_equal(reg_draft_delete(&ra1, "household", 0), DB_OK);
	json = load(&ra2, "household", 0);
	assert_string_equal(json, "{\"name\":\"第二个终端\"}");
	x_free(&json);
	assert_null(load(&ra1, "household", 0));

	/* Once a session has ended, its drafts are the clerk's next session's. */
	reg_session_end(&ra1);
	reg_session_begin(&ra1);
	json = load(&ra1, "resident", 42);
	assert_string_equal(json, "{\"name\":\"李四\"}");
	x_free(&json);
	/* So are those of a session whose process is gone without a word. */
	assert_int_equal(db_exec(a1, "INSERT INTO session(id, user, host, pid, started)"
				     " SELECT 999, 'clerk_a', host, 2147483646, 'x' FROM session LIMIT 1;"
				     "INSERT INTO draft(user, form, record_id, session_id, data)"
				     " VALUES ('clerk_a', 'visit', 7, 999, '{\"x\":\"断线\"}')"), DB_OK);
	assert_int_equal(reg_draft_newest(&ra2, &form, &id), DB_OK);
	assert_string_equal(form, "visit");
	assert_int_equal(id, 7);
	x_free(&form);
	/* b never sees a's. */
	assert_null(load(&rb, "resident", 42));

	reg_session_end(&ra1);
	reg_session_end(&ra2);
	reg_session_end(&rb);
	reg_free(&ra1);
	reg_free(&ra2);
	reg_free(&rb);
	db_close(&a1);
	db_close(&a2);
	db_close(&b);
	dbtest_remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(json_round_trip),
		cmocka_unit_test(json_escapes_and_refusals),
		cmocka_unit_test(drafts_per_user_form_and_session),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
