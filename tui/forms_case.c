/* tui/forms_case.c - the forms of a mediation case: a new case with its
 * applicant and respondent, another party, a record (调查 / 调解 / 回访),
 * the next step of the procedure, and the case's own fields.  The
 * fields of a party, a record and a case come from their tables in
 * core/model.c. */
#include "app.h"

#include "core/date.h"
#include "core/document.h"
#include "core/codes.h"
#include "core/mediation.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "form.h"
#include "formrec.h"
#include "forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct cctx {
	int64_t case_id;
	char accepted[11];
	char state[32];
	char agreed[11];    /* the date of 调解成功 ("": none) */
	char followup[11];  /* the date of the latest complete 回访 since ("": none) */
	int64_t version;
	const char *moves[CASE_STATES + 1];
};

static void free_cctx(void *p)
{
	struct cctx *c = p;
	x_free(&c);
}

static struct form *case_form(const struct form_ops *ops, const char *title, const struct case_rec *cr)
{
	struct cctx *c = x_calloc(1, sizeof *c);
	if (cr) {
		c->case_id = cr->id;
		c->version = cr->version;
		snprintf(c->accepted, sizeof c->accepted, "%s", cr->accepted ? cr->accepted : "");
		snprintf(c->state, sizeof c->state, "%s", cr->state ? cr->state : "");
	}
	return form_new(ops, c, title);
}

/* The case as it is stored now; false (with a message) when it is gone. */
static bool read_case(struct app *app, int64_t id, struct case_rec *cr)
{
	case_rec_init(cr);
	if (reg_case(&app->reg, id, cr, NULL, NULL, NULL, NULL) == DB_OK)
		return true;
	app_message(app, true, "%s", _("This case was deleted by another session."));
	case_rec_free(cr);
	return false;
}

/* What the records say: the agreement's date, the latest follow-up. */
static void read_dates(struct app *app, struct cctx *c)
{
	struct case_rec cr;
	case_rec_init(&cr);
	struct case_event *e = NULL;
	int ne = 0;
	if (reg_case(&app->reg, c->case_id, &cr, NULL, NULL, &e, &ne) == DB_OK) {
		const char *agreed = case_agreed_on(e, ne);
		const char *followup = case_followup_on(e, ne, agreed, NULL);
		snprintf(c->agreed, sizeof c->agreed, "%s", agreed ? agreed : "");
		snprintf(c->followup, sizeof c->followup, "%s", followup ? followup : "");
	}
	case_rec_free(&cr);
	case_events_free(&e, &ne);
}

/* A case that is closed (结案) takes no change: say so, and who may
 * reopen it; true when it is closed. */
static bool refuse_closed(struct app *app, const struct case_rec *cr)
{
	struct check k = { 0 };
	case_check_open(cr, &k);
	bool closed = !check_ok(&k);
	if (closed)
		app_message(app, true, "%s", k.items[0].message);
	check_free(&k);
	return closed;
}

/* ---- a new case ---- */

static const struct field_def new_defs[] = {
	{ "accepted_date", N_("Accepted on"),           FK_DATE,   16,   true,  NULL },
	{ "source",        N_("Source"),                FK_SELECT, 0,    true,  case_sources },
	{ "type",          N_("Type of dispute"),       FK_SELECT, 0,    true,  NULL },
	{ "applicant",     N_("Applicant (resident)"),  FK_LINK,   0,    false, NULL },
	{ "applicant_out", N_("  or from outside"),     FK_TEXT,   40,   false, NULL },
	{ "respondent",    N_("Respondent (resident)"), FK_LINK,   0,    false, NULL },
	{ "respondent_out", N_("  or from outside"),    FK_TEXT,   40,   false, NULL },
	{ "summary",       N_("What happened"),         FK_AREA,   2000, true,  NULL },
	{ "claims",        N_("What is asked"),         FK_AREA,   2000, false, NULL },
	{ "mediator",      N_("Mediator"),              FK_SELECT, 0,    false, NULL },
};

