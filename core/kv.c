/* core/kv.c - key/value fields and a small JSON object reader/writer. */
#include "kv.h"

#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

void kv_free(struct kv *kv)
{
	for (size_t i = 0; i < kv->n; i++) {
		x_free(&kv->keys[i]);
		x_free(&kv->vals[i]);
	}
	x_free(&kv->keys);
	x_free(&kv->vals);
	kv->n = kv->cap = 0;
}

void kv_set(struct kv *kv, const char *key, const char *val)
{
	for (size_t i = 0; i < kv->n; i++)
		if (strcmp(kv->keys[i], key) == 0) {
			x_free(&kv->vals[i]);
			kv->vals[i] = x_strdup(val);
			return;
		}
	if (kv->n == kv->cap) {
		kv->cap = kv->cap ? kv->cap * 2 : 16;
		kv->keys = x_realloc(kv->keys, kv->cap * sizeof *kv->keys);
		kv->vals = x_realloc(kv->vals, kv->cap * sizeof *kv->vals);
	}
	kv->keys[kv->n] = x_strdup(key);
	kv->vals[kv->n] = x_strdup(val);
	kv->n++;
}

const char *kv_get(const struct kv *kv, const char *key)
{
	for (size_t i = 0; i < kv->n; i++)
		if (strcmp(kv->keys[i], key) == 0)
			return kv->vals[i];
	return NULL;
}

static void put_string(struct strbuf *sb, const char *s)
{
	sb_addc(sb, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': sb_adds(sb, "\\\""); break;
		case '\\': sb_adds(sb, "\\\\"); break;
		case '\n': sb_adds(sb, "\\n"); break;
		case '\r': sb_adds(sb, "\\r"); break;
		case '\t': sb_adds(sb, "\\t"); break;
		default:
			if (*p < 0x20)
				sb_addf(sb, "\\u%04x", *p);
			else
				sb_addc(sb, (char)*p);
		}
	}
	sb_addc(sb, '"');
}

char *kv_to_json(const struct kv *kv)
{
	struct strbuf sb = STRBUF_INIT;
	sb_addc(&sb, '{');
	for (size_t i = 0; i < kv->n; i++) {
		if (i)
			sb_addc(&sb, ',');
		put_string(&sb, kv->keys[i]);
		sb_addc(&sb, ':');
		/* Field text is kept valid UTF-8 in the draft. */
		char *v = utf8_valid(kv->vals[i], strlen(kv->vals[i])) ? NULL : text_sanitize_multiline(kv->vals[i], (size_t)-1);
		put_string(&sb, v ? v : kv->vals[i]);
		x_free(&v);
	}
	sb_addc(&sb, '}');
	return sb_take(&sb);
}

static void skip_ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool hex4(const char **p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		int h = hexval((*p)[i]);
		if (h < 0)
			return false;
		v = v * 16 + (unsigned)h;
	}
	*p += 4;
	*out = v;
	return true;
}

/* A JSON string at *p into a new string; NULL when malformed. */
static char *get_string(const char **p)
{
	if (**p != '"')
		return NULL;
	(*p)++;
	struct strbuf sb = STRBUF_INIT;
	sb_add(&sb, "", 0);
	while (**p && **p != '"') {
		unsigned char c = (unsigned char)**p;
		if (c < 0x20)
			goto bad;
		if (c != '\\') {
			sb_addc(&sb, (char)c);
			(*p)++;
			continue;
		}
		(*p)++;
		char e = **p;
		(*p)++;
		unsigned cp;
		switch (e) {
		case '"': sb_addc(&sb, '"'); break;
		case '\\': sb_addc(&sb, '\\'); break;
		case '/': sb_addc(&sb, '/'); break;
		case 'b': sb_addc(&sb, '\b'); break;
		case 'f': sb_addc(&sb, '\f'); break;
		case 'n': sb_addc(&sb, '\n'); break;
		case 'r': sb_addc(&sb, '\r'); break;
		case 't': sb_addc(&sb, '\t'); break;
		case 'u':
			if (!hex4(p, &cp))
				goto bad;
			/* A surrogate pair makes one code point; a lone half
			 * becomes U+FFFD. */
			if (cp >= 0xD800 && cp <= 0xDBFF && (*p)[0] == '\\' && (*p)[1] == 'u') {
				const char *q = *p + 2;
				unsigned lo;
				if (hex4(&q, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					*p = q;
				}
			}
			if (cp == 0) /* a NUL would cut the string short */
				cp = TEXT_REPLACEMENT;
			char buf[4];
			sb_add(&sb, buf, utf8_encode(cp, buf));
			break;
		default:
			goto bad;
		}
	}
	if (**p != '"')
		goto bad;
	(*p)++;
	return sb_take(&sb);
bad:
	sb_free(&sb);
	return NULL;
}

/* A bare literal or number, kept as its text. */
static char *get_bare(const char **p)
{
	const char *s = *p;
	while (**p && strchr("0123456789+-.eEtruefalsn", **p))
		(*p)++;
	return *p > s ? x_strndup(s, (size_t)(*p - s)) : NULL;
}

bool kv_from_json(struct kv *kv, const char *json)
{
	kv_free(kv);
	const char *p = json ? json : "";
	skip_ws(&p);
	if (*p++ != '{')
		return false;
	skip_ws(&p);
	if (*p == '}') {
		p++;
	} else {
		for (;;) {
			skip_ws(&p);
			char *k = get_string(&p);
			if (!k)
				goto bad;
			skip_ws(&p);
			if (*p++ != ':') {
				x_free(&k);
				goto bad;
			}
			skip_ws(&p);
			char *v = *p == '"' ? get_string(&p) : get_bare(&p);
			if (!v) {
				x_free(&k);
				goto bad;
			}
			kv_set(kv, k, v);
			x_free(&k);
			x_free(&v);
			skip_ws(&p);
			if (*p == ',') {
				p++;
				continue;
			}
			if (*p++ == '}')
				break;
			goto bad;
		}
	}
	skip_ws(&p);
	if (*p)
		goto bad;
	return true;
bad:
	kv_free(kv);
	return false;
}
