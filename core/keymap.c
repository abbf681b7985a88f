/* core/keymap.c - key names and the keymap file parser. */
#include "keymap.h"

#include "embed.h"
#include "i18n.h"
#include "xalloc.h"
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
	const char *name;
	int key;
} key_names[] = {
	{ "Up", JK_UP }, { "Down", JK_DOWN }, { "Left", JK_LEFT }, { "Right", JK_RIGHT },
	{ "PgUp", JK_PGUP }, { "PgDn", JK_PGDN }, { "PageUp", JK_PGUP }, { "PageDown", JK_PGDN },
	{ "Home", JK_HOME }, { "End", JK_END }, { "Enter", JK_ENTER }, { "Esc", JK_ESC },
	{ "Tab", JK_TAB }, { "S-Tab", JK_BTAB }, { "Backspace", JK_BACKSPACE },
	{ "Delete", JK_DELETE }, { "Insert", JK_INSERT }, { "Space", ' ' },
	{ "Hash", '#' },
};

int key_from_name(const char *name)
{
	size_t len = strlen(name);
	if (len == 0)
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (strcasecmp(name, key_names[i].name) == 0)
			return key_names[i].key;
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
		int n = 0;
		for (size_t i = 1; i < len; i++) {
			if (name[i] < '0' || name[i] > '9')
				return 0;
			n = n * 10 + (name[i] - '0');
		}
		return n >= 1 && n <= 12 ? JK_F(n) : 0;
	}
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-') {
		char c = name[2];
		if (c >= 'a' && c <= 'z')
			return c - 'a' + 1;
		if (c >= 'A' && c <= 'Z')
			return c - 'A' + 1;
		return 0;
	}
	/* A single printable character. */
	uint32_t cp;
	size_t n = utf8_decode(name, len, &cp);
	if (n != len || cp == TEXT_REPLACEMENT || cp < 0x21 || cp == 0x7f)
		return 0;
	return (int)cp;
}

const char *key_to_name(int key, char *buf)
{
	for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
		if (key_names[i].key == key) {
			snprintf(buf, 16, "%s", key_names[i].name);
			return buf;
		}
	if (key > JK_F0 && key <= JK_F(12))
		snprintf(buf, 16, "F%d", key - JK_F0);
	else if (key >= 1 && key <= 26)
		snprintf(buf, 16, "C-%c", 'a' + key - 1);
	else if (key > 0x20 && key < 0x110000) {
		size_t n = utf8_encode((uint32_t)key, buf);
		buf[n] = '\0';
	} else
		snprintf(buf, 16, "?");
	return buf;
}

static void add(struct keymap *km, const char *scope, int key, enum action a)
{
	if (km->n == km->cap) {
		km->cap = km->cap ? km->cap * 2 : 64;
		km->b = x_realloc(km->b, (size_t)km->cap * sizeof *km->b);
	}
	struct binding *b = &km->b[km->n++];
	snprintf(b->scope, sizeof b->scope, "%s", scope);
	b->key = key;
	b->action = a;
}

/* Split the next whitespace-separated word of *p into w (size n). */
static bool word(const char **p, char *w, size_t n)
{
	const char *s = *p;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t len = 0;
	while (s[len] && s[len] != ' ' && s[len] != '\t')
		len++;
	*p = s + len;
	if (len == 0 || len >= n)
		return false;
	memcpy(w, s, len);
	w[len] = '\0';
	return true;
}

static bool valid_scope(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || *s == '-'))
			return false;
	return true;
}

int keymap_parse(struct keymap *km, const char *text, const char *source, char **errors)
{
	struct strbuf err = STRBUF_INIT;
	int bad = 0, lineno = 0;
	const char *p = text;
	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		lineno++;
		char *line = x_strndup(p, len);
		p += len + (end ? 1 : 0);
		/* A comment starts with '#' at the start of a word. */
		for (char *c = line; *c; c++)
			if (*c == '#' && (c == line || c[-1] == ' ' || c[-1] == '\t')) {
				*c = '\0';
				break;
			}
		for (char *c = line; *c; c++)
			if (*c == '\r')
				*c = ' ';
		const char *q = line;
		char cmd[16], scope[24], key[32], act[48], extra[8];
		const char *why = NULL;
		if (!word(&q, cmd, sizeof cmd)) {
			x_free(&line);
			continue; /* blank line */
		}
		int k = 0;
		enum action a = ACT_NONE;
		if (strcmp(cmd, "bind") != 0)
			why = _("unknown command (expected: bind SCOPE KEY ACTION)");
		else if (!word(&q, scope, sizeof scope) || !valid_scope(scope))
			why = _("missing or bad scope");
		else if (!word(&q, key, sizeof key) || !(k = key_from_name(key)))
			why = _("unknown key name");
		else if (!word(&q, act, sizeof act) || (a = action_by_name(act)) == ACT_NONE)
			why = _("unknown action");
		else if (word(&q, extra, sizeof extra) || *q)
			why = _("extra words after the action");
		if (why) {
			char *sane = text_sanitize(line, (size_t)-1);
			sb_addf(&err, "%s:%d: %s: %s\n", source, lineno, why, sane);
			x_free(&sane);
			bad++;
		} else {
			add(km, scope, k, a);
		}
		x_free(&line);
	}
	if (errors)
		*errors = bad ? sb_take(&err) : NULL;
	sb_free(&err);
	return bad;
}

static enum action lookup_scope(const struct keymap *km, const char *scope, int key)
{
	for (int i = km->n - 1; i >= 0; i--)
		if (km->b[i].key == key && strcmp(km->b[i].scope, scope) == 0)
			return km->b[i].action;
	return ACT_NONE;
}

enum action keymap_lookup_only(const struct keymap *km, const char *scope, int key)
{
	return lookup_scope(km, scope, key);
}

enum action keymap_lookup(const struct keymap *km, const char *scope, int key)
{
	enum action a = lookup_scope(km, scope, key);
	return a != ACT_NONE ? a : lookup_scope(km, "generic", key);
}

int keymap_key_for(const struct keymap *km, const char *scope, enum action a)
{
	for (int i = 0; i < km->n; i++) {
		const struct binding *b = &km->b[i];
		if (b->action != a)
			continue;
		if (strcmp(b->scope, scope) != 0 && strcmp(b->scope, "generic") != 0)
			continue;
		/* Only if this binding is still the one in force for the key. */
		if (keymap_lookup(km, scope, b->key) == a)
			return b->key;
	}
	return 0;
}

void keymap_free(struct keymap *km)
{
	x_free(&km->b);
	km->n = km->cap = 0;
}

void keymap_load(struct keymap *km, char **errors)
{
	struct strbuf err = STRBUF_INIT;
	char *e = NULL;
	const struct embedded_file *def = embedded_find("keymaps/default.keys");
	if (def && keymap_parse(km, def->data, "default.keys", &e) > 0)
		sb_adds(&err, e);
	x_free(&e);

	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	char *path = NULL;
	if (xdg && *xdg)
		path = x_asprintf("%s/juwei/keys", xdg);
	else if (home && *home)
		path = x_asprintf("%s/.config/juwei/keys", home);
	char *text = path ? x_read_file(path, 1 << 20, NULL) : NULL;
	if (text && keymap_parse(km, text, path, &e) > 0)
		sb_adds(&err, e);
	x_free(&e);
	x_free(&text);
	x_free(&path);
	*errors = err.len ? sb_take(&err) : NULL;
	sb_free(&err);
}
