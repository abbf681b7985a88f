/* Unit tests: checking a resident's record, and saving it with
 * optimistic locking. */
#include "cm.h"

#include "core/i18n.h"
#include "core/resident.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "db/resident.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-22"

static char path[] = "/tmp/juwei-resident-test-XXXXXX";
static struct db *db;
static int64_t household;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	if (db_exec(db, "INSERT INTO dwelling(compound, building, unit, room) VALUES ('幸福里小区','3','2','501');"
			"INSERT INTO household(dwelling_id) VALUES (1);") != DB_OK)
		return -1;
	household = 1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dbtest_destroy(path, &db);
	return 0;
}

/* A record from "key=value" pairs. */
static void make(struct resident_rec *r, const char *const *kv)
{
	resident_rec_init(r);
	r->household_id = household;
	for (; *kv; kv += 2)
		assert_true(resident_rec_set(r, kv[0], kv[1]));
}

static const char *message(const struct check *c, const char *field)
{
	const struct check_item *it = check_find(c, field);
	return it ? it->message : NULL;
}

/* The form an ID number is stored in, as the import looks it up. */
static void id_numbers_in_their_stored_form(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ " 11010519491231002x ", "11010519491231002X" },
		{ "110105491231002", "11010519491231002X" },
		{ "110105194912310021", "110105194912310021" }, /* bad check character: as given */
		{ "12345", "12345" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		char *id = resident_id_stored(cases[i][0]);
		assert_string_equal(id, cases[i][1]);
		x_free(&id);
	}
}

