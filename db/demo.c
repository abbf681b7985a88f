/* db/demo.c - the INSERTs of the demo community generator. */
#include "demo.h"

#include "internal.h"

#include "core/xalloc.h"

#define WHO "juwei_user(), juwei_user()"

enum {
	S_COMMUNITY, S_STAFF, S_GRID, S_STAFF_GRID, S_DWELLING, S_HOUSEHOLD, S_RESIDENT,
	S_RESIDENT_TAG, S_HOUSEHOLD_TAG, S_VISIT, S_VISIT_REPORT, S_CASE, S_PARTY, S_EVENT,
	S_CASE_CLOSED, S_MEETING, S_MEETING_STATE, S_ATTENDEE, S_ITEM, S_ROSTER, S_ROSTER_MEMBER, S_ROSTER_HEADS, S_COUNT
};

static const char *const sql[S_COUNT] = {
	[S_COMMUNITY] = "INSERT INTO community(name, area_code, street, district, address, phone,"
		" short_name, created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " WHO ")",
	[S_STAFF] = "INSERT INTO staff(name, role, os_login, phone, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, " WHO ")",
	[S_GRID] = "INSERT INTO grid(code, name, worker_id, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, " WHO ")",
	[S_STAFF_GRID] = "INSERT INTO staff_grid(staff_id, grid_id, created_by, updated_by)"
		" VALUES (?1, ?2, " WHO ")",
	[S_DWELLING] = "INSERT INTO dwelling(grid_id, compound, building, unit, room, tenure,"
		" created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " WHO ")",
	[S_HOUSEHOLD] = "INSERT INTO household(dwelling_id, reg_no, kind, phone, notes, status,"
		" created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " WHO ")",
	[S_RESIDENT] = "INSERT INTO resident(household_id, name, sex, birth_date, id_number,"
		" ethnicity, relation, phone, political, education, occupation, employment,"
		" residence_type, arrival_date, arrival_reason, status, status_date, moved_to, notes,"
		" created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		" coalesce(?13, '户籍在住'), ?14, ?15, coalesce(?16, '在住'), ?17, ?18, ?19, " WHO ")",
	[S_RESIDENT_TAG] = "INSERT INTO resident_tag(resident_id, tag_id, since, note, created_by,"
		" updated_by) VALUES (?1, (SELECT id FROM tag WHERE name = ?2), ?3, ?4, " WHO ")",
	[S_HOUSEHOLD_TAG] = "INSERT INTO household_tag(household_id, tag_id, since, note, created_by,"
		" updated_by) VALUES (?1, (SELECT id FROM tag WHERE name = ?2), ?3, ?4, " WHO ")",
	[S_VISIT] = "INSERT INTO visit(household_id, resident_id, visit_date, staff_id, method_id,"
		" purpose_id, findings, needs, follow_up, next_visit_date, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, (SELECT id FROM visit_method WHERE name = ?5),"
		" (SELECT id FROM visit_purpose WHERE name = ?6), ?7, ?8, ?9, ?10, " WHO ")",
	[S_VISIT_REPORT] = "INSERT INTO visit_report(visit_id, item_id, created_by, updated_by)"
		" VALUES (?1, (SELECT id FROM must_report_item WHERE name = ?2), " WHO ")",
	[S_CASE] = "INSERT INTO mediation_case(year, seq, case_no, accepted_date, source, type_id,"
		" summary, claims, state, result, facts, agreement, perform_manner, perform_place,"
		" perform_deadline, copies, referred_to, closed_date, registrar_id, mediator_id,"
		" co_mediator_id, created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5,"
		" (SELECT id FROM dispute_type WHERE name = ?6), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
		" ?15, ?16, ?17, ?18, ?19, ?20, ?21, " WHO ")",
	[S_PARTY] = "INSERT INTO case_party(case_id, role, resident_id, name, sex, ethnicity, age,"
		" id_number, occupation, phone, address, sort, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, " WHO ")",
	[S_EVENT] = "INSERT INTO case_event(case_id, kind, event_date, staff_id, text, from_state,"
		" to_state, performance, satisfaction, flare_up, method, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, " WHO ")",
	[S_MEETING] = "INSERT INTO meeting(kind_id, title, meeting_date, start_time, place, host_id,"
		" recorder_id, entitled, state, state_history, minutes, publish_start, publish_end,"
		" created_by, updated_by) VALUES ((SELECT id FROM meeting_kind WHERE name = ?1),"
		" ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, " WHO ")",
	/* Unversioned: the demo's own case, just written in this
	 * transaction, closed on the day of its last step. */
	[S_CASE_CLOSED] = "UPDATE mediation_case SET closed_date = ?2 WHERE id = ?1",
	/* Unversioned: the demo's own meeting, just written in this
	 * transaction, reaching its state once its record is in. */
	[S_MEETING_STATE] = "UPDATE meeting SET state = ?2 WHERE id = ?1",
	[S_ROSTER] = "INSERT INTO roster(name, notes, created_by, updated_by) VALUES (?1, ?2, " WHO ")",
	/* A member of staff on a roster is listed by name (staff are not residents). */
	[S_ROSTER_MEMBER] = "INSERT INTO roster_member(roster_id, resident_id, name, organisation, role, sort,"
		" created_by, updated_by) VALUES (?1, ?2, coalesce(?3, (SELECT name FROM staff WHERE id = ?7)),"
		" ?4, ?5, ?6, " WHO ")",
	/* One head of a household per building, by the building's first one. */
	[S_ROSTER_HEADS] = "INSERT INTO roster_member(roster_id, resident_id, role, sort, created_by, updated_by)"
		" SELECT ?1, id, building || '号楼楼组长', row_number() OVER (ORDER BY compound, building), " WHO
		" FROM (SELECT min(r.id) AS id, d.compound, d.building FROM resident r"
		"  JOIN household h ON h.id = r.household_id JOIN dwelling d ON d.id = h.dwelling_id"
		"  WHERE r.status = '在住' AND r.relation = '户主' AND h.status = '在住'"
		"  GROUP BY d.compound, d.building ORDER BY d.compound, d.building LIMIT ?2)",
	[S_ATTENDEE] = "INSERT INTO meeting_attendee(meeting_id, resident_id, name, organisation,"
		" role, attendance, proxy_name, sort, created_by, updated_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " WHO ")",
	[S_ITEM] = "INSERT INTO meeting_item(meeting_id, seq, title, proposal, discussion, votes_for,"
		" votes_against, votes_abstain, decision, decision_text, minority_opinion, follow_up,"
		" follow_up_date, created_by, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" ?10, ?11, ?12, ?13, " WHO ")",
};

