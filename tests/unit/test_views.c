/* Unit tests: the shape of the screens, without a terminal.  The stack of
 * views per section, the action tables and their conditions, a view
 * added by registering it, the list view's paging and cursor at odd
 * heights, every form built and checked (a form asked for a field it
 * lacks aborts), and every binding of the default keymap offered by
 * some view of its scope. */
#include "dbtest.h"

#include "core/cursor.h"
#include "core/demo.h"
#include "core/embed.h"
#include "core/mediation.h"
#include "core/meeting.h"
#include "core/xalloc.h"
#include "tui/app.h"
#include "tui/form.h"
#include "tui/formrec.h"
#include "tui/table.h"
#include "tui/forms.h"
#include "tui/listview.h"
#include "tui/views.h"

#include <string.h>
#include <sys/wait.h>

/* ---- a demo register and an app on it, without a terminal ---- */

static char path[] = "/tmp/juwei-views-test-XXXXXX";
static struct db *db;
static struct app app;

static int setup(void **state)
{
	(void)state;
	if (!dbtest_create(path, &db))
		return -1;
	struct demo_opts o = { 60, 3, "2026-11-22" };
	struct demo_stats st;
	if (demo_generate(db, &o, &st) != DB_OK)
		return -1;
	setenv("JUWEI_TODAY", "2026-11-22", 1);
	app_init(&app, db);
	char *errors = NULL;
	keymap_load(&app.km, &errors);
	x_free(&errors);
	app_settle(&app);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	app_free(&app);
	dbtest_destroy(path, &db);
	return 0;
}

/* ---- a small view of the test's own ---- */

struct probe {
	unsigned holds;   /* the conditions that hold */
	int runs;
	bool opened, drawn;
};

static int run_probe(struct view *v, enum action a)
{
	(void)a;
	((struct probe *)v->priv)->runs++;
	return REDRAW;
}

static unsigned probe_state(const struct view *v)
{
	return ((const struct probe *)v->priv)->holds;
}

static bool probe_open(struct view *v, const void *arg)
{
	struct probe *p = v->priv;
	p->opened = true;
	p->holds = arg ? *(const unsigned *)arg : 0;
	return true;
}

static void probe_draw(struct view *v)
{
	((struct probe *)v->priv)->drawn = true;
}

static const struct action_row probe_actions[] = {
	{ ACT_EDIT, run_probe, NEED_ROW, NULL },
	{ ACT_DELETE, run_probe, NEED_ROW | NEED_VIEW(0), N_("Delete") },
	{ ACT_PRINT, run_probe, 0, NULL },
	{ ACT_BACK, view_run_close, 0, NULL },
	VIEW_END,
};

static const struct view_ops probe_view = {
	.name = "probe",
	.scope = "probe",
	.priv_size = sizeof(struct probe),
	.open = probe_open,
	.draw = probe_draw,
	.actions = probe_actions,
	.state = probe_state,
};

/* ---- the stack ---- */

static void each_section_keeps_its_stack(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	struct view *root1 = view_top(&app);
	assert_ptr_equal(root1->ops, &households_view);
	assert_null(root1->parent);
	struct view *p = view_push(&app, &probe_view, NULL);
	assert_non_null(p);
	assert_ptr_equal(view_top(&app), p);
	assert_ptr_equal(p->parent, root1);
	assert_true(((struct probe *)p->priv)->opened);

	/* Another section: its own stack; back again: the probe is there. */
	app_act(&app, ACT_SECTION_3);
	assert_int_equal(app.section, 2);
	assert_ptr_equal(view_top(&app)->ops, &cases_view);
	app_act(&app, ACT_SECTION_1);
	assert_ptr_equal(view_top(&app), p);

	/* Esc pops it; a section is never popped. */
	assert_int_equal(view_act(p, ACT_BACK), REDRAW);
	assert_ptr_equal(view_top(&app), root1);
	view_remove(root1);
	assert_ptr_equal(view_top(&app), root1);
}