static void id_number_fills_and_warns(void **state)
{
	(void)state;
	struct resident_rec r;
	struct check c;
	make(&r, (const char *const[]){ "name", "　张三 ", "relation", "户主", "id_number", "11010519491231002x", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	assert_string_equal(r.name, "张三");                 /* trimmed */
	assert_string_equal(r.id_number, "11010519491231002X");
	assert_string_equal(r.birth_date, "1949-12-31");    /* filled in */
	assert_string_equal(r.sex, "女");
	assert_string_equal(r.status, "在住");
	assert_string_equal(r.residence_type, "户籍在住");
	check_free(&c);
	resident_rec_free(&r);

	/* Typed values that disagree with the number: warnings, not errors. */
	make(&r, (const char *const[]){ "name", "张三", "relation", "户主", "id_number", "11010519491231002X",
					"birth_date", "1949年12月30日", "sex", "男", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	assert_non_null(strstr(message(&c, "birth_date"), "1949-12-31"));
	assert_non_null(strstr(message(&c, "sex"), "女"));
	check_free(&c);
	resident_rec_free(&r);

	/* A 15-digit number is upgraded. */
	make(&r, (const char *const[]){ "name", "张三", "relation", "户主", "id_number", "110105491231002", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	assert_string_equal(r.id_number, "11010519491231002X");
	check_free(&c);
	resident_rec_free(&r);
}

static void bad_values_are_refused_in_chinese(void **state)
{
	(void)state;
	struct resident_rec r;
	struct check c;
	make(&r, (const char *const[]){ "name", "", "relation", "朋友", "id_number", "110105194912310021",
					"phone", "6400123", "birth_date", "2030-01-01", "status", "迁出",
					"ethnicity", "汉", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_false(check_ok(&c));
	assert_string_equal(message(&c, "name"), "此项必填。");
	assert_string_equal(message(&c, "relation"), "请从列表中选择。");
	assert_string_equal(message(&c, "ethnicity"), "请从列表中选择。");
	assert_non_null(strstr(message(&c, "id_number"), "校验位"));
	assert_non_null(strstr(message(&c, "phone"), "区号"));
	assert_string_equal(message(&c, "birth_date"), "日期不能晚于今天。");
	assert_non_null(message(&c, "status_date"));
	assert_non_null(message(&c, "moved_to"));
	check_free(&c);
	resident_rec_free(&r);

	make(&r, (const char *const[]){ "name", "张三", "relation", "户主", "id_number", "110105199902300021", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_non_null(strstr(message(&c, "id_number"), "不是有效日期"));
	check_free(&c);
	resident_rec_free(&r);

	/* Lengths are counted in characters: 32 Chinese ones fit, 33 do not. */
	char name[200] = "";
	for (int i = 0; i < 33; i++)
		strcat(name, "张");
	make(&r, (const char *const[]){ "name", name, "relation", "户主", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_non_null(strstr(message(&c, "name"), "32"));
	check_free(&c);
	resident_rec_free(&r);
	name[32 * 3] = '\0';
	make(&r, (const char *const[]){ "name", name, "relation", "户主", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	resident_rec_free(&r);
}

static void dates_and_phones_are_normalised(void **state)
{
	(void)state;
	struct resident_rec r;
	struct check c;
	make(&r, (const char *const[]){ "name", "李四", "relation", "子", "birth_date", "19800501",
					"phone", "138 1234 5678", "status", "死亡", "status_date", "昨天", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	assert_string_equal(r.birth_date, "1980-05-01");
	assert_string_equal(r.phone, "13812345678");
	assert_string_equal(r.status_date, "2026-11-21");
	check_free(&c);
	resident_rec_free(&r);
}

static void saving_with_versions(void **state)
{
	(void)state;
	struct resident_rec r, other, reread;
	struct check c;
	make(&r, (const char *const[]){ "name", "王五", "relation", "户主", "id_number", "11010519491231002X", NULL });
	resident_check(db, &r, TODAY, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	assert_int_equal(db_resident_save(db, &r), DB_OK);
	assert_true(r.id > 0);
	assert_int_equal(r.version, 1);

	/* A second resident may not take the same number: told who has it. */
	make(&other, (const char *const[]){ "name", "赵六", "relation", "配偶", "id_number", "11010519491231002X", NULL });
	resident_check(db, &other, TODAY, &c);
	assert_false(check_ok(&c));
	assert_non_null(strstr(message(&c, "id_number"), "王五"));
	assert_non_null(strstr(message(&c, "id_number"), "幸福里小区 3-2-501"));
	check_free(&c);
	resident_rec_free(&other);

	/* Two clerks open the same record; the first saves. */
	resident_rec_init(&other);
	assert_int_equal(db_resident_get(db, r.id, &other), DB_OK);
	assert_string_equal(other.name, "王五");
	assert_string_equal(other.former_name, "");
	resident_rec_set(&r, "phone", "13800000000");
	assert_int_equal(db_resident_save(db, &r), DB_OK);
	assert_int_equal(r.version, 2);
	/* The second, holding version 1, is told, and writes nothing. */
	resident_rec_set(&other, "phone", "13911111111");
	assert_int_equal(db_resident_save(db, &other), DB_ERR_CONFLICT);
	resident_rec_init(&reread);
	assert_int_equal(db_resident_get(db, r.id, &reread), DB_OK);
	assert_string_equal(reread.phone, "13800000000");
	assert_int_equal(reread.version, 2);
	/* Overwriting knowingly: take the current version, save again. */
	other.version = reread.version;
	assert_int_equal(db_resident_save(db, &other), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident'"
				       " AND action = 'update' AND user = 'clerk'"), 2);
	/* A record deleted meanwhile. */
	assert_int_equal(db_exec(db, "DELETE FROM resident WHERE id = 1"), DB_OK);
	assert_int_equal(db_resident_save(db, &r), DB_ERR_NOTFOUND);
	resident_rec_free(&r);
	resident_rec_free(&other);
	resident_rec_free(&reread);
}

/* Every value core offers for a fixed field is one the schema takes. */
static void choices_agree_with_the_schema(void **state)
{
	(void)state;
	for (int i = 0; i < resident_field_count; i++) {
		const char *key = resident_fields[i].key;
		const char *const *v = resident_choices(key);
		for (; v && *v; v++) {
			struct resident_rec r;
			make(&r, (const char *const[]){ "name", "测试", "relation", "其他", "status", "在住",
							"residence_type", "户籍在住", NULL });
			resident_rec_set(&r, key, *v);
			if (strcmp(key, "status") == 0 && strcmp(*v, "在住") != 0)
				resident_rec_set(&r, "status_date", "2026-01-01");
			/* (户主 is accepted as long as the household has no living
			 * head: the one saved above was deleted.) */
			enum db_status s = db_resident_save(db, &r);
			if (s != DB_OK)
				fail_msg("%s = %s refused by the schema: %s", key, *v, db_errmsg(db));
			resident_rec_free(&r);
		}
	}
}

/* In a bulk transaction the owner of an ID number is remembered between
 * two lookups with no write between; any write makes it read again. */
static void the_owner_of_a_number_follows_each_write(void **state)
{
	(void)state;
	const char *num = "110105198001011238";
	int64_t owner;
	char *name, *address;
	assert_int_equal(db_bulk_begin(db), DB_OK);
	for (int round = 0; round < 2; round++) {
		assert_int_equal(db_resident_id_owner(db, num, 0, &owner, &name, &address), DB_OK);
		assert_int_equal(owner, 0);
		assert_null(name);
	}
	assert_int_equal(db_exec(db, "INSERT INTO resident(household_id, name, relation, id_number)"
				     " VALUES (1, '赵六', '配偶', '110105198001011238')"), DB_OK);
	int64_t id = query_int(db, "SELECT id FROM resident WHERE name = '赵六'");
	for (int round = 0; round < 2; round++) {
		assert_int_equal(db_resident_id_owner(db, num, 0, &owner, &name, &address), DB_OK);
		assert_int_equal(owner, id);
		assert_string_equal(name, "赵六");
		assert_string_equal(address, "幸福里小区 3-2-501");
		x_free(&name);
		x_free(&address);
		/* The owner itself is not "someone else". */
		assert_int_equal(db_resident_id_owner(db, num, id, &owner, &name, &address), DB_OK);
		assert_int_equal(owner, 0);
		assert_null(address);
	}
	assert_int_equal(db_exec(db, "UPDATE resident SET id_number = NULL WHERE name = '赵六'"), DB_OK);
	assert_int_equal(db_resident_id_owner(db, num, 0, &owner, &name, &address), DB_OK);
	assert_int_equal(owner, 0);
	assert_int_equal(db_bulk_end(db, false), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE name = '赵六'"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(id_numbers_in_their_stored_form),
		cmocka_unit_test(id_number_fills_and_warns),
		cmocka_unit_test(bad_values_are_refused_in_chinese),
		cmocka_unit_test(dates_and_phones_are_normalised),
		cmocka_unit_test(saving_with_versions),
		cmocka_unit_test(choices_agree_with_the_schema),
		cmocka_unit_test(the_owner_of_a_number_follows_each_write),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
