/* core/meeting.h - the rules of a consultation meeting (议事协商): its
 * lifecycle, the quorum and the majority.
 *
 *   议题征集 → 预告 → 召开 → 决议 → 公示 → 落实反馈 ; 议题征集 / 预告 → 取消
 *
 * 城市居民委员会组织法 art. 9: a meeting needs more than half of those
 * entitled present; a decision needs more than half of those present.
 * Attendees who sent a proxy (委托) count as present. */
#ifndef JUWEI_MEETING_H
#define JUWEI_MEETING_H

#include <stdbool.h>

#include "codes.h"
#include "register.h"
#include "resident.h"

#define MEETING_STATES 7
/* The states, in order (NULL-terminated). */
extern const char *const meeting_states[MEETING_STATES + 1];

/* The states a meeting may move to from `from` (NULL-terminated in out,
 * room for MEETING_STATES + 1); returns how many. */
int meeting_moves(const char *from, const char **out);
bool meeting_move_allowed(const char *from, const char *to);

/* Does an attendance mark count as present (出席, and 委托 by proxy)? */
bool meeting_counts_present(const char *attendance);

/* More than half of those entitled present (false when nobody is entitled). */
bool meeting_quorum(int present, int entitled);

/* A topic's votes and the decision the clerk records: 通过, 未通过, 搁置
 * or 无需表决.  Checks that the votes fit the number present, that 通过
 * has the quorum and more than half of those present for it, and that
 * 未通过 is not recorded for votes that carry.  Messages keyed by field:
 * votes_for, decision. */
struct topic_vote {
	int present, entitled;
	int votes_for, votes_against, abstain;
	const char *decision;
};
void meeting_check_vote(const struct topic_vote *v, struct check *out);
/* What the numbers decide: 通过 or 未通过 (未通过 without a quorum). */
const char *meeting_vote_result(const struct topic_vote *v);


/* A meeting's fields: kind, title, date, time HH:MM, entitled >= 0.
 * Keys: kind, title, date, time, entitled. */
void meeting_check(const struct meeting_rec *m, struct check *out);
/* A move of m (its state, date, time and the steps in its history),
 * dated date: allowed from the state, not in the future, and not before
 * the step before it.  召开 not before the meeting's date and time (now,
 * "HH:MM", when the meeting is today), 决议 not before 召开, 公示 not
 * before 决议 (nor its posting), and no step of a held meeting before its
 * date.  公示 needs its start and end.  Keys: to, date, publish_start,
 * publish_end. */
void meeting_check_move(const struct meeting_rec *m, const char *to, const char *date, const char *publish_start,
			const char *publish_end, const char *today, const char *now, struct check *out);
/* The date (into buf, 11 bytes) of the last step into state recorded in
 * a meeting's history, lines "date user from → to"; state NULL: of the
 * last step of any kind.  False when there is none. */
bool meeting_step_date(const char *history, const char *state, char *buf);
/* A meeting's attendance, topics and votes may change until it has
 * decided (议题征集, 预告, 召开).  From 决议 on they are its record:
 * a mistake is corrected by an amendment (更正), which may be recorded
 * in 决议, 公示 and 落实反馈. */
bool meeting_record_open(const char *state);
bool meeting_amendable(const char *state);
/* Why the record of a meeting in state cannot change (what: "attendance"
 * or "topics"), for the message keyed key; nothing when it may. */
void meeting_check_open(const char *state, const char *what, const char *key, struct check *out);
/* An edit of a meeting read as was: once decided, its date, time and
 * the number entitled are its record; once held, its date is not after
 * the day it was held.  Keys: date, time, entitled. */
void meeting_check_edit(const struct meeting_rec *was, const struct meeting_rec *m, struct check *out);
/* A topic: a title; once voted or decided, meeting_check_vote() with the
 * number present and entitled.  Keys: title, votes_for, decision. */
void meeting_check_item(const struct meeting_item *it, int present, int entitled, struct check *out);
/* A follow-up note: a date (not in the future) and text.  Keys: date, text. */
void meeting_check_follow_up(const char *date, const char *text, const char *today, struct check *out);

