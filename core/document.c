/* core/document.c - documents as blocks, written as text or HTML. */
#include "document.h"

#include "text.h"
#include "xalloc.h"

#include <string.h>

enum block_kind { B_SUBTITLE, B_HEADING, B_PARA, B_FIELD, B_TABLE, B_SIGN, B_RIGHT };

struct block {
	enum block_kind kind;
	char *a, *b;     /* text; a field's label and value; a sign's label */
	bool dated;      /* B_SIGN */
	int ncols;       /* B_TABLE: cells are rows * ncols, the header first */
	char **cells;
	int nrows;
};

struct doc {
	char *title;
	struct block *b;
	int n, cap;
};

/* Every text of a document is kept sanitised (line breaks kept). */
static char *clean(const char *s)
{
	return text_sanitize_multiline(s ? s : "", (size_t)-1);
}

struct doc *doc_new(const char *title)
{
	struct doc *d = x_calloc(1, sizeof *d);
	d->title = clean(title);
	return d;
}

void doc_free(struct doc **pd)
{
	struct doc *d = *pd;
	if (!d)
		return;
	for (int i = 0; i < d->n; i++) {
		struct block *b = &d->b[i];
		x_free(&b->a);
		x_free(&b->b);
		for (int k = 0; b->cells && k < (b->nrows + 1) * b->ncols; k++)
			x_free(&b->cells[k]);
		x_free(&b->cells);
	}
	x_free(&d->b);
	x_free(&d->title);
	x_free(pd);
}

static struct block *add(struct doc *d, enum block_kind kind, const char *a, const char *b)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->b = x_realloc(d->b, (size_t)d->cap * sizeof *d->b);
	}
	struct block *bl = &d->b[d->n++];
	memset(bl, 0, sizeof *bl);
	bl->kind = kind;
	bl->a = clean(a);
	bl->b = b ? clean(b) : NULL;
	return bl;
}

void doc_subtitle(struct doc *d, const char *text) { add(d, B_SUBTITLE, text, NULL); }
void doc_heading(struct doc *d, const char *text) { add(d, B_HEADING, text, NULL); }
void doc_para(struct doc *d, const char *text) { add(d, B_PARA, text, NULL); }
void doc_field(struct doc *d, const char *label, const char *value) { add(d, B_FIELD, label, value); }
void doc_right(struct doc *d, const char *text) { add(d, B_RIGHT, text, NULL); }

void doc_sign(struct doc *d, const char *label, bool dated)
{
	add(d, B_SIGN, label, NULL)->dated = dated;
}

void doc_table(struct doc *d, int ncols, const char *const *head)
{
	struct block *b = add(d, B_TABLE, "", NULL);
	b->ncols = ncols;
	b->cells = x_calloc((size_t)ncols, sizeof *b->cells);
	for (int i = 0; i < ncols; i++)
		b->cells[i] = text_sanitize(head[i], (size_t)-1);
}

void doc_row(struct doc *d, const char *const *cells)
{
	struct block *b = d->n ? &d->b[d->n - 1] : NULL;
	if (!b || b->kind != B_TABLE)
		return;
	b->nrows++;
	b->cells = x_realloc(b->cells, (size_t)((b->nrows + 1) * b->ncols) * sizeof *b->cells);
	for (int i = 0; i < b->ncols; i++)
		b->cells[b->nrows * b->ncols + i] = text_sanitize(cells[i], (size_t)-1);
}

/* ---- text ---- */

/* text wrapped into lines of width columns, each prefixed by indent
 * (the first by first); line breaks of the text kept. */
static void wrap(struct strbuf *sb, const char *first, const char *indent, const char *text, int width)
{
	int lead = text_width(first);
	const char *p = text;
	bool firstline = true;
	do {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = x_strndup(p, len);
		const char *q = para;
		do {
			size_t n = text_line_break(q, width - lead > 2 ? width - lead : 2);
			if (n == 0 && *q)
				n = strlen(q);
			sb_adds(sb, firstline ? first : indent);
			size_t keep = n;
			while (keep && q[keep - 1] == ' ')
				keep--; /* a line broken at a space ends before it */
			sb_add(sb, q, keep);
			sb_addc(sb, '\n');
			firstline = false;
			q += n;
		} while (*q);
		x_free(&para);
		p += len + (nl ? 1 : 0);
	} while (*p);
}