static void a_view_in_the_middle_can_go(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	struct view *a = view_push(&app, &probe_view, NULL);
	struct view *b = view_push(&app, &probe_view, NULL);
	view_remove(a); /* a form closes after its save pushed the record it made */
	assert_ptr_equal(view_top(&app), b);
	assert_ptr_equal(b->parent->ops, &households_view);
	view_remove(b);
}

static void a_modal_view_keeps_the_sections(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	assert_true(app_offers(&app, ACT_SECTION_2));
	forms_household(&app, 0);
	assert_ptr_equal(view_top(&app)->ops, &form_view);
	assert_false(app_offers(&app, ACT_SECTION_2));
	app_act(&app, ACT_SECTION_2);
	assert_int_equal(app.section, 0);
	view_remove(view_top(&app));
	assert_true(app_offers(&app, ACT_SECTION_2));
}

/* ---- action tables ---- */

static void actions_are_offered_only_when_their_needs_hold(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	unsigned none = 0, row = NEED_ROW, both = NEED_ROW | NEED_VIEW(0);
	struct view *v = view_push(&app, &probe_view, &none);
	struct probe *p = v->priv;
	assert_null(view_offers(v, ACT_EDIT));
	assert_int_equal(view_act(v, ACT_EDIT), NOT_HANDLED);
	assert_non_null(view_offers(v, ACT_PRINT));
	assert_null(view_offers(v, ACT_OPEN)); /* not in the table at all */
	p->holds = row;
	assert_non_null(view_offers(v, ACT_EDIT));
	assert_null(view_offers(v, ACT_DELETE));
	assert_int_equal(view_act(v, ACT_EDIT), REDRAW);
	assert_int_equal(p->runs, 1);
	p->holds = both;
	assert_string_equal(view_offers(v, ACT_DELETE)->label, "Delete");
	assert_int_equal(view_act(v, ACT_DELETE), REDRAW);
	assert_int_equal(p->runs, 2);
	view_remove(v);
}

static void the_household_list_needs_a_row_to_edit(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	struct view *v = view_top(&app);
	assert_non_null(view_offers(v, ACT_NEW));
	assert_non_null(view_offers(v, ACT_EDIT)); /* the demo has households */
	assert_null(view_offers(v, ACT_BACK));     /* no search to drop */
	assert_null(view_offers(v, ACT_DELETE));
}

/* ---- a screen added by registering it ---- */

static void a_registered_view_opens_by_its_action(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	assert_false(app_offers(&app, ACT_PRINT));
	struct view_reg r = { &probe_view, 0, ACT_PRINT, "households", 0 };
	view_register(&r);
	assert_true(app_offers(&app, ACT_PRINT));
	/* The key bound to it in that scope now opens it. */
	assert_int_equal(app_act(&app, ACT_PRINT), REDRAW);
	struct view *v = view_top(&app);
	assert_ptr_equal(v->ops, &probe_view);
	app_settle(&app);
	assert_true(v->laid_out);
	assert_int_equal(v->r.h, app.rows - 3);
	view_act(v, ACT_BACK);
	/* Elsewhere it is not offered. */
	app_act(&app, ACT_SECTION_2);
	assert_false(app_offers(&app, ACT_PRINT));
	app_act(&app, ACT_SECTION_1);
}

/* ---- the cursor of a list in memory, at odd heights ---- */

static bool not_heading(const void *ctx, int i)
{
	(void)ctx;
	return i % 7 != 0; /* rows 0, 7, 14 ... are headings */
}

