/* tui/signin.c - who is at the keyboard: the sign-in screen at start,
 * the lock of an idle screen, a change of user at a shared desk, and the
 * first 主任 of a new register.
 *
 * It takes the whole screen and every key (nothing of the register
 * shows behind it).  At start and on a change of user the clerk picks
 * their name (typing narrows the list, pinyin initials too) and types
 * their PIN; a locked screen asks only the PIN of whoever locked it, and
 * F3 lets someone else sign in instead (the first one's open forms are
 * kept as their drafts).  F10 quits from any of them; forms are kept as
 * drafts on the way out too. */
#include "app.h"

#include "core/codes.h"
#include "core/integrity.h"
#include "core/pinyin.h"
#include "core/signin.h"
#include "core/staff.h"
#include "core/xalloc.h"
#include "draw.h"
#include "edit.h"
#include "forms.h"
#include "signin.h"
#include "views.h"

#include <string.h>

#define PIN_MAX 12

struct signin {
	enum signin_mode mode;
	struct staff_rec *staff;     /* the members in service */
	int n_staff;
	int *shown, n_shown, sel;    /* those the typed text matches */
	struct lineedit who, pin, pin2;
	int field;                   /* 0: who (or the name), 1: PIN, 2: PIN again */
	int64_t locked_by;           /* SIGNIN_MODE_LOCK: whose screen it is */
	char msg[256];
	bool error;
};

static struct signin *si_of(struct view *v) { return v->priv; }

/* The members the typed text matches: part of the name, or its pinyin. */
static void narrow(struct signin *s)
{
	s->n_shown = 0;
	const char *q = s->who.buf;
	for (int i = 0; i < s->n_staff; i++) {
		const char *name = s->staff[i].name;
		if (!*q || strstr(name, q) || pinyin_match(name, q, NULL))
			s->shown[s->n_shown++] = i;
	}
	if (s->sel >= s->n_shown)
		s->sel = s->n_shown ? s->n_shown - 1 : 0;
}

static const struct staff_rec *chosen(const struct signin *s)
{
	if (s->mode == SIGNIN_MODE_LOCK) {
		for (int i = 0; i < s->n_staff; i++)
			if (s->staff[i].id == s->locked_by)
				return &s->staff[i];
		return NULL;
	}
	return s->n_shown ? &s->staff[s->shown[s->sel]] : NULL;
}

static void say(struct signin *s, bool error, const char *msg)
{
	snprintf(s->msg, sizeof s->msg, "%s", msg);
	s->error = error;
}

static void load_staff(struct view *v)
{
	struct signin *s = si_of(v);
	staff_recs_free(&s->staff, &s->n_staff);
	x_free(&s->shown);
	reg_staff_door(&v->app->reg, &s->staff, &s->n_staff);
	s->shown = x_calloc((size_t)(s->n_staff > 0 ? s->n_staff : 1), sizeof *s->shown);
	narrow(s);
}

static bool si_open(struct view *v, const void *arg)
{
	struct signin *s = si_of(v);
	const struct signin_arg *a = arg;
	s->mode = a->mode;
	s->locked_by = a->locked_by;
	le_init(&s->who, 32);
	le_init(&s->pin, PIN_MAX);
	le_init(&s->pin2, PIN_MAX);
	load_staff(v);
	/* At start the login's own member is chosen already: only the PIN
	 * is asked.  A change of user is someone else. */
	int64_t own = s->mode == SIGNIN_MODE_START ? reg_login_staff(&v->app->reg) : 0;
	if (s->mode == SIGNIN_MODE_SWITCH)
		s->mode = SIGNIN_MODE_START;
	for (int i = 0; own && i < s->n_shown; i++)
		if (s->staff[s->shown[i]].id == own) {
			s->sel = i;
			s->field = 1;
		}
	if (s->mode == SIGNIN_MODE_LOCK)
		s->field = 1;
	if (a->message)
		say(s, a->error, a->message);
	return true;
}

