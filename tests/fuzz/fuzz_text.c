/* Fuzz target: UTF-8 decoding, sanitising, fitting and padding. */
#include "fuzz.h"

#include "core/text.h"
#include "core/xalloc.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *clean = text_sanitize((const char *)data, size);
	size_t len = strlen(clean);
	/* Nothing that could move the cursor or change the terminal. */
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)clean[i] < 0x20 || clean[i] == 0x7f)
			__builtin_trap();
	if (!utf8_valid(clean, len))
		__builtin_trap();
	int cols = size ? data[0] % 40 : 0;
	char *padded = text_pad(clean, cols, (enum text_align)(size > 1 ? data[1] % 3 : 0));
	if (text_width(padded) != cols)
		__builtin_trap();
	size_t *bo = NULL;
	int *co = NULL;
	size_t n = text_offsets(clean, &bo, &co);
	if (bo[n] != len || co[n] != text_width(clean))
		__builtin_trap();
	x_free(&bo);
	x_free(&co);
	x_free(&padded);
	x_free(&clean);
	return 0;
}