static void line_aligned(struct strbuf *sb, const char *s, int width, enum text_align align)
{
	char *t = text_pad(s, width, align);
	/* No trailing spaces: a printout's lines end where their text does. */
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	sb_add(sb, t, n);
	sb_addc(sb, '\n');
	x_free(&t);
}

static void text_table(struct strbuf *sb, const struct block *b, int width)
{
	int nc = b->ncols, w[16] = { 0 };
	if (nc > 16)
		nc = 16;
	for (int r = 0; r <= b->nrows; r++)
		for (int c = 0; c < nc; c++) {
			int cw = text_width(b->cells[r * b->ncols + c]);
			if (cw > w[c])
				w[c] = cw;
		}
	/* Too wide: the widest column gives way, a column at a time. */
	for (;;) {
		int total = 2 * (nc - 1);
		int widest = 0;
		for (int c = 0; c < nc; c++) {
			total += w[c];
			if (w[c] > w[widest])
				widest = c;
		}
		if (total <= width || w[widest] <= 4)
			break;
		w[widest] -= total - width < w[widest] - 4 ? total - width : w[widest] - 4;
	}
	for (int r = 0; r <= b->nrows; r++) {
		struct strbuf line = STRBUF_INIT;
		for (int c = 0; c < nc; c++) {
			char *cell = text_pad(b->cells[r * b->ncols + c], w[c], TEXT_LEFT);
			sb_adds(&line, cell);
			if (c < nc - 1)
				sb_adds(&line, "  ");
			x_free(&cell);
		}
		size_t n = line.len;
		while (n && line.buf[n - 1] == ' ')
			n--;
		sb_add(sb, line.buf, n);
		sb_addc(sb, '\n');
		if (r == 0) {
			int total = 2 * (nc - 1);
			for (int c = 0; c < nc; c++)
				total += w[c];
			for (int i = 0; i < total; i++)
				sb_addc(sb, '-');
			sb_addc(sb, '\n');
		}
		sb_free(&line);
	}
}

char *doc_text(const struct doc *d, int width)
{
	struct strbuf sb = STRBUF_INIT;
	line_aligned(&sb, d->title, width, TEXT_CENTER);
	sb_addc(&sb, '\n');
	for (int i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		switch (b->kind) {
		case B_SUBTITLE:
		case B_RIGHT:
			if (b->kind == B_RIGHT)
				sb_addc(&sb, '\n');
			line_aligned(&sb, b->a, width, TEXT_RIGHT);
			break;
		case B_HEADING:
			sb_addc(&sb, '\n');
			sb_adds(&sb, b->a);
			sb_addc(&sb, '\n');
			break;
		case B_PARA:
			wrap(&sb, "", "", b->a, width);
			break;
		case B_FIELD: {
			/* The labels of this run of fields share the widest one's width. */
			int lw = 0;
			int first = i;
			while (first > 0 && d->b[first - 1].kind == B_FIELD)
				first--;
			for (int k = first; k < d->n && d->b[k].kind == B_FIELD; k++) {
				int w = text_width(d->b[k].a);
				if (w > lw)
					lw = w;
			}
			char *label = text_pad(b->a, lw, TEXT_LEFT);
			char *lead = x_asprintf("%s：", label);
			char *indent = text_pad("", lw + 2, TEXT_LEFT);
			if (*b->b) {
				wrap(&sb, lead, indent, b->b, width);
			} else { /* an empty value: the label alone, no trailing space */
				sb_adds(&sb, lead);
				sb_addc(&sb, '\n');
			}
			x_free(&label);
			x_free(&lead);
			x_free(&indent);
			break;
		}
		case B_TABLE:
			text_table(&sb, b, width);
			break;
		case B_SIGN:
			sb_addc(&sb, '\n');
		{
			char *line = x_asprintf("%s：________________", b->a);
			const char *date = "    ____年__月__日";
			/* A long name pushes the date onto a line of its own. */
			if (b->dated && text_width(line) + text_width(date) > width) {
				wrap(&sb, "", "", line, width);
				line_aligned(&sb, date, width, TEXT_RIGHT);
			} else {
				wrap(&sb, "", "", line, width);
				if (b->dated) { /* on the same line */
					sb.len--;
					sb.buf[sb.len] = '\0';
					sb_addf(&sb, "%s\n", date);
				}
			}
			x_free(&line);
		}
			break;
		}
	}
	return sb_take(&sb);
}

