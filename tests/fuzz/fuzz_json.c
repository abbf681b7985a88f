/* Fuzz target: the draft JSON reader.  Whatever it accepts must come
 * back the same through the writer. */
#include "fuzz.h"

#include "core/kv.h"
#include "core/xalloc.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = x_strndup((const char *)data, size);
	struct kv a = { 0 }, b = { 0 };
	if (kv_from_json(&a, text)) {
		char *json = kv_to_json(&a);
		if (!kv_from_json(&b, json) || b.n != a.n)
			__builtin_trap();
		for (size_t i = 0; i < a.n; i++) {
			const char *v = kv_get(&b, a.keys[i]);
			/* Values that were not UTF-8 come back sanitised. */
			if (!v)
				__builtin_trap();
		}
		x_free(&json);
	}
	kv_free(&a);
	kv_free(&b);
	x_free(&text);
	return 0;
}
