/* core/pinyin.c - pinyin lookups, folding and matching. */
#include "pinyin.h"

#include "pinyin_table.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *pinyin_readings(uint32_t cp)
{
	size_t lo = 0, hi = pinyin_readings_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pinyin_readings_table[mid].cp < cp)
			lo = mid + 1;
		else if (pinyin_readings_table[mid].cp > cp)
			hi = mid;
		else
			return pinyin_readings_table[mid].readings;
	}
	return NULL;
}

uint32_t hanzi_fold(uint32_t cp)
{
	size_t lo = 0, hi = pinyin_fold_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (pinyin_fold_table[mid].from < cp)
			lo = mid + 1;
		else if (pinyin_fold_table[mid].from > cp)
			hi = mid;
		else
			return pinyin_fold_table[mid].to;
	}
	return cp;
}

static uint32_t fold_cp(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	return hanzi_fold(cp);
}

char *text_fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		char buf[4];
		sb_add(&sb, buf, utf8_encode(fold_cp(cp), buf));
	}
	return sb_take(&sb);
}

/* A name as syllables: each CJK character's readings, or a Latin
 * letter standing for itself.  Other characters (·, spaces) separate. */
#define MAX_SYL 32

struct syl {
	char latin[2];         /* "a".."z" for a letter */
	const char *readings;  /* else the character's readings */
	int index;             /* character index in the name */
};

static int parse_syllables(const char *name, size_t len, struct syl *out)
{
	int n = 0, index = 0;
	for (size_t i = 0; i < len && n < MAX_SYL; index++) {
		uint32_t cp;
		i += utf8_decode(name + i, len - i, &cp);
		cp = fold_cp(cp);
		struct syl *s = &out[n];
		s->index = index;
		s->readings = NULL;
		s->latin[0] = '\0';
		if (cp >= 'a' && cp <= 'z') {
			s->latin[0] = (char)cp;
			s->latin[1] = '\0';
			n++;
		} else if ((s->readings = pinyin_readings(cp))) {
			n++;
		}
	}
	return n;
}

/* The same, for the name parsed last when it comes again: the terms of
 * one name (core/searchkey.c) ask for its syllables a dozen times, and
 * each character is two binary searches. */
static int syllables(const char *name, struct syl *out)
{
	static _Thread_local struct { char name[96]; struct syl s[MAX_SYL]; int n; } last;
	size_t len = strlen(name);
	if (len < sizeof last.name && memcmp(last.name, name, len + 1) == 0) {
		memcpy(out, last.s, (size_t)last.n * sizeof *out);
		return last.n;
	}
	int n = parse_syllables(name, len, out);
	if (len < sizeof last.name) {
		memcpy(last.name, name, len + 1);
		memcpy(last.s, out, (size_t)n * sizeof *out);
		last.n = n;
	}
	return n;
}

/* Does q (from here) spell syllables s[i..]?  *last gets the last one. */
static bool spell(const struct syl *s, int n, int i, const char *q, int *last)
{
	if (!*q)
		return true;
	if (i >= n)
		return false;
	if (s[i].latin[0]) {
		*last = i;
		return *q == s[i].latin[0] && spell(s, n, i + 1, q + 1, last);
	}
	*last = i;
	const char *r = s[i].readings;
	while (*r) {
		size_t len = strcspn(r, " ");
		size_t qlen = strlen(q);
		/* The whole reading, then on. */
		if (qlen >= len && strncmp(q, r, len) == 0 && spell(s, n, i + 1, q + len, last))
			return true;
		*last = i;
		/* The query ends inside this reading (zhangs). */
		if (qlen < len && strncmp(q, r, qlen) == 0)
			return true;
		/* The initial: one letter, or zh ch sh. */
		if (*q == *r) {
			bool two = len >= 2 && r[1] == 'h' && strchr("zcs", r[0]) && q[1] == 'h';
			if (two && spell(s, n, i + 1, q + 2, last))
				return true;
			*last = i;
			if (spell(s, n, i + 1, q + 1, last))
				return true;
		}
		*last = i;
		r += len;
		while (*r == ' ')
			r++;
	}
	return false;
}

