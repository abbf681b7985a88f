/* tests/unit/golden.h - compare an output with a golden file under
 * tests/golden/ ($JUWEI_SRC, else the current directory).  With
 * JUWEI_GOLDEN_WRITE=1 the file is written first: for a change meant to
 * alter it, whose diff is then read before it is committed. */
#ifndef JUWEI_TEST_GOLDEN_H
#define JUWEI_TEST_GOLDEN_H

#include "cm.h"

#include "core/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void same_as_golden(const char *name, const char *got)
{
	const char *src = getenv("JUWEI_SRC");
	char *path = x_asprintf("%s/tests/golden/%s", src && *src ? src : ".", name);
	if (getenv("JUWEI_GOLDEN_WRITE")) {
		FILE *f = fopen(path, "wb");
		assert_non_null(f);
		fputs(got, f);
		fclose(f);
	}
	char *want = x_read_file(path, 1 << 20, NULL);
	if (!want)
		fail_msg("cannot read %s", path);
	if (strcmp(want, got) != 0) {
		/* Where they part, to read without a diff tool. */
		size_t i = 0;
		while (want[i] && want[i] == got[i])
			i++;
		fail_msg("%s differs at byte %zu:\n--- want: %.80s\n--- got:  %.80s", path, i, want + i, got + i);
	}
	x_free(&want);
	x_free(&path);
}

#endif
