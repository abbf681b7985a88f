/* Fuzz target: the keymap file parser. */
#include "fuzz.h"

#include "core/keymap.h"
#include "core/xalloc.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = x_strndup((const char *)data, size);
	struct keymap km = { 0 };
	char *errors = NULL;
	keymap_parse(&km, text, "fuzz", &errors);
	for (int i = 0; i < km.n; i++) {
		char name[16];
		key_to_name(km.b[i].key, name);
		/* A bound key's name must parse back to the same key. */
		if (key_from_name(name) != km.b[i].key && km.b[i].key != ' ' && km.b[i].key != '#')
			__builtin_trap();
	}
	x_free(&errors);
	keymap_free(&km);
	x_free(&text);
	return 0;
}