static void the_cursor_pages_by_the_visible_height(void **state)
{
	(void)state;
	const int heights[] = { 1, 2, 3, 5, 7, 13 };
	for (size_t k = 0; k < ARRAY_SIZE(heights); k++) {
		int h = heights[k];
		struct cursor c;
		cursor_init(&c);
		c.selectable = not_heading;
		cursor_height(&c, h);
		cursor_count(&c, 50);
		assert_int_equal(c.sel, 1); /* past the first heading */
		for (int step = 0; step < 60; step++) {
			int before = c.sel;
			cursor_page(&c, 1);
			assert_true(not_heading(NULL, c.sel));
			assert_true(c.sel >= c.top && c.sel < c.top + h);
			/* At least the height forward, unless at the end. */
			assert_true(c.sel >= before + h || c.sel == 48 || before == 48);
		}
		assert_int_equal(c.sel, 48); /* 49 is a heading */
		cursor_first(&c);
		assert_int_equal(c.sel, 1);
		assert_int_equal(c.top, h > 1 ? 0 : 1); /* the heading above it, when there is room */
		cursor_move(&c, 6); /* over the heading at 7 */
		assert_int_equal(c.sel, 8);
		cursor_count(&c, 5); /* the list shrank under the selection */
		assert_int_equal(c.sel, 4);
	}
}

/* ---- the list view over a source in memory ---- */

struct num_row {
	int n;
};

static int source_rows = 40;

static bool num_page(void *ctx, const void *from, int dir, bool inclusive, int limit, void *out, int *n)
{
	(void)ctx;
	const struct num_row *f = from;
	struct num_row *o = out;
	int start = dir > 0 ? (f ? f->n + (inclusive ? 0 : 1) : 0) : 0;
	int end = dir > 0 ? source_rows : f ? f->n : source_rows;
	if (dir < 0 && end - limit > 0)
		start = end - limit;
	*n = 0;
	for (int i = start; i < end && *n < limit; i++)
		o[(*n)++].n = i;
	return true;
}

static bool num_count(void *ctx, int *n)
{
	(void)ctx;
	*n = source_rows;
	return true;
}

static void num_free(void *row)
{
	(void)row;
}

static void num_copy(void *dst, const void *src)
{
	*(struct num_row *)dst = *(const struct num_row *)src;
}

static const struct list_ops num_source = { sizeof(struct num_row), num_page, num_count, num_free, num_copy };

static bool num_selectable(const void *row)
{
	return ((const struct num_row *)row)->n % 10 != 0; /* 0, 10, 20, 30: headings */
}

static void num_cells(const struct view *v, const void *row, struct cells *c)
{
	(void)v;
	snprintf(c->buf[0], sizeof c->buf[0], "%d", ((const struct num_row *)row)->n);
	c->text[0] = c->buf[0];
}

static const struct table_col num_cols[] = { { "N", 4, 0, TEXT_RIGHT, 1, NULL, 0 } };

static const struct listview_spec num_spec = {
	.cols = num_cols,
	.n_cols = 1,
	.source = &num_source,
	.cells = num_cells,
	.selectable = num_selectable,
	.count = "%d/%d",
};

static int selected_n(const struct listview *lv)
{
	const struct num_row *r = lv_selected(lv);
	return r ? r->n : -1;
}