static void si_close(struct view *v)
{
	struct signin *s = si_of(v);
	staff_recs_free(&s->staff, &s->n_staff);
	x_free(&s->shown);
	le_free(&s->who);
	explicit_bzero(s->pin.buf, s->pin.cap);
	explicit_bzero(s->pin2.buf, s->pin2.cap);
	le_free(&s->pin);
	le_free(&s->pin2);
}

/* ---- drawing ---- */

/* A field: its label, and its value (a PIN as stars) in a frame. */
static void draw_field(struct view *v, int y, int x, const char *label, const struct lineedit *le, bool secret,
		       bool current)
{
	int lw = 18, w = 24;
	draw_text(y, x, lw, label, A_NORMAL, TEXT_RIGHT);
	char stars[PIN_MAX + 1];
	size_t n = le_chars(le);
	memset(stars, '*', n < PIN_MAX ? n : PIN_MAX);
	stars[n < PIN_MAX ? n : PIN_MAX] = '\0';
	attr_t a = current ? draw_attr(C_SELECTED) : A_UNDERLINE;
	draw_text(y, x + lw + 1, w, secret ? stars : le->buf, a, TEXT_LEFT);
	if (current) {
		v->app->cursor_y = y;
		v->app->cursor_x = x + lw + 1 + (secret ? (int)(n < PIN_MAX ? n : PIN_MAX) : le_cursor_col(le));
	}
}

static const char *title_of(const struct signin *s)
{
	switch (s->mode) {
	case SIGNIN_MODE_LOCK: return _("The screen is locked");
	case SIGNIN_MODE_FIRST: return _("A new register: its first 主任");
	default: return _("Sign in");
	}
}

static void draw_list(struct view *v, int y, int x, int rows)
{
	struct signin *s = si_of(v);
	int top = s->sel >= rows ? s->sel - rows + 1 : 0;
	for (int i = 0; i < rows && top + i < s->n_shown; i++) {
		const struct staff_rec *m = &s->staff[s->shown[top + i]];
		char line[128];
		snprintf(line, sizeof line, "%s  %s", m->name, m->role);
		attr_t a = top + i == s->sel ? draw_attr(C_SELECTED) : A_NORMAL;
		draw_text(y + i, x, 30, line, a, TEXT_LEFT);
	}
	if (!s->n_shown)
		draw_text(y, x, 40, _("No member of staff has this name."), draw_attr(C_DIM), TEXT_LEFT);
}

static void si_draw(struct view *v)
{
	struct signin *s = si_of(v);
	struct rect r = v->r;
	draw_clear(r.y, r.x, r.h, r.w);
	int x = r.x + (r.w > 60 ? (r.w - 60) / 2 : 1), y = r.y + 1;
	draw_text(y, x, 60, title_of(s), A_BOLD, TEXT_LEFT);
	y += 2;
	if (s->mode == SIGNIN_MODE_FIRST) {
		y += draw_wrapped(y, x, 60, 3, _("Nobody works with this register yet. Whoever opens it first is its 主任: "
					     "give your name and choose a PIN (4 to 12 digits)."), A_NORMAL) + 1;
		draw_field(v, y, x, _("Your name"), &s->who, false, s->field == 0);
		draw_field(v, y + 2, x, _("PIN"), &s->pin, true, s->field == 1);
		draw_field(v, y + 4, x, _("PIN again"), &s->pin2, true, s->field == 2);
		y += 6;
	} else if (s->mode == SIGNIN_MODE_LOCK) {
		const struct staff_rec *m = chosen(s);
		char who[128];
		snprintf(who, sizeof who, _("%s (%s) locked it. Their PIN opens it again."), m ? m->name : "",
			 m ? m->role : "");
		y += draw_wrapped(y, x, 60, 2, who, A_NORMAL) + 1;
		draw_field(v, y, x, _("PIN"), &s->pin, true, true);
		y += 2;
	} else {
		draw_field(v, y, x, _("Name or initials"), &s->who, false, s->field == 0);
		int rows = r.h - 10 > 8 ? 8 : r.h - 10;
		draw_list(v, y + 1, x + 19, rows > 1 ? rows : 1);
		y += (rows > 1 ? rows : 1) + 2;
		draw_field(v, y, x, _("PIN"), &s->pin, true, s->field == 1);
		y += 2;
	}
	if (s->msg[0])
		draw_wrapped(y + 1, x, 60, 3, s->msg, s->error ? draw_attr(C_ERROR) : A_BOLD);
}

