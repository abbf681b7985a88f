/* tools/bench/bench.c - speed figures of the register queries on a
 * database (make bench runs it on a 50,000-household demo).  It prints
 * what it measured; nothing here passes or fails. */
#include "core/register.h"
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

/* One search as the list does it on a keystroke: count + first page. */
static void bench_search(struct reg *r, const char *input)
{
	double t[RUNS];
	int total = 0;
	for (int i = 0; i < RUNS; i++) {
		struct hh_filter f;
		memset(&f, 0, sizeof f);
		struct hh_row rows[PAGE];
		int n;
		struct hh_key from = { NULL, 0 };
		double t0 = now_ms();
		reg_filter(r, input, &f);
		reg_count(r, &f, &total);
		reg_page(r, &f, &from, 1, false, PAGE, rows, &n);
		t[i] = now_ms() - t0;
		free_rows(rows, n);
	}
	char what[96];
	snprintf(what, sizeof what, "search \"%s\" (%d found)", input, total);
	report(what, t, RUNS);
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

	const char *searches[] = { "王", "欧阳", "买买提", "3-2-501", "3-2", "002X", "1234", "13812" };
	for (size_t i = 0; i < ARRAY_SIZE(searches); i++)
		bench_search(&r, searches[i]);
	db_close(&db);
	return 0;
}