static void the_list_view_pages_by_the_visible_height(void **state)
{
	(void)state;
	const int heights[] = { 2, 3, 4, 6, 9, 11 };
	struct view v = { .app = &app };
	struct listview lv;
	v.priv = &lv;
	for (size_t k = 0; k < ARRAY_SIZE(heights); k++) {
		int rows = heights[k];
		lv_init(&lv, &num_spec, &v);
		lv_resize(&lv, &v, (struct rect){ 1, 8, rows + 1, 40 }); /* a header and rows */
		assert_int_equal(lv.list.cap, rows);
		assert_int_equal(selected_n(&lv), 1); /* past the heading */
		for (int step = 0; step < 20; step++) {
			int before = selected_n(&lv);
			lv_run_move(&v, ACT_PAGE_DOWN);
			int now = selected_n(&lv);
			bool at_end = lv.list.top_index + lv.list.nrows == source_rows;
			assert_true(num_selectable(&(struct num_row){ now }));
			/* A page forward, or as far as the end allows. */
			assert_true(now >= before + rows - 1 || (at_end && now > before) || now == 39);
		}
		assert_int_equal(selected_n(&lv), 39);
		lv_run_move(&v, ACT_MOVE_FIRST);
		assert_int_equal(selected_n(&lv), 1);
		for (int i = 0; i < 9; i++)
			lv_run_move(&v, ACT_MOVE_DOWN); /* 2 ... 9, then over 10 */
		assert_int_equal(selected_n(&lv), 11);
		lv_run_move(&v, ACT_MOVE_UP);
		assert_int_equal(selected_n(&lv), 9);
		lv_run_move(&v, ACT_MOVE_LAST);
		assert_int_equal(selected_n(&lv), 39);
		char status[32];
		lv_status(&lv, status, sizeof status);
		assert_string_equal(status, "40/40");
		lv_free(&lv);
	}
}

/* ---- every form, built and checked ---- */

static char last_draft[64];

static struct form *top_form(void)
{
	struct view *v = view_find(view_top(&app), &form_view);
	if (!v)
		fail_msg("no form opened: %s (draft %s)", app.message, last_draft);
	return v->priv;
}

/* A case just accepted, found by the committee itself. */
static int64_t open_case(void)
{
	struct case_new c = { "2026-11-20", "主动排查", "楼道堆物引发争吵", NULL,
			      query_int(db, "SELECT min(id) FROM dispute_type"), 0, 0 };
	struct check k;
	int64_t id = 0;
	char *no = NULL;
	assert_int_equal(reg_case_create(&app.reg, &c, NULL, 0, app.today, &k, &id, &no), DB_OK);
	assert_true(check_ok(&k));
	check_free(&k);
	x_free(&no);
	return id;
}

/* Does the form take typing (a field a clerk types into)? */
static bool takes_typing(const struct form *f)
{
	for (int i = 0; i < f->n; i++) {
		const struct ffield *ff = &f->f[i];
		if (!ff->readonly && !ff->secret && (ff->def.kind == FK_TEXT || ff->def.kind == FK_AREA ||
						     ff->def.kind == FK_NUMBER))
			return true;
	}
	return false;
}

/* Check the form on top as F2 would (without saving) and close it.  A
 * field name that the form lacks aborts here.  A form that takes typing
 * keeps drafts (drafts: false for the few that only ask a file name),
 * and its draft opens the same form again at start. */
static void check_and_close_drafts(bool drafts)
{
	while (view_top(&app)->ops != &form_view && view_find(view_top(&app), &form_view))
		view_remove(view_top(&app)); /* a question over it */
	struct form *f = top_form();
	form_clear_msgs(f);
	if (f->ops->check)
		f->ops->check(&app, f, true);
	if (drafts && takes_typing(f) && !f->draft_name)
		fail_msg("the form \"%s\" takes typing and keeps no draft", f->title);
	char *name = f->draft_name ? x_strdup(f->draft_name) : NULL;
	int64_t id = f->record_id;
	form_close(&app, f, false);
	if (!name)
		return;
	snprintf(last_draft, sizeof last_draft, "%s/%lld", name, (long long)id);
	assert_int_equal(reg_draft_save(&app.reg, name, id, "{}"), DB_OK);
	forms_offer_draft(&app);
	while (view_top(&app)->ops != &form_view && view_find(view_top(&app), &form_view))
		view_remove(view_top(&app)); /* the question whether to restore */
	struct form *again = top_form();
	if (!again->draft_name || strcmp(again->draft_name, name) != 0 || again->record_id != id)
		fail_msg("the draft %s of record %lld opened %s", name, (long long)id, again->draft_name);
	form_close(&app, again, false);
	reg_draft_delete(&app.reg, name, id);
	x_free(&name);
}

static void check_and_close(void)
{
	check_and_close_drafts(true);
}

