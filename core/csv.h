/* core/csv.h - reading CSV as Excel and WPS save it, a row at a time.
 *
 * RFC 4180: fields separated by commas, quoted with double quotes
 * (commas, quotes doubled, and line breaks inside), rows ended by CRLF
 * or LF.  The bytes may be UTF-8 (with or without a BOM) or GB18030/GBK;
 * the reader finds out which from the start of the file and hands out
 * UTF-8.  It streams: memory holds the current row, whatever the size
 * of the file. */
#ifndef JUWEI_CSV_H
#define JUWEI_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum csv_encoding { CSV_AUTO, CSV_UTF8, CSV_GB18030 };

/* The largest field taken (bytes of UTF-8); a longer one is an error. */
#define CSV_FIELD_MAX (4 << 20)

struct csv;

/* Read from f (not closed by the reader). */
struct csv *csv_open(FILE *f, enum csv_encoding enc);
void csv_close(struct csv **c);
/* The encoding in use (after detection). */
enum csv_encoding csv_encoding_of(const struct csv *c);

/* The next row: its fields (valid UTF-8, owned by the reader until the
 * next call), how many, and the line it starts on (1-based).  Returns
 * 1 for a row, 0 at the end, -1 on an error (csv_error() says what). */
int csv_next(struct csv *c, char ***fields, int *n, long *line);
/* What went wrong, in the UI language, and on which line. */
const char *csv_error(const struct csv *c, long *line);

/* Detect the encoding of the first bytes of a file. */
enum csv_encoding csv_detect(const char *buf, size_t len);

/* A CSV file for Excel/WPS: GB18030, or UTF-8 with a BOM, CRLF. */
struct csv_writer;
/* NULL when the system cannot convert to GB18030. */
struct csv_writer *csv_writer_open(FILE *out, enum csv_encoding enc);
/* One row; each cell goes through cell_defuse() first, and is quoted
 * when it holds a comma, a quote or a line break, or starts or ends
 * with a space. */
void csv_writer_row(struct csv_writer *w, const char *const *cells, int n);
/* Flush and free (out stays open); false when a write failed. */
bool csv_writer_close(struct csv_writer **w);

/* A cell as a spreadsheet must take it; newly allocated.  One that it
 * would run as a formula (= + - @, a tab) gets a leading '; a long
 * number (an ID number, 12 digits or more) or one with leading zeros
 * gets a leading tab, so that it stays text instead of turning into
 * 1.10105E+17 or losing its zeros. */
char *cell_defuse(const char *s);
/* Undo what cell_defuse() and a spreadsheet add around a value read
 * back, in place: spaces and tabs at both ends (ASCII, ideographic,
 * no-break), and the ' before a formula character. */
void cell_restore(char *s);

#endif
