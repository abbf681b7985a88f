/* db/draft.h - unfinished forms, kept per user, form and record.
 *
 * A form's content (JSON text) is saved on a timer and on hang-up; the
 * next time the same user opens that form (or juwei) it is offered
 * back.  Saving replaces the earlier draft of the same form. */
#ifndef JUWEI_DB_DRAFT_H
#define JUWEI_DB_DRAFT_H

#include <stdint.h>

#include "db.h"

/* The acting user's draft of form for record_id (0: a new record). */
enum db_status db_draft_save(struct db *db, const char *form, int64_t record_id, const char *json);
/* DB_ERR_NOTFOUND when there is none; *json and *saved_at newly allocated. */
enum db_status db_draft_load(struct db *db, const char *form, int64_t record_id,
			     char **json, char **saved_at);
enum db_status db_draft_delete(struct db *db, const char *form, int64_t record_id);

struct draft_info {
	char *form;
	int64_t record_id;
	char *saved_at;
};
/* The acting user's drafts, newest first; *out newly allocated. */
enum db_status db_draft_list(struct db *db, struct draft_info **out, int *n);
/* Free a list from db_draft_list and clear the caller's pointer. */
void draft_info_free(struct draft_info **d, int *n);

#endif