static void every_form_builds_and_checks(void **state)
{
	(void)state;
	app_act(&app, ACT_SECTION_1);
	int64_t hh = query_int(db, "SELECT min(id) FROM household WHERE status = '在住'");
	int64_t member = query_int(db, "SELECT min(id) FROM resident WHERE household_id = (SELECT min(id) FROM household"
				   " WHERE status = '在住') AND status = '在住' AND relation <> '户主'");
	int64_t visit = query_int(db, "SELECT min(id) FROM visit");
	int64_t kase = open_case();
	int64_t meeting = query_int(db, "SELECT min(id) FROM meeting");
	forms_household(&app, 0); check_and_close();
	forms_household(&app, hh); check_and_close();
	forms_member(&app, hh, 0); check_and_close();
	forms_member(&app, hh, member); check_and_close();
	forms_move_out(&app, member); check_and_close();
	forms_deceased(&app, member); check_and_close();
	forms_make_head(&app, hh, member); check_and_close();
	forms_tags(&app, "household", hh); check_and_close();
	forms_tags(&app, "resident", member); check_and_close();
	forms_visit(&app, hh, 0, 0); check_and_close();
	forms_visit(&app, 0, visit, 0); check_and_close();
	forms_visit(&app, 0, 0, 0); check_and_close();
	forms_case_new(&app); check_and_close();
	forms_case_party(&app, kase, "x"); check_and_close();
	forms_case_record(&app, kase, "x", "2026-11-01", "调解中"); check_and_close();
	forms_case_move(&app, kase); check_and_close();
	forms_case_edit(&app, kase); check_and_close();
	int64_t closed = query_int(db, "SELECT min(id) FROM mediation_case WHERE state = '结案'");
	forms_case_reopen(&app, closed); check_and_close();
	forms_case_print(&app, kase, "x"); check_and_close_drafts(false);
	forms_meeting(&app, 0); check_and_close();
	forms_meeting(&app, meeting); check_and_close();
	forms_meeting_attendee(&app, meeting); check_and_close();
	forms_meeting_item(&app, meeting, NULL); check_and_close();
	struct meeting_rec m;
	meeting_rec_init(&m);
	struct meeting_item *it = NULL;
	int ni = 0;
	int64_t with_topics = query_int(db, "SELECT coalesce(min(meeting_id), 0) FROM meeting_item");
	if (!with_topics) { /* a topic of our own, on a meeting of our own (the demo's may have decided) */
		struct meeting_rec own;
		meeting_rec_init(&own);
		own.kind_id = query_int(db, "SELECT min(id) FROM meeting_kind");
		own.title = x_strdup("楼道照明议事");
		own.date = x_strdup("2026-11-20");
		struct check k;
		assert_int_equal(reg_meeting_save(&app.reg, &own, &k), DB_OK);
		struct meeting_item one;
		meeting_item_init(&one);
		one.title = x_strdup("楼道照明");
		assert_int_equal(reg_meeting_item_save(&app.reg, own.id, &one, &k), DB_OK);
		assert_true(check_ok(&k));
		check_free(&k);
		meeting_item_free(&one);
		with_topics = own.id;
		meeting_rec_free(&own);
	}
	assert_int_equal(reg_meeting(&app.reg, with_topics, &m, NULL, NULL, &it, &ni), DB_OK);
	assert_true(ni > 0);
	forms_meeting_item(&app, with_topics, &it[0]); check_and_close();
	forms_meeting_follow_up(&app, with_topics, &it[0]); check_and_close();
	/* A correction: only once a meeting has decided. */
	int64_t decided = query_int(db, "SELECT coalesce(min(id), 0) FROM meeting WHERE state IN ('决议', '公示', '落实反馈')");
	if (!decided) {
		decided = with_topics;
		char *sql = x_asprintf("UPDATE meeting SET state = '决议' WHERE id = %lld", (long long)decided);
		assert_int_equal(db_exec(db, sql), DB_OK);
		x_free(&sql);
	}
	forms_meeting_amend(&app, decided, NULL, NULL); check_and_close();
	meeting_items_free(&it, &ni);
	meeting_rec_free(&m);
	struct meeting_rec fresh;
	meeting_rec_init(&fresh);
	fresh.kind_id = query_int(db, "SELECT min(id) FROM meeting_kind");
	fresh.title = x_strdup("楼道照明");
	fresh.date = x_strdup("2026-12-01");
	struct check k;
	assert_int_equal(reg_meeting_save(&app.reg, &fresh, &k), DB_OK);
	assert_true(check_ok(&k));
	check_free(&k);
	forms_meeting_move(&app, fresh.id, 7); check_and_close();
	meeting_rec_free(&fresh);
	forms_meeting_print(&app, meeting, "2026-11-01", "x"); check_and_close_drafts(false);
	int64_t roster = query_int(db, "SELECT min(id) FROM roster");
	forms_roster(&app, 0); check_and_close();
	forms_roster(&app, roster); check_and_close();
	forms_roster_member(&app, roster); check_and_close();
	forms_staff(&app, 0); check_and_close();
	forms_staff(&app, query_int(db, "SELECT max(id) FROM staff")); check_and_close();
	forms_export(&app); check_and_close_drafts(false);
	forms_import(&app); check_and_close_drafts(false);
	assert_ptr_equal(view_top(&app)->ops, &households_view);
}

