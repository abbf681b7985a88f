/* Fuzz target: the message catalog reader. */
#include "fuzz.h"

#include "core/i18n.h"
#include "core/xalloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = x_strndup((const char *)data, size);
	int line = 0;
	i18n_load_text(text, &line);
	(void)i18n_get("Help");
	i18n_free();
	x_free(&text);
	return 0;
}
