/* db/draft.h - unfinished forms, kept per user, form, record and
 * session (migration 009).
 *
 * A form's content (JSON text) is saved on a timer and on hang-up.  The
 * session that typed it gets it back, and so does any session of the
 * same user once that one has ended (core decides which sessions are
 * gone, db/session.h keeps them).  Saving replaces the session's earlier
 * draft of the same form. */
#ifndef JUWEI_DB_DRAFT_H
#define JUWEI_DB_DRAFT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"

/* This session's draft of form for record_id (0: a new record). */
enum db_status db_draft_save(struct db *db, const char *form, int64_t record_id, const char *json);
/* Delete this session's draft of form for record_id. */
enum db_status db_draft_delete(struct db *db, const char *form, int64_t record_id);

/* A draft of the acting user, with the session that wrote it. */
struct draft_info {
	int64_t id, record_id, session_id;   /* session 0: ended (or of an older juwei) */
	char *form, *saved_at;
	char *host, *started;                /* of its session; "" when none */
	int64_t pid;
	char *seen_at;
};
/* The acting user's drafts (of form and record_id when form is not
 * NULL), newest first; *out newly allocated. */
enum db_status db_draft_list(struct db *db, const char *form, int64_t record_id, struct draft_info **out, int *n);
void draft_info_free(struct draft_info **d, int *n);
/* The text of draft id. */
enum db_status db_draft_data(struct db *db, int64_t id, char **json);
/* Make draft id this session's (replacing this session's own of the
 * same form and record). */
enum db_status db_draft_adopt(struct db *db, int64_t id);

#endif
