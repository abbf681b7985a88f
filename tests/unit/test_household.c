/* Unit tests: creating and editing households, the head rules, tags. */
#include "cm.h"

#include "core/household.h"
#include "db/household_edit.h"
#include "core/i18n.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "core/signin.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TODAY "2026-11-22"

static char path[] = "/tmp/juwei-household-test-XXXXXX";
static struct db *db;
static struct reg reg;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	/* One grid holds building 3 of 幸福里小区. */
	if (db_exec(db, "INSERT INTO grid(code, name) VALUES ('01', '第一网格'), ('02', '第二网格');"
			"INSERT INTO dwelling(compound, building, unit, room, grid_id)"
			" VALUES ('幸福里小区','3','1','101', 2);") != DB_OK)
		return -1;
	reg_init(&reg, db);
	reg.show_sensitive = true;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	dbtest_destroy(path, &db);
	return 0;
}

static const char *message(const struct check *c, const char *field)
{
	const struct check_item *it = check_find(c, field);
	return it ? it->message : "";
}

static void person(struct resident_rec *r, int64_t hh, const char *name, const char *relation)
{
	resident_rec_init(r);
	r->household_id = hh;
	resident_rec_set(r, "name", name);
	resident_rec_set(r, "relation", relation);
}

static int64_t new_household(const char *room, const char *head_name)
{
	struct household_rec h;
	struct resident_rec head;
	struct check c;
	household_rec_init(&h);
	rec_set(&h, household_fields, household_field_count, "compound", "幸福里小区");
	rec_set(&h, household_fields, household_field_count, "building", "３");  /* full width */
	rec_set(&h, household_fields, household_field_count, "unit", "2");
	rec_set(&h, household_fields, household_field_count, "room", room);
	rec_set(&h, household_fields, household_field_count, "phone", "010-6512 3456");
	household_check(&h, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	assert_string_equal(h.building, "3");
	assert_string_equal(h.kind, "户籍户");
	assert_string_equal(h.phone, "010-65123456");
	person(&head, 0, head_name, "户主");
	resident_check(db, &head, TODAY, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	if (reg_household_save(&reg, &h, &head) != DB_OK)
		fail_msg("%s", db_errmsg(db));
	assert_true(h.id > 0);
	assert_int_equal(head.household_id, h.id);
	int64_t id = h.id;
	household_rec_free(&h);
	resident_rec_free(&head);
	return id;
}

static void a_new_household_gets_a_dwelling_a_grid_and_a_head(void **state)
{
	(void)state;
	int64_t id = new_household("501", "王建国");
	struct household_rec h;
	household_rec_init(&h);
	assert_int_equal(reg_household_rec(&reg, id, &h), DB_OK);
	assert_string_equal(h.room, "501");
	assert_string_equal(h.grid, "第二网格");   /* from building 3 */
	assert_string_equal(h.status, "在住");
	int64_t head;
	char *name;
	assert_int_equal(db_household_head(db, id, &head, &name), DB_OK);
	assert_string_equal(name, "王建国");
	x_free(&name);
	/* The same address again shares the dwelling. */
	int64_t id2 = new_household("501", "李四");
	assert_int_equal(query_int(db, "SELECT count(DISTINCT dwelling_id) FROM household"), 1);
	assert_true(id2 != id);
	household_rec_free(&h);
}

/* Two households of one dwelling, each open in a form: what one clerk
 * did to the dwelling's tenure is not put back by the other's save. */
static void a_tenure_read_earlier_is_not_written_back(void **state)
{
	(void)state;
	int64_t a = new_household("702", "甲"), b = new_household("702", "乙");
	struct household_rec ha, hb;
	household_rec_init(&ha);
	household_rec_init(&hb);
	assert_int_equal(reg_household_rec(&reg, a, &ha), DB_OK);
	assert_int_equal(reg_household_rec(&reg, b, &hb), DB_OK);
	ha.tenure_read = x_strdup(ha.tenure);
	hb.tenure_read = x_strdup(hb.tenure);
	/* A: 租住 → 借住. */
	rec_set(&ha, household_fields, household_field_count, "tenure", "借住");
	assert_int_equal(reg_household_save(&reg, &ha, NULL), DB_OK);
	/* B changes only the notes, with the tenure it read. */
	rec_set(&hb, household_fields, household_field_count, "notes", "楼道堆物");
	assert_int_equal(reg_household_save(&reg, &hb, NULL), DB_OK);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT d.tenure = '借住' FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
		 " WHERE h.id = %lld", (long long)a);
	assert_int_equal(query_int(db, sql), 1);
	/* B changing the tenure too, over what it read: a conflict, not a silent write. */
	rec_set(&hb, household_fields, household_field_count, "tenure", "自有自住");
	assert_int_equal(reg_household_save(&reg, &hb, NULL), DB_ERR_CONFLICT);
	assert_int_equal(query_int(db, sql), 1);
	household_rec_free(&ha);
	household_rec_free(&hb);
}

static void household_numbers(void **state)
{
	(void)state;
	struct household_rec h;
	struct check c;
	household_rec_init(&h);
	rec_set(&h, household_fields, household_field_count, "compound", "幸福里小区");
	rec_set(&h, household_fields, household_field_count, "reg_no", "110105-0012a");
	household_check(&h, &c);
	assert_null(check_find(&c, "reg_no"));
	check_free(&c);
	rec_set(&h, household_fields, household_field_count, "reg_no", "123456789012345678901");
	household_check(&h, &c);
	assert_false(check_ok(&c));
	check_free(&c);
	rec_set(&h, household_fields, household_field_count, "reg_no", "户 12");
	household_check(&h, &c);
	assert_false(check_ok(&c));
	check_free(&c);
	rec_set(&h, household_fields, household_field_count, "reg_no", "13800138000");
	household_check(&h, &c);
	assert_true(check_ok(&c) && check_find(&c, "reg_no") && check_find(&c, "reg_no")->warning);
	check_free(&c);
	household_rec_free(&h);
}

static void bad_households_are_refused(void **state)
{
	(void)state;
	struct household_rec h;
	struct check c;
	household_rec_init(&h);
	rec_set(&h, household_fields, household_field_count, "room", "501");
	rec_set(&h, household_fields, household_field_count, "kind", "别的");
	rec_set(&h, household_fields, household_field_count, "phone", "12345");
	household_check(&h, &c);
	assert_false(check_ok(&c));
	assert_string_equal(message(&c, "compound"), "此项必填。");
	assert_true(strlen(message(&c, "building")) > 0);
	assert_true(strlen(message(&c, "kind")) > 0);
	assert_true(strlen(message(&c, "phone")) > 0);
	check_free(&c);
	household_rec_free(&h);
}

static void a_stale_household_save_is_a_conflict(void **state)
{
	(void)state;
	int64_t id = new_household("601", "赵六");
	struct household_rec a, b;
	household_rec_init(&a);
	household_rec_init(&b);
	assert_int_equal(reg_household_rec(&reg, id, &a), DB_OK);
	assert_int_equal(reg_household_rec(&reg, id, &b), DB_OK);
	rec_set(&a, household_fields, household_field_count, "notes", "甲的备注");
	assert_int_equal(reg_household_save(&reg, &a, NULL), DB_OK);
	rec_set(&b, household_fields, household_field_count, "notes", "乙的备注");
	assert_int_equal(reg_household_save(&reg, &b, NULL), DB_ERR_CONFLICT);
	household_rec_free(&b);
	household_rec_init(&b);
	assert_int_equal(reg_household_rec(&reg, id, &b), DB_OK);
	assert_string_equal(b.notes, "甲的备注");
	household_rec_free(&a);
	household_rec_free(&b);
}

static void exactly_one_head(void **state)
{
	(void)state;
	int64_t hh = new_household("701", "孙大");
	int64_t head;
	char *name;
	assert_int_equal(db_household_head(db, hh, &head, &name), DB_OK);
	x_free(&name);
	struct resident_rec r;
	struct check c;
	/* A second head is refused, with the first one's name. */
	person(&r, hh, "孙二", "户主");
	member_check(&reg, &r, TODAY, &c);
	assert_false(check_ok(&c));
	assert_non_null(strstr(message(&c, "relation"), "孙大"));
	check_free(&c);
	/* As a spouse: fine. */
	resident_rec_set(&r, "relation", "配偶");
	member_check(&reg, &r, TODAY, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	if (reg_member_save(&reg, &r) != DB_OK)
		fail_msg("%s", db_errmsg(db));
	int64_t spouse = r.id;
	resident_rec_free(&r);

	/* The head may not simply stop being the head, nor move out
	 * while the spouse stays. */
	resident_rec_init(&r);
	assert_int_equal(reg_resident(&reg, head, &r), DB_OK);
	resident_rec_set(&r, "relation", "配偶");
	member_check(&reg, &r, TODAY, &c);
	assert_false(check_ok(&c));
	check_free(&c);
	resident_rec_set(&r, "relation", "户主");
	resident_rec_set(&r, "status", "迁出");
	resident_rec_set(&r, "status_date", "2026-11-01");
	resident_rec_set(&r, "moved_to", "上海");
	member_check(&reg, &r, TODAY, &c);
	assert_false(check_ok(&c));
	assert_true(strlen(message(&c, "status")) > 0);
	check_free(&c);
	resident_rec_free(&r);

	/* Change of head: the spouse leads, the old head becomes 配偶. */
	assert_int_equal(reg_set_head(&reg, hh, spouse, "配偶"), DB_OK);
	assert_int_equal(db_household_head(db, hh, &head, &name), DB_OK);
	assert_int_equal(head, spouse);
	assert_string_equal(name, "孙二");
	x_free(&name);
	assert_int_equal(query_int(db, "SELECT count(*) FROM resident WHERE household_id = 4"
				       " AND relation = '户主'"), 1);

	/* Now the old head may move out; when the last one leaves too,
	 * the household is closed. */
	resident_rec_init(&r);
	assert_int_equal(reg_resident(&reg, spouse, &r), DB_OK);
	resident_rec_set(&r, "status", "死亡");
	resident_rec_set(&r, "status_date", "明天");
	member_check(&reg, &r, TODAY, &c);
	assert_false(check_ok(&c));  /* a death in the future; and others live */
	check_free(&c);
	resident_rec_free(&r);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household WHERE id = 4 AND status = '在住'"), 1);
	assert_int_equal(db_exec(db, "UPDATE resident SET status = '迁出', status_date = '2026-11-01',"
				     " moved_to = '上海' WHERE household_id = 4 AND relation <> '户主'"), DB_OK);
	resident_rec_init(&r);
	assert_int_equal(reg_resident(&reg, spouse, &r), DB_OK);
	resident_rec_set(&r, "status", "死亡");
	resident_rec_set(&r, "status_date", "2026-11-20");
	member_check(&reg, &r, TODAY, &c);
	assert_true(check_ok(&c));
	check_free(&c);
	assert_int_equal(reg_member_save(&reg, &r), DB_OK);
	assert_int_equal(query_int(db, "SELECT count(*) FROM household WHERE id = 4 AND status = '已迁出'"), 1);
	resident_rec_free(&r);
}

static void tags_with_since_and_note(void **state)
{
	(void)state;
	struct tag_item *v;
	int n;
	assert_int_equal(reg_tag_vocab(&reg, "resident", &v, &n), DB_OK);
	assert_true(n > 0);
	int64_t tag = v[0].id;
	char *tag_name = x_strdup(v[0].name);
	tag_items_free(&v, &n);
	assert_int_equal(reg_tag_add(&reg, "resident", 1, tag, "2026-01-01", "社区上报"), DB_OK);
	assert_int_equal(reg_tag_add(&reg, "resident", 1, tag, "", ""), DB_ERR_CONFLICT);
	assert_int_equal(reg_tag_held(&reg, "resident", 1, &v, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].name, tag_name);
	assert_string_equal(v[0].since, "2026-01-01");
	assert_string_equal(v[0].note, "社区上报");
	int64_t link = v[0].id;
	tag_items_free(&v, &n);
	assert_int_equal(reg_tag_remove(&reg, "resident", link), DB_OK);
	assert_int_equal(reg_tag_remove(&reg, "resident", link), DB_ERR_NOTFOUND);
	assert_int_equal(reg_tag_held(&reg, "resident", 1, &v, &n), DB_OK);
	assert_int_equal(n, 0);
	tag_items_free(&v, &n);
	/* Sensitive tags are offered only to those who may give them. */
	int all, open;
	dbtest_as(&reg, ROLE_SOCIAL, NULL, 0);
	assert_int_equal(reg_tag_vocab(&reg, "resident", &v, &n), DB_OK);
	all = n;
	tag_items_free(&v, &n);
	const int64_t grids[] = { 1, 2 };
	dbtest_as(&reg, ROLE_GRID, grids, 2);
	assert_int_equal(reg_tag_vocab(&reg, "resident", &v, &n), DB_OK);
	open = n;
	tag_items_free(&v, &n);
	assert_true(open < all);
	reg_access_by_login(&reg);
	x_free(&tag_name);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_new_household_gets_a_dwelling_a_grid_and_a_head),
		cmocka_unit_test(bad_households_are_refused),
		cmocka_unit_test(household_numbers),
		cmocka_unit_test(a_stale_household_save_is_a_conflict),
		cmocka_unit_test(exactly_one_head),
		cmocka_unit_test(tags_with_since_and_note),
		cmocka_unit_test(a_tenure_read_earlier_is_not_written_back),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
