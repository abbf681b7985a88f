/* core/pinyin.h - readings and folding of Chinese characters, and
 * matching a typed query against a name by pinyin.
 *
 * The tables come from Unicode's Unihan data (tools/gen-pinyin.sh).
 * A query in Latin letters matches a name when it spells, from the
 * start of one of its characters on, each character either by a whole
 * toneless reading or by its initial (z, or zh/ch/sh), the last one
 * possibly cut short: zhangsan, zhangs, zs, zsf and zhangsf all match
 * 张三丰.  Every reading of a polyphonic character counts (单: dan,
 * shan, chan), and ü is typed v (吕: lv). */
#ifndef JUWEI_PINYIN_H
#define JUWEI_PINYIN_H

#include <stdbool.h>
#include <stdint.h>

/* The toneless readings of cp, space-separated, the common one first;
 * NULL when it has none. */
const char *pinyin_readings(uint32_t cp);

/* The simplified form of a traditional character (張 → 张), else cp. */
uint32_t hanzi_fold(uint32_t cp);

/* A copy of s for comparing: traditional characters folded to
 * simplified, full-width ASCII to ASCII, Latin letters lower-cased.
 * Newly allocated. */
char *text_fold(const char *s);

struct pinyin_match {
	int first, last; /* characters of the name that matched, by index */
};

/* Does query (Latin letters; spaces are ignored) match name by pinyin?
 * On a match *m (if given) says which characters of the name it covers;
 * a match from the first character is preferred. */
bool pinyin_match(const char *name, const char *query, struct pinyin_match *m);

#endif
