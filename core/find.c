/* core/find.c - ranked search over the search index.
 *
 * A keystroke becomes a few range scans of search_term (core/searchkey.h
 * says what the terms are), each bounded, so the cost does not grow with
 * the register.  Every candidate is then checked and ranked here:
 *
 *   0  the whole name: 张三 or zhangsan for 张三
 *   1  the start of the name in Chinese: 张 for 张三
 *   2  pinyin covering the whole name: zs, zhangs for 张三
 *   3  pinyin from the first character: zs for 张三丰
 *   4  text or pinyin from a later character: 三 or sf for 张三丰
 *   5  a former name
 *   digits: 0 the end of an ID number or phone, 1 their start or the
 *   birth date part, 2 a room number
 *
 * and within a rank by household (the order households were registered
 * in, which is mostly the order of the list).  A household appears
 * once, for the best of its members.  The index rows carry the name and
 * relation, so ranking reads nothing but the index. */
#include "register.h"

#include "db/household.h"
#include "db/search.h"
#include "pinyin.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Candidates read per query at most: enough for SEARCH_MAX households
 * of the best ranks, few enough to stay within a keystroke's budget. */
#define SCAN_MAX 3000
#define SKELETONS 32

static bool is_pinyin_query(const char *q)
{
	bool letter = false;
	for (; *q; q++) {
		if ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
			letter = true;
		else if (*q != ' ')
			return false;
	}
	return letter;
}

