/* core/text.c - UTF-8, display width, fitting and sanitising. */
#include "text.h"

#include "width_table.h"
#include "xalloc.h"

#include <string.h>

static bool ambiguous_wide;
static bool ascii_only;

/* ---- UTF-8 ---- */

static bool cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	*cp = TEXT_REPLACEMENT;
	if (len == 0)
		return 0;
	unsigned char b = s[0];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	/* The second byte's range depends on the first, which is how
	 * overlong forms, surrogates and values past U+10FFFF are kept out
	 * (Unicode table 3-7). */
	size_t n;
	unsigned char lo = 0x80, hi = 0xBF;
	uint32_t c;
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2;
		c = b & 0x1F;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3;
		c = b & 0x0F;
		if (b == 0xE0)
			lo = 0xA0;
		else if (b == 0xED)
			hi = 0x9F;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4;
		c = b & 0x07;
		if (b == 0xF0)
			lo = 0x90;
		else if (b == 0xF4)
			hi = 0x8F;
	} else {
		return 1;
	}
	if (len < n || s[1] < lo || s[1] > hi)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if (!cont(s[i]))
			return 1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return n;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = TEXT_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		/* U+FFFD itself is three bytes; a one-byte FFFD is an error. */
		if (cp == TEXT_REPLACEMENT && n == 1)
			return false;
		i += n;
	}
	return true;
}

/* ---- width ---- */

static bool in_table(uint32_t cp, const struct cp_range *t, size_t n)
{
	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return false;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return true;
	}
	return false;
}

int text_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (in_table(cp, width_zero, width_zero_count))
		return 0;
	if (in_table(cp, width_wide, width_wide_count))
		return 2;
	if (ambiguous_wide && in_table(cp, width_ambiguous, width_ambiguous_count))
		return 2;
	return 1;
}

void text_set_ambiguous_wide(bool wide)
{
	ambiguous_wide = wide;
}

bool text_ambiguous_wide(void)
{
	return ambiguous_wide;
}

int text_width_n(const char *s, size_t len)
{
	int w = 0;
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int text_width(const char *s)
{
	return s ? text_width_n(s, strlen(s)) : 0;
}

size_t text_chars(const char *s)
{
	size_t n = 0, len = s ? strlen(s) : 0, i = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		n++;
	}
	return n;
}

/* ---- sanitising ---- */

/* Bidi controls and zero-width characters: dropped, so data can neither
 * reorder what is drawn around it nor hide text. */
bool text_cp_invisible(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static char *sanitize(const char *s, size_t len, bool multiline)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	if (!s)
		return sb_take(&sb);
	if (len == (size_t)-1)
		len = strlen(s);
	static const char hex[] = "0123456789ABCDEF";
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (multiline && (cp == '\n' || cp == '\r')) {
			if (cp == '\r' && i < len && s[i] == '\n')
				i++;
			sb_addc(&sb, '\n');
		} else if (cp == '\t' || cp == 0x2028 || cp == 0x2029) {
			sb_addc(&sb, ' ');
		} else if (cp < 0x20 || cp == 0x7F) {
			char caret[2] = { '^', cp == 0x7F ? '?' : (char)(cp + 0x40) };
			sb_add(&sb, caret, 2);
		} else if (cp >= 0x80 && cp < 0xA0) {
			char c1[4] = { '<', hex[cp >> 4], hex[cp & 15], '>' };
			sb_add(&sb, c1, 4);
		} else if (!text_cp_invisible(cp)) {
			char buf[4];
			sb_add(&sb, buf, utf8_encode(cp, buf));
		}
	}
	return sb_take(&sb);
}

char *text_sanitize(const char *s, size_t len)
{
	return sanitize(s, len, false);
}

char *text_sanitize_multiline(const char *s, size_t len)
{
	return sanitize(s, len, true);
}

char *text_clean_input(const char *text, bool multiline, size_t *chars)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	size_t len = strlen(text), i = 0;
	*chars = 0;
	while (i < len) {
		uint32_t cp;
		i += utf8_decode(text + i, len - i, &cp);
		if (cp == '\r' && i < len && text[i] == '\n')
			i++;
		if (cp == '\r' || cp == '\n')
			cp = multiline ? '\n' : ' ';
		else if (cp == '\t')
			cp = ' ';
		else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || text_cp_invisible(cp))
			continue;
		char buf[4];
		sb_add(&sb, buf, utf8_encode(cp, buf));
		(*chars)++;
	}
	return sb_take(&sb);
}

