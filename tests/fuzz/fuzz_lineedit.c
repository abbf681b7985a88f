/* Fuzz target: the line editor under any sequence of edits.  Each
 * input byte below 16 is an operation; runs of other bytes are typed
 * or pasted text. */
#include "fuzz.h"

#include "core/lineedit.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <string.h>

static void check(const struct lineedit *le)
{
	/* Valid UTF-8, the cursor on a character boundary, within bounds. */
	if (strlen(le->buf) != le->len || !utf8_valid(le->buf, le->len) || le->cur > le->len ||
	    (le->cur < le->len && ((unsigned char)le->buf[le->cur] & 0xC0) == 0x80) ||
	    (le->max && le_chars(le) > le->max))
		__builtin_trap();
	for (size_t i = 0; i < le->len; i++)
		if ((unsigned char)le->buf[i] < 0x20 || le->buf[i] == 0x7f)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lineedit le;
	le_init(&le, size ? data[0] % 24 : 0);
	for (size_t i = 1; i < size;) {
		if (data[i] < 16) {
			switch (data[i]) {
			case 0: le_left(&le); break;
			case 1: le_right(&le); break;
			case 2: le_home(&le); break;
			case 3: le_end(&le); break;
			case 4: le_backspace(&le); break;
			case 5: le_delete(&le); break;
			case 6: le_kill_end(&le); break;
			case 7: le_kill_start(&le); break;
			case 8: le_kill_word(&le); break;
			default: {
				size_t a, b;
				int x;
				le_view(&le, data[i], &a, &b, &x);
				if (a > b || b > le.len || x < 0 || x > (data[i] < 2 ? 2 : data[i]))
					__builtin_trap();
			}
			}
			i++;
		} else {
			size_t j = i;
			while (j < size && data[j] >= 16)
				j++;
			char *text = x_strndup((const char *)data + i, j - i);
			le_insert(&le, text);
			x_free(&text);
			i = j;
		}
		check(&le);
	}
	le_free(&le);
	return 0;
}