/* 选已有房屋 finds the dwellings whose address holds what was typed. */
static void the_dwelling_search_finds_dwellings(void **state)
{
	(void)state;
	forms_household(&app, 0);
	struct form *f = top_form();
	struct link_hit hits[10];
	int n = f->ops->link_search(&app, f, "dwelling", "3", hits, 10);
	assert_true(n > 0);
	for (int i = 0; i < n; i++) {
		assert_non_null(strstr(hits[i].label, "3"));
		x_free(&hits[i].label);
	}
	form_close(&app, f, false);
}

/* The typed fields: a record into a form and back keeps every value. */
static void a_case_goes_through_its_form_unchanged(void **state)
{
	(void)state;
	int64_t kase = open_case();
	forms_case_edit(&app, kase);
	struct form *f = top_form();
	struct case_rec was, now;
	case_rec_init(&was);
	case_rec_init(&now);
	assert_int_equal(reg_case(&app.reg, kase, &was, NULL, NULL, NULL, NULL), DB_OK);
	formrec_store(f, &now, case_fields, case_field_count, "");
	assert_int_equal(now.type_id, was.type_id);
	assert_int_equal(now.mediator_id, was.mediator_id);
	assert_string_equal(now.summary, was.summary);
	assert_int_equal(now.copies > 0 ? now.copies : 0, was.copies);
	struct kv a = { 0 }, b = { 0 };
	form_to_kv(f, &a);
	formrec_kv(f, &was, case_fields, case_field_count, "", &b);
	for (size_t i = 0; i < b.n; i++)
		if (strcmp(b.keys[i], "copies") != 0 || was.copies)
			assert_string_equal(kv_get(&a, b.keys[i]), b.vals[i]);
	kv_free(&a);
	kv_free(&b);
	case_rec_free(&was);
	case_rec_free(&now);
	form_close(&app, f, false);
}

static void a_missing_field_is_a_programming_error(void **state)
{
	(void)state;
	forms_meeting(&app, 0);
	struct form *f = top_form();
	assert_string_equal(form_get(f, "title"), "");
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		form_get(f, "titel"); /* a typo */
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	form_close(&app, f, false);
}

/* ---- the keymap and the views agree ---- */

static const struct view_ops *const all_views[] = {
	&households_view, &visits_view, &cases_view, &meetings_view, &stats_view, &today_view, &household_view,
	&case_view, &meeting_view, &settings_view, &report_view, &help_view, &form_view, &staff_view, &history_view,
	&rosters_view, &roster_view,
};

