/* core/roster.h - rosters (名单) for meetings: named lists of people the
 * committee meets with again and again (居民代表, 楼组长, 两委成员,
 * 业委会 ...), residents of the register or people from outside, each
 * with an optional role.  A meeting takes a roster's members as its
 * attendees in one go, or the attendees of an earlier meeting; those
 * already listed are skipped, and the new ones start as 缺席 until they
 * are marked (c marks present).  Every attendee is added through
 * reg_meeting_attendee_add(), the one way attendance is written, so the
 * meeting's own rules hold for them too.
 *
 * Who may: reading as the register; changing a roster and adding it to
 * a meeting as keeping the meetings (P_MEETING_WRITE: 主任, 社工). */
#ifndef JUWEI_ROSTER_H
#define JUWEI_ROSTER_H

#include "check.h"
#include "register.h"

#define ROSTER_NAME_MAX 32

/* A roster's name: 1 to ROSTER_NAME_MAX characters (trimmed in place).
 * Key: name. */
void roster_check(struct roster *ro, struct check *out);

enum db_status reg_rosters(struct reg *r, struct roster **out, int *n);
/* One roster and its members (m may be NULL). */
enum db_status reg_roster(struct reg *r, int64_t id, struct roster *out, struct roster_member **m, int *n);
/* Add (id 0) or rename; a name another roster has is refused (messages
 * in out, DB_OK).  DB_ERR_CONFLICT when changed meanwhile. */
enum db_status reg_roster_save(struct reg *r, struct roster *ro, struct check *out);
enum db_status reg_roster_delete(struct reg *r, int64_t id, int64_t version);

/* Add a member: a resident (resident_id), or a name from outside.
 * Refused with messages (keys: resident, name): neither given; the
 * resident, or the same name from outside, is on the roster already. */
enum db_status reg_roster_member_add(struct reg *r, int64_t roster_id, struct roster_member *m, struct check *out);
enum db_status reg_roster_member_remove(struct reg *r, int64_t member_id);

/* Add the members of a roster, or the attendees of an earlier meeting,
 * to a meeting: *added new attendees (缺席 until marked), *skipped who
 * were listed already (the same resident, or the same name from
 * outside).  All or none: when the meeting's rules refuse an attendee,
 * nobody is added and out says why (DB_OK). */
enum db_status reg_meeting_add_roster(struct reg *r, int64_t meeting_id, int64_t roster_id, int *added,
				      int *skipped, struct check *out);
enum db_status reg_meeting_copy_attendees(struct reg *r, int64_t meeting_id, int64_t from_meeting, int *added,
					  int *skipped, struct check *out);
/* The other meetings with attendees to copy, newest first. */
enum db_status reg_meeting_sources(struct reg *r, int64_t meeting_id, struct meeting_source **out, int *n);

#endif
