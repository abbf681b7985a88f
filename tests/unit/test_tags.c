/* Unit tests: the tags are the committee's own.  The 主任 alone adds,
 * renames and retires them and sets what they go on, their interval and
 * whether they are sensitive; a new name shows on every record that
 * holds the tag; a retired tag stays on its records but is offered and
 * given no more (refused in core, not only hidden); what a tag goes on
 * does not change under records that hold it; every change is audited
 * and `juwei check` stays clean. */
#include "cm.h"

#include "core/access.h"
#include "core/demo.h"
#include "core/household.h"
#include "core/integrity.h"
#include "core/tags.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

static char path[] = "/tmp/juwei-tags-test-XXXXXX";
static struct db *db;
static struct reg r;
static int64_t hh, res;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	struct demo_opts o = { 40, 3, "2026-11-22" };
	struct demo_stats st;
	if (demo_generate(db, &o, &st) != DB_OK)
		return -1;
	reg_init(&r, db);
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	hh = query_int(db, "SELECT min(id) FROM household WHERE status = '在住'");
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT min(id) FROM resident WHERE household_id = %lld AND status = '在住'",
		 (long long)hh);
	res = query_int(db, sql);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&r);
	dbtest_destroy(path, &db);
	return 0;
}

/* reg_tag_define(), the messages of the last call freed first. */
static enum db_status define(struct tag_def *t, struct check *k)
{
	check_free(k);
	return reg_tag_define(&r, t, k);
}

static struct tag_def def(const char *name, const char *on, int interval)
{
	struct tag_def t = { .active = true, .interval = interval };
	t.name = x_strdup(name);
	snprintf(t.applies_to, sizeof t.applies_to, "%s", on);
	return t;
}

/* Is the tag id among those one may give to kind now? */
static bool offered(const char *kind, int64_t id)
{
	struct tag_item *v;
	int n;
	assert_int_equal(reg_tag_vocab(&r, kind, &v, &n), DB_OK);
	bool found = false;
	for (int i = 0; i < n; i++)
		found |= v[i].id == id;
	tag_items_free(&v, &n);
	return found;
}

/* The held tag of the resident with that tag id's name, or NULL. */
static bool held_as(int64_t owner, const char *name, bool *retired)
{
	struct tag_item *v;
	int n;
	assert_int_equal(reg_tag_held(&r, "resident", owner, &v, &n), DB_OK);
	bool found = false;
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0) {
			found = true;
			*retired = v[i].retired;
		}
	tag_items_free(&v, &n);
	return found;
}

static void only_the_director_keeps_the_tags(void **state)
{
	(void)state;
	int before = query_int(db, "SELECT count(*) FROM tag");
	for (int role = ROLE_SOCIAL; role < ROLES; role++) {
		dbtest_as(&r, (enum role)role, NULL, 0);
		struct tag_def t = def("助残对象", "resident", 30);
		struct check k = { 0 };
		assert_int_equal(define(&t, &k), DB_ERR_DENIED);
		assert_non_null(strstr(r.refusal, "主任"));
		tag_def_free(&t);
		/* Nor rename one. */
		struct tag_def *all;
		int n;
		assert_int_equal(reg_tag_defs(&r, &all, &n), DB_OK);
		assert_true(n > 0);
		x_free(&all[0].name);
		all[0].name = x_strdup("改名");
		assert_int_equal(define(&all[0], &k), DB_ERR_DENIED);
		tag_defs_free(&all, &n);
	}
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	assert_int_equal(query_int(db, "SELECT count(*) FROM tag"), before);
	assert_int_equal(query_int(db, "SELECT count(*) FROM tag WHERE name = '改名'"), 0);
}

