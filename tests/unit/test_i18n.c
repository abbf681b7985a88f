/* Unit tests: the message catalog reader and the zh_CN catalog. */
#include "cm.h"

#include "core/embed.h"
#include "core/i18n.h"
#include "core/xalloc.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reads_the_po_subset(void **state)
{
	(void)state;
	int line = 0;
	assert_true(i18n_load_text("# c\n\nmsgid \"\"\nmsgstr \"header\"\n"
				   "msgid \"Quit\"\nmsgstr \"退出\"\n"
				   "msgid \"a \\\"q\\\"\\n\"\nmsgstr \"b\\t\\\\\"\n", &line));
	assert_string_equal(i18n_get("Quit"), "退出");
	assert_string_equal(i18n_get("a \"q\"\n"), "b\t\\");
	assert_string_equal(i18n_get("untranslated"), "untranslated");
	assert_string_equal(i18n_get(""), ""); /* the header is not a translation */
	i18n_free();
	assert_string_equal(i18n_get("Quit"), "Quit");
}

static void rejects_malformed_catalogs(void **state)
{
	(void)state;
	const char *bad[] = {
		"msgid \"a\"\n",                    /* no msgstr */
		"msgstr \"a\"\n",                   /* no msgid */
		"msgid \"a\nmsgstr \"b\"\n",        /* unclosed quote */
		"msgid \"a\" x\nmsgstr \"b\"\n",    /* trailing junk */
		"msgid \"\\q\"\nmsgstr \"b\"\n",    /* unknown escape */
		"hello\n",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		int line = 0;
		assert_false(i18n_load_text(bad[i], &line));
		assert_true(line >= 1);
		i18n_free();
	}
}

/* The conversions of a printf format, e.g. "%s%d". */
static void conversions(const char *fmt, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = fmt; *p && k + 2 < n; p++) {
		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("0123456789.-+ #l", *p))
			p++;
		out[k++] = *p ? *p : '?';
		if (!*p)
			break;
	}
	out[k] = '\0';
}

/* Unescape the quoted string after a keyword, as the catalog does. */
static char *unquote(const char *p)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	p = strchr(p, '"');
	for (p++; *p && *p != '"'; p++) {
		if (*p == '\\') {
			p++;
			sb_addc(&sb, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
		} else {
			sb_addc(&sb, *p);
		}
	}
	return sb_take(&sb);
}

static void zh_cn_keeps_every_format(void **state)
{
	(void)state;
	const struct embedded_file *f = embedded_find("locale/zh_CN.po");
	assert_non_null(f);
	assert_true(i18n_init("zh_CN"));
	int n = 0;
	for (const char *p = f->data; (p = strstr(p, "\nmsgid \"")); p++) {
		char *id = unquote(p + 1);
		if (id[0]) {
			char a[32], b[32];
			conversions(id, a, sizeof a);
			conversions(i18n_get(id), b, sizeof b);
			if (strcmp(a, b) != 0)
				fail_msg("format mismatch in translation of \"%s\": %s vs %s", id, a, b);
			n++;
		}
		x_free(&id);
	}
	assert_true(n > 50);
	i18n_free();
}

/* Every _("...") and N_("...") in tui/ and core/ has a translation. */
static void check_source_file(const char *path, int *missing)
{
	char *text = x_read_file(path, 1 << 22, NULL);
	if (!text)
		return;
	for (char *p = text; p && (p = strstr(p, "_(\"")); p += 3) {
		if (p > text && (p[-1] == '_' || (p[-1] >= 'a' && p[-1] <= 'z')))
			continue; /* some_other_("...") */
		/* Join adjacent literals: "a" "b" */
		struct strbuf id = STRBUF_INIT;
		sb_adds(&id, "");
		char *q = p + 2;
		while (*q == '"') {
			for (q++; *q && *q != '"'; q++) {
				if (*q == '\\') {
					q++;
					sb_addc(&id, *q == 'n' ? '\n' : *q == 't' ? '\t' : *q);
				} else {
					sb_addc(&id, *q);
				}
			}
			q++;
			while (*q == ' ' || *q == '\t' || *q == '\n')
				q++;
		}
		if (*q == ')' && id.buf[0] && i18n_get(id.buf) == id.buf) {
			print_error("%s: no zh_CN translation for \"%s\"\n", path, id.buf);
			(*missing)++;
		}
		sb_free(&id);
	}
	x_free(&text);
}

static void every_source_string_is_translated(void **state)
{
	(void)state;
	const char *src = getenv("JUWEI_SRC");
	if (!src)
		src = ".";
	assert_true(i18n_init("zh_CN"));
	const char *dirs[] = { "tui", "core", "db" };
	int missing = 0, files = 0;
	for (size_t i = 0; i < ARRAY_SIZE(dirs); i++) {
		char *dpath = x_asprintf("%s/%s", src, dirs[i]);
		DIR *d = opendir(dpath);
		assert_non_null(d);
		struct dirent *e;
		while ((e = readdir(d))) {
			size_t len = strlen(e->d_name);
			/* Headers too: the actions' labels live in core/action.h. */
			if (len < 3 || (strcmp(e->d_name + len - 2, ".c") != 0 && strcmp(e->d_name + len - 2, ".h") != 0))
				continue;
			char *path = x_asprintf("%s/%s", dpath, e->d_name);
			check_source_file(path, &missing);
			files++;
			x_free(&path);
		}
		closedir(d);
		x_free(&dpath);
	}
	assert_true(files > 5);
	assert_int_equal(missing, 0);
	i18n_free();
}

static void english_is_the_source_text(void **state)
{
	(void)state;
	assert_true(i18n_init("en"));
	assert_string_equal(_("Quit"), "Quit");
	assert_false(i18n_init("xx_YY"));
	assert_string_equal(_("Quit"), "Quit");
	assert_true(i18n_init("zh_CN"));
	assert_string_equal(_("Quit"), "退出");
	i18n_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_the_po_subset),
		cmocka_unit_test(rejects_malformed_catalogs),
		cmocka_unit_test(zh_cn_keeps_every_format),
		cmocka_unit_test(every_source_string_is_translated),
		cmocka_unit_test(english_is_the_source_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
