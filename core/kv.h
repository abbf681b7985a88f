/* core/kv.h - a flat list of text fields and its JSON form.
 *
 * A form's content is a list of key/value strings (nested parts use
 * dotted keys such as "members.0.name").  Drafts store it as a JSON
 * object of strings, which the stock sqlite3 shell can read with
 * json_extract(). */
#ifndef JUWEI_KV_H
#define JUWEI_KV_H

#include <stdbool.h>
#include <stddef.h>

struct kv {
	char **keys, **vals;
	size_t n, cap;
};

void kv_free(struct kv *kv);
/* Set key to val (copies both); a later set replaces the value. */
void kv_set(struct kv *kv, const char *key, const char *val);
/* The value of key, or NULL. */
const char *kv_get(const struct kv *kv, const char *key);

/* {"key":"value",...} with JSON escapes; newly allocated. */
char *kv_to_json(const struct kv *kv);
/* Parse a JSON object whose values are strings (numbers, true, false
 * and null are kept as their text; nested objects and arrays are
 * refused).  False, with kv emptied, on anything else. */
bool kv_from_json(struct kv *kv, const char *json);

#endif