/* Character index of byte offset off in s. */
static int char_index(const char *s, size_t off)
{
	int k = 0;
	for (size_t i = 0; i < off; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* Rank a text query (folded) against a hit; -1 when it does not match. */
static int rank_text(const struct search_hit *h, const char *fq, int *first, int *last)
{
	char *name = text_fold(h->name);
	int tier = -1;
	const char *p = strstr(name, fq);
	if (p) {
		tier = h->former ? 5 : strcmp(name, fq) == 0 ? 0 : p == name ? 1 : 4;
		*first = char_index(name, (size_t)(p - name));
		*last = *first + (int)text_chars(fq) - 1;
	}
	x_free(&name);
	return tier;
}

static int rank_pinyin(const struct search_hit *h, const char *q, int *first, int *last)
{
	struct pinyin_match m;
	if (pinyin_match(h->name, q, &m)) {
		*first = m.first;
		*last = m.last;
		if (h->former)
			return 5;
		if (m.first == 0) {
			enum pinyin_cover c = pinyin_cover(h->name, q);
			return c == PINYIN_FULL ? 0 : c == PINYIN_WHOLE ? 2 : 3;
		}
		return 4;
	}
	/* Latin names are also matched as text (Li Lei by "li l"). */
	return rank_text(h, q, first, last);
}

static int rank_digits(const struct search_hit *h)
{
	return h->kind == 'T' ? 0 : h->kind == 'D' ? 1 : 2;
}

static int cmp_found(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	if (x->tier != y->tier)
		return x->tier - y->tier;
	return x->household_id < y->household_id ? -1 : x->household_id > y->household_id;
}

static int cmp_household(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	if (x->household_id != y->household_id)
		return x->household_id < y->household_id ? -1 : 1;
	if (x->tier != y->tier)
		return x->tier - y->tier;
	/* Of equal rank, the head speaks for the household. */
	return (strcmp(y->relation, "户主") == 0) - (strcmp(x->relation, "户主") == 0);
}

void search_result_free(struct search_result *res)
{
	for (int i = 0; i < res->n; i++) {
		x_free(&res->items[i].name);
		x_free(&res->items[i].relation);
	}
	x_free(&res->items);
	res->n = 0;
	res->more = false;
}

/* The prefixes to look up, best ranks first. */
static int prefixes(const struct hh_filter *f, const char *fq, char (*out)[256], int max)
{
	int n = 0;
	if (f->kind == HH_DIGITS) {
		size_t len = strlen(f->text);
		snprintf(out[n++], sizeof *out, "T");
		for (size_t i = 0; i < len; i++)
			out[0][1 + i] = f->text[len - 1 - i];
		out[0][1 + len] = '\0';
		snprintf(out[n++], sizeof *out, "D%.200s", f->text);
		return n;
	}
	snprintf(out[n++], sizeof *out, "N%.200s", fq);
	if (is_pinyin_query(f->text)) {
		char (*heads)[48] = x_malloc(SKELETONS * sizeof *heads);
		int k = pinyin_query_heads(f->text, heads, SKELETONS);
		for (int i = 0; i < k && n < max; i++)
			snprintf(out[n++], sizeof *out, "%.47s", heads[i]);
		/* The same from a later character: p and i. */
		for (int i = 0; i < k && n < max; i++) {
			snprintf(out[n++], sizeof *out, "%.47s", heads[i]);
			out[n - 1][0] = (char)(out[n - 1][0] - 'A' + 'a');
		}
		x_free(&heads);
	}
	if (n < max)
		snprintf(out[n++], sizeof *out, "n%.200s", fq);
	return n;
}

enum db_status reg_search(struct reg *r, const struct hh_filter *f, struct search_result *out)
{
	memset(out, 0, sizeof *out);
	if (f->kind != HH_TEXT && f->kind != HH_DIGITS)
		return DB_OK;
	char *fq = text_fold(f->text);
	char (*pre)[256] = x_malloc((2 * SKELETONS + 4) * sizeof *pre);
	int np = prefixes(f, fq, pre, 2 * SKELETONS + 4);
	struct search_hit *hits = NULL;
	int n = 0, cap = 0;
	enum db_status s = DB_OK;
	for (int i = 0; i < np && s == DB_OK && n < SCAN_MAX; i++)
		s = db_search_prefix(r->db, pre[i], SCAN_MAX - n, &hits, &n, &cap);
	if (s == DB_OK && f->kind == HH_DIGITS && n < SCAN_MAX)
		s = db_search_room(r->db, f->text, SCAN_MAX - n, &hits, &n, &cap);
	bool scanned_all = n < SCAN_MAX;
	x_free(&pre);
	if (s != DB_OK) {
		search_hits_free(&hits, &n, &cap);
		x_free(&fq);
		return s;
	}
	/* Check and rank every candidate. */
	struct found *all = x_calloc((size_t)(n > 0 ? n : 1), sizeof *all);
	int k = 0;
	bool pinyin = is_pinyin_query(f->text);
	for (int i = 0; i < n; i++) {
		struct search_hit *h = &hits[i];
		int first = -1, last = -1, tier;
		if (f->kind == HH_DIGITS)
			tier = rank_digits(h);
		else if (pinyin)
			tier = rank_pinyin(h, f->text, &first, &last);
		else
			tier = rank_text(h, fq, &first, &last);
		if (tier < 0)
			continue;
		struct found *x = &all[k++];
		x->household_id = h->household_id;
		x->resident_id = h->resident_id;
		x->tier = tier;
		x->first = first;
		x->last = last;
		x->former = h->former;
		/* Moved, not copied: each hit is used once. */
		x->name = h->name;
		x->relation = h->relation;
		h->name = h->relation = NULL;
	}
	search_hits_free(&hits, &n, &cap);
	x_free(&fq);
	/* One entry per household: its best. */
	qsort(all, (size_t)k, sizeof *all, cmp_household);
	int u = 0;
	for (int i = 0; i < k; i++) {
		if (u > 0 && all[u - 1].household_id == all[i].household_id) {
			x_free(&all[i].name);
			x_free(&all[i].relation);
			continue;
		}
		all[u++] = all[i];
	}
	qsort(all, (size_t)u, sizeof *all, cmp_found);
	out->more = !scanned_all || u > SEARCH_MAX;
	for (int i = SEARCH_MAX; i < u; i++) {
		x_free(&all[i].name);
		x_free(&all[i].relation);
	}
	out->items = all;
	out->n = u < SEARCH_MAX ? u : SEARCH_MAX;
	return DB_OK;
}

enum db_status reg_row(struct reg *r, int64_t id, struct hh_row *out)
{
	memset(out, 0, sizeof *out);
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_household_row(r->db, id, r->show_sensitive, out);
	if (s == DB_OK)
		reg_mask_row(out);
	return s;
}

enum db_status reg_rows(struct reg *r, const int64_t *ids, int n, struct hh_row *out, int *got)
{
	*got = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_household_rows(r->db, ids, n, r->show_sensitive, out, got);
	for (int i = 0; s == DB_OK && i < *got; i++)
		reg_mask_row(&out[i]);
	return s;
}
