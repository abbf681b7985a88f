/* core/text.h - UTF-8, display width, fitting and sanitising.
 *
 * Everything that reaches the screen goes through here.  Widths follow
 * the Unicode East Asian Width property the way wcwidth() of a UTF-8
 * locale does: W and F are two columns, combining marks and format
 * characters zero, the rest one.  East Asian Ambiguous characters are
 * one column unless text_set_ambiguous_wide(true) was called.
 *
 * Strings are NUL-terminated UTF-8 unless a length is given.
 */
#ifndef JUWEI_TEXT_H
#define JUWEI_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TEXT_REPLACEMENT 0xFFFDu

/* Decode one code point from s[0..len).  Returns the number of bytes
 * consumed (1..4, never 0 when len > 0).  Malformed, overlong,
 * surrogate or out-of-range sequences yield *cp = TEXT_REPLACEMENT and
 * consume exactly one byte. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encode cp into out (at least 4 bytes).  Returns the byte count;
 * invalid code points are encoded as U+FFFD. */
size_t utf8_encode(uint32_t cp, char *out);

/* True when s[0..len) is entirely well-formed UTF-8. */
bool utf8_valid(const char *s, size_t len);

/* Display columns of one code point: 0, 1 or 2.  Control characters
 * report 0 here; text_sanitize() replaces them before anything is
 * measured for drawing. */
int text_cp_width(uint32_t cp);

/* Treat East Asian Ambiguous characters as two columns. */
void text_set_ambiguous_wide(bool wide);
bool text_ambiguous_wide(void);

/* Display columns of a (sanitised) string. */
int text_width(const char *s);
int text_width_n(const char *s, size_t len);

/* Bidi controls and zero-width characters, which sanitising drops. */
bool text_cp_invisible(uint32_t cp);

/* Return a newly allocated, sanitised copy of s[0..len):
 *  - invalid UTF-8 becomes U+FFFD;
 *  - C0 controls, DEL and C1 controls become a visible caret form
 *    ("^[" for ESC, "^G" for BEL, "^?" for DEL, "^@".."^_"; C1 as "<80>"
 *    style hex in angle brackets);
 *  - TAB becomes one space, so fields never jump;
 *  - bidi controls (U+061C, U+200E, U+200F, U+202A..U+202E,
 *    U+2066..U+2069) and zero-width characters (U+200B..U+200D, U+2060,
 *    U+FEFF) are dropped.
 * The result contains no byte below 0x20 and no DEL.  len may be
 * (size_t)-1 to mean strlen(s).  s may be NULL: returns "". */
char *text_sanitize(const char *s, size_t len);

/* Same, but newlines are kept (for multi-line text areas). */
char *text_sanitize_multiline(const char *s, size_t len);

/* Typed or pasted text made fit for an editor: control and invisible
 * characters are dropped rather than shown, TAB becomes a space, and line
 * breaks (CR, LF, CRLF) become '\n' when multiline, else a space.
 * *chars receives the number of characters kept.  Newly allocated. */
char *text_clean_input(const char *s, bool multiline, size_t *chars);

/* The longest prefix of s (in bytes) that fits in cols display columns,
 * without any ellipsis; *used receives its width.  Wide characters are
 * never split. */
size_t text_prefix(const char *s, int cols, int *used);

/* The bytes of s for one line of at most cols columns when wrapping
 * text: as text_prefix(), but a line does not start with closing
 * punctuation (。，、）…) nor end with an opening bracket (（「…): the
 * line's last character (the whole word, when it ends one) goes down
 * with it instead; and a word of Latin
 * letters and digits (an ID number, a phone) goes down whole unless it
 * alone is longer than the line. */
size_t text_line_break(const char *s, int cols);

/* How many bytes of s fit into cols display columns.  If the whole
 * string does not fit, room is kept for the ellipsis (text_ellipsis())
 * and *cut is set.  *used receives the columns of the returned prefix
 * (not counting the ellipsis).  Wide characters are never split. */
size_t text_fit(const char *s, int cols, int *used, bool *cut);

/* The ellipsis used by fit: "…" (its width follows the ambiguous
 * setting), or "~" after text_set_ascii(true). */
const char *text_ellipsis(void);
void text_set_ascii(bool ascii);

enum text_align { TEXT_LEFT, TEXT_RIGHT, TEXT_CENTER };

/* Newly allocated string of exactly cols display columns: s fitted
 * (with ellipsis when cut) and padded with spaces according to align.
 * If a wide character would straddle the edge, a space fills the gap. */
char *text_pad(const char *s, int cols, enum text_align align);

/* Column offsets for the line editor: for each code point of s, the
 * byte offset and the display column where it starts.  Returns the
 * number of code points; *byte_off and *col_off are newly allocated
 * arrays of n+1 entries (the last one is the end of the string). */
size_t text_offsets(const char *s, size_t **byte_off, int **col_off);

/* Number of code points in s. */
size_t text_chars(const char *s);

#endif
