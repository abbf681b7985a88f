/* core/check.c - the messages of a check, field by field. */
#include "check.h"

#include "xalloc.h"

#include <stdarg.h>
#include <string.h>

void check_free(struct check *c)
{
	for (int i = 0; i < c->n; i++)
		x_free(&c->items[i].message);
	c->n = 0;
}

bool check_ok(const struct check *c)
{
	for (int i = 0; i < c->n; i++)
		if (!c->items[i].warning)
			return false;
	return true;
}

const struct check_item *check_find(const struct check *c, const char *field)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->items[i].field, field) == 0)
			return &c->items[i];
	return NULL;
}

void check_add(struct check *c, const char *field, bool warning, const char *fmt, ...)
{
	if (c->n == CHECK_MAX)
		return;
	va_list ap;
	va_start(ap, fmt);
	c->items[c->n].message = x_vasprintf(fmt, ap);
	va_end(ap);
	c->items[c->n].field = field;
	c->items[c->n].warning = warning;
	c->n++;
}

void check_trim(char **p)
{
	const char *s = *p;
	while (*s == ' ' || strncmp(s, "　", 3) == 0)
		s += *s == ' ' ? 1 : 3;
	size_t n = strlen(s);
	for (;;) {
		if (n >= 1 && s[n - 1] == ' ')
			n--;
		else if (n >= 3 && strncmp(s + n - 3, "　", 3) == 0)
			n -= 3;
		else
			break;
	}
	char *t = x_strndup(s, n);
	x_free(p);
	*p = t;
}
