/* Fuzz target: the household search string parser. */
#include "fuzz.h"

#include "core/search.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = x_strndup((const char *)data, size);
	struct hh_filter f;
	memset(&f, 0, sizeof f);
	search_parse(text, &f);
	/* Every field the database sees is terminated and valid UTF-8
	 * whenever the input was. */
	if (memchr(f.text, 0, sizeof f.text) == NULL || memchr(f.room, 0, sizeof f.room) == NULL)
		__builtin_trap();
	if (utf8_valid(text, strlen(text)) && !utf8_valid(f.text, strlen(f.text)))
		__builtin_trap();
	x_free(&text);
	return 0;
}
