/* tools/bench/bench.c - speed figures of the register queries on a
 * database (make bench runs it on a 50,000-household demo).  It prints
 * what it measured; nothing here passes or fails. */
#include "core/register.h"
#include "core/visit.h"
#include "core/date.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "db/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PAGE 20
#define RUNS 40

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp);
	char *label = text_pad(what, 36, TEXT_LEFT); /* printf pads bytes, not columns */
	printf("  %s p50 %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", label,
	       t[n / 2], t[(n * 95) / 100], t[n - 1]);
	x_free(&label);
}

static void free_rows(struct hh_row *rows, int n)
{
	for (int i = 0; i < n; i++)
		hh_row_free(&rows[i]);
}

/* One keystroke of a search as the list does it: the filter, then the
 * ranked results and their first page, or the count and first page of
 * an address or compound. */
static double keystroke(struct reg *r, const char *input, int *total)
{
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	struct hh_row rows[PAGE];
	int n = 0;
	double t0 = now_ms();
	reg_filter(r, input, &f);
	if (f.kind == HH_TEXT || f.kind == HH_DIGITS) {
		struct search_result res;
		int64_t ids[PAGE];
		reg_search(r, &f, &res);
		int k = res.n < PAGE ? res.n : PAGE;
		for (int i = 0; i < k; i++)
			ids[i] = res.items[i].household_id;
		reg_rows(r, ids, k, rows, &n);
		*total = res.n;
		search_result_free(&res);
	} else {
		struct hh_key from = { NULL, 0 };
		reg_count(r, &f, total);
		reg_page(r, &f, &from, 1, false, PAGE, rows, &n);
	}
	double t = now_ms() - t0;
	free_rows(rows, n);
	return t;
}

/* Type each query a character at a time, as a clerk does; every
 * keystroke counts.  Prints each query's figures and all of them. */
static void bench_typing(struct reg *r)
{
	static const char *queries[] = {
		"zhangsan", "zs", "zsf", "wangfang", "lv", "shan", "ouyang", "zengxx", "liu",
		"张三", "張", "欧阳", "买买提", "刘", "3-2-501", "002X", "13812", "1949",
	};
	enum { REPEAT = 5 };
	double *all = x_malloc(4096 * sizeof *all);
	int nall = 0, total = 0;
	keystroke(r, "zs", &total); /* the first pinyin query loads the syllable list once */
	for (size_t q = 0; q < ARRAY_SIZE(queries); q++) {
		double t[256];
		int nt = 0;
		const char *s = queries[q];
		size_t len = strlen(s);
		for (size_t end = 1; end <= len; end++) {
			if (((unsigned char)s[end - 1] & 0xC0) == 0x80 && end < len &&
			    ((unsigned char)s[end] & 0xC0) == 0x80)
				continue; /* inside a character */
			if (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
				continue;
			char prefix[64];
			snprintf(prefix, sizeof prefix, "%.*s", (int)end, s);
			for (int k = 0; k < REPEAT && nt < 256; k++) {
				t[nt] = keystroke(r, prefix, &total);
				if (nall < 4096)
					all[nall++] = t[nt];
				nt++;
			}
		}
		char what[96];
		snprintf(what, sizeof what, "typing \"%s\" (%d%s found)", s, total,
			 total >= SEARCH_MAX ? "+" : "");
		report(what, t, nt);
	}
	report("every keystroke above", all, nall);
	x_free(&all);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench DB\n");
		return 2;
	}
	struct db *db = NULL;
	if (db_open(argv[1], "bench", 0, &db, NULL) != DB_OK) {
		fprintf(stderr, "bench: cannot open %s\n", argv[1]);
		return 1;
	}
	struct reg r;
	reg_init(&r, db);
	struct hh_filter all;
	memset(&all, 0, sizeof all);
	int total = 0;
	reg_count(&r, &all, &total);
	printf("register queries on %s (%d households), %d runs each:\n", argv[1], total, RUNS);

	double t[RUNS];
	struct hh_row rows[PAGE];
	int n;
	for (int i = 0; i < RUNS; i++) {
		struct hh_key from = { NULL, 0 };
		double t0 = now_ms();
		reg_page(&r, &all, &from, 1, false, PAGE, rows, &n);
		t[i] = now_ms() - t0;
		free_rows(rows, n);
	}
	report("first page of the list", t, RUNS);

	/* Page down through the list, as PgDn does. */
	struct hh_key at = { NULL, 0 };
	double pg[200];
	int pages = 0;
	for (; pages < 200; pages++) {
		double t0 = now_ms();
		reg_page(&r, &all, &at, 1, false, PAGE, rows, &n);
		pg[pages] = now_ms() - t0;
		if (n == 0)
			break;
		hh_key_copy(&at, &rows[n - 1].key);
		free_rows(rows, n);
	}
	hh_key_free(&at);
	report("next page (PgDn)", pg, pages);

	for (int i = 0; i < RUNS; i++) {
		struct hh_key end = { NULL, 0 };
		double t0 = now_ms();
		reg_page(&r, &all, &end, -1, false, PAGE, rows, &n);
		t[i] = now_ms() - t0;
		free_rows(rows, n);
	}
	report("last page (End)", t, RUNS);

	for (int i = 0; i < RUNS; i++) {
		struct household h;
		double t0 = now_ms();
		reg_household(&r, 1 + (i * 997) % (total ? total : 1), &h);
		t[i] = now_ms() - t0;
		household_free(&h);
	}
	report("household detail", t, RUNS);

	bench_typing(&r);

	/* Today: the three lists (100 rows each) and their counts. */
	char today[11];
	date_today(today);
	struct today td;
	for (int i = 0; i < RUNS; i++) {
		double t0 = now_ms();
		reg_today(&r, today, 0, 0, 100, &td);
		t[i] = now_ms() - t0;
		if (i < RUNS - 1)
			today_free(&td);
	}
	char what[96];
	snprintf(what, sizeof what, "Today (%d overdue)", td.all_overdue);
	today_free(&td);
	report(what, t, RUNS);

	/* Saving a visit, with its triggers (the due date of the
	 * household); the visits are deleted again afterwards. */
	int64_t saved[RUNS];
	for (int i = 0; i < RUNS; i++) {
		struct visit_rec v;
		visit_rec_init(&v);
		v.household_id = 1 + (i * 997) % (total ? total : 1);
		v.staff_id = 1;
		v.method_id = 1;
		v.purpose_id = 1;
		x_free(&v.visit_date);
		v.visit_date = x_strdup(today);
		double t0 = now_ms();
		reg_visit_save(&r, &v);
		t[i] = now_ms() - t0;
		saved[i] = v.id;
		visit_rec_free(&v);
	}
	report("saving a visit", t, RUNS);
	for (int i = 0; i < RUNS; i++)
		reg_visit_delete(&r, saved[i], 1);
	reg_free(&r);
	db_close(&db);
	return 0;
}
