/* Fuzz target: the multi-line text area under any sequence of edits.
 * Each input byte below 16 is an operation (the width for the ones
 * that need it comes from the first byte); runs of other bytes,
 * including line breaks spelt as 0x10, are typed or pasted text. */
#include "fuzz.h"

#include "core/textarea.h"
#include "core/text.h"
#include "core/xalloc.h"

#include <string.h>

static void check(const struct textarea *ta, int width)
{
	if (strlen(ta->buf) != ta->len || !utf8_valid(ta->buf, ta->len) || ta->cur > ta->len ||
	    (ta->cur < ta->len && ((unsigned char)ta->buf[ta->cur] & 0xC0) == 0x80) ||
	    (ta->max && ta_chars(ta) > ta->max))
		__builtin_trap();
	for (size_t i = 0; i < ta->len; i++)
		if (((unsigned char)ta->buf[i] < 0x20 && ta->buf[i] != '\n') || ta->buf[i] == 0x7f)
			__builtin_trap();
	/* Lines cover the text in order, none wider than the width (a
	 * single character wider than it stands alone), the cursor in one. */
	struct ta_line *l;
	int n = ta_layout(ta, width, &l);
	size_t prev_end = 0;
	for (int i = 0; i < n; i++) {
		if (l[i].start > l[i].end || l[i].end > ta->len || l[i].start < prev_end)
			__builtin_trap();
		size_t len = l[i].end - l[i].start, chars = 0;
		for (size_t k = 0; k < len; k++)
			chars += ((unsigned char)ta->buf[l[i].start + k] & 0xC0) != 0x80;
		int w = text_width_n(ta->buf + l[i].start, len);
		if (w > (width < 2 ? 2 : width) && chars > 1)
			__builtin_trap();
		prev_end = l[i].end;
	}
	x_free(&l);
	int line, col;
	ta_cursor(ta, width, &line, &col);
	if (line < 0 || line >= n || col < 0)
		__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct textarea ta;
	ta_init(&ta, size ? data[0] % 40 : 0);
	int width = size ? 1 + data[0] % 12 : 8;
	for (size_t i = 1; i < size;) {
		if (data[i] < 16) {
			switch (data[i]) {
			case 0: ta_left(&ta); break;
			case 1: ta_right(&ta); break;
			case 2: ta_home(&ta, width); break;
			case 3: ta_end(&ta, width); break;
			case 4: ta_backspace(&ta); break;
			case 5: ta_delete(&ta); break;
			case 6: ta_kill_end(&ta); break;
			case 7: ta_up(&ta, width); break;
			case 8: ta_down(&ta, width); break;
			case 9: ta_insert(&ta, "\n"); break;
			default: ta_scroll_to_cursor(&ta, width, data[i] - 9); break;
			}
			i++;
		} else {
			size_t j = i;
			while (j < size && data[j] >= 16)
				j++;
			char *text = x_strndup((const char *)data + i, j - i);
			ta_insert(&ta, text);
			x_free(&text);
			i = j;
		}
		check(&ta, width);
	}
	ta_free(&ta);
	return 0;
}