struct demo_db {
	struct db *db;
	sqlite3_stmt *st[S_COUNT];
	int rc; /* first failure, SQLITE_OK while all is well */
};

struct demo_db *demo_db_open(struct db *db)
{
	struct demo_db *d = x_calloc(1, sizeof *d);
	d->db = db;
	/* A large community writes hundreds of megabytes (the audit log
	 * included) in one transaction; a bigger page cache keeps that from
	 * thrashing.  The connection is the demo's own, so nothing else
	 * pays for it. */
	sqlite3_exec(db->h, "PRAGMA cache_size = -131072", NULL, NULL, NULL);
	d->rc = db_begin(db) == DB_OK ? SQLITE_OK : sqlite3_errcode(db->h);
	for (int i = 0; i < S_COUNT && d->rc == SQLITE_OK; i++)
		if (!(d->st[i] = db_prepare(db, sql[i])))
			d->rc = sqlite3_errcode(db->h);
	return d;
}

enum db_status demo_db_close(struct demo_db **pd, bool commit)
{
	struct demo_db *d = *pd;
	if (!d)
		return DB_ERR_SQL;
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(d->st[i]);
	enum db_status s = db_status_of(d->rc);
	if (d->rc == SQLITE_OK && commit)
		s = db_commit(d->db);
	else if (s == DB_OK)
		s = DB_ERR_SQL; /* asked not to commit */
	if (s != DB_OK)
		db_rollback(d->db);
	x_free(pd);
	return s;
}