/* The parties the form names: a resident picked, else a name typed.
 * Up to 2; the names are copies. */
static int new_parties(struct form *f, struct case_party *p)
{
	static const char *const roles[2][3] = {
		{ "申请人", "applicant", "applicant_out" }, { "被申请人", "respondent", "respondent_out" },
	};
	int n = 0;
	for (int i = 0; i < 2; i++) {
		struct case_party q = { .role = (char *)roles[i][0], .age = -1 };
		q.resident_id = form_id(f, roles[i][1]);
		const char *typed = form_get(f, roles[i][2]);
		if (!q.resident_id && !*typed)
			continue;
		if (!q.resident_id)
			q.name = x_strdup(typed);
		p[n++] = q;
	}
	return n;
}

static void free_parties(struct case_party *p, int n)
{
	for (int i = 0; i < n; i++)
		x_free(&p[i].name);
}

static void new_rec(struct app *app, struct form *f, struct case_new *c)
{
	c->accepted_date = form_get(f, "accepted_date");
	c->source = form_get(f, "source");
	c->type_id = form_id(f, "type");
	c->summary = form_get(f, "summary");
	c->claims = *form_get(f, "claims") ? form_get(f, "claims") : NULL;
	c->mediator_id = form_id(f, "mediator");
	c->registrar_id = reg_staff_of_user(&app->reg);
}

static void new_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	forms_date(app, f, "accepted_date");
	struct case_new c = { 0 };
	new_rec(app, f, &c);
	struct case_party p[2];
	int n = new_parties(f, p);
	struct check k = { 0 };
	for (int i = 0; i < n; i++) {
		struct check pk = { 0 };
		case_party_check(&p[i], &pk);
		forms_put(f, &pk, "", strcmp(p[i].role, "申请人") == 0 ? "applicant_out" : "respondent_out");
		check_free(&pk);
	}
	case_check_new(&c, p, n, app->today, &k);
	forms_put(f, &k, "", "summary");
	check_free(&k);
	free_parties(p, n);
}

static enum db_status new_save(struct app *app, struct form *f)
{
	struct case_new c = { 0 };
	new_rec(app, f, &c);
	struct case_party p[2];
	int n = new_parties(f, p);
	struct check k;
	int64_t id;
	char *no = NULL;
	enum db_status s = reg_case_create(&app->reg, &c, p, n, app->today, &k, &id, &no);
	s = forms_checked(f, s, &k, "summary");
	if (s == DB_OK) {
		app_message(app, false, _("Case %s registered."), no);
		cases_view_show(app, id);
	}
	check_free(&k);
	x_free(&no);
	free_parties(p, n);
	return s;
}

static const struct form_ops new_ops = {
	.check = new_check,
	.save = new_save,
	.link_search = forms_resident_search,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

void forms_case_new(struct app *app)
{
	struct form *f = case_form(&new_ops, _("Register a mediation case"), NULL);
	form_keep_drafts(f, "case");
	for (size_t i = 0; i < ARRAY_SIZE(new_defs); i++)
		form_add(f, &new_defs[i]);
	forms_vocab(app, f, "type", VOCAB_DISPUTE);
	forms_vocab(app, f, "mediator", VOCAB_STAFF);
	form_set(f, "accepted_date", app->today);
	form_set(f, "source", "当事人申请");
	form_set_id(f, "mediator", reg_staff_of_user(&app->reg));
	form_open(app, f);
}

/* ---- another party ---- */

static void party_rec(const struct form *f, struct case_party *p)
{
	memset(p, 0, sizeof *p);
	p->age = -1;
	formrec_store(f, p, party_fields, party_field_count, "");
}

static void party_free(struct case_party *p)
{
	rec_free(p, party_fields, party_field_count);
}

static void party_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	(void)saving;
	struct case_party p;
	party_rec(f, &p);
	struct check k = { 0 };
	case_party_check(&p, &k);
	forms_put(f, &k, "", "name");
	if (check_ok(&k)) { /* normalised, and the sex the ID number says */
		form_set(f, "id_number", p.id_number);
		form_set(f, "phone", p.phone);
		form_set(f, "sex", p.sex);
	}
	check_free(&k);
	party_free(&p);
}

