/* core/i18n.c - message catalogs compiled into the binary from locale/. */
#include "i18n.h"

#include "embed.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	char *id, *str;
};

static struct entry *table;
static size_t table_cap; /* power of two, or 0 */
static size_t table_len;

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void put(char *id, char *str);

static void grow(void)
{
	struct entry *old = table;
	size_t old_cap = table_cap;
	table_cap = table_cap ? table_cap * 2 : 256;
	table = x_calloc(table_cap, sizeof *table);
	table_len = 0;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].id)
			put(old[i].id, old[i].str);
	x_free(&old);
}

static void put(char *id, char *str)
{
	if ((table_len + 1) * 2 > table_cap)
		grow();
	size_t i = hash(id) & (table_cap - 1);
	while (table[i].id && strcmp(table[i].id, id) != 0)
		i = (i + 1) & (table_cap - 1);
	if (table[i].id) {
		/* A later entry wins, as with gettext's msgmerge output. */
		x_free(&table[i].id);
		x_free(&table[i].str);
	} else {
		table_len++;
	}
	table[i].id = id;
	table[i].str = str;
}

const char *i18n_get(const char *msgid)
{
	if (!table_cap || !msgid)
		return msgid;
	size_t i = hash(msgid) & (table_cap - 1);
	while (table[i].id) {
		if (strcmp(table[i].id, msgid) == 0)
			return table[i].str[0] ? table[i].str : msgid;
		i = (i + 1) & (table_cap - 1);
	}
	return msgid;
}

void i18n_free(void)
{
	for (size_t i = 0; i < table_cap; i++) {
		x_free(&table[i].id);
		x_free(&table[i].str);
	}
	x_free(&table);
	table_cap = table_len = 0;
}

/* Parse `keyword "string"` on one line; returns the unescaped string
 * or NULL when the line is malformed. */
static char *parse_quoted(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p >= end || *p != '"')
		return NULL;
	p++;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	for (; p < end && *p != '"'; p++) {
		if (*p != '\\') {
			sb_addc(&sb, *p);
			continue;
		}
		if (++p >= end)
			break;
		switch (*p) {
		case 'n': sb_addc(&sb, '\n'); break;
		case 't': sb_addc(&sb, '\t'); break;
		case '"': sb_addc(&sb, '"'); break;
		case '\\': sb_addc(&sb, '\\'); break;
		default: sb_free(&sb); return NULL;
		}
	}
	if (p >= end) { /* no closing quote */
		sb_free(&sb);
		return NULL;
	}
	for (p++; p < end; p++)
		if (*p != ' ' && *p != '\t' && *p != '\r') {
			sb_free(&sb);
			return NULL;
		}
	return sb_take(&sb);
}

bool i18n_load_text(const char *text, int *line)
{
	char *id = NULL;
	int n = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		n++;
		const char *q = p;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
			q++;
		if (q == end || *q == '#') {
			/* blank or comment */
		} else if (!id && end - q > 5 && strncmp(q, "msgid", 5) == 0) {
			if (!(id = parse_quoted(q + 5, end)))
				goto bad;
		} else if (id && end - q > 6 && strncmp(q, "msgstr", 6) == 0) {
			char *str = parse_quoted(q + 6, end);
			if (!str)
				goto bad;
			if (id[0])
				put(id, str);
			else { /* the PO header entry */
				x_free(&id);
				x_free(&str);
			}
			id = NULL;
		} else {
			goto bad;
		}
		p = *end ? end + 1 : end;
	}
	if (id)
		goto bad;
	return true;
bad:
	x_free(&id);
	if (line)
		*line = n;
	return false;
}

const char *i18n_default_lang(void)
{
	const char *l = getenv("JUWEI_LANG");
	return l && *l ? l : "zh_CN";
}

bool i18n_init(const char *lang)
{
	i18n_free();
	if (strcmp(lang, "en") == 0)
		return true;
	char path[64];
	size_t n = strlen(lang);
	if (n > 32)
		return false;
	memcpy(path, "locale/", 7);
	memcpy(path + 7, lang, n);
	memcpy(path + 7 + n, ".po", 4);
	const struct embedded_file *f = embedded_find(path);
	if (!f)
		return false;
	int line;
	if (!i18n_load_text(f->data, &line)) {
		i18n_free();
		return false;
	}
	return true;
}