static void text(sqlite3_stmt *st, int i, const char *s)
{
	db_bind_text_or_null(st, i, s);
}

static void id(sqlite3_stmt *st, int i, int64_t v)
{
	if (v > 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void num(sqlite3_stmt *st, int i, int v)
{
	if (v >= 0)
		sqlite3_bind_int(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Start statement k: NULL once something has failed. */
static sqlite3_stmt *use(struct demo_db *d, int k)
{
	return d->rc == SQLITE_OK ? d->st[k] : NULL;
}

/* Run it; the new row's id, or 0 after a failure. */
static int64_t run(struct demo_db *d, sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE) {
		d->rc = rc;
		return 0;
	}
	return sqlite3_last_insert_rowid(d->db->h);
}

int64_t demo_db_community(struct demo_db *d, const char *name, const char *area_code,
			  const char *street, const char *district, const char *address,
			  const char *phone, const char *short_name)
{
	sqlite3_stmt *st = use(d, S_COMMUNITY);
	if (!st)
		return 0;
	text(st, 1, name);
	text(st, 2, area_code);
	text(st, 3, street);
	text(st, 4, district);
	text(st, 5, address);
	text(st, 6, phone);
	text(st, 7, short_name);
	return run(d, st);
}

int64_t demo_db_staff(struct demo_db *d, const char *name, const char *role,
		      const char *login, const char *phone)
{
	sqlite3_stmt *st = use(d, S_STAFF);
	if (!st)
		return 0;
	text(st, 1, name);
	text(st, 2, role);
	text(st, 3, login);
	text(st, 4, phone);
	return run(d, st);
}

int64_t demo_db_grid(struct demo_db *d, const char *code, const char *name, int64_t worker_id)
{
	sqlite3_stmt *st = use(d, S_GRID);
	if (!st)
		return 0;
	text(st, 1, code);
	text(st, 2, name);
	id(st, 3, worker_id);
	return run(d, st);
}

void demo_db_staff_grid(struct demo_db *d, int64_t staff_id, int64_t grid_id)
{
	sqlite3_stmt *st = use(d, S_STAFF_GRID);
	if (!st)
		return;
	id(st, 1, staff_id);
	id(st, 2, grid_id);
	run(d, st);
}

int64_t demo_db_dwelling(struct demo_db *d, int64_t grid_id, const char *compound,
			 const char *building, const char *unit, const char *room,
			 const char *tenure)
{
	sqlite3_stmt *st = use(d, S_DWELLING);
	if (!st)
		return 0;
	id(st, 1, grid_id);
	text(st, 2, compound);
	sqlite3_bind_text(st, 3, building, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, room, -1, SQLITE_STATIC);
	text(st, 6, tenure);
	return run(d, st);
}

int64_t demo_db_household(struct demo_db *d, int64_t dwelling_id, const char *reg_no,
			  const char *kind, const char *phone, const char *notes,
			  const char *status)
{
	sqlite3_stmt *st = use(d, S_HOUSEHOLD);
	if (!st)
		return 0;
	id(st, 1, dwelling_id);
	text(st, 2, reg_no);
	text(st, 3, kind);
	text(st, 4, phone);
	text(st, 5, notes);
	text(st, 6, status);
	return run(d, st);
}

int64_t demo_db_resident(struct demo_db *d, const struct demo_resident *r)
{
	sqlite3_stmt *st = use(d, S_RESIDENT);
	if (!st)
		return 0;
	id(st, 1, r->household_id);
	const char *v[] = { r->name, r->sex, r->birth_date, r->id_number, r->ethnicity,
			    r->relation, r->phone, r->political, r->education, r->occupation,
			    r->employment, r->residence_type, r->arrival_date, r->arrival_reason,
			    r->status, r->status_date, r->moved_to, r->notes };
	for (int i = 0; i < (int)ARRAY_SIZE(v); i++)
		text(st, i + 2, v[i]);
	return run(d, st);
}

static void tag(struct demo_db *d, int k, int64_t owner, const char *name,
		const char *since, const char *note)
{
	sqlite3_stmt *st = use(d, k);
	if (!st)
		return;
	id(st, 1, owner);
	text(st, 2, name);
	text(st, 3, since);
	text(st, 4, note);
	run(d, st);
}

void demo_db_resident_tag(struct demo_db *d, int64_t resident_id, const char *name,
			  const char *since, const char *note)
{
	tag(d, S_RESIDENT_TAG, resident_id, name, since, note);
}

void demo_db_household_tag(struct demo_db *d, int64_t household_id, const char *name,
			   const char *since, const char *note)
{
	tag(d, S_HOUSEHOLD_TAG, household_id, name, since, note);
}

int64_t demo_db_visit(struct demo_db *d, const struct demo_visit *v)
{
	sqlite3_stmt *st = use(d, S_VISIT);
	if (!st)
		return 0;
	id(st, 1, v->household_id);
	id(st, 2, v->resident_id);
	text(st, 3, v->date);
	id(st, 4, v->staff_id);
	text(st, 5, v->method);
	text(st, 6, v->purpose);
	text(st, 7, v->findings);
	text(st, 8, v->needs);
	sqlite3_bind_int(st, 9, v->follow_up ? 1 : 0);
	text(st, 10, v->next_date);
	return run(d, st);
}

void demo_db_visit_report(struct demo_db *d, int64_t visit_id, const char *item)
{
	sqlite3_stmt *st = use(d, S_VISIT_REPORT);
	if (!st)
		return;
	id(st, 1, visit_id);
	text(st, 2, item);
	run(d, st);
}

int64_t demo_db_case(struct demo_db *d, const struct demo_case *c)
{
	sqlite3_stmt *st = use(d, S_CASE);
	if (!st)
		return 0;
	sqlite3_bind_int(st, 1, c->year);
	sqlite3_bind_int(st, 2, c->seq);
	const char *v[] = { c->case_no, c->accepted, c->source, c->type, c->summary, c->claims,
			    c->state, c->result, c->facts, c->agreement, c->manner, c->place,
			    c->deadline };
	for (int i = 0; i < (int)ARRAY_SIZE(v); i++)
		text(st, i + 3, v[i]);
	num(st, 16, c->copies > 0 ? c->copies : -1);
	text(st, 17, c->referred_to);
	text(st, 18, c->closed);
	id(st, 19, c->registrar_id);
	id(st, 20, c->mediator_id);
	id(st, 21, c->co_mediator_id);
	return run(d, st);
}

void demo_db_party(struct demo_db *d, const struct demo_party *p)
{
	sqlite3_stmt *st = use(d, S_PARTY);
	if (!st)
		return;
	id(st, 1, p->case_id);
	text(st, 2, p->role);
	id(st, 3, p->resident_id);
	text(st, 4, p->name);
	text(st, 5, p->sex);
	text(st, 6, p->ethnicity);
	num(st, 7, p->age > 0 ? p->age : -1);
	text(st, 8, p->id_number);
	text(st, 9, p->occupation);
	text(st, 10, p->phone);
	text(st, 11, p->address);
	sqlite3_bind_int(st, 12, p->sort);
	run(d, st);
}

void demo_db_event(struct demo_db *d, const struct demo_event *e)
{
	sqlite3_stmt *st = use(d, S_EVENT);
	if (!st)
		return;
	id(st, 1, e->case_id);
	text(st, 2, e->kind);
	text(st, 3, e->date);
	id(st, 4, e->staff_id);
	text(st, 5, e->text);
	text(st, 6, e->from_state);
	text(st, 7, e->to_state);
	text(st, 8, e->performance);
	text(st, 9, e->satisfaction);
	num(st, 10, e->flare_up);
	text(st, 11, e->method);
	run(d, st);
}

int64_t demo_db_meeting(struct demo_db *d, const struct demo_meeting *m)
{
	sqlite3_stmt *st = use(d, S_MEETING);
	if (!st)
		return 0;
	text(st, 1, m->kind);
	text(st, 2, m->title);
	text(st, 3, m->date);
	text(st, 4, m->time);
	text(st, 5, m->place);
	id(st, 6, m->host_id);
	id(st, 7, m->recorder_id);
	num(st, 8, m->entitled);
	text(st, 9, m->state);
	text(st, 10, m->history);
	text(st, 11, m->minutes);
	text(st, 12, m->publish_start);
	text(st, 13, m->publish_end);
	return run(d, st);
}

void demo_db_case_closed(struct demo_db *d, int64_t case_id, const char *date)
{
	sqlite3_stmt *st = use(d, S_CASE_CLOSED);
	if (!st)
		return;
	id(st, 1, case_id);
	text(st, 2, date);
	run(d, st);
}

void demo_db_meeting_state(struct demo_db *d, int64_t meeting_id, const char *state)
{
	sqlite3_stmt *st = use(d, S_MEETING_STATE);
	if (!st)
		return;
	id(st, 1, meeting_id);
	text(st, 2, state);
	run(d, st);
}

void demo_db_attendee(struct demo_db *d, const struct demo_attendee *a)
{
	sqlite3_stmt *st = use(d, S_ATTENDEE);
	if (!st)
		return;
	id(st, 1, a->meeting_id);
	id(st, 2, a->resident_id);
	text(st, 3, a->name);
	text(st, 4, a->organisation);
	text(st, 5, a->role);
	text(st, 6, a->attendance);
	text(st, 7, a->proxy_name);
	sqlite3_bind_int(st, 8, a->sort);
	run(d, st);
}

void demo_db_item(struct demo_db *d, const struct demo_item *it)
{
	sqlite3_stmt *st = use(d, S_ITEM);
	if (!st)
		return;
	id(st, 1, it->meeting_id);
	sqlite3_bind_int(st, 2, it->seq);
	text(st, 3, it->title);
	text(st, 4, it->proposal);
	text(st, 5, it->discussion);
	num(st, 6, it->votes_for);
	num(st, 7, it->votes_against);
	num(st, 8, it->votes_abstain);
	text(st, 9, it->decision);
	text(st, 10, it->decision_text);
	text(st, 11, it->minority);
	text(st, 12, it->follow_up);
	text(st, 13, it->follow_up_date);
	run(d, st);
}

int64_t demo_db_roster(struct demo_db *d, const char *name, const char *notes)
{
	sqlite3_stmt *st = use(d, S_ROSTER);
	if (!st)
		return 0;
	text(st, 1, name);
	text(st, 2, notes);
	return run(d, st);
}

void demo_db_roster_member(struct demo_db *d, int64_t roster_id, int64_t resident_id, int64_t staff_id,
			   const char *name, const char *organisation, const char *role, int sort)
{
	sqlite3_stmt *st = use(d, S_ROSTER_MEMBER);
	if (!st)
		return;
	id(st, 1, roster_id);
	id(st, 2, resident_id);
	text(st, 3, name);
	text(st, 4, organisation);
	text(st, 5, role);
	sqlite3_bind_int(st, 6, sort);
	id(st, 7, staff_id);
	run(d, st);
}

void demo_db_roster_building_heads(struct demo_db *d, int64_t roster_id, int most)
{
	sqlite3_stmt *st = use(d, S_ROSTER_HEADS);
	if (!st)
		return;
	id(st, 1, roster_id);
	sqlite3_bind_int(st, 2, most);
	run(d, st);
}
