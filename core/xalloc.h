/* core/xalloc.h - allocation that aborts on failure, and x_free(&p).
 *
 * One owner per allocation.  x_free() takes the address of the owning
 * pointer, frees it and clears it, so a second free is harmless and a
 * dangling use is a NULL dereference, not a silent corruption. */
#ifndef JUWEI_XALLOC_H
#define JUWEI_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *x_malloc(size_t n);
void *x_calloc(size_t count, size_t size);
void *x_realloc(void *p, size_t n);
char *x_strdup(const char *s);
char *x_strndup(const char *s, size_t n);
char *x_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *x_vasprintf(const char *fmt, va_list ap);

/* Free *pp and set it to NULL.  pp is a pointer to any object pointer. */
#define x_free(pp) x_free_impl((void **)(pp))
void x_free_impl(void **pp);

/* Growable byte buffer, always NUL-terminated once used. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
#define STRBUF_INIT { NULL, 0, 0 }
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the buffer to the caller (never NULL) and reset sb. */
char *sb_take(struct strbuf *sb);
void sb_free(struct strbuf *sb);

/* The whole of a file, NUL-terminated, newly allocated; *len (if not
 * NULL) gets its length.  NULL when it cannot be read or holds more
 * than max bytes. */
char *x_read_file(const char *path, size_t max, size_t *len);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
