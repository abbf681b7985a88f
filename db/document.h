/* db/document.h - the files documents were written to, and whose they
 * are (the table document_file). */
#ifndef JUWEI_DB_DOCUMENT_H
#define JUWEI_DB_DOCUMENT_H

#include "db.h"

/* Does the file at path hold document kind of record (as juwei wrote
 * it)?  *ours false for a file of another record or one not known. */
enum db_status db_document_is(struct db *db, const char *path, const char *record, const char *kind, bool *ours);
/* The file at path now holds document kind of record. */
enum db_status db_document_written(struct db *db, const char *path, const char *record, const char *kind);

#endif
