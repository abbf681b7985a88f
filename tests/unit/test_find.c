/* Unit tests: the search index terms, and ranked search by Chinese text,
 * traditional characters, full pinyin, initials, mixtures, polyphonic
 * surnames, v for ü, digits and addresses; the index follows edits. */
#include "cm.h"

#include "core/i18n.h"
#include "core/pinyin.h"
#include "core/register.h"
#include "core/searchkey.h"
#include "core/xalloc.h"
#include "db/db.h"
#include "dbtest.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char path[] = "/tmp/juwei-find-test-XXXXXX";
static struct db *db;
static struct reg reg;

/* Households 1..n, one resident each (the head), rooms 101.. */
static const char *const people[] = {
	"张三", "张三丰", "张珊", "单雄信", "曾小贤", "解晓东", "区志强", "仇伟",
	"查文", "朴英", "吕布", "沈女英", "刘德华", "陈红", "阿依古丽·买买提", "Li Lei",
	"王五",
};

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(people); i++) {
		char *sql = x_asprintf(
			"INSERT INTO dwelling(compound, building, unit, room) VALUES ('幸福里小区', '3', '2', '%zu');"
			"INSERT INTO household(dwelling_id, phone) VALUES (last_insert_rowid(), '0106512%04zu');"
			"INSERT INTO resident(household_id, name, relation, id_number, phone)"
			" VALUES (last_insert_rowid(), '%s', '户主', '1101051949123100%02zu', '1380000%04zu');",
			101 + i, i, people[i], i, 1000 + i);
		if (db_exec(db, sql) != DB_OK) {
			x_free(&sql);
			return -1;
		}
		x_free(&sql);
	}
	/* 张三丰's wife, and one with a former name. */
	if (db_exec(db, "INSERT INTO resident(household_id, name, relation, former_name)"
			" VALUES (2, '李秀兰', '配偶', '李招娣');") != DB_OK)
		return -1;
	reg_init(&reg, db);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	reg_free(&reg);
	dbtest_destroy(path, &db);
	return 0;
}

static bool has_term(const char *json, const char *term)
{
	char *q = x_asprintf("\"%s\"", term);
	bool yes = strstr(json, q) != NULL;
	x_free(&q);
	return yes;
}

static void terms_of_a_resident(void **state)
{
	(void)state;
	char *j = search_terms_resident("张三", "11010519491231002x", "010-6512 3456");
	static const char *const want[] = {
		"N张三", "n三", "Izs", "is", "Pzhang|s", "psan|",
		"D11010519491231002X", "D19491231002X", "TX20013219491501011",
		"D01065123456", "D65123456", "T65432156010",
	};
	for (size_t i = 0; i < ARRAY_SIZE(want); i++)
		if (!has_term(j, want[i]))
			fail_msg("%s lacks %s", j, want[i]);
	x_free(&j);
	/* A polyphonic surname gives every reading. */
	j = search_terms_resident("单田", "", "");
	static const char *const poly[] = { "Idt", "Ist", "Ict", "Pdan|t", "Pshan|t", "Pchan|t" };
	for (size_t i = 0; i < ARRAY_SIZE(poly); i++)
		if (!has_term(j, poly[i]))
			fail_msg("%s lacks %s", j, poly[i]);
	x_free(&j);
	/* Traditional characters are folded; a middle dot and spaces separate. */
	j = search_terms_resident("張三豐", "", "");
	assert_true(has_term(j, "N张三丰"));
	assert_true(has_term(j, "Izsf"));
	x_free(&j);
	j = search_terms_resident("阿依古丽·买买提", "", "");
	assert_true(has_term(j, "Iayglmmt"));
	assert_true(has_term(j, "imt"));
	x_free(&j);
	j = search_terms_resident("Li Lei", "", "");
	assert_true(has_term(j, "Nli lei"));
	assert_true(has_term(j, "Ililei"));
	x_free(&j);
	/* Quotes, backslashes and control characters are escaped in the JSON. */
	j = search_terms_resident("a\"b\\c\x01z", "", "");
	assert_non_null(strstr(j, "[\"Na\\\"b\\\\c\\u0001z\",\"n\\\"b\\\\c\\u0001z\","));
	x_free(&j);
	/* The same name twice running gives the same terms (its syllables
	 * are remembered), and another name its own. */
	char *a = search_terms_resident("单田", "", ""), *b = search_terms_resident("单田", "", "");
	assert_string_equal(a, b);
	x_free(&b);
	b = search_terms_resident("单", "", "");
	assert_false(has_term(b, "Idt"));
	assert_true(has_term(b, "Pshan|"));
	x_free(&a);
	x_free(&b);
	/* Nothing in, nothing out. */
	j = search_terms_resident("", "", "");
	assert_string_equal(j, "[]");
	x_free(&j);
	j = search_terms_former("李招娣");
	assert_true(has_term(j, "n李招娣"));
	assert_true(has_term(j, "ilzd"));
	assert_false(has_term(j, "N李招娣"));
	x_free(&j);
}

