/* core/csv.c - a streaming RFC 4180 reader with encoding conversion. */
#include "csv.h"

#include "i18n.h"
#include "text.h"
#include "xalloc.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#define CHUNK 65536

struct csv {
	FILE *f;
	enum csv_encoding enc;
	iconv_t cd;              /* GB18030 to UTF-8, when needed */
	char raw[CHUNK + 16];    /* bytes read, not converted yet */
	size_t raw_len;
	char *buf;               /* UTF-8 ready to parse */
	size_t len, pos, cap;
	bool eof;                /* the file is read to its end */
	bool first;              /* nothing handed out yet (BOM) */
	long line;               /* the line pos is on */
	/* the current row */
	struct strbuf field;
	char **fields;
	int n, fcap;
	char *err;
	long err_line;
};

enum csv_encoding csv_detect(const char *buf, size_t len)
{
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		return CSV_UTF8;
	/* A cut at the end of the sample may split a character: allow it. */
	size_t check = len;
	for (int k = 0; k < 3 && check > 0 && ((unsigned char)buf[check - 1] & 0xC0) == 0x80; k++)
		check--;
	if (check > 0 && (unsigned char)buf[check - 1] >= 0xC0)
		check--;
	return utf8_valid(buf, check) ? CSV_UTF8 : CSV_GB18030;
}

static void fail(struct csv *c, long line, const char *msg)
{
	if (c->err)
		return;
	c->err = x_strdup(msg);
	c->err_line = line;
}

/* Read more bytes and convert them into buf; false at the end. */
static bool fill(struct csv *c)
{
	if (c->eof && c->raw_len == 0)
		return false;
	if (!c->eof && c->raw_len < CHUNK) {
		size_t got = fread(c->raw + c->raw_len, 1, CHUNK - c->raw_len, c->f);
		c->raw_len += got;
		if (got == 0)
			c->eof = true;
	}
	if (c->raw_len == 0)
		return false;
	/* Keep what is not parsed yet at the start of buf. */
	if (c->pos > 0) {
		memmove(c->buf, c->buf + c->pos, c->len - c->pos);
		c->len -= c->pos;
		c->pos = 0;
	}
	size_t need = c->len + c->raw_len * 2 + 16;
	if (need > c->cap) {
		c->cap = need * 2;
		c->buf = x_realloc(c->buf, c->cap);
	}
	if (c->enc == CSV_UTF8) {
		/* Hand on whole characters only; keep a split one for later. */
		size_t take = c->raw_len;
		if (!c->eof) {
			/* The last lead byte: is its character all here? */
			size_t k = take;
			while (k > 0 && take - k < 4 && ((unsigned char)c->raw[k - 1] & 0xC0) == 0x80)
				k--;
			unsigned char lead = k > 0 ? (unsigned char)c->raw[k - 1] : 0;
			size_t clen = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
			if (lead >= 0xC0 && k - 1 + clen > take)
				take = k - 1;
		}
		memcpy(c->buf + c->len, c->raw, take);
		c->len += take;
		memmove(c->raw, c->raw + take, c->raw_len - take);
		c->raw_len -= take;
		return true;
	}
	char *in = c->raw, *out = c->buf + c->len;
	size_t inleft = c->raw_len, outleft = c->cap - c->len;
	size_t r = iconv(c->cd, &in, &inleft, &out, &outleft);
	c->len = (size_t)(out - c->buf);
	if (r == (size_t)-1 && errno == EILSEQ) {
		/* Count the lines before the bad bytes, to say where. */
		long line = c->line;
		for (size_t i = c->pos; i < c->len; i++)
			line += c->buf[i] == '\n';
		fail(c, line, _("The file has bytes that are neither GB18030 nor UTF-8."));
		c->raw_len = 0;
		c->eof = true;
		return c->len > c->pos;
	}
	if (r == (size_t)-1 && errno == EINVAL && c->eof) {
		fail(c, c->line, _("The file ends in the middle of a character."));
		inleft = 0;
	}
	memmove(c->raw, in, inleft);
	c->raw_len = inleft;
	return true;
}

struct csv *csv_open(FILE *f, enum csv_encoding enc)
{
	struct csv *c = x_calloc(1, sizeof *c);
	c->f = f;
	c->line = 1;
	c->first = true;
	c->cd = (iconv_t)-1;
	c->raw_len = fread(c->raw, 1, CHUNK, f);
	if (c->raw_len < CHUNK)
		c->eof = true;
	c->enc = enc == CSV_AUTO ? csv_detect(c->raw, c->raw_len) : enc;
	if (c->enc == CSV_GB18030) {
		c->cd = iconv_open("UTF-8", "GB18030");
		if (c->cd == (iconv_t)-1)
			fail(c, 0, _("This system cannot convert GB18030 (iconv)."));
	}
	return c;
}

