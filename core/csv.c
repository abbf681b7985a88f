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
	/* the current row: its fields one after another in row, each ended
	 * by a NUL and starting at start[i]; cur where the open one starts */
	struct strbuf row;
	size_t *start, cur;
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

/* A read that failed (a disk or a network share, not the end of the
 * file) ends the file with an error: what was read before it must not
 * pass for the whole file. */
static void read_failed(struct csv *c)
{
	if (!ferror(c->f))
		return;
	char *msg = x_asprintf(_("The file could not be read to its end (%s)."), strerror(errno));
	fail(c, c->line, msg);
	x_free(&msg);
	c->eof = true;
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
		read_failed(c);
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
	read_failed(c);
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
	sb_free(&c->row);
	x_free(&c->start);
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
		c->start = x_realloc(c->start, (size_t)c->fcap * sizeof *c->start);
	}
	c->start[c->n++] = c->cur;
	sb_add(&c->row, "", 1);
	c->cur = c->row.len;
}

/* Add len bytes to the open field. */
static bool add(struct csv *c, const char *s, size_t len, long line)
{
	sb_add(&c->row, s, len);
	if (c->row.len - c->cur > CSV_FIELD_MAX) {
		fail(c, line, _("A field is longer than 4 MB."));
		return false;
	}
	return true;
}

/* How many bytes from the parse position, in what is converted, are
 * plain text of a field: quoted, up to a quote or a line break;
 * unquoted, up to a comma, a quote or a line break too. */
static size_t plain_run(const struct csv *c, bool quoted)
{
	size_t i = c->pos;
	if (quoted)
		while (i < c->len && c->buf[i] != '"' && c->buf[i] != '\n')
			i++;
	else
		while (i < c->len && c->buf[i] != ',' && c->buf[i] != '"' && c->buf[i] != '\n' && c->buf[i] != '\r')
			i++;
	return i - c->pos;
}

int csv_next(struct csv *c, char ***fields, int *n, long *line)
{
	c->n = 0;
	c->row.len = c->cur = 0;
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
		size_t run = plain_run(c, quoted);
		if (run) {
			if (!add(c, c->buf + c->pos, run, start))
				return -1;
			c->pos += run;
			continue;
		}
		c->pos++;
		if (quoted) {
			if (ch == '"') {
				if (peek(c) == '"') {
					c->pos++;
					if (!add(c, "\"", 1, start))
						return -1;
				} else {
					quoted = false;
				}
			} else {
				c->line++; /* the line break, the only other stop of a quoted run */
				if (!add(c, "\n", 1, start))
					return -1;
			}
			continue;
		}
		if (ch == '"' && c->row.len == c->cur && !was_quoted) {
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
		char lit = (char)ch; /* a quote inside an unquoted field */
		if (!add(c, &lit, 1, start))
			return -1;
	}
	for (int i = 0; i < c->n; i++)
		c->fields[i] = c->row.buf + c->start[i];
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

char *cell_defuse(const char *s)
{
	if (s[0] && strchr("=+-@\t\r", s[0]))
		return x_asprintf("'%s", s);
	size_t n = strspn(s, "0123456789");
	if (s[n] == '\0' && (n >= 12 || (n > 1 && s[0] == '0')))
		return x_asprintf("\t%s", s);
	return x_strdup(s);
}

void cell_restore(char *s)
{
	static const char *const blanks[] = { " ", "\t", "\xE3\x80\x80", "\xC2\xA0" };
	char *p = s;
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < ARRAY_SIZE(blanks); i++)
			if (strncmp(p, blanks[i], strlen(blanks[i])) == 0) {
				p += strlen(blanks[i]);
				more = true;
			}
	}
	size_t n = strlen(p);
	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < ARRAY_SIZE(blanks); i++) {
			size_t k = strlen(blanks[i]);
			if (n >= k && memcmp(p + n - k, blanks[i], k) == 0) {
				n -= k;
				more = true;
			}
		}
	}
	if (n >= 2 && p[0] == '\'' && strchr("=+-@", p[1])) {
		p++;
		n--;
	}
	memmove(s, p, n);
	s[n] = '\0';
}

struct csv_writer {
	FILE *out;
	iconv_t cd;          /* to GB18030, or (iconv_t)-1 for UTF-8 */
	struct strbuf line;
	char *conv;          /* the line in GB18030 */
	size_t conv_cap;
	bool failed;
};

struct csv_writer *csv_writer_open(FILE *out, enum csv_encoding enc)
{
	struct csv_writer *w = x_calloc(1, sizeof *w);
	w->out = out;
	w->cd = (iconv_t)-1;
	if (enc == CSV_UTF8) {
		w->failed = fputs("\xEF\xBB\xBF", out) == EOF;
	} else if ((w->cd = iconv_open("GB18030", "UTF-8")) == (iconv_t)-1) {
		x_free(&w);
		return NULL;
	}
	return w;
}

/* Append a cell to sb as CSV, quoted when it needs to be. */
static void add_field(struct strbuf *sb, const char *s)
{
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ' && (!*s || s[strlen(s) - 1] != ' ')) {
		sb_adds(sb, s);
		return;
	}
	sb_addc(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(sb, '"');
		sb_addc(sb, *s);
	}
	sb_addc(sb, '"');
}

void csv_writer_row(struct csv_writer *w, const char *const *cells, int n)
{
	struct strbuf *l = &w->line;
	l->len = 0;
	sb_adds(l, "");
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(l, ',');
		char *cell = cell_defuse(cells[i] ? cells[i] : "");
		add_field(l, cell);
		x_free(&cell);
	}
	sb_adds(l, "\r\n");
	if (w->cd == (iconv_t)-1) {
		w->failed |= fwrite(l->buf, 1, l->len, w->out) != l->len;
		return;
	}
	/* GB18030 covers all of Unicode: nothing valid is lost. */
	size_t room = l->len * 2 + 8;
	if (room > w->conv_cap) {
		w->conv_cap = room;
		w->conv = x_realloc(w->conv, room);
	}
	char *in = l->buf, *o = w->conv;
	size_t inleft = l->len, outleft = room;
	while (inleft > 0 && iconv(w->cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
		if (errno != EILSEQ) {
			w->failed = true; /* never a row cut short without a word */
			return;
		}
		uint32_t cp;
		size_t k = utf8_decode(in, inleft, &cp);
		in += k;
		inleft -= k;
		*o++ = '?';
		outleft--;
	}
	size_t len = (size_t)(o - w->conv);
	w->failed |= fwrite(w->conv, 1, len, w->out) != len;
}

bool csv_writer_close(struct csv_writer **pw)
{
	struct csv_writer *w = *pw;
	if (!w)
		return true;
	bool ok = !w->failed && fflush(w->out) == 0;
	if (w->cd != (iconv_t)-1)
		iconv_close(w->cd);
	sb_free(&w->line);
	x_free(&w->conv);
	x_free(pw);
	return ok;
}