/* Does some view of scope (or the app, or the registry) act on a? */
static bool acted_on(const char *scope, enum action a)
{
	if (a == ACT_HELP || a == ACT_QUIT || a == ACT_REDRAW || a == ACT_SWITCH_USER || a == ACT_LEAVE ||
	    (a >= ACT_SECTION_1 && a <= ACT_SECTION_6))
		return true;
	if (strcmp(scope, "edit") == 0)
		return a >= ACT_CURSOR_LEFT && a <= ACT_KILL_TO_END;
	if (view_reg_for(a, scope))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(all_views); i++) {
		const struct view_ops *o = all_views[i];
		bool here = strcmp(scope, "generic") == 0 || strcmp(o->scope, scope) == 0 ||
			    (o == &households_view && strcmp(scope, "search") == 0);
		for (const struct action_row *r = o->actions; here && r->action != ACT_NONE; r++)
			if (r->action == a)
				return true;
	}
	return false;
}

static void every_default_binding_does_something(void **state)
{
	(void)state;
	struct keymap km = { 0 };
	char *errors = NULL;
	const struct embedded_file *def = embedded_find("keymaps/default.keys");
	assert_non_null(def);
	assert_int_equal(keymap_parse(&km, def->data, "default.keys", &errors), 0);
	int dead = 0;
	for (int i = 0; i < km.n; i++)
		if (!acted_on(km.b[i].scope, km.b[i].action)) {
			char name[16];
			print_error("bind %s %s %s: no view of that scope acts on it\n", km.b[i].scope,
				    key_to_name(km.b[i].key, name), action_info(km.b[i].action)->name);
			dead++;
		}
	assert_int_equal(dead, 0);
	keymap_free(&km);
	x_free(&errors);
}

/* On a wide screen the columns that may grow widen (a type or a tag
 * shown whole), a date does not, and the flexible one keeps the rest; at
 * 80 columns nothing changes. */
static void wide_screens_widen_columns(void **state)
{
	(void)state;
	static const struct table_col cols[] = {
		{ "type", 8, 0, TEXT_LEFT, 0, NULL, 6 },
		{ "date", 10, 0, TEXT_LEFT, 0, NULL, 0 },
		{ "what", 8, 1, TEXT_LEFT, 1, NULL, 0 },
	};
	struct table_layout l;
	table_layout(cols, 3, 40, &l);
	assert_int_equal(l.w[0], 8);
	assert_int_equal(l.w[1], 10);
	assert_int_equal(l.w[2], 40 - 2 - 8 - 10);
	table_layout(cols, 3, 110, &l);
	assert_int_equal(l.w[0], 14);
	assert_int_equal(l.w[1], 10);
	assert_int_equal(l.w[2], 110 - 2 - 14 - 10);
	assert_int_equal(l.x[2], 14 + 1 + 10 + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_section_keeps_its_stack),
		cmocka_unit_test(a_view_in_the_middle_can_go),
		cmocka_unit_test(a_modal_view_keeps_the_sections),
		cmocka_unit_test(actions_are_offered_only_when_their_needs_hold),
		cmocka_unit_test(the_household_list_needs_a_row_to_edit),
		cmocka_unit_test(a_registered_view_opens_by_its_action),
		cmocka_unit_test(the_cursor_pages_by_the_visible_height),
		cmocka_unit_test(the_list_view_pages_by_the_visible_height),
		cmocka_unit_test(every_form_builds_and_checks),
		cmocka_unit_test(a_case_goes_through_its_form_unchanged),
		cmocka_unit_test(the_dwelling_search_finds_dwellings),
		cmocka_unit_test(a_missing_field_is_a_programming_error),
		cmocka_unit_test(every_default_binding_does_something),
		cmocka_unit_test(wide_screens_widen_columns),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