void csv_close(struct csv **pc)
{
	struct csv *c = *pc;
	if (!c)
		return;
	if (c->cd != (iconv_t)-1)
		iconv_close(c->cd);
	x_free(&c->buf);
	sb_free(&c->field);
	for (int i = 0; i < c->n; i++)
		x_free(&c->fields[i]);
	x_free(&c->fields);
	x_free(&c->err);
	x_free(pc);
}

enum csv_encoding csv_encoding_of(const struct csv *c)
{
	return c->enc;
}

const char *csv_error(const struct csv *c, long *line)
{
	if (line)
		*line = c->err_line;
	return c->err;
}

/* The next character of the text, filling as needed; -1 at the end. */
static int peek(struct csv *c)
{
	while (c->pos >= c->len)
		if (!fill(c))
			return -1;
	return (unsigned char)c->buf[c->pos];
}

static void end_field(struct csv *c)
{
	if (c->n == c->fcap) {
		c->fcap = c->fcap ? c->fcap * 2 : 16;
		c->fields = x_realloc(c->fields, (size_t)c->fcap * sizeof *c->fields);
	}
	sb_add(&c->field, "", 0);
	c->fields[c->n++] = sb_take(&c->field);
}

static bool add(struct csv *c, char ch, long line)
{
	if (c->field.len >= CSV_FIELD_MAX) {
		fail(c, line, _("A field is longer than 4 MB."));
		return false;
	}
	sb_addc(&c->field, ch);
	return true;
}

int csv_next(struct csv *c, char ***fields, int *n, long *line)
{
	for (int i = 0; i < c->n; i++)
		x_free(&c->fields[i]);
	c->n = 0;
	sb_free(&c->field);
	if (c->err)
		return -1;
	if (c->first) {
		c->first = false;
		if (peek(c) == 0xEF && c->len - c->pos >= 3 && memcmp(c->buf + c->pos, "\xEF\xBB\xBF", 3) == 0)
			c->pos += 3;
	}
	/* Blank lines between rows are skipped. */
	for (;;) {
		int ch = peek(c);
		if (ch == '\r' && c->pos + 1 <= c->len) {
			c->pos++;
			continue;
		}
		if (ch == '\n') {
			c->pos++;
			c->line++;
			continue;
		}
		if (ch < 0)
			return c->err ? -1 : 0;
		break;
	}
	long start = c->line;
	*line = start;
	bool quoted = false, was_quoted = false;
	for (;;) {
		int ch = peek(c);
		if (ch < 0) {
			if (quoted) {
				fail(c, start, _("A quoted field is not closed before the end of the file."));
				return -1;
			}
			end_field(c);
			break;
		}
		c->pos++;
		if (quoted) {
			if (ch == '"') {
				if (peek(c) == '"') {
					c->pos++;
					if (!add(c, '"', start))
						return -1;
				} else {
					quoted = false;
				}
			} else {
				if (ch == '\n')
					c->line++;
				if (!add(c, (char)ch, start))
					return -1;
			}
			continue;
		}
		if (ch == '"' && c->field.len == 0 && !was_quoted) {
			quoted = was_quoted = true;
			continue;
		}
		if (ch == ',') {
			end_field(c);
			was_quoted = false;
			continue;
		}
		if (ch == '\r' && peek(c) == '\n')
			continue;
		if (ch == '\n' || ch == '\r') {
			c->line++;
			end_field(c);
			break;
		}
		if (!add(c, (char)ch, start))
			return -1;
	}
	/* A stray BOM inside the text (files pasted together) is dropped;
	 * invalid UTF-8 (a UTF-8 file with other bytes) is an error. */
	for (int i = 0; i < c->n; i++) {
		char *f = c->fields[i];
		char *bom;
		while ((bom = strstr(f, "\xEF\xBB\xBF")))
			memmove(bom, bom + 3, strlen(bom + 3) + 1);
		if (!utf8_valid(f, strlen(f))) {
			fail(c, start, _("The file has bytes that are not UTF-8 (was it saved in another encoding?)."));
			return -1;
		}
	}
	*fields = c->fields;
	*n = c->n;
	return 1;
}

void csv_put_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}