static const char *si_hint(const struct view *v)
{
	const struct signin *s = v->priv;
	switch (s->mode) {
	case SIGNIN_MODE_LOCK: return _("Enter: open   F3: someone else signs in   F10: quit");
	case SIGNIN_MODE_FIRST: return _("Enter: next / done   Tab: next field   F10: quit");
	default: return _("Type to narrow   Up/Down: choose   Enter: next / sign in   F10: quit");
	}
}

/* ---- keys ---- */

static int submit_first(struct view *v)
{
	struct signin *s = si_of(v);
	if (strcmp(s->pin.buf, s->pin2.buf) != 0) {
		say(s, true, _("The two PINs differ; type them again."));
		le_set(&s->pin, "");
		le_set(&s->pin2, "");
		s->field = 1;
		return REDRAW;
	}
	struct check c;
	enum db_status st = reg_first_director(&v->app->reg, s->who.buf, s->pin.buf, &c);
	if (st == DB_OK && !check_ok(&c)) {
		say(s, true, c.items[0].message);
		s->field = strcmp(c.items[0].field, "name") == 0 ? 0 : 1;
		check_free(&c);
		return REDRAW;
	}
	check_free(&c);
	if (st != DB_OK) {
		say(s, true, reg_status_text(&v->app->reg, st));
		return REDRAW;
	}
	signin_done(v);
	return REDRAW;
}

static int submit(struct view *v)
{
	struct signin *s = si_of(v);
	const struct staff_rec *m = chosen(s);
	if (!m) {
		say(s, true, _("Choose a member of staff from the list."));
		s->field = 0;
		return REDRAW;
	}
	char msg[256];
	enum db_status st = reg_sign_in(&v->app->reg, m->id, s->pin.buf, msg, sizeof msg);
	le_set(&s->pin, "");
	if (st != DB_OK) {
		say(s, true, msg);
		return REDRAW;
	}
	signin_done(v);
	return REDRAW;
}

static int enter(struct view *v)
{
	struct signin *s = si_of(v);
	int last = s->mode == SIGNIN_MODE_FIRST ? 2 : 1;
	if (s->field < last) {
		s->field++;
		return REDRAW;
	}
	return s->mode == SIGNIN_MODE_FIRST ? submit_first(v) : submit(v);
}

static struct lineedit *current(struct signin *s)
{
	return s->field == 0 ? &s->who : s->field == 1 ? &s->pin : &s->pin2;
}

static int si_key(struct view *v, int key)
{
	struct signin *s = si_of(v);
	struct app *app = v->app;
	if (keymap_lookup(&app->km, "generic", key) == ACT_QUIT) {
		app_leave(app);
		return REDRAW;
	}
	int last = s->mode == SIGNIN_MODE_FIRST ? 2 : 1, first = s->mode == SIGNIN_MODE_LOCK ? 1 : 0;
	switch (key) {
	case JK_ENTER:
		return enter(v);
	case JK_TAB:
		s->field = s->field < last ? s->field + 1 : first;
		return REDRAW;
	case JK_BTAB:
		s->field = s->field > first ? s->field - 1 : last;
		return REDRAW;
	case JK_UP: case JK_DOWN:
		if (s->mode == SIGNIN_MODE_START && s->n_shown) {
			s->sel = (s->sel + (key == JK_UP ? s->n_shown - 1 : 1)) % s->n_shown;
			le_set(&s->pin, "");
		}
		return REDRAW;
	case JK_F(3):
		if (s->mode == SIGNIN_MODE_LOCK)
			signin_switch(app);
		return REDRAW;
	default:
		break;
	}
	/* Digits only in a PIN. */
	if (s->field > 0 && edit_is_text(app, key) && (key < '0' || key > '9'))
		return REDRAW;
	enum le_result r;
	if (edit_line(app, current(s), key, &r) && r == LE_CHANGED && s->field == 0 &&
	    s->mode == SIGNIN_MODE_START) {
		s->sel = 0;
		narrow(s);
	}
	if (r == LE_CHANGED)
		s->msg[0] = '\0';
	return REDRAW;
}