static enum db_status party_save(struct app *app, struct form *f)
{
	struct cctx *c = f->ctx;
	struct case_party p;
	party_rec(f, &p);
	struct check k;
	enum db_status s = reg_case_party_add(&app->reg, c->case_id, &p, &k);
	s = forms_checked(f, s, &k, "name");
	if (s == DB_OK) {
		app_message(app, false, _("%s added as %s."), p.resident_id ? form_get(f, "resident") : p.name, p.role);
	}
	check_free(&k);
	party_free(&p);
	return s;
}

static const struct form_ops party_ops = {
	.check = party_check,
	.save = party_save,
	.link_search = forms_resident_search,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

void forms_case_party(struct app *app, int64_t case_id, const char *case_no)
{
	struct case_rec now;
	if (!read_case(app, case_id, &now))
		return;
	bool closed = refuse_closed(app, &now);
	case_rec_free(&now);
	if (closed)
		return;
	char *title = x_asprintf(_("Add a party: %s"), case_no);
	struct case_rec cr = { .id = case_id };
	struct form *f = case_form(&party_ops, title, &cr);
	x_free(&title);
	formrec_add(app, f, party_fields, party_field_count, "", NULL);
	form_set(f, "role", "第三人");
	forms_drafts_under(f, "case-party", case_id);
	form_open(app, f);
}

/* ---- a record ---- */

static void record_rec(const struct form *f, struct case_event *e)
{
	memset(e, 0, sizeof *e);
	formrec_store(f, e, event_fields, event_field_count, "");
}

static void record_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct cctx *c = f->ctx;
	forms_date(app, f, "date");
	struct case_event e;
	record_rec(f, &e);
	struct check k = { 0 };
	case_check_record(&e, c->accepted, *c->agreed ? c->agreed : NULL, app->today, &k);
	forms_put(f, &k, "", "text");
	check_free(&k);
	rec_free(&e, event_fields, event_field_count);
}

static enum db_status record_save(struct app *app, struct form *f)
{
	struct cctx *c = f->ctx;
	struct case_event e;
	record_rec(f, &e);
	struct check k;
	enum db_status s = reg_case_record(&app->reg, c->case_id, &e, app->today, &k);
	s = forms_checked(f, s, &k, "text");
	if (s == DB_OK) {
		app_message(app, false, _("Record saved: %s %s."), e.date, e.kind);
	}
	check_free(&k);
	rec_free(&e, event_fields, event_field_count);
	return s;
}

