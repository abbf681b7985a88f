/* core/xalloc.c - allocation helpers. */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(size_t n)
{
	fprintf(stderr, "juwei: out of memory (%zu bytes)\n", n);
	abort();
}

void *x_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *x_calloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		oom(count * size);
	return p;
}

void *x_realloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		oom(n);
	return q;
}

char *x_strdup(const char *s)
{
	return x_strndup(s ? s : "", s ? strlen(s) : 0);
}

char *x_strndup(const char *s, size_t n)
{
	char *p = x_malloc(n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *x_vasprintf(const char *fmt, va_list ap)
{
	/* Most messages fit a small buffer: format once into it, and
	 * a second time only when it was too small. */
	char small[256];
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(small, sizeof small, fmt, cp);
	va_end(cp);
	if (n < 0)
		oom(0);
	if ((size_t)n < sizeof small)
		return x_strndup(small, (size_t)n);
	char *p = x_malloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *x_asprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = x_vasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void x_free_impl(void **pp)
{
	if (pp) {
		free(*pp);
		*pp = NULL;
	}
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->buf = x_realloc(sb->buf, cap);
	sb->cap = cap;
}

void sb_add(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	if (n)
		memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void sb_adds(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

void sb_addc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = x_vasprintf(fmt, ap);
	va_end(ap);
	sb_adds(sb, p);
	x_free(&p);
}

char *sb_take(struct strbuf *sb)
{
	char *p = sb->buf ? sb->buf : x_strdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return p;
}

void sb_free(struct strbuf *sb)
{
	x_free(&sb->buf);
	sb->len = sb->cap = 0;
}

char *x_read_file(const char *path, size_t max, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0 && sb.len <= max)
		sb_add(&sb, buf, n);
	int bad = ferror(f) || sb.len > max;
	fclose(f);
	if (bad) {
		sb_free(&sb);
		return NULL;
	}
	if (len)
		*len = sb.len;
	return sb_take(&sb);
}
