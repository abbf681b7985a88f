/* core/width_table.h - code point ranges for display width, generated
 * into core/width_table.c by tools/gen-width.sh.  Only core/text.c
 * uses these. */
#ifndef JUWEI_WIDTH_TABLE_H
#define JUWEI_WIDTH_TABLE_H

#include <stddef.h>
#include <stdint.h>

struct cp_range {
	uint32_t first, last;
};

extern const struct cp_range width_wide[];
extern const size_t width_wide_count;
extern const struct cp_range width_zero[];
extern const size_t width_zero_count;
extern const struct cp_range width_ambiguous[];
extern const size_t width_ambiguous_count;

#endif
