/* core/pinyin.c - pinyin lookups, folding and matching. */
#include "pinyin.h"

#include "pinyin_table.h"
#include "text.h"
#include "xalloc.h"

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

static int syllables(const char *name, struct syl *out)
{
	int n = 0, index = 0;
	size_t len = strlen(name);
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
