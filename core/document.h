/* core/document.h - the printed documents (调解 and 议事 forms): built as
 * a list of blocks, written as plain text aligned by display columns or
 * as HTML for the browser's print (A4 stylesheet, a Chinese font stack,
 * everything escaped).  Every text is sanitised: no data can change the
 * terminal or the page. */
#ifndef JUWEI_DOCUMENT_H
#define JUWEI_DOCUMENT_H

#include <stdbool.h>

struct doc;

/* A new document with its title (centred, bold). */
struct doc *doc_new(const char *title);
void doc_free(struct doc **d);

/* A line under the title, right-aligned (a case number, a date). */
void doc_subtitle(struct doc *d, const char *text);
/* A heading of a part. */
void doc_heading(struct doc *d, const char *text);
/* A paragraph; its own line breaks are kept. */
void doc_para(struct doc *d, const char *text);
/* "label：value"; the labels of consecutive fields share one width. */
void doc_field(struct doc *d, const char *label, const char *value);
/* A table: the header cells, then rows of the same number of cells. */
void doc_table(struct doc *d, int ncols, const char *const *head);
void doc_row(struct doc *d, const char *const *cells);
/* A line to sign on: "label：________" (and a date line when dated). */
void doc_sign(struct doc *d, const char *label, bool dated);
/* A line at the right (the committee's name, the date). */
void doc_right(struct doc *d, const char *text);

/* The document as text lines of at most width display columns, or as a
 * whole HTML page; newly allocated. */
char *doc_text(const struct doc *d, int width);
char *doc_html(const struct doc *d);

/* ---- files (core/docfile.c) ---- */

/* A file name (no directory) made safe on Windows and Unix alike: no
 * / \ : * ? " < > | nor control characters (each becomes _), no space
 * or dot at either end, not a device name (CON, NUL, COM1 ...), at most
 * 150 bytes (cut between characters).  Newly allocated; never empty. */
char *doc_file_safe(const char *name);
/* "record-kind", made safe: the name of document kind of a record. */
char *doc_file_name(const char *record, const char *kind);

struct reg;
/* Where document kind of record (a key such as "mediation_case:12")
 * goes when written to path: path itself when no file is there or the
 * file there holds the same document of the same record; else the first
 * of path-2, path-3 ... (before the extension) that is free or ours.
 * A file juwei does not know is never ours.  Newly allocated. */
char *reg_doc_path(struct reg *r, const char *path, const char *record, const char *kind);
/* Write text to the file reg_doc_path() gives (never over another
 * record's file, even one that appeared meanwhile) and remember whose it
 * is.  *written: the file written (newly allocated), or NULL when it
 * could not be (DB_ERR_CANTOPEN, errno kept). */
enum db_status reg_doc_write(struct reg *r, const char *path, const char *text, const char *record,
			     const char *kind, char **written);

#endif