static void a_tag_is_added_renamed_and_retired(void **state)
{
	(void)state;
	/* Added: offered at once to members, not to households. */
	struct tag_def t = def("助残对象", "resident", 21);
	struct check k = { 0 };
	assert_int_equal(define(&t, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_true(t.id > 0);
	assert_true(offered("resident", t.id));
	assert_false(offered("household", t.id));
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE table_name = 'tag' AND row_id = %lld"
		 " AND action = 'insert'", (long long)t.id);
	assert_int_equal(query_int(db, sql), 1);
	/* Given to a member; given to a household it is refused. */
	assert_int_equal(reg_tag_add(&r, "resident", res, t.id, "2026-11-01", ""), DB_OK);
	assert_int_equal(reg_tag_add(&r, "household", hh, t.id, "2026-11-01", ""), DB_ERR_DENIED);
	bool retired = true;
	assert_true(held_as(res, "助残对象", &retired));
	assert_false(retired);

	/* The same name twice, or a name an import would split, is refused. */
	struct tag_def dup = def("低保户", "household", 30);
	assert_int_equal(define(&dup, &k), DB_OK);
	assert_false(check_ok(&k));
	assert_string_equal(k.items[0].field, "name");
	tag_def_free(&dup);
	struct tag_def split = def("助残、助老", "resident", 30);
	assert_int_equal(define(&split, &k), DB_OK);
	assert_false(check_ok(&k));
	tag_def_free(&split);

	/* Renamed: one change of the tag, and every record shows the name. */
	int links = query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident_tag'");
	x_free(&t.name);
	t.name = x_strdup("残疾人帮扶");
	assert_int_equal(define(&t, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_true(held_as(res, "残疾人帮扶", &retired));
	assert_false(held_as(res, "助残对象", &retired));
	assert_int_equal(query_int(db, "SELECT count(*) FROM audit_log WHERE table_name = 'resident_tag'"), links);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_log WHERE table_name = 'tag' AND row_id = %lld"
		 " AND action = 'update' AND json_extract(old_values, '$.name') = '助残对象'"
		 " AND json_extract(new_values, '$.name') = '残疾人帮扶'", (long long)t.id);
	assert_int_equal(query_int(db, sql), 1);

	/* What it goes on stays while a record holds it. */
	snprintf(t.applies_to, sizeof t.applies_to, "household");
	assert_int_equal(define(&t, &k), DB_OK);
	assert_false(check_ok(&k));
	assert_string_equal(k.items[0].field, "applies_to");
	snprintf(t.applies_to, sizeof t.applies_to, "resident");

	/* A stale version is a conflict, not an overwrite. */
	struct tag_def stale = t;
	stale.version--;
	stale.name = x_strdup("旧的");
	assert_int_equal(define(&stale, &k), DB_ERR_CONFLICT);
	tag_def_free(&stale);

	/* Retired: still on the record (marked), not offered, not given. */
	t.active = false;
	assert_int_equal(define(&t, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_true(held_as(res, "残疾人帮扶", &retired));
	assert_true(retired);
	assert_false(offered("resident", t.id));
	snprintf(sql, sizeof sql, "SELECT min(id) FROM resident WHERE id <> %lld AND status = '在住'", (long long)res);
	int64_t other = query_int(db, sql);
	assert_int_equal(reg_tag_add(&r, "resident", other, t.id, "2026-11-01", ""), DB_ERR_DENIED);
	assert_non_null(strstr(r.refusal, "停用"));
	snprintf(sql, sizeof sql, "SELECT count(*) FROM resident_tag WHERE tag_id = %lld", (long long)t.id);
	assert_int_equal(query_int(db, sql), 1);
	tag_def_free(&t);

	/* A tag nobody holds may change what it goes on. */
	struct tag_def free_tag = def("楼道长", "resident", 0);
	assert_int_equal(define(&free_tag, &k), DB_OK);
	snprintf(free_tag.applies_to, sizeof free_tag.applies_to, "household");
	assert_int_equal(define(&free_tag, &k), DB_OK);
	assert_true(check_ok(&k));
	assert_true(offered("household", free_tag.id));
	tag_def_free(&free_tag);

	/* Every change went through the audit trail: the check is clean. */
	bool clean = false;
	char *report = NULL;
	long long rows;
	assert_int_equal(reg_check(&r, &clean, &report, &rows), DB_OK);
	if (!clean)
		fail_msg("juwei check: %s", report);
	x_free(&report);
	check_free(&k);
}

static void a_tag_made_sensitive_follows_the_sensitive_rules(void **state)
{
	(void)state;
	struct tag_def t = def("重点帮教", "resident", 14);
	struct check k = { 0 };
	assert_int_equal(define(&t, &k), DB_OK);
	t.sensitive = true;
	assert_int_equal(define(&t, &k), DB_OK);
	assert_true(check_ok(&k));
	/* A 社工 may give it; a 网格员 is not offered it and is refused it. */
	dbtest_as(&r, ROLE_SOCIAL, NULL, 0);
	assert_true(offered("resident", t.id));
	int64_t grid = query_int(db, "SELECT d.grid_id FROM household h JOIN dwelling d ON d.id = h.dwelling_id"
				     " WHERE h.id = (SELECT household_id FROM resident WHERE id = (SELECT min(id) FROM resident"
				     " WHERE status = '在住'))");
	dbtest_as(&r, ROLE_GRID, &grid, 1);
	assert_false(offered("resident", t.id));
	int64_t someone = query_int(db, "SELECT min(id) FROM resident WHERE status = '在住'");
	assert_int_equal(reg_tag_add(&r, "resident", someone, t.id, "", ""), DB_ERR_DENIED);
	/* A 调解员 does not see it among the tags at all. */
	dbtest_as(&r, ROLE_MEDIATOR, NULL, 0);
	struct tag_def *all;
	int n;
	assert_int_equal(reg_tag_defs(&r, &all, &n), DB_OK);
	for (int i = 0; i < n; i++)
		assert_int_not_equal(all[i].id, t.id);
	tag_defs_free(&all, &n);
	dbtest_as(&r, ROLE_DIRECTOR, NULL, 0);
	tag_def_free(&t);
	check_free(&k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_the_director_keeps_the_tags),
		cmocka_unit_test(a_tag_is_added_renamed_and_retired),
		cmocka_unit_test(a_tag_made_sensitive_follows_the_sensitive_rules),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