static const struct form_ops record_ops = {
	.check = record_check,
	.save = record_save,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

void forms_case_record(struct app *app, int64_t case_id, const char *case_no, const char *accepted,
		       const char *state)
{
	struct case_rec cr = { .id = case_id, .case_no = (char *)case_no, .accepted = (char *)accepted,
			       .state = (char *)state };
	if (refuse_closed(app, &cr))
		return;
	char *title = x_asprintf(_("Add a record: %s"), case_no);
	struct form *f = case_form(&record_ops, title, &cr);
	x_free(&title);
	read_dates(app, f->ctx);
	formrec_add(app, f, event_fields, event_field_count, "", NULL);
	/* After the agreement, the next record is usually the follow-up. */
	bool after = strcmp(state, "履行中") == 0 || strcmp(state, "已回访") == 0;
	form_set(f, "kind", after ? "回访" : strcmp(state, "受理") == 0 ? "调查" : "调解");
	if (after)
		form_set(f, "method", "电话");
	form_set(f, "date", app->today);
	form_set_id(f, "staff", reg_staff_of_user(&app->reg));
	forms_drafts_under(f, "case-record", case_id);
	form_open(app, f);
}

/* ---- the next step ---- */

static const char *optional(const struct form *f, const char *key)
{
	const char *v = form_field((struct form *)f, key) ? form_get(f, key) : "";
	return *v ? v : NULL;
}

static void move_rec(const struct form *f, struct case_move_rec *m, int64_t staff)
{
	const struct cctx *c = f->ctx;
	memset(m, 0, sizeof *m);
	m->id = c->case_id;
	m->version = c->version;
	m->staff_id = staff;
	m->from = c->state;
	m->to = form_get(f, "to");
	m->date = form_get(f, "date");
	m->agreement = optional(f, "agreement");
	m->manner = optional(f, "perform_manner");
	m->deadline = optional(f, "perform_deadline");
	m->referred_to = optional(f, "referred_to");
}

static void move_check(struct app *app, struct form *f, bool saving)
{
	(void)saving;
	struct cctx *c = f->ctx;
	forms_date(app, f, "date");
	struct case_move_rec m;
	move_rec(f, &m, 0);
	struct case_move mv = { m.from, m.to, m.date, m.agreement, m.manner, m.deadline, m.referred_to,
				*c->followup ? c->followup : NULL };
	struct check k = { 0 };
	case_check_move(&mv, c->accepted, app->today, &k);
	forms_put(f, &k, "", "to");
	check_free(&k);
}

static enum db_status move_save(struct app *app, struct form *f)
{
	struct cctx *c = f->ctx;
	struct case_move_rec m;
	move_rec(f, &m, reg_staff_of_user(&app->reg));
	struct check k;
	enum db_status s = reg_case_move(&app->reg, &m, c->accepted, app->today, &k);
	s = forms_checked(f, s, &k, "to");
	if (s == DB_OK) {
		app_message(app, false, _("The case is now %s."), m.to);
	} else if (s == DB_ERR_CONFLICT) {
		/* Nothing to merge: the state moved on; say so and close. */
		app_message(app, true, "%s", _("Someone else moved this case meanwhile; nothing was saved."));
		app_data_changed(app);
		s = DB_OK;
	}
	check_free(&k);
	return s;
}

static const struct form_ops move_ops = {
	.check = move_check,
	.save = move_save,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

/* What a step out of mediation carries: the agreement, or where the
 * matter went. */
static void add_move_fields(struct form *f, const struct case_rec *cr)
{
	if (strcmp(cr->state, "调解中") == 0) {
		static const struct field_def ends[] = {
			{ "agreement",        N_("Agreement"),     FK_AREA, 4000, false, NULL },
			{ "perform_manner",   N_("Performed how"), FK_TEXT, 40,   false, NULL },
			{ "perform_deadline", N_("Performed by"),  FK_TEXT, 20,   false, NULL },
		};
		for (size_t i = 0; i < ARRAY_SIZE(ends); i++)
			form_add(f, &ends[i]);
		form_set(f, "agreement", cr->agreement);
		form_set(f, "perform_manner", cr->manner);
		form_set(f, "perform_deadline", cr->deadline);
	}
	if (strcmp(cr->state, "调解不成功") == 0 || strcmp(cr->state, "终止") == 0) {
		struct field_def ref = { "referred_to", N_("Went on to"), FK_SELECT, 0, true, case_referrals };
		form_add(f, &ref);
	}
}

void forms_case_move(struct app *app, int64_t case_id)
{
	struct case_rec cr;
	if (!read_case(app, case_id, &cr))
		return;
	char *title = x_asprintf(_("Next step: %s (now %s)"), cr.case_no, cr.state);
	struct form *f = case_form(&move_ops, title, &cr);
	x_free(&title);
	struct cctx *c = f->ctx;
	read_dates(app, c);
	if (case_moves(cr.state, c->moves) == 0) {
		app_message(app, false, _("Case %s is closed; there is no next step."), cr.case_no);
		form_free(&f);
		case_rec_free(&cr);
		return;
	}
	struct field_def to = { "to", N_("Move to"), FK_SELECT, 0, true, c->moves };
	struct field_def date = { "date", N_("Date"), FK_DATE, 16, true, NULL };
	form_add(f, &to);
	form_add(f, &date);
	add_move_fields(f, &cr);
	form_set(f, "to", c->moves[0]);
	form_set(f, "date", app->today);
	case_rec_free(&cr);
	forms_drafts_under(f, "case-move", case_id);
	form_open(app, f);
}

/* ---- reopening a closed case ---- */

static void reopen_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	if (saving && !*form_get(f, "reason"))
		form_msg(f, "reason", _("Say why the case is reopened."), false);
}

static enum db_status reopen_save(struct app *app, struct form *f)
{
	struct cctx *c = f->ctx;
	struct check k;
	enum db_status s = reg_case_reopen(&app->reg, c->case_id, c->version, form_get(f, "reason"), app->today, &k);
	s = forms_checked(f, s, &k, "reason");
	if (s == DB_OK) {
		app_message(app, false, "%s", _("The case is open again; the reason is kept in its records."));
	} else if (s == DB_ERR_CONFLICT) {
		app_message(app, true, "%s", _("Someone else changed this case meanwhile; nothing was saved."));
		app_data_changed(app);
		s = DB_OK;
	}
	check_free(&k);
	return s;
}

static const struct form_ops reopen_ops = {
	.check = reopen_check,
	.save = reopen_save,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

void forms_case_reopen(struct app *app, int64_t case_id)
{
	struct case_rec cr;
	if (!read_case(app, case_id, &cr))
		return;
	if (!case_closed(cr.state)) {
		app_message(app, false, _("Case %s is not closed."), cr.case_no);
		case_rec_free(&cr);
		return;
	}
	char *title = x_asprintf(_("Reopen case %s"), cr.case_no);
	struct form *f = case_form(&reopen_ops, title, &cr);
	x_free(&title);
	case_rec_free(&cr);
	struct field_def reason = { "reason", N_("Why reopen it"), FK_AREA, 1000, true, NULL };
	form_add(f, &reason);
	forms_drafts_under(f, "case-reopen", case_id);
	form_open(app, f);
}

/* ---- the case's own fields ---- */

static void edit_check(struct app *app, struct form *f, bool saving)
{
	(void)app;
	(void)saving;
	if (!form_id(f, "type"))
		form_msg(f, "type", _("Choose the type of dispute."), false);
	if (!*form_get(f, "summary"))
		form_msg(f, "summary", _("Say briefly what the dispute is about."), false);
	int copies = form_int(f, "copies");
	if (copies != -1 && (copies < 1 || copies > 20))
		form_msg(f, "copies", _("Between 1 and 20 copies."), false);
}

static enum db_status edit_save(struct app *app, struct form *f)
{
	struct case_rec c;
	case_rec_init(&c);
	c.id = f->record_id;
	c.version = f->version;
	formrec_store(f, &c, case_fields, case_field_count, "");
	if (c.copies < 0)
		c.copies = 0;
	struct check k;
	enum db_status s = reg_case_update(&app->reg, &c, &k);
	s = forms_checked(f, s, &k, "summary");
	if (s == DB_OK) {
		f->version++;
		app_message(app, false, "%s", _("The case was saved."));
	}
	check_free(&k);
	case_rec_free(&c);
	return s;
}

static enum db_status edit_fetch(struct app *app, struct form *f, struct kv *now, int64_t *version)
{
	struct case_rec c;
	case_rec_init(&c);
	enum db_status s = reg_case(&app->reg, f->record_id, &c, NULL, NULL, NULL, NULL);
	if (s == DB_OK) {
		if (!c.copies)
			c.copies = -1;
		formrec_kv(f, &c, case_fields, case_field_count, "", now);
		*version = c.version;
	}
	case_rec_free(&c);
	return s;
}

static const struct form_ops edit_ops = {
	.check = edit_check,
	.save = edit_save,
	.fetch = edit_fetch,
	.closed = forms_saved,
	.free_ctx = free_cctx,
};

void forms_case_edit(struct app *app, int64_t case_id)
{
	struct case_rec c;
	if (!read_case(app, case_id, &c))
		return;
	if (refuse_closed(app, &c)) {
		case_rec_free(&c);
		return;
	}
	char *title = x_asprintf(_("Edit case %s"), c.case_no);
	struct form *f = case_form(&edit_ops, title, &c);
	x_free(&title);
	f->record_id = case_id;
	f->version = c.version;
	form_keep_drafts(f, "case-edit");
	formrec_add(app, f, case_fields, case_field_count, "", NULL);
	if (!c.copies)
		c.copies = -1; /* not given */
	formrec_load(f, &c, case_fields, case_field_count, "");
	case_rec_free(&c);
	form_open(app, f);
}

/* ---- documents ---- */

static const char *const doc_kinds[] = {
	"人民调解协议书", "人民调解受理登记表", "回访记录", "年度案件登记台账", NULL,
};

/* The year's cases in number order, for the register. */
static struct doc *register_doc(struct app *app, int year)
{
	struct case_filter flt = { .year = year };
	snprintf(flt.today, sizeof flt.today, "%s", app->today);
	int n = 0;
	reg_case_count(&app->reg, &flt, &n);
	struct case_row *rows = x_calloc((size_t)(n > 0 ? n : 1), sizeof *rows);
	int got = 0;
	if (n > 0 && reg_case_page(&app->reg, &flt, NULL, 1, false, n, rows, &got) != DB_OK)
		got = 0;
	/* The list is newest first; the register runs in number order. */
	for (int i = 0, j = got - 1; i < j; i++, j--) {
		struct case_row t = rows[i];
		rows[i] = rows[j];
		rows[j] = t;
	}
	struct doc *d = case_doc_register(rows, got, year, app->community);
	for (int i = 0; i < got; i++)
		case_row_free(&rows[i]);
	x_free(&rows);
	return d;
}

static struct doc *case_doc(struct app *app, int64_t id, int kind)
{
	struct case_rec cr;
	case_rec_init(&cr);
	struct case_party *p = NULL;
	struct case_event *e = NULL;
	int np = 0, ne = 0;
	/* A document names the parties whole: core writes why. */
	if (reg_case_whole(&app->reg, id, code_reveal_reasons[2], &cr, &p, &np, &e, &ne) != DB_OK) {
		case_rec_free(&cr);
		return NULL;
	}
	struct doc *d = kind == 1 ? case_doc_registration(&cr, p, np, app->community, app->today)
		      : kind == 2 ? case_doc_followups(&cr, e, ne, app->community)
		      : kind == 3 ? register_doc(app, atoi(cr.accepted))
				  : case_doc_agreement(&cr, p, np, app->community, app->today);
	case_rec_free(&cr);
	case_parties_free(&p, &np);
	case_events_free(&e, &ne);
	return d;
}

void forms_case_print(struct app *app, int64_t case_id, const char *case_no)
{
	/* Each document is named by the case's number and its kind; the
	 * year's register by its year. */
	struct case_rec cr;
	if (!read_case(app, case_id, &cr))
		return;
	int year = atoi(cr.accepted);
	char *names[ARRAY_SIZE(doc_kinds)] = { NULL }, *records[ARRAY_SIZE(doc_kinds)] = { NULL };
	for (int k = 0; doc_kinds[k]; k++) {
		bool reg = k == 3;
		names[k] = reg ? case_register_file_name(year) : case_doc_file_name(cr.case_no, doc_kinds[k]);
		records[k] = reg ? x_asprintf("case_register:%d", year)
				 : x_asprintf("mediation_case:%lld", (long long)case_id);
	}
	forms_print(app, case_no, doc_kinds, (const char *const *)names, (const char *const *)records, case_doc,
		    case_id);
	for (int k = 0; doc_kinds[k]; k++) {
		x_free(&names[k]);
		x_free(&records[k]);
	}
	case_rec_free(&cr);
}
