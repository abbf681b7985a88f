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

/* Write one CSV field (quoted when it needs to be) to out. */
void csv_put_field(FILE *out, const char *s);

#endif
