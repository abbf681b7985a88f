/* core/roster.c - rosters for meetings: their rules and the gateway. */
#include "roster.h"

#include "access.h"
#include "db/db.h"
#include "db/meeting.h"
#include "db/roster.h"
#include "i18n.h"
#include "meeting.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

static bool blank(const char *s)
{
	return !s || !*s;
}

void roster_check(struct roster *ro, struct check *out)
{
	out->n = 0;
	check_trim(&ro->name);
	if (blank(ro->name))
		check_add(out, "name", false, "%s", _("This field is required."));
	else if (text_chars(ro->name) > ROSTER_NAME_MAX)
		check_add(out, "name", false, _("Too long: at most %d characters."), ROSTER_NAME_MAX);
}

enum db_status reg_rosters(struct reg *r, struct roster **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_rosters(r->db, out, n) : s;
}

enum db_status reg_roster(struct reg *r, int64_t id, struct roster *out, struct roster_member **m, int *n)
{
	memset(out, 0, sizeof *out);
	if (m) {
		*m = NULL;
		*n = 0;
	}
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_roster_get(r->db, id, out);
	if (s == DB_OK && m && (s = db_roster_members(r->db, id, m, n)) != DB_OK)
		roster_free(out);
	return s;
}

enum db_status reg_roster_save(struct reg *r, struct roster *ro, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_MEETING_WRITE);
	if (s != DB_OK)
		return s;
	roster_check(ro, out);
	if (!check_ok(out))
		return DB_OK;
	int64_t other;
	if ((s = db_roster_named(r->db, ro->name, &other)) != DB_OK)
		return s;
	if (other && other != ro->id) {
		check_add(out, "name", false, "%s", _("Another roster has this name."));
		return DB_OK;
	}
	return db_roster_save(r->db, ro);
}

enum db_status reg_roster_delete(struct reg *r, int64_t id, int64_t version)
{
	enum db_status s = reg_allow(r, P_MEETING_WRITE);
	return s == DB_OK ? db_roster_delete(r->db, id, version) : s;
}

enum db_status reg_roster_member_add(struct reg *r, int64_t roster_id, struct roster_member *m, struct check *out)
{
	out->n = 0;
	enum db_status s = reg_allow(r, P_MEETING_WRITE);
	if (s != DB_OK)
		return s;
	if (!m->resident_id) {
		check_trim(&m->name);
		if (blank(m->name))
			check_add(out, "name", false, "%s",
				  _("Choose a resident, or give the name of someone from outside."));
	}
	if (!check_ok(out))
		return DB_OK;
	struct roster_member *have;
	int n;
	if ((s = db_roster_members(r->db, roster_id, &have, &n)) != DB_OK)
		return s;
	for (int i = 0; i < n && check_ok(out); i++)
		if (m->resident_id ? have[i].resident_id == m->resident_id
				   : !have[i].resident_id && strcmp(have[i].name, m->name) == 0)
			check_add(out, m->resident_id ? "resident" : "name", false, _("%s is on this roster already."),
				  have[i].name);
	roster_members_free(&have, &n);
	if (!check_ok(out))
		return DB_OK;
	return db_roster_member_add(r->db, roster_id, m);
}

enum db_status reg_roster_member_remove(struct reg *r, int64_t member_id)
{
	enum db_status s = reg_allow(r, P_MEETING_WRITE);
	return s == DB_OK ? db_roster_member_delete(r->db, member_id) : s;
}

/* Is a (a resident, or a name from outside) among the n attendees? */
static bool listed(const struct meeting_attendee *have, int n, int64_t resident_id, const char *name)
{
	for (int i = 0; i < n; i++)
		if (resident_id ? have[i].resident_id == resident_id
				: !have[i].resident_id && strcmp(have[i].name, name) == 0)
			return true;
	return false;
}

/* Add the n people of from to the meeting's attendees, in one
 * transaction, each through reg_meeting_attendee_add(). */
static enum db_status add_people(struct reg *r, int64_t meeting_id, const struct meeting_attendee *from, int n,
				 int *added, int *skipped, struct check *out)
{
	*added = *skipped = 0;
	out->n = 0;
	enum db_status s = reg_allow(r, P_MEETING_WRITE);
	if (s != DB_OK)
		return s;
	if ((s = db_begin(r->db)) != DB_OK)
		return s;
	struct meeting_attendee *have;
	int nh;
	if ((s = db_meeting_attendees(r->db, meeting_id, &have, &nh)) != DB_OK) {
		db_rollback(r->db);
		return s;
	}
	for (int i = 0; i < n && s == DB_OK; i++) {
		if (listed(have, nh, from[i].resident_id, from[i].name)) {
			(*skipped)++;
			continue;
		}
		/* Not yet arrived: c marks them present as they come. */
		struct meeting_attendee a = from[i];
		a.attendance = "缺席";
		a.proxy_name = NULL;
		s = reg_meeting_attendee_add(r, meeting_id, &a, out);
		if (s == DB_OK && !check_ok(out))
			break; /* refused: the reason is in out, nothing is kept */
		if (s == DB_OK) {
			(*added)++;
			/* The same person twice in the source counts once. */
			have = x_realloc(have, (size_t)(nh + 1) * sizeof *have);
			have[nh] = (struct meeting_attendee){ .resident_id = a.resident_id,
							      .name = x_strdup(a.name ? a.name : "") };
			nh++;
		}
	}
	meeting_attendees_free(&have, &nh);
	if (s == DB_OK && check_ok(out) && (s = db_commit(r->db)) == DB_OK)
		return DB_OK;
	db_rollback(r->db);
	*added = *skipped = 0;
	return s;
}

enum db_status reg_meeting_add_roster(struct reg *r, int64_t meeting_id, int64_t roster_id, int *added,
				      int *skipped, struct check *out)
{
	out->n = 0;
	*added = *skipped = 0;
	struct roster ro;
	struct roster_member *m;
	int n;
	enum db_status s = reg_roster(r, roster_id, &ro, &m, &n);
	if (s != DB_OK)
		return s;
	struct meeting_attendee *from = x_calloc((size_t)(n > 0 ? n : 1), sizeof *from);
	for (int i = 0; i < n; i++)
		from[i] = (struct meeting_attendee){ .resident_id = m[i].resident_id, .name = m[i].name,
						     .organisation = m[i].organisation, .role = m[i].role };
	s = add_people(r, meeting_id, from, n, added, skipped, out);
	x_free(&from);
	roster_members_free(&m, &n);
	roster_free(&ro);
	return s;
}

enum db_status reg_meeting_copy_attendees(struct reg *r, int64_t meeting_id, int64_t from_meeting, int *added,
					  int *skipped, struct check *out)
{
	out->n = 0;
	*added = *skipped = 0;
	if (from_meeting == meeting_id)
		return DB_ERR_NOTFOUND;
	struct meeting_attendee *a;
	int n;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	if (s == DB_OK)
		s = db_meeting_attendees(r->db, from_meeting, &a, &n);
	if (s != DB_OK)
		return s;
	s = add_people(r, meeting_id, a, n, added, skipped, out);
	meeting_attendees_free(&a, &n);
	return s;
}

enum db_status reg_meeting_sources(struct reg *r, int64_t meeting_id, struct meeting_source **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_REGISTER_READ);
	return s == DB_OK ? db_meeting_sources(r->db, meeting_id, 50, out, n) : s;
}
