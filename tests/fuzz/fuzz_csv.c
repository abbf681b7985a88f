/* Fuzz target: the CSV reader on any bytes, in each encoding.  Every
 * field handed out is valid UTF-8; the reader ends with a row count or
 * an error, and never reads or writes outside its buffers. */
#include "fuzz.h"

#include "core/csv.h"
#include "core/text.h"

#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum csv_encoding encs[] = { CSV_AUTO, CSV_UTF8, CSV_GB18030 };
	for (size_t e = 0; e < sizeof encs / sizeof encs[0]; e++) {
		FILE *f = fmemopen((void *)(size ? data : (const uint8_t *)""), size ? size : 1, "r");
		if (!f)
			return 0;
		struct csv *c = csv_open(f, encs[e]);
		char **fields;
		int n, r;
		long line, last = 0;
		while ((r = csv_next(c, &fields, &n, &line)) == 1) {
			if (n < 1 || line < last)
				__builtin_trap();
			last = line;
			for (int i = 0; i < n; i++)
				if (!utf8_valid(fields[i], strlen(fields[i])))
					__builtin_trap();
		}
		if (r < 0 && !csv_error(c, NULL))
			__builtin_trap();
		csv_close(&c);
		fclose(f);
	}
	return 0;
}
