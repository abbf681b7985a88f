/* core/searchkey.c - building the search terms of a record. */
#include "searchkey.h"

#include "pinyin.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

#define NAME_SKELETONS 16   /* polyphonic readings of a whole name */
#define PART_SKELETONS 8    /* of each later start */

struct terms {
	struct strbuf sb;
	int n;
};

static void add(struct terms *t, char kind, const char *s, size_t len)
{
	if (len == 0)
		return;
	char head[4] = { t->n++ ? ',' : '[', '"', kind };
	sb_add(&t->sb, head, 3);
	/* Runs of characters that need no escape go in whole. */
	for (size_t i = 0; i < len;) {
		size_t run = 0;
		while (i + run < len && (unsigned char)s[i + run] >= 0x20 && s[i + run] != '"' && s[i + run] != '\\')
			run++;
		sb_add(&t->sb, s + i, run);
		i += run;
		if (i < len) {
			unsigned char c = (unsigned char)s[i++];
			if (c == '"' || c == '\\') {
				char esc[2] = { '\\', (char)c };
				sb_add(&t->sb, esc, 2);
			} else {
				sb_addf(&t->sb, "\\u%04x", c);
			}
		}
	}
	sb_addc(&t->sb, '"');
}

static char *finish(struct terms *t)
{
	sb_adds(&t->sb, t->n ? "]" : "[]");
	return sb_take(&t->sb);
}

/* Folded text from each character start: kind_first for the whole,
 * kind_rest for the later starts (whole too when kind_first is 0). */
static void text_terms(struct terms *t, const char *s, char kind_first, char kind_rest)
{
	if (!s || !*s)
		return;
	char *f = text_fold(s);
	size_t len = strlen(f);
	for (size_t i = 0; i < len;) {
		if (i == 0 && kind_first)
			add(t, kind_first, f, len);
		else
			add(t, kind_rest, f + i, len - i);
		uint32_t cp;
		i += utf8_decode(f + i, len - i, &cp);
	}
	x_free(&f);
}

/* For each start: its skeletons (I/i), and each reading of its first
 * syllable followed by the skeletons of the rest (P/p). */
static void skeleton_terms(struct terms *t, const char *s, bool whole)
{
	if (!s || !*s)
		return;
	char sk[NAME_SKELETONS][PINYIN_SKEL], rest[NAME_SKELETONS][PINYIN_SKEL], rd[8][8];
	int syl = pinyin_syllable_count(s);
	for (int start = 0; start < syl; start++) {
		bool first = start == 0 && whole;
		int max = first ? NAME_SKELETONS : PART_SKELETONS;
		int n = pinyin_name_skeletons(s, start, sk, max);
		for (int i = 0; i < n; i++)
			add(t, first ? 'I' : 'i', sk[i], strlen(sk[i]));
		int nr = pinyin_syllable_readings(s, start, rd, 8);
		int nk = pinyin_name_skeletons(s, start + 1, rest, max);
		for (int r = 0; r < nr; r++) {
			char buf[8 + 1 + PINYIN_SKEL];
			if (nk == 0) {
				int len = snprintf(buf, sizeof buf, "%s|", rd[r]);
				add(t, first ? 'P' : 'p', buf, (size_t)len);
			}
			for (int i = 0; i < nk; i++) {
				int len = snprintf(buf, sizeof buf, "%s|%s", rd[r], rest[i]);
				add(t, first ? 'P' : 'p', buf, (size_t)len);
			}
		}
	}
}

/* Digits of s (and X), in order; at most size - 1. */
static size_t digits(const char *s, char *out, size_t size)
{
	size_t k = 0;
	for (; s && *s && k + 1 < size; s++)
		if ((*s >= '0' && *s <= '9') || *s == 'X' || *s == 'x')
			out[k++] = *s == 'x' ? 'X' : *s;
	out[k] = '\0';
	return k;
}

static void reversed(struct terms *t, const char *d, size_t n)
{
	char r[64];
	for (size_t i = 0; i < n && i < sizeof r; i++)
		r[i] = d[n - 1 - i];
	add(t, 'T', r, n < sizeof r ? n : sizeof r);
}

static void phone_terms(struct terms *t, const char *phone)
{
	char d[32];
	size_t n = digits(phone, d, sizeof d);
	if (n < 3)
		return;
	add(t, 'D', d, n);
	const char *dash = strrchr(phone, '-');
	if (dash) {
		char local[32];
		size_t k = digits(dash + 1, local, sizeof local);
		add(t, 'D', local, k);
	}
	reversed(t, d, n);
}

char *search_terms_former(const char *former)
{
	struct terms t = { STRBUF_INIT, 0 };
	text_terms(&t, former, 0, 'n');
	skeleton_terms(&t, former, false);
	return finish(&t);
}

char *search_terms_resident(const char *name, const char *id_number, const char *phone)
{
	struct terms t = { STRBUF_INIT, 0 };
	text_terms(&t, name, 'N', 'n');
	skeleton_terms(&t, name, true);
	char d[32];
	size_t n = digits(id_number, d, sizeof d);
	if (n >= 3) {
		add(&t, 'D', d, n);
		if (n > 6)
			add(&t, 'D', d + 6, n - 6);
		reversed(&t, d, n);
	}
	phone_terms(&t, phone);
	return finish(&t);
}

char *search_terms_phone(const char *phone)
{
	struct terms t = { STRBUF_INIT, 0 };
	phone_terms(&t, phone);
	return finish(&t);
}
