/* tui/forms_roster.c - the forms of rosters (名单): a roster's name and
 * notes, a member (a resident found in the register, or a name from
 * outside, with organisation and role), and the two choices a meeting
 * offers: a roster whose members to add, or an earlier meeting whose
 * attendees to copy.  The list of a choice opens at once: Enter picks,
 * F2 adds. */
#include "app.h"

#include "core/roster.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"
#include "forms.h"
#include "views.h"

#include <stdio.h>
#include <string.h>

struct rctx {
	int64_t roster_id, meeting_id;
};

static struct form *new_form(const struct form_ops *ops, const char *title, int64_t roster_id, int64_t meeting_id)
{
	struct rctx *c = x_calloc(1, sizeof *c);
	c->roster_id = roster_id;
	c->meeting_id = meeting_id;
	return form_new(ops, c, title);
}

static void free_rctx(void *p)
{
	struct rctx *c = p;
	x_free(&c);
}

/* ---- a roster ---- */

static void roster_from(const struct form *f, struct roster *ro)
{
	memset(ro, 0, sizeof *ro);
	formrec_store(f, ro, roster_fields, roster_field_count, "");
	ro->id = f->record_id;
	ro->version = f->version;
}

static void roster_form_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	if (saving && !*form_get(f, "name"))
		form_msg(f, "name", _("This field is required."), false);
}

static enum db_status roster_save(struct app *app, struct form *f)
{
	struct roster ro;
	roster_from(f, &ro);
	struct check k;
	enum db_status s = reg_roster_save(&app->reg, &ro, &k);
	if (s == DB_ERR_CONFLICT) {
		form_msg(f, "name", _("Another session changed this roster meanwhile: Esc, and open it again."), false);
		s = DB_ERR_SQL;
	}
	s = forms_checked(f, s, &k, "name");
	if (s == DB_OK)
		app_message(app, false, f->record_id ? _("Roster saved: %s.") : _("Roster added: %s. Enter opens it; F5 there adds people."),
			    ro.name);
	check_free(&k);
	roster_free(&ro);
	return s;
}

static const struct form_ops roster_ops = {
	.check = roster_form_check,
	.save = roster_save,
	.closed = forms_saved,
	.free_ctx = free_rctx,
};

void forms_roster(struct app *app, int64_t id)
{
	struct roster ro = { 0 };
	if (id && reg_roster(&app->reg, id, &ro, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This roster was deleted by another session."));
		return;
	}
	char *title = id ? x_asprintf(_("Roster: %s"), ro.name) : x_strdup(_("A new roster"));
	struct form *f = new_form(&roster_ops, title, id, 0);
	x_free(&title);
	f->record_id = id;
	f->version = ro.version;
	formrec_add(app, f, roster_fields, roster_field_count, "", NULL);
	if (id)
		formrec_load(f, &ro, roster_fields, roster_field_count, "");
	roster_free(&ro);
	form_keep_drafts(f, id ? "roster" : "roster-new");
	form_open(app, f);
}

/* ---- a member ---- */

static void member_from(const struct form *f, struct roster_member *m)
{
	memset(m, 0, sizeof *m);
	formrec_store(f, m, roster_member_fields, roster_member_field_count, "");
}

static void roster_member_free_one(struct roster_member *m)
{
	rec_free(m, roster_member_fields, roster_member_field_count);
}

static void member_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	struct roster_member m;
	member_from(f, &m);
	if (saving && !m.resident_id && !*m.name)
		form_msg(f, "name", _("Choose a resident, or give the name of someone from outside."), false);
	roster_member_free_one(&m);
}

static enum db_status member_save(struct app *app, struct form *f)
{
	struct rctx *c = f->ctx;
	struct roster_member m;
	member_from(f, &m);
	struct check k;
	enum db_status s = reg_roster_member_add(&app->reg, c->roster_id, &m, &k);
	s = forms_checked(f, s, &k, "name");
	if (s == DB_OK)
		app_message(app, false, "%s", m.resident_id ? _("Added to the roster.") : _("Added to the roster (from outside)."));
	check_free(&k);
	roster_member_free_one(&m);
	return s;
}

static const struct form_ops member_ops = {
	.check = member_check,
	.save = member_save,
	.link_search = forms_resident_search,
	.closed = forms_saved,
	.free_ctx = free_rctx,
};

