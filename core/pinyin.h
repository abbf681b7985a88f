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

/* How a pinyin query relates to a whole name (for ranking): it spells
 * every character by its full reading (PINYIN_FULL: zhangsan for 张三),
 * or covers every character by reading or initial (PINYIN_WHOLE: zs,
 * zhangs for 张三), or neither. */
enum pinyin_cover { PINYIN_PART, PINYIN_WHOLE, PINYIN_FULL };
enum pinyin_cover pinyin_cover(const char *name, const char *query);

/* Skeletons: the first letters of the readings of a run of characters.
 * The search index keeps, for each character a name starts a run at,
 * every skeleton of the rest of the name (a polyphonic character gives
 * several: 单田 gives dt, st, ct).  Writes up to max skeletons of the
 * syllables from start on into out (each at most PINYIN_SKEL - 1
 * letters) and returns how many; 0 when start is past the last one. */
#define PINYIN_SKEL 24
int pinyin_name_skeletons(const char *name, int start, char (*out)[PINYIN_SKEL], int max);
/* The number of pinyin syllables of a name (CJK characters with a
 * reading, Latin letters). */
int pinyin_syllable_count(const char *name);

/* The skeletons a query can stand for: every way of reading it as
 * syllables, initials (z, zh ...) and a last syllable cut short gives
 * one.  Any name the query matches by pinyin_match() has a skeleton
 * that starts with one of these.  Skeletons that start with another of
 * the list are left out.  Returns how many (0: not a pinyin query). */
int pinyin_query_skeletons(const char *query, char (*out)[PINYIN_SKEL], int max);

/* The readings of syllable index of name (a Latin letter reads as
 * itself), at most max, each under 8 letters.  Returns how many. */
int pinyin_syllable_readings(const char *name, int index, char (*out)[8], int max);

/* The index terms a query can match by the first character of a run
 * (see core/searchkey.h): "P<reading>|<skeleton>" when the query starts
 * with a whole reading, "P<start of a reading>" when all of it is one
 * reading cut short, "I<skeleton>" when it starts with an initial.
 * Terms that start with another of the list are left out. */
int pinyin_query_heads(const char *query, char (*out)[48], int max);

#endif
