/* core/search.c - parse the household search string. */
#include "search.h"

#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* Copy s, folding full-width ASCII forms (U+FF01..U+FF5E) and the
 * ideographic space to ASCII, and dash-like characters to '-', and
 * trimming spaces at both ends.  Chinese input methods often leave
 * full-width mode on. */
static char *fold(const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(s + i, len - i, &cp);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		else if (cp == 0x2014 || cp == 0x2013 || cp == 0x2212 || cp == 0x2010)
			cp = '-';
		char buf[4];
		sb_add(&sb, buf, utf8_encode(cp, buf));
	}
	char *r = sb_take(&sb);
	char *start = r;
	while (*start == ' ')
		start++;
	size_t n = strlen(start);
	while (n && start[n - 1] == ' ')
		n--;
	memmove(r, start, n);
	r[n] = '\0';
	return r;
}

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* "3-2-501" → parts; true when s is 2 or 3 alphanumeric parts joined by
 * '-', the last of which may be empty ("3-" is building 3). */
static bool parse_address(const char *s, struct hh_filter *f)
{
	char *parts[3] = { f->building, f->unit, f->room };
	int n = 0;
	size_t len = 0;
	const char *p = s;
	if (!strchr(s, '-'))
		return false;
	for (;;) {
		if (is_alnum(*p)) {
			if (len + 1 >= sizeof f->building)
				return false;
			parts[n][len++] = *p++;
			continue;
		}
		parts[n][len] = '\0';
		if (*p == '\0')
			break;
		if (*p != '-' || n == 2 || len == 0)
			return false;
		n++;
		len = 0;
		p++;
	}
	return f->building[0] != '\0';
}

void search_parse(const char *input, struct hh_filter *f)
{
	bool sens = f->show_sensitive;
	memset(f, 0, sizeof *f);
	f->show_sensitive = sens;
	char *s = fold(input ? input : "");
	size_t n = strlen(s);
	if (n == 0) {
		f->kind = HH_ALL;
	} else if (parse_address(s, f)) {
		f->kind = HH_ADDRESS;
	} else {
		memset(f->building, 0, sizeof f->building);
		memset(f->unit, 0, sizeof f->unit);
		memset(f->room, 0, sizeof f->room);
		size_t digits = strspn(s, "0123456789");
		bool x = digits + 1 == n && (s[digits] == 'x' || s[digits] == 'X');
		if (n >= 3 && n < sizeof f->text && (digits == n || x)) {
			f->kind = HH_DIGITS;
			if (x)
				s[digits] = 'X';
		} else {
			f->kind = HH_TEXT;
		}
		/* Keep whole characters only when the input is too long. */
		size_t keep = n;
		if (keep >= sizeof f->text) {
			keep = sizeof f->text - 1;
			while (keep > 0 && ((unsigned char)s[keep] & 0xC0) == 0x80)
				keep--;
		}
		memcpy(f->text, s, keep);
		f->text[keep] = '\0';
	}
	x_free(&s);
}
