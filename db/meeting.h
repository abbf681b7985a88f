/* db/meeting.h - consultation meetings: the list, a meeting with its
 * attendees and topics, moves between states, follow-up notes, and what
 * Today shows of them. */
#ifndef JUWEI_DB_MEETING_H
#define JUWEI_DB_MEETING_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "db.h"


/* Newest first (date, id); keyset pages as db_visit_page(). */
enum db_status db_meeting_page(struct db *db, const struct meeting_filter *f, const struct meeting_row *from,
			       int dir, bool inclusive, int limit, struct meeting_row *out, int *n);
enum db_status db_meeting_count(struct db *db, const struct meeting_filter *f, int *n);

enum db_status db_meeting_get(struct db *db, int64_t id, struct meeting_rec *m);
/* A new meeting (m->id set) or its fields saved with the version read
 * (kind, title, date, time, place, host, recorder, entitled, minutes,
 * notes). */
enum db_status db_meeting_save(struct db *db, struct meeting_rec *m);
/* A move of state, checked by core: the state, a line in the history
 * ("date user from → to"), and for 公示 the posting dates. */
enum db_status db_meeting_move(struct db *db, int64_t id, int64_t version, const char *from, const char *to,
			       const char *date, const char *publish_start, const char *publish_end);

enum db_status db_meeting_attendees(struct db *db, int64_t meeting_id, struct meeting_attendee **out, int *n);
/* Add (resident_id, or a name with organisation and role); attendance
 * as given. */
enum db_status db_meeting_attendee_add(struct db *db, int64_t meeting_id, const struct meeting_attendee *a);
/* Mark an attendee, over the mark that was read (was): DB_ERR_CONFLICT
 * when another session marked them otherwise meanwhile. */
enum db_status db_meeting_attendance(struct db *db, int64_t attendee_id, const char *was, const char *attendance);
enum db_status db_meeting_attendee_delete(struct db *db, int64_t attendee_id);
/* Those present (出席 and 委托) and those listed. */
enum db_status db_meeting_present(struct db *db, int64_t meeting_id, int *present, int *listed);

enum db_status db_meeting_items(struct db *db, int64_t meeting_id, struct meeting_item **out, int *n);
/* A new topic (it->id 0, numbered after the last) or its fields saved
 * with the version read. */
enum db_status db_meeting_item_save(struct db *db, int64_t meeting_id, struct meeting_item *it);
enum db_status db_meeting_item_delete(struct db *db, int64_t item_id);
/* Add a follow-up note to a topic: "date text" appended, the date kept. */
enum db_status db_meeting_follow_up(struct db *db, int64_t item_id, const char *date, const char *text);

/* The state of the meeting an attendee (attendee_id) or a topic
 * (item_id) belongs to, newly allocated; one of the two ids is 0. */
enum db_status db_meeting_state_of(struct db *db, int64_t attendee_id, int64_t item_id, char **state);

/* An amendment of a meeting, by the one signed in (a->id set); the
 * amendments of a meeting in the order written.  Writes to the record
 * of a decided meeting that the schema refuses (a race with a step)
 * return DB_ERR_CONFLICT. */
enum db_status db_meeting_amend(struct db *db, int64_t meeting_id, struct meeting_amendment *a);
enum db_status db_meeting_amendments(struct db *db, int64_t meeting_id, struct meeting_amendment **out, int *n);

/* Today: meetings whose decisions await publication (决议), and
 * published ones (公示, 落实反馈) with a passed topic that has had no
 * follow-up `days` or more after publication began. */
enum db_status db_meetings_due(struct db *db, const char *today, int days, struct meeting_row **out, int *n);

/* A setting's integer value (def when unset or not a number). */
int db_setting_int(struct db *db, const char *key, int def);
enum db_status db_setting_set_int(struct db *db, const char *key, int value);

#endif