/* The query's heads cover every skeleton a match could have. */
static void query_heads(void **state)
{
	(void)state;
	char h[32][48];
	int n = pinyin_query_heads("zhangs", h, 32);
	bool zhang = false;
	for (int i = 0; i < n; i++)
		zhang |= strcmp(h[i], "Pzhang|s") == 0;
	assert_true(zhang);
	n = pinyin_query_heads("lv", h, 32);
	bool lv = false;
	for (int i = 0; i < n; i++) {
		lv |= strcmp(h[i], "Plv") == 0;
		assert_true(strcmp(h[i], "Il") != 0); /* not every l... name */
	}
	assert_true(lv);
	assert_int_equal(pinyin_query_heads("", h, 32), 0);
	assert_int_equal(pinyin_query_heads("张", h, 32), 0);
	/* A query with very many readings falls back to its first letter. */
	n = pinyin_query_heads("anananananananananananan", h, 32);
	assert_true(n >= 1);
}

struct got {
	int n;
	bool more;
	char names[32][64];
	int tier[32], first[32], last[32];
};

static void search(const char *input, struct got *g)
{
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	reg_filter(&reg, input, &f);
	struct search_result res;
	assert_int_equal(reg_search(&reg, &f, &res), DB_OK);
	memset(g, 0, sizeof *g);
	g->n = res.n;
	g->more = res.more;
	for (int i = 0; i < res.n && i < 32; i++) {
		snprintf(g->names[i], sizeof g->names[i], "%s", res.items[i].name);
		g->tier[i] = res.items[i].tier;
		g->first[i] = res.items[i].first;
		g->last[i] = res.items[i].last;
	}
	search_result_free(&res);
}

static bool found(const struct got *g, const char *name)
{
	for (int i = 0; i < g->n && i < 32; i++)
		if (strcmp(g->names[i], name) == 0)
			return true;
	return false;
}

#define FINDS(q, name) do { struct got g_; search(q, &g_); \
	if (!found(&g_, name)) fail_msg("\"%s\" does not find %s (%d found)", q, name, g_.n); } while (0)
#define FIRST(q, name) do { struct got g_; search(q, &g_); \
	if (g_.n == 0 || strcmp(g_.names[0], name) != 0) \
		fail_msg("\"%s\" ranks %s first, not %s", q, g_.n ? g_.names[0] : "nothing", name); } while (0)

static void chinese_and_traditional(void **state)
{
	(void)state;
	FIRST("张三", "张三");             /* the exact name before 张三丰 */
	FINDS("张三", "张三丰");
	FINDS("張三豐", "张三丰");         /* traditional finds simplified */
	FINDS("劉德華", "刘德华");
	FINDS("陳", "陈红");
	FINDS("三丰", "张三丰");           /* from a later character */
	FINDS("买买提", "阿依古丽·买买提");
	FINDS("招娣", "李招娣");            /* a former name, shown as such */
	struct got g;
	search("三丰", &g);
	assert_int_equal(g.first[0], 1);   /* the part that matched */
	assert_int_equal(g.last[0], 2);
}