bool pinyin_match(const char *name, const char *query, struct pinyin_match *m)
{
	char q[128];
	size_t k = 0;
	for (const char *p = query ? query : ""; *p && k + 1 < sizeof q; p++) {
		char c = *p;
		if (c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z')
			return false; /* not a pinyin query */
		q[k++] = c;
	}
	q[k] = '\0';
	if (k == 0)
		return false;
	struct syl s[MAX_SYL];
	int n = syllables(name ? name : "", s);
	for (int start = 0; start < n; start++) {
		int last = start;
		if (spell(s, n, start, q, &last)) {
			if (m) {
				m->first = s[start].index;
				m->last = s[last].index;
			}
			return true;
		}
	}
	return false;
}

/* ---- skeletons and whole-name spelling ---- */

/* Does q spell exactly s[i..n-1]: each by its whole reading (full), or
 * also by an initial or, for the last, a reading cut short? */
static bool spell_all(const struct syl *s, int n, int i, const char *q, bool full)
{
	if (i == n)
		return !*q;
	if (!*q)
		return false;
	if (s[i].latin[0])
		return *q == s[i].latin[0] && spell_all(s, n, i + 1, q + 1, full);
	for (const char *r = s[i].readings; *r;) {
		size_t len = strcspn(r, " "), qlen = strlen(q);
		if (qlen >= len && strncmp(q, r, len) == 0 && spell_all(s, n, i + 1, q + len, full))
			return true;
		if (!full) {
			if (i == n - 1 && qlen < len && strncmp(q, r, qlen) == 0)
				return true;
			if (*q == *r) {
				bool two = len >= 2 && r[1] == 'h' && strchr("zcs", r[0]) && q[1] == 'h';
				if (two && spell_all(s, n, i + 1, q + 2, full))
					return true;
				if (spell_all(s, n, i + 1, q + 1, full))
					return true;
			}
		}
		r += len;
		while (*r == ' ')
			r++;
	}
	return false;
}

/* The query's letters, lower case, spaces dropped; false when it has
 * anything else. */
static bool query_letters(const char *query, char *q, size_t size)
{
	size_t k = 0;
	for (const char *p = query ? query : ""; *p; p++) {
		char c = *p;
		if (c == ' ')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c < 'a' || c > 'z' || k + 1 >= size)
			return false;
		q[k++] = c;
	}
	q[k] = '\0';
	return k > 0;
}

enum pinyin_cover pinyin_cover(const char *name, const char *query)
{
	char q[128];
	if (!query_letters(query, q, sizeof q))
		return PINYIN_PART;
	struct syl s[MAX_SYL];
	int n = syllables(name ? name : "", s);
	if (n == 0)
		return PINYIN_PART;
	if (spell_all(s, n, 0, q, true))
		return PINYIN_FULL;
	if (spell_all(s, n, 0, q, false))
		return PINYIN_WHOLE;
	return PINYIN_PART;
}

int pinyin_syllable_count(const char *name)
{
	struct syl s[MAX_SYL];
	return syllables(name ? name : "", s);
}

/* The distinct first letters of a syllable's readings. */
static int first_letters(const struct syl *s, char *out)
{
	if (s->latin[0]) {
		out[0] = s->latin[0];
		return 1;
	}
	int n = 0;
	for (const char *r = s->readings; *r;) {
		if (!memchr(out, *r, (size_t)n))
			out[n++] = *r;
		r += strcspn(r, " ");
		while (*r == ' ')
			r++;
	}
	return n;
}

int pinyin_name_skeletons(const char *name, int start, char (*out)[PINYIN_SKEL], int max)
{
	struct syl s[MAX_SYL];
	int n = syllables(name ? name : "", s);
	if (start >= n || max <= 0)
		return 0;
	int end = n - start > PINYIN_SKEL - 1 ? start + PINYIN_SKEL - 1 : n;
	int count = 1;
	out[0][0] = '\0';
	for (int i = start; i < end; i++) {
		char letters[26] = { 0 };
		int k = first_letters(&s[i], letters);
		/* Every skeleton so far, extended by each letter (as many as fit). */
		int was = count;
		for (int c = 0; c < was; c++) {
			size_t len = (size_t)(i - start);
			for (int j = 1; j < k && count < max; j++) {
				memcpy(out[count], out[c], len);
				out[count][len] = letters[j];
				out[count][len + 1] = '\0';
				count++;
			}
			out[c][len] = letters[0];
			out[c][len + 1] = '\0';
		}
	}
	return count;
}