/* ---- HTML ---- */

static void esc(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': sb_adds(sb, "&amp;"); break;
		case '<': sb_adds(sb, "&lt;"); break;
		case '>': sb_adds(sb, "&gt;"); break;
		case '"': sb_adds(sb, "&quot;"); break;
		case '\'': sb_adds(sb, "&#39;"); break;
		case '\n': sb_adds(sb, "<br>"); break;
		default: sb_addc(sb, *s);
		}
	}
}

static const char style[] =
	"@page { size: A4; margin: 20mm 18mm; }\n"
	"body { font-family: \"SimSun\", \"宋体\", \"Songti SC\", \"Noto Serif CJK SC\", \"Source Han Serif SC\","
	" \"Noto Sans CJK SC\", \"Microsoft YaHei\", serif; font-size: 12pt; line-height: 1.8; margin: 0 auto;"
	" max-width: 174mm; }\n"
	"h1 { text-align: center; font-size: 18pt; letter-spacing: 0.2em; margin: 0 0 6pt; }\n"
	"h2 { font-size: 13pt; margin: 12pt 0 4pt; }\n"
	".sub, .right { text-align: right; }\n"
	".right { margin-top: 18pt; }\n"
	"table { border-collapse: collapse; width: 100%; }\n"
	"th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }\n"
	"table.fields td { border: none; padding: 1pt 4pt 1pt 0; }\n"
	"table.fields td.label { white-space: nowrap; width: 1%; }\n"
	".sign { margin-top: 18pt; }\n"
	"@media print { body { max-width: none; } }\n";

char *doc_html(const struct doc *d)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	esc(&sb, d->title);
	sb_adds(&sb, "</title>\n<style>\n");
	sb_adds(&sb, style);
	sb_adds(&sb, "</style>\n</head>\n<body>\n<h1>");
	esc(&sb, d->title);
	sb_adds(&sb, "</h1>\n");
	for (int i = 0; i < d->n; i++) {
		const struct block *b = &d->b[i];
		switch (b->kind) {
		case B_SUBTITLE:
		case B_RIGHT:
			sb_adds(&sb, b->kind == B_SUBTITLE ? "<p class=\"sub\">" : "<p class=\"right\">");
			esc(&sb, b->a);
			sb_adds(&sb, "</p>\n");
			break;
		case B_HEADING:
			sb_adds(&sb, "<h2>");
			esc(&sb, b->a);
			sb_adds(&sb, "</h2>\n");
			break;
		case B_PARA:
			sb_adds(&sb, "<p>");
			esc(&sb, b->a);
			sb_adds(&sb, "</p>\n");
			break;
		case B_FIELD:
			if (i == 0 || d->b[i - 1].kind != B_FIELD)
				sb_adds(&sb, "<table class=\"fields\">\n");
			sb_adds(&sb, "<tr><td class=\"label\">");
			esc(&sb, b->a);
			sb_adds(&sb, "：</td><td>");
			esc(&sb, b->b);
			sb_adds(&sb, "</td></tr>\n");
			if (i == d->n - 1 || d->b[i + 1].kind != B_FIELD)
				sb_adds(&sb, "</table>\n");
			break;
		case B_TABLE:
			sb_adds(&sb, "<table>\n");
			for (int r = 0; r <= b->nrows; r++) {
				sb_adds(&sb, "<tr>");
				for (int c = 0; c < b->ncols; c++) {
					sb_adds(&sb, r ? "<td>" : "<th>");
					esc(&sb, b->cells[r * b->ncols + c]);
					sb_adds(&sb, r ? "</td>" : "</th>");
				}
				sb_adds(&sb, "</tr>\n");
			}
			sb_adds(&sb, "</table>\n");
			break;
		case B_SIGN:
			sb_adds(&sb, "<p class=\"sign\">");
			esc(&sb, b->a);
			sb_adds(&sb, "：________________");
			if (b->dated)
				sb_adds(&sb, "　　　　年　　月　　日");
			sb_adds(&sb, "</p>\n");
			break;
		}
	}
	sb_adds(&sb, "</body>\n</html>\n");
	return sb_take(&sb);
}