void forms_roster_member(struct app *app, int64_t roster_id)
{
	struct roster ro;
	if (reg_roster(&app->reg, roster_id, &ro, NULL, NULL) != DB_OK) {
		app_message(app, true, "%s", _("This roster was deleted by another session."));
		return;
	}
	char *title = x_asprintf(_("Add to the roster %s"), ro.name);
	roster_free(&ro);
	struct form *f = new_form(&member_ops, title, roster_id, 0);
	x_free(&title);
	formrec_add(app, f, roster_member_fields, roster_member_field_count, "", NULL);
	forms_drafts_under(f, "roster-member", roster_id);
	form_open(app, f);
}

/* ---- a meeting takes a roster, or an earlier meeting's attendees ---- */

static void said(struct app *app, struct form *f, enum db_status s, const struct check *k, int added, int skipped)
{
	if (s != DB_OK || !check_ok(k))
		return;
	char *skip = skipped ? x_asprintf(_("; %d listed already were skipped"), skipped) : x_strdup("");
	app_message(app, false, _("%d added, absent until marked: c marks present%s."), added, skip);
	x_free(&skip);
	struct rctx *c = f->ctx;
	/* The first of them is selected: c marks from there. */
	if (added)
		meeting_view_select_last(app, c->meeting_id, added);
}

static enum db_status take_save(struct app *app, struct form *f)
{
	struct rctx *c = f->ctx;
	bool roster = form_field(f, "roster") != NULL;
	const char *key = roster ? "roster" : "meeting";
	int64_t id = form_id(f, key);
	if (!id) {
		form_msg(f, key, _("This field is required."), false);
		return DB_ERR_SQL;
	}
	int added, skipped;
	struct check k;
	enum db_status s = roster ? reg_meeting_add_roster(&app->reg, c->meeting_id, id, &added, &skipped, &k)
				  : reg_meeting_copy_attendees(&app->reg, c->meeting_id, id, &added, &skipped, &k);
	s = forms_checked(f, s, &k, key);
	said(app, f, s, &k, added, skipped);
	check_free(&k);
	return s;
}

static const struct form_ops take_ops = {
	.save = take_save,
	.closed = forms_saved,
	.free_ctx = free_rctx,
};

static void open_choice(struct app *app, struct form *f, const char *key, const char *label,
			const char *const *names, const int64_t *ids, int n)
{
	struct field_def d = { key, label, FK_SELECT, 0, true, NULL };
	struct ffield *ff = form_add(f, &d);
	form_set_choices(ff, names, ids, n);
	form_open(app, f);
	picker_open(app, f, "");
}

void forms_meeting_add_roster(struct app *app, int64_t meeting_id)
{
	struct roster *ro;
	int n;
	if (reg_rosters(&app->reg, &ro, &n) != DB_OK) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		return;
	}
	if (n == 0) {
		app_message(app, true, "%s", _("No roster yet: in the meeting list, F6 keeps the rosters."));
		return;
	}
	char **names = x_calloc((size_t)n, sizeof *names);
	int64_t *ids = x_calloc((size_t)n, sizeof *ids);
	for (int i = 0; i < n; i++) {
		names[i] = x_asprintf(_("%s (%d people)"), ro[i].name, ro[i].members);
		ids[i] = ro[i].id;
	}
	struct form *f = new_form(&take_ops, _("Add a roster to the attendees"), 0, meeting_id);
	open_choice(app, f, "roster", N_("Roster"), (const char *const *)names, ids, n);
	for (int i = 0; i < n; i++)
		x_free(&names[i]);
	x_free(&names);
	x_free(&ids);
	rosters_free(&ro, &n);
}

void forms_meeting_copy(struct app *app, int64_t meeting_id)
{
	struct meeting_source *ms;
	int n;
	if (reg_meeting_sources(&app->reg, meeting_id, &ms, &n) != DB_OK) {
		app_message(app, true, _("Could not read the register: %s"), reg_error(&app->reg));
		return;
	}
	if (n == 0) {
		app_message(app, true, "%s", _("No other meeting has attendees to copy."));
		return;
	}
	char **names = x_calloc((size_t)n, sizeof *names);
	int64_t *ids = x_calloc((size_t)n, sizeof *ids);
	for (int i = 0; i < n; i++) {
		names[i] = x_asprintf(_("%s %s %s (%d people)"), ms[i].date, ms[i].kind, ms[i].title, ms[i].attendees);
		ids[i] = ms[i].id;
	}
	struct form *f = new_form(&take_ops, _("Copy the attendees of an earlier meeting"), 0, meeting_id);
	open_choice(app, f, "meeting", N_("Meeting"), (const char *const *)names, ids, n);
	for (int i = 0; i < n; i++)
		x_free(&names[i]);
	x_free(&names);
	x_free(&ids);
	meeting_sources_free(&ms, &n);
}
