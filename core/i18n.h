/* core/i18n.h - UI message catalogs.
 *
 * Every string shown to a user is written in English in the source and
 * goes through _(); the catalog of the UI language (locale/zh_CN.po by
 * default) gives the text shown.  N_() marks a string for the catalog
 * where it is stored (tables) and translated later with _(). */
#ifndef JUWEI_I18N_H
#define JUWEI_I18N_H

#include <stdbool.h>

#define N_(s) (s)
#define _(s) i18n_get(s)

/* Load the catalog of lang ("zh_CN", "en", ...).  "en" is the source
 * text itself.  Returns false (and keeps English) when there is none. */
bool i18n_init(const char *lang);

/* The UI language chosen by the environment: $JUWEI_LANG if set,
 * else zh_CN. */
const char *i18n_default_lang(void);

/* Parse a catalog in the PO subset we use: msgid "..." / msgstr "..."
 * pairs, one line each, with \" \\ \n \t escapes and # comments.
 * On error returns false and sets *line to the offending line. */
bool i18n_load_text(const char *text, int *line);

/* format_arg: gcc checks printf arguments against the msgid. */
const char *i18n_get(const char *msgid) __attribute__((format_arg(1)));
void i18n_free(void);

#endif