/* Toneless syllables, sorted, gathered once from the readings table. */
static char (*syl_set)[8];
static size_t syl_count;

static int cmp_syl(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void load_syllables(void)
{
	if (syl_set)
		return;
	size_t cap = 1024, n = 0;
	char (*set)[8] = x_malloc(cap * sizeof *set);
	for (size_t i = 0; i < pinyin_readings_count; i++) {
		for (const char *r = pinyin_readings_table[i].readings; *r;) {
			size_t len = strcspn(r, " ");
			if (len < 8) {
				if (n == cap) {
					cap *= 2;
					set = x_realloc(set, cap * sizeof *set);
				}
				memcpy(set[n], r, len);
				set[n][len] = '\0';
				n++;
			}
			r += len;
			while (*r == ' ')
				r++;
		}
		/* Keep the array small as we go: sort and drop repeats. */
		if (n + 16 >= cap || i + 1 == pinyin_readings_count) {
			qsort(set, n, sizeof *set, cmp_syl);
			size_t k = 0;
			for (size_t j = 0; j < n; j++)
				if (k == 0 || strcmp(set[k - 1], set[j]) != 0)
					memcpy(set[k++], set[j], sizeof *set);
			n = k;
		}
	}
	syl_set = set;
	syl_count = n;
}

/* Is q[0..len) a syllable (exact) or the start of one (prefix)? */
static bool syllable(const char *q, size_t len, bool prefix)
{
	char key[8];
	if (len == 0 || len >= sizeof key)
		return false;
	memcpy(key, q, len);
	key[len] = '\0';
	size_t lo = 0, hi = syl_count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(syl_set[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == syl_count)
		return false;
	return prefix ? strncmp(syl_set[lo], key, len) == 0 : strcmp(syl_set[lo], key) == 0;
}

struct skel_walk {
	char (*out)[PINYIN_SKEL];
	int n, max;
	bool overflow;   /* some readings were not followed */
	int steps;       /* calls so far: the walk is bounded */
	char cur[PINYIN_SKEL];
};

static void add_skeleton(struct skel_walk *w, int len)
{
	w->cur[len] = '\0';
	for (int i = 0; i < w->n; i++)
		if (strcmp(w->out[i], w->cur) == 0)
			return;
	if (w->n < w->max)
		memcpy(w->out[w->n++], w->cur, (size_t)len + 1);
	else
		w->overflow = true;
}

static void walk(struct skel_walk *w, const char *q, int depth)
{
	if (!*q) {
		add_skeleton(w, depth);
		return;
	}
	if (depth >= PINYIN_SKEL - 1 || w->n >= w->max || ++w->steps > 20000) {
		w->overflow = true;
		return;
	}
	w->cur[depth] = *q;
	size_t rest = strlen(q);
	/* The rest is a syllable cut short: the run ends here. */
	if (syllable(q, rest, true)) {
		add_skeleton(w, depth + 1);
	}
	/* An initial: one letter, or zh ch sh. */
	walk(w, q + 1, depth + 1);
	if (q[1] == 'h' && strchr("zcs", q[0]))
		walk(w, q + 2, depth + 1);
	/* A whole syllable. */
	for (size_t len = 2; len <= rest && len < 8; len++)
		if (syllable(q, len, false))
			walk(w, q + len, depth + 1);
}

static int cmp_len(const void *a, const void *b)
{
	size_t la = strlen(a), lb = strlen(b);
	return la < lb ? -1 : la > lb ? 1 : strcmp(a, b);
}

int pinyin_query_skeletons(const char *query, char (*out)[PINYIN_SKEL], int max)
{
	char q[128];
	if (!query_letters(query, q, sizeof q) || max <= 0)
		return 0;
	load_syllables();
	/* Gather generously, then keep the shortest that cover the rest. */
	char (*all)[PINYIN_SKEL] = x_malloc(256 * sizeof *all);
	struct skel_walk w = { all, 0, 256, false, 0, { 0 } };
	walk(&w, q, 0);
	if (w.overflow) {
		/* Too many ways to read it: its first letter covers them all. */
		out[0][0] = q[0];
		out[0][1] = '\0';
		x_free(&all);
		return 1;
	}
	qsort(all, (size_t)w.n, sizeof *all, cmp_len);
	int n = 0;
	for (int i = 0; i < w.n; i++) {
		bool covered = false;
		for (int j = 0; j < n && !covered; j++)
			covered = strncmp(all[i], out[j], strlen(out[j])) == 0;
		if (!covered) {
			if (n == max) {
				/* Too many ways to read it: fall back to its first
				 * letter alone, which covers every one of them. */
				out[0][0] = q[0];
				out[0][1] = '\0';
				n = 1;
				break;
			}
			memcpy(out[n++], all[i], sizeof *all);
		}
	}
	x_free(&all);
	return n;
}

int pinyin_syllable_readings(const char *name, int index, char (*out)[8], int max)
{
	struct syl s[MAX_SYL];
	int n = syllables(name ? name : "", s);
	if (index < 0 || index >= n || max <= 0)
		return 0;
	if (s[index].latin[0]) {
		memcpy(out[0], s[index].latin, 2);
		return 1;
	}
	int k = 0;
	for (const char *r = s[index].readings; *r && k < max;) {
		size_t len = strcspn(r, " ");
		if (len < 8) {
			memcpy(out[k], r, len);
			out[k][len] = '\0';
			bool seen = false;
			for (int i = 0; i < k && !seen; i++)
				seen = strcmp(out[i], out[k]) == 0;
			if (!seen)
				k++;
		}
		r += len;
		while (*r == ' ')
			r++;
	}
	return k;
}

static int cmp_len48(const void *a, const void *b)
{
	size_t la = strlen(a), lb = strlen(b);
	return la < lb ? -1 : la > lb ? 1 : strcmp(a, b);
}

int pinyin_query_heads(const char *query, char (*out)[48], int max)
{
	char q[128];
	if (!query_letters(query, q, sizeof q) || max <= 0)
		return 0;
	load_syllables();
	int cap = 512, n = 0;
	char (*all)[48] = x_malloc((size_t)cap * sizeof *all);
	char (*sk)[PINYIN_SKEL] = x_malloc(64 * sizeof *sk);
	size_t qlen = strlen(q);
	/* All of it one reading cut short. */
	if (qlen < 8 && syllable(q, qlen, true))
		snprintf(all[n++], sizeof *all, "P%.7s", q);
	/* A whole reading first, then whatever the rest can be. */
	for (size_t len = 1; len <= qlen && len < 8 && n < cap; len++) {
		if (!syllable(q, len, false))
			continue;
		if (len == qlen) {
			snprintf(all[n++], sizeof *all, "P%.*s|", (int)len, q);
			continue;
		}
		int k = pinyin_query_skeletons(q + len, sk, 64);
		for (int i = 0; i < k && n < cap; i++)
			snprintf(all[n++], sizeof *all, "P%.*s|%.23s", (int)len, q, sk[i]);
	}
	/* An initial first (one letter, or zh ch sh), then the rest. */
	for (size_t len = 1; len <= 2 && len <= qlen; len++) {
		if (len == 2 && !(q[1] == 'h' && strchr("zcs", q[0])))
			break;
		if (len == qlen) {
			snprintf(all[n++], sizeof *all, "I%c", q[0]);
			continue;
		}
		int k = pinyin_query_skeletons(q + len, sk, 64);
		for (int i = 0; i < k && n < cap; i++)
			snprintf(all[n++], sizeof *all, "I%c%.22s", q[0], sk[i]);
	}
	x_free(&sk);
	qsort(all, (size_t)n, sizeof *all, cmp_len48);
	int m = 0;
	for (int i = 0; i < n; i++) {
		bool covered = false;
		for (int j = 0; j < m && !covered; j++)
			covered = strncmp(all[i], out[j], strlen(out[j])) == 0;
		if (covered)
			continue;
		if (m == max) {
			/* Too many: the first letter alone covers them all. */
			snprintf(out[0], sizeof *out, "I%c", q[0]);
			m = 1;
			break;
		}
		memcpy(out[m++], all[i], sizeof *all);
	}
	x_free(&all);
	return m;
}