static void si_reload(struct view *v)
{
	struct signin *s = si_of(v);
	int64_t was = chosen(s) ? chosen(s)->id : 0;
	load_staff(v);
	for (int i = 0; was && i < s->n_shown; i++)
		if (s->staff[s->shown[i]].id == was)
			s->sel = i;
}

const struct view_ops signin_view = {
	.name = "signin",
	.scope = "signin",
	.priv_size = sizeof(struct signin),
	.flags = VIEW_WHOLE | VIEW_MODAL | VIEW_KEYS,
	.open = si_open,
	.close = si_close,
	.draw = si_draw,
	.key = si_key,
	.hint = si_hint,
	.reload = si_reload,
};

/* ---- around the screen ---- */

static void push(struct app *app, enum signin_mode mode, int64_t locked_by, const char *message, bool error)
{
	struct signin_arg a = { mode, locked_by, message, error };
	view_push(app, &signin_view, &a);
	app->dirty = true;
}

void signin_at_start(struct app *app)
{
	enum signin_need need = reg_access_by_login(&app->reg);
	switch (need) {
	case SIGNIN_DONE:
		return;
	case SIGNIN_FIRST:
		push(app, SIGNIN_MODE_FIRST, 0, NULL, false);
		break;
	case SIGNIN_RETIRED:
		push(app, SIGNIN_MODE_START, 0,
		     _("The member of staff of this login no longer works here; ask the 主任."), true);
		break;
	case SIGNIN_CHOOSE:
		push(app, SIGNIN_MODE_START, 0,
		     _("This login is nobody's on the staff list: choose your name, or ask the 主任 to add you."), false);
		break;
	case SIGNIN_PIN:
		push(app, SIGNIN_MODE_START, 0, NULL, false);
		break;
	}
}

void signin_lock(struct app *app)
{
	if (!app->reg.acc.staff_id || !app->reg.acc.pin || view_find(view_top(app), &signin_view))
		return;
	app_keep_drafts(app);
	push(app, SIGNIN_MODE_LOCK, app->reg.acc.staff_id, NULL, false);
}

void signin_switch(struct app *app)
{
	app_keep_drafts(app);
	app_clear_stacks(app);
	reg_sign_out(&app->reg);
	push(app, SIGNIN_MODE_SWITCH, 0, NULL, false);
	app_data_changed(app); /* the screens under it read again when shown */
}

void signin_check_service(struct app *app)
{
	if (reg_still_in_service(&app->reg) || view_find(view_top(app), &signin_view))
		return;
	app_keep_drafts(app);
	app_clear_stacks(app);
	push(app, SIGNIN_MODE_SWITCH, 0, _("You were signed out: the 主任 has marked you as no longer in service."),
	     true);
	app_data_changed(app);
}

void signin_done(struct view *v)
{
	struct app *app = v->app;
	struct signin *s = si_of(v);
	bool same = s->mode == SIGNIN_MODE_LOCK && s->locked_by == app->reg.acc.staff_id;
	view_remove(v);
	app->idle_since = app_elapsed_ms();
	if (!same) {
		/* Someone else: what the last one had open is theirs, kept
		 * as their drafts. */
		app_clear_stacks(app);
		app_data_changed(app);
		forms_offer_draft(app);
	}
	char who[128];
	reg_who(&app->reg, who, sizeof who);
	app_message(app, false, _("Signed in: %s."), who);
	signin_warn(app);
	app->dirty = true;
}

void signin_warn(struct app *app)
{
	char at[32];
	if (reg_read_only(&app->reg)) {
		app_message(app, true, "%s", reg_read_only(&app->reg));
		return;
	}
	if (access_grant(&app->reg.acc, P_AUDIT) == G_ALL && reg_last_check_failed(&app->reg, at, sizeof at))
		app_message(app, true, _("The last check (%.16s) found the register changed behind juwei's back: "
					 "run juwei check, and see the history."), at);
}