/* The register's gateway to meetings; the saving calls check first and
 * return DB_OK with the messages in out when they refuse. */
enum db_status reg_meeting_save(struct reg *r, struct meeting_rec *m, struct check *out);
enum db_status reg_meeting_move(struct reg *r, const struct meeting_rec *m, const char *to, const char *date,
				const char *publish_start, const char *publish_end, const char *today, const char *now,
				struct check *out);
/* A topic, checked against those present now (and the number entitled,
 * else those listed); refused once the meeting has decided (key
 * decision). */
enum db_status reg_meeting_item_save(struct reg *r, int64_t meeting_id, struct meeting_item *it,
				     struct check *out);
enum db_status reg_meeting_follow_up(struct reg *r, int64_t item_id, const char *date, const char *text,
				     const char *today, struct check *out);
enum db_status reg_meeting(struct reg *r, int64_t id, struct meeting_rec *m, struct meeting_attendee **a,
			   int *na, struct meeting_item **it, int *ni);
enum db_status reg_meeting_page(struct reg *r, const struct meeting_filter *f, const struct meeting_row *from,
				int dir, bool inclusive, int limit, struct meeting_row *out, int *n);
enum db_status reg_meeting_count(struct reg *r, const struct meeting_filter *f, int *n);
/* The attendance may change until the meeting has decided (key
 * attendance, with the message, when it has). */
enum db_status reg_meeting_attendee_add(struct reg *r, int64_t meeting_id, const struct meeting_attendee *a,
					struct check *out);
/* Mark an attendee over the mark shown (was): DB_ERR_CONFLICT when
 * another clerk marked them otherwise meanwhile. */
enum db_status reg_meeting_attendance(struct reg *r, int64_t attendee_id, const char *was, const char *attendance,
				      struct check *out);
enum db_status reg_meeting_attendee_remove(struct reg *r, int64_t attendee_id, struct check *out);
/* Topics may be removed until the meeting has decided.  Key: topic. */
enum db_status reg_meeting_item_remove(struct reg *r, int64_t item_id, struct check *out);

/* An amendment (更正) of a decided meeting: what it corrects (kind
 * 到会情况, 议题 or 表决, and subject: whom or which topic), the
 * correction and the reason, both required, dated (not in the future,
 * not before the decision).  Keys: kind, subject, correction, reason,
 * date. */
extern const char *const meeting_amend_kinds[];
void meeting_check_amendment(const struct meeting_rec *m, const struct meeting_amendment *a, const char *today,
			     struct check *out);
enum db_status reg_meeting_amend(struct reg *r, int64_t meeting_id, struct meeting_amendment *a, const char *today,
				 struct check *out);
/* The amendments of a meeting, in the order written. */
enum db_status reg_meeting_amendments(struct reg *r, int64_t meeting_id, struct meeting_amendment **out, int *n);
enum db_status reg_meeting_present(struct reg *r, int64_t meeting_id, int *present, int *listed);
/* Today: decisions awaiting publication, and published ones without a
 * follow-up for *days (the setting meeting.follow_up_days, 30). */
enum db_status reg_meetings_due(struct reg *r, const char *today, struct meeting_row **out, int *n,
				int *days);


/* The documents (core/meeting_docs.c): 会议通知, 会议纪要, 公示. */
struct doc;
struct doc *meeting_doc_notice(const struct meeting_rec *m, const struct meeting_item *it, int ni,
			       const char *committee);
struct doc *meeting_doc_minutes(const struct meeting_rec *m, const struct meeting_attendee *a, int na,
				const struct meeting_item *it, int ni, const struct meeting_amendment *am, int nam,
				const char *committee);
struct doc *meeting_doc_publication(const struct meeting_rec *m, const struct meeting_item *it, int ni,
				    const char *committee);
/* The file name of document kind of a meeting (no directory or
 * extension, safe for Windows): its date, its title and the kind,
 * "2026-12-10-楼道堆物整治议事会-会议通知". */
char *meeting_doc_file_name(const char *date, const char *title, const char *kind);

#endif
