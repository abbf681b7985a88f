/* core/pinyin_table.h - the tables tools/gen-pinyin.sh generates into
 * core/pinyin_table.c; only core/pinyin.c reads them. */
#ifndef JUWEI_PINYIN_TABLE_H
#define JUWEI_PINYIN_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct py_reading {
	uint32_t cp;
	const char *readings; /* toneless, space-separated, common first */
};

struct py_fold {
	uint32_t from, to;    /* traditional → simplified */
};

extern const struct py_reading pinyin_readings_table[];
extern const size_t pinyin_readings_count;
extern const struct py_fold pinyin_fold_table[];
extern const size_t pinyin_fold_count;

#endif