static void pinyin_rules(void **state)
{
	(void)state;
	FIRST("zhangsan", "张三");
	FIRST("zhang san", "张三");
	FIRST("zs", "张三");               /* initials of the whole name first */
	FINDS("zs", "张珊");
	FINDS("zs", "张三丰");
	FIRST("zsf", "张三丰");
	FIRST("zhangsf", "张三丰");
	FINDS("zhangs", "张珊");
	FINDS("ZSF", "张三丰");
	static const char *const poly[][2] = {
		{ "shan", "单雄信" }, { "dan", "单雄信" }, { "zeng", "曾小贤" }, { "ceng", "曾小贤" },
		{ "xie", "解晓东" }, { "jie", "解晓东" }, { "ou", "区志强" }, { "qu", "区志强" },
		{ "qiu", "仇伟" }, { "chou", "仇伟" }, { "zha", "查文" }, { "cha", "查文" },
		{ "piao", "朴英" }, { "pu", "朴英" }, { "lv", "吕布" }, { "nv", "沈女英" },
		{ "lvbu", "吕布" }, { "sxx", "单雄信" }, { "ayglmmt", "阿依古丽·买买提" },
		{ "mmt", "阿依古丽·买买提" }, { "lilei", "Li Lei" }, { "li l", "Li Lei" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(poly); i++)
		FINDS(poly[i][0], poly[i][1]);
	struct got g;
	search("zhangsan", &g);
	assert_int_equal(g.tier[0], 0);
	search("zs", &g);
	assert_int_equal(g.tier[0], 2);
	assert_int_equal(g.first[0], 0);
	assert_int_equal(g.last[0], 1);
	/* One letter finds every name it can start. */
	search("z", &g);
	assert_true(found(&g, "张三") && found(&g, "曾小贤") && found(&g, "查文"));
	assert_false(found(&g, "王五"));
	/* No match, and nothing at all. */
	search("qqqq", &g);
	assert_int_equal(g.n, 0);
	search("", &g);
	assert_int_equal(g.n, 0);
}

static void digits_and_addresses(void **state)
{
	(void)state;
	struct got g;
	search("0002", &g);                 /* end of ID 110105194912310002 */
	assert_true(found(&g, "张珊"));
	search("19491231", &g);             /* the birth date part */
	assert_true(g.n >= (int)ARRAY_SIZE(people));
	search("13800001004", &g);          /* a whole mobile */
	assert_int_equal(g.n, 1);
	assert_string_equal(g.names[0], "曾小贤");
	search("65120004", &g);             /* a household's own phone */
	assert_int_equal(g.n, 1);
	search("105", &g);                  /* a room */
	assert_true(g.n >= 1);
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	reg_filter(&reg, "3-2-105", &f);   /* the address shorthand pages the list */
	assert_int_equal(f.kind, HH_ADDRESS);
	int n = 0;
	assert_int_equal(reg_count(&reg, &f, &n), DB_OK);
	assert_int_equal(n, 1);
	/* Part of a compound's name shows that compound. */
	reg_filter(&reg, "幸福", &f);
	assert_int_equal(f.kind, HH_COMPOUND);
	assert_int_equal(reg_count(&reg, &f, &n), DB_OK);
	assert_int_equal(n, (int)ARRAY_SIZE(people));
}

static void the_index_follows_edits(void **state)
{
	(void)state;
	struct got g;
	assert_int_equal(db_exec(db, "UPDATE resident SET name = '王六' WHERE name = '王五'"), DB_OK);
	search("王五", &g);
	assert_int_equal(g.n, 0);
	FIRST("wl", "王六");
	assert_int_equal(db_exec(db, "UPDATE household SET phone = '01099998888' WHERE id = 1"), DB_OK);
	search("99998888", &g);
	assert_int_equal(g.n, 1);
	assert_int_equal(db_exec(db, "DELETE FROM resident WHERE name = '王六'"), DB_OK);
	search("wl", &g);
	assert_int_equal(g.n, 0);
	/* Every term belongs to a resident or household that exists. */
	assert_int_equal(query_int(db, "SELECT count(*) FROM search_term s WHERE s.resident_id <> 0"
				       " AND NOT EXISTS (SELECT 1 FROM resident r WHERE r.id = s.resident_id)"), 0);
	char *report = NULL;
	assert_true(db_check(db, &report));
	x_free(&report);
}

/* The terms are exactly those of what is stored now, after each kind of
 * change: the triggers find a row's old terms by computing them again
 * from its old values (migration 007), and must leave none behind. */
static void no_term_outlives_its_value(void **state)
{
	(void)state;
	static const char *const edits[] = {
		"UPDATE resident SET former_name = '李来娣' WHERE name = '李秀兰'",
		"UPDATE resident SET former_name = NULL WHERE name = '李秀兰'",
		"UPDATE resident SET former_name = '李招娣', relation = '其他' WHERE name = '李秀兰'",
		"UPDATE resident SET household_id = 3 WHERE name = '李秀兰'",
		"UPDATE resident SET id_number = '110105194912310999', phone = NULL WHERE name = '张珊'",
		"UPDATE resident SET phone = '13912345678', name = '张姗' WHERE name = '张珊'",
		"UPDATE household SET phone = NULL WHERE id = 4",
		"UPDATE household SET phone = '010-6512 7777' WHERE id = 5",
		"DELETE FROM resident WHERE name = '李秀兰'",
		"DELETE FROM resident WHERE household_id = 6",
		"DELETE FROM household WHERE id = 6",
	};
	for (size_t i = 0; i < ARRAY_SIZE(edits); i++) {
		assert_int_equal(db_exec(db, edits[i]), DB_OK);
		const char *want =
			"SELECT j.value, r.household_id, r.id, r.name, r.relation, 0"
			"  FROM resident r, json_each(juwei_search_terms(r.name, r.id_number, r.phone)) j"
			" UNION SELECT j.value, r.household_id, r.id, r.former_name, r.relation, 1"
			"  FROM resident r, json_each(juwei_former_terms(r.former_name)) j"
			" UNION SELECT j.value, h.id, 0, '', '', 0 FROM household h, json_each(juwei_phone_terms(h.phone)) j";
		const char *have = "SELECT term, household_id, resident_id, name, relation, former FROM search_term";
		char *extra = x_asprintf("SELECT count(*) FROM (%s EXCEPT SELECT * FROM (%s))", have, want);
		char *missing = x_asprintf("SELECT count(*) FROM (SELECT * FROM (%s) EXCEPT %s)", want, have);
		assert_int_equal(query_int(db, extra), 0);
		assert_int_equal(query_int(db, missing), 0);
		x_free(&extra);
		x_free(&missing);
	}
	assert_true(query_int(db, "SELECT count(*) FROM search_term WHERE household_id = 5 AND resident_id = 0") > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(terms_of_a_resident),
		cmocka_unit_test(query_heads),
		cmocka_unit_test(chinese_and_traditional),
		cmocka_unit_test(pinyin_rules),
		cmocka_unit_test(digits_and_addresses),
		cmocka_unit_test(the_index_follows_edits),
		cmocka_unit_test(no_term_outlives_its_value),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