/* ---- fitting ---- */

const char *text_ellipsis(void)
{
	return ascii_only ? "~" : "…";
}

void text_set_ascii(bool ascii)
{
	ascii_only = ascii;
}

size_t text_fit(const char *s, int cols, int *used, bool *cut)
{
	size_t len = s ? strlen(s) : 0;
	int total = text_width_n(s ? s : "", len);
	*used = 0;
	*cut = false;
	if (cols <= 0)
		return 0;
	if (total <= cols) {
		*used = total;
		return len;
	}
	*cut = true;
	return text_prefix(s, cols - text_width(text_ellipsis()), used);
}

size_t text_prefix(const char *s, int cols, int *used)
{
	size_t len = s ? strlen(s) : 0, i = 0;
	int w = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(s + i, len - i, &cp);
		int cw = text_cp_width(cp);
		if (w + cw > cols)
			break;
		w += cw;
		i += n;
	}
	*used = w;
	return i;
}

/* Characters a line must not start with (closing punctuation), and
 * those it must not end with (opening brackets and quotes). */
static const char no_start[] = "。，、；：！？）」』”’》〉】〕…·%),.;:!?";
static const char no_end[] = "（「『“‘《〈【〔(";

static bool is_one_of(const char *set, const char *s, size_t n)
{
	for (const char *p = set; *p;) {
		uint32_t cp;
		size_t m = utf8_decode(p, strlen(p), &cp);
		if (m == n && memcmp(p, s, n) == 0)
			return true;
		p += m ? m : 1;
	}
	return false;
}

static bool is_word_byte(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

size_t text_line_break(const char *s, int cols)
{
	int used;
	size_t n = text_prefix(s, cols, &used);
	size_t len = strlen(s);
	if (n == 0 || n >= len)
		return n;
	/* The start of the last character of the line. */
	size_t last = n - 1;
	while (last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80)
		last--;
	uint32_t cp;
	size_t next = utf8_decode(s + n, len - n, &cp);
	bool bad_start = is_one_of(no_start, s + n, next);
	bool bad_end = is_one_of(no_end, s + last, n - last);
	/* Take the last character down with it, unless it is all the line
	 * has; when that character ends a word, the whole word. */
	if ((bad_start || bad_end) && last > 0) {
		size_t start = last;
		while (is_word_byte(s[last]) && start > 0 && is_word_byte(s[start - 1]))
			start--;
		return start > 0 ? start : last;
	}
	/* A word of Latin letters and digits (an ID number, a phone, a name)
	 * is not cut: it goes down whole, unless it alone fills the line. */
	if (is_word_byte(s[n]) && is_word_byte(s[n - 1])) {
		size_t start = n;
		while (start > 0 && is_word_byte(s[start - 1]))
			start--;
		if (start > 0)
			return start;
	}
	return n;
}

char *text_pad(const char *s, int cols, enum text_align align)
{
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	if (cols <= 0)
		return sb_take(&sb);
	int used;
	bool cut;
	size_t n = text_fit(s, cols, &used, &cut);
	int ew = cut ? text_width(text_ellipsis()) : 0;
	if (used + ew > cols) /* no room even for the ellipsis */
		ew = 0;
	if (ew == 0)
		cut = false;
	int pad = cols - used - ew;
	int left = align == TEXT_RIGHT ? pad : align == TEXT_CENTER ? pad / 2 : 0;
	for (int i = 0; i < left; i++)
		sb_addc(&sb, ' ');
	sb_add(&sb, s, n);
	if (cut)
		sb_adds(&sb, text_ellipsis());
	for (int i = left; i < pad; i++)
		sb_addc(&sb, ' ');
	return sb_take(&sb);
}

size_t text_offsets(const char *s, size_t **byte_off, int **col_off)
{
	size_t len = s ? strlen(s) : 0;
	*byte_off = x_malloc((len + 1) * sizeof **byte_off);
	*col_off = x_malloc((len + 1) * sizeof **col_off);
	size_t n = 0, i = 0;
	int col = 0;
	while (i < len) {
		uint32_t cp;
		(*byte_off)[n] = i;
		(*col_off)[n] = col;
		i += utf8_decode(s + i, len - i, &cp);
		col += text_cp_width(cp);
		n++;
	}
	(*byte_off)[n] = len;
	(*col_off)[n] = col;
	return n;
}
