/* tui/app.c - the sections and their stacks, the frame, the main loop. */
#include "app.h"

#include "core/date.h"
#include "core/integrity.h"
#include "core/privilege.h"
#include "core/session.h"
#include "core/settings.h"
#include "core/signin.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "keys.h"
#include "question.h"
#include "signin.h"
#include "views.h"

#include <signal.h>
#include <term.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got_signal;
static struct timespec started;

void app_mark_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &started);
}

double app_elapsed_ms(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - started.tv_sec) * 1e3 + (now.tv_nsec - started.tv_nsec) / 1e6;
}

static void on_signal(int sig)
{
	got_signal = sig;
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_error = error;
	app->dirty = true;
}

/* ---- layout ---- */

static bool too_small(const struct app *app)
{
	return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

struct rect app_area(const struct app *app, const struct view_ops *ops)
{
	int h = app->rows - 3 > 1 ? app->rows - 3 : 1;
	if (ops->flags & VIEW_WHOLE)
		return (struct rect){ 1, 0, h, app->cols };
	return (struct rect){ 1, SECTION_COLS, h, app->cols - SECTION_COLS > 1 ? app->cols - SECTION_COLS : 1 };
}

/* The views on the screen now, bottom first: the top one and, while a
 * view draws over its parent, the parent.  Returns how many. */
#define MAX_SHOWN 8
static int shown(const struct app *app, struct view **out)
{
	struct view *chain[MAX_SHOWN];
	int n = 0;
	for (struct view *v = view_top(app); v && n < MAX_SHOWN; v = v->parent) {
		chain[n++] = v;
		if (!(v->ops->flags & VIEW_OVERLAY))
			break;
	}
	for (int i = 0; i < n; i++)
		out[i] = chain[n - 1 - i];
	return n;
}

static bool same_rect(struct rect a, struct rect b)
{
	return a.y == b.y && a.x == b.x && a.h == b.h && a.w == b.w;
}

void app_settle(struct app *app)
{
	if (too_small(app))
		return;
	struct view *vs[MAX_SHOWN];
	int n = shown(app, vs);
	for (int i = 0; i < n; i++) {
		struct view *v = vs[i];
		struct rect r = app_area(app, v->ops);
		if (!v->laid_out || !same_rect(r, v->r)) {
			v->r = r;
			v->laid_out = true;
			if (v->ops->resize)
				v->ops->resize(v);
			app->dirty = true;
		}
		if (v->stale) {
			v->stale = false;
			if (v->ops->reload)
				v->ops->reload(v);
			app->dirty = true;
		}
	}
}

/* Every view reads its data again: those shown now, the others when
 * they are shown next. */
static void reload_all(struct app *app)
{
	for (int s = 0; s < SECTIONS; s++)
		for (struct view *v = app->top[s]; v; v = v->parent)
			v->stale = true;
	today_count(app);
	app->dirty = true;
	app_settle(app);
}

void app_data_changed(struct app *app)
{
	reg_touched(&app->reg);
	reload_all(app);
}

/* ---- drawing ---- */

static void draw_too_small(struct app *app)
{
	erase();
	char buf[256], key[16];
	key_to_name(keymap_key_for(&app->km, "generic", ACT_QUIT), key);
	snprintf(buf, sizeof buf,
		 _("The terminal is too small (now %dx%d, at least %dx%d needed). Please enlarge the window; %s quits."),
		 app->cols, app->rows, MIN_COLS, MIN_ROWS, key);
	int w = app->cols > 4 ? app->cols - 2 : app->cols;
	int x = app->cols > 4 ? 1 : 0;
	draw_wrapped(app->rows / 2 > 0 ? app->rows / 2 - 1 : 0, x, w, app->rows, buf, A_BOLD);
}

static void draw_header(struct app *app)
{
	attr_t a = draw_attr(C_HEADER);
	char left[256], right[192];
	snprintf(left, sizeof left, " %s  %s", _("juwei"), app->community);
	char who[128];
	reg_who(&app->reg, who, sizeof who);
	snprintf(right, sizeof right, " %s%s  %s ", reg_read_only(&app->reg) ? _("[read only] ") : "", who, app->today);
	int rw = text_width(right);
	draw_text(0, 0, app->cols - rw, left, a, TEXT_LEFT);
	draw_text(0, app->cols - rw, rw, right, a, TEXT_RIGHT);
}

/* The status line: a message or the line being typed on the left, the
 * view's position on the right. */
static void draw_status(struct app *app, struct view *v)
{
	int y = app->rows - 2;
	char right[256] = "";
	if (v->ops->status)
		v->ops->status(v, right, sizeof right);
	int rw = text_width(right);
	if (rw > app->cols / 2)
		rw = app->cols / 2;
	int lw = app->cols - rw - 1;
	draw_text(y, app->cols - rw, rw, right, A_NORMAL, TEXT_RIGHT);
	draw_blank(y, lw, 1, A_NORMAL);
	struct lineedit *le = v->ops->prompt ? v->ops->prompt(v) : NULL;
	if (le) {
		const char *label = _("Search: ");
		int pw = text_width(label);
		draw_text(y, 0, pw, label, A_BOLD, TEXT_LEFT);
		size_t start, end;
		int cx;
		le_view(le, lw - pw, &start, &end, &cx);
		char *part = x_strndup(le->buf + start, end - start);
		draw_text(y, pw, lw - pw, part, A_NORMAL, TEXT_LEFT);
		x_free(&part);
		app->cursor_y = y;
		app->cursor_x = pw + cx;
		return;
	}
	attr_t a = app->message_error ? draw_attr(C_ERROR) : A_NORMAL;
	draw_text(y, 0, lw, app->message, a, TEXT_LEFT);
}

static void draw_all(struct app *app)
{
	app->cursor_y = app->cursor_x = -1;
	if (too_small(app)) {
		draw_too_small(app);
	} else {
		struct view *vs[MAX_SHOWN];
		int n = shown(app, vs);
		struct view *top = vs[n - 1];
		draw_header(app);
		if (!(vs[0]->ops->flags & VIEW_WHOLE))
			sections_draw(app, 1, app->rows - 3);
		for (int i = 0; i < n; i++)
			vs[i]->ops->draw(vs[i]);
		draw_status(app, top);
		keybar_draw(app, top, app->rows - 1);
	}
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else {
		curs_set(0);
		move(app->rows - 1, app->cols - 1);
	}
	wnoutrefresh(stdscr);
	doupdate();
	app->dirty = false;
}

/* ---- actions the app takes itself ---- */

static bool modal(const struct app *app)
{
	return view_top(app)->ops->flags & (VIEW_MODAL | VIEW_KEYS);
}

static bool is_section(enum action a)
{
	return a >= ACT_SECTION_1 && a <= ACT_SECTION_6;
}

bool app_offers(const struct app *app, enum action a)
{
	const struct view *top = view_top(app);
	if (top->ops->flags & VIEW_KEYS)
		return false;
	if (a == ACT_HELP || a == ACT_QUIT || a == ACT_REDRAW || a == ACT_LEAVE)
		return true;
	if (a == ACT_SWITCH_USER)
		return !modal(app);
	if (is_section(a))
		return !modal(app) && view_section(a - ACT_SECTION_1 + 1);
	const struct view_reg *r = view_reg_for(a, view_scope(top));
	return r && (r->needs & ~app_perm_bits(app)) == 0;
}

static void show_section(struct app *app, int i)
{
	app->section = i;
	app->dirty = true;
	app_settle(app);
}

static void tick_all(struct app *app, bool force);

unsigned app_perm_bits(const struct app *app)
{
	unsigned bits = 0;
	for (int p = 0; p < PERMS; p++)
		if (reg_may((struct reg *)&app->reg, (enum perm)p))
			bits |= NEED_PERM(p);
	return bits;
}

void app_keep_drafts(struct app *app)
{
	tick_all(app, true);
}

void app_leave(struct app *app)
{
	tick_all(app, true);
	app->quit = true;
}

/* How many views hold changes not saved yet. */
static int unsaved_views(const struct app *app)
{
	int n = 0;
	for (int s = 0; s < SECTIONS; s++)
		for (struct view *v = app->top[s]; v; v = v->parent)
			n += v->ops->unsaved && v->ops->unsaved(v);
	return n;
}

/* Unsaved work is kept as a draft on the way out. */
static void quit_now(struct app *app, void *ctx)
{
	(void)ctx;
	tick_all(app, true);
	app->quit = true;
}

static int app_quit(struct app *app)
{
	int n = unsaved_views(app);
	if (!n) {
		quit_now(app, NULL);
		return DONE;
	}
	char *text = x_asprintf(_("%d form(s) hold changes not saved yet. They are kept as drafts and offered again "
				  "next time. Quit now?"), n);
	struct question q = {
		.title = _(" Quit?"),
		.text = text,
		.keys = _("y quits, keeping the drafts   n or Esc goes back"),
		.answers = { { 'y', 0, quit_now }, { 'n', JK_ESC, NULL } },
	};
	question_ask(app, &q);
	x_free(&text);
	return REDRAW;
}

/* q: back one level; at the top of a section, quit. */
static int app_leave_level(struct app *app)
{
	struct view *top = view_top(app);
	if (top->parent && view_act(top, ACT_BACK) != NOT_HANDLED)
		return REDRAW;
	return app_quit(app);
}

static int app_help(struct app *app)
{
	view_push(app, &help_view, view_top(app));
	return REDRAW;
}

static int app_redraw(struct app *app)
{
	clearok(curscr, TRUE);
	reload_all(app);
	return REDRAW;
}

static int app_switch_user(struct app *app)
{
	signin_switch(app);
	return REDRAW;
}

/* The actions of every screen, as a table like a view's. */
static const struct {
	enum action a;
	int (*run)(struct app *app);
} app_actions[] = {
	{ ACT_QUIT, app_quit }, { ACT_HELP, app_help }, { ACT_REDRAW, app_redraw },
	{ ACT_SWITCH_USER, app_switch_user }, { ACT_LEAVE, app_leave_level },
};

int app_act(struct app *app, enum action a)
{
	if (!app_offers(app, a))
		return DONE;
	if (is_section(a)) {
		show_section(app, a - ACT_SECTION_1);
		return REDRAW;
	}
	for (size_t i = 0; i < ARRAY_SIZE(app_actions); i++)
		if (app_actions[i].a == a)
			return app_actions[i].run(app);
	const struct view_reg *r = view_reg_for(a, view_scope(view_top(app)));
	if (r)
		view_push(app, r->ops, NULL);
	return REDRAW;
}

/* ---- input ---- */

/* Click selects, the wheel scrolls; a click on a section opens it. */
static void handle_mouse(struct app *app)
{
	MEVENT ev;
	struct view *v = view_top(app);
	if (getmouse(&ev) != OK || too_small(app) || (v->ops->flags & (VIEW_WHOLE | VIEW_KEYS)))
		return;
	enum mouse_event me;
	if (ev.bstate & BUTTON4_PRESSED)
		me = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		me = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
		me = MOUSE_CLICK;
	else
		return;
	if (me == MOUSE_CLICK && ev.x < SECTION_COLS) {
		/* Sections are drawn on every other row from row 2. */
		int i = (ev.y - 2) / 2;
		if (ev.y >= 2 && (ev.y - 2) % 2 == 0 && i < SECTIONS)
			app_act(app, (enum action)(ACT_SECTION_1 + i));
		return;
	}
	if (v->ops->mouse && v->ops->mouse(v, ev.y, ev.x, me) != DONE)
		app->dirty = true;
}

/* Bracketed paste: everything up to the end mark is one text, so a
 * line break inside it never acts as Enter. */
static void read_paste(struct app *app)
{
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	for (;;) {
		int k = keys_read();
		if (k == KEYS_PASTE_END || k == KEYS_GONE || (k == 0 && got_signal))
			break;
		if (k == JK_ENTER)
			sb_addc(&sb, '\n');
		else if (k == JK_TAB)
			sb_addc(&sb, '\t');
		else if (k > 0 && k < JK_BASE) {
			char buf[5];
			sb_add(&sb, buf, utf8_encode((uint32_t)k, buf));
		}
		if (sb.len > (1 << 16))
			break; /* more than any field takes: stop reading */
	}
	struct view *v = view_top(app);
	if (v->ops->paste && !too_small(app)) {
		v->ops->paste(v, sb.buf);
		app->dirty = true;
	}
	sb_free(&sb);
}

void app_key(struct app *app, int key)
{
	struct view *v = view_top(app);
	if (too_small(app)) {
		/* Only quitting makes sense until the window grows again. */
		if (keymap_lookup(&app->km, "generic", key) == ACT_QUIT)
			app->quit = true;
		return;
	}
	int r = v->ops->key ? v->ops->key(v, key) : NOT_HANDLED;
	if (r == NOT_HANDLED && !(v->ops->flags & VIEW_KEYS)) {
		enum action a = keymap_lookup(&app->km, view_scope(v), key);
		r = view_act(v, a);
		if (r == NOT_HANDLED)
			r = app_act(app, a);
	}
	if (r != DONE)
		app->dirty = true;
	app_settle(app);
}

/* ---- the views' timers: drafts ---- */

static bool ticking(const struct app *app)
{
	for (int s = 0; s < SECTIONS; s++)
		for (struct view *v = app->top[s]; v; v = v->parent)
			if (v->ops->tick)
				return true;
	return false;
}

static void tick_all(struct app *app, bool force)
{
	for (int s = 0; s < SECTIONS; s++)
		for (struct view *v = app->top[s]; v; v = v->parent)
			if (v->ops->tick)
				v->ops->tick(v, force);
}

/* ---- setting up ---- */

void app_init(struct app *app, struct db *db)
{
	memset(app, 0, sizeof *app);
	reg_init(&app->reg, db);
	date_today(app->today);
	app->community = reg_community_name(&app->reg);
	app->rows = MIN_ROWS;
	app->cols = MIN_COLS;
	for (int s = 0; s < SECTIONS; s++) {
		app->section = s;
		app->top[s] = NULL;
		view_push(app, view_section(s + 1), NULL);
	}
	app->section = 0;
	today_count(app);
}

void app_clear_stacks(struct app *app)
{
	for (int s = 0; s < SECTIONS; s++)
		while (app->top[s] && app->top[s]->parent)
			view_remove(app->top[s]);
	app->dirty = true;
}

void app_free(struct app *app)
{
	app_clear_stacks(app);
	for (int s = 0; s < SECTIONS; s++) {
		if (app->top[s]) {
			struct view *v = app->top[s];
			if (v->ops->close)
				v->ops->close(v);
			x_free(&v->priv);
			x_free(&app->top[s]);
		}
	}
	reg_free(&app->reg);
	keymap_free(&app->km);
	x_free(&app->community);
}

static void start_message(struct app *app, char *errors)
{
	if (errors) {
		/* Show the first bad line; the rest of the keymap still works. */
		char *nl = strchr(errors, '\n');
		if (nl)
			*nl = '\0';
		app_message(app, true, _("Key bindings: %s"), errors);
		return;
	}
	char h[16], f[16], q[16];
	const char *scope = view_scope(view_top(app));
	app_message(app, false, _("%s shows the keys; %s searches; %s quits."),
		    key_to_name(keymap_key_for(&app->km, scope, ACT_HELP), h),
		    key_to_name(keymap_key_for(&app->km, scope, ACT_SEARCH), f),
		    key_to_name(keymap_key_for(&app->km, scope, ACT_QUIT), q));
}

/* Can this terminal put text anywhere on the screen?  A "dumb" one (no
 * cursor addressing) cannot draw juwei's screen at all. */
static bool can_address(void)
{
	const char *cup = tigetstr("cup");
	return cup && cup != (const char *)-1;
}

static SCREEN *start_terminal(bool *dumb)
{
	*dumb = false;
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (!scr)
		return NULL;
	set_term(scr);
	if (!can_address()) {
		endwin();
		delscreen(scr);
		*dumb = true;
		return NULL;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_init_colors();
	keys_init();
	/* No SA_RESTART: a hang-up interrupts the read at once, so that
	 * an open form's draft is kept before we go. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	keys_paste_on();
	return scr;
}

/* make bench: how long from main() to the first full screen. */
static bool bench_exit(void)
{
	const char *bench = priv_getenv("JUWEI_EXIT_AFTER_FIRST_SCREEN");
	if (!bench || !*bench)
		return false;
	FILE *f = fopen(bench, "w");
	if (f) {
		fprintf(f, "%.2f\n", app_elapsed_ms());
		fclose(f);
	}
	return true;
}

/* How long a screen stays open untouched before it locks: the setting,
 * or JUWEI_IDLE_LOCK_MS for the tests (not in a shared install, where
 * the environment is not the user's to set). */
static int idle_lock_ms(struct app *app)
{
	const char *env = priv_getenv("JUWEI_IDLE_LOCK_MS");
	if (env && *env && atoi(env) > 0)
		return atoi(env);
	return reg_setting(&app->reg, SETTING_IDLE_MINUTES) * 60 * 1000;
}

static void main_loop(struct app *app)
{
	bool checking = false;
	while (!app->quit && !got_signal) {
		if (app->dirty)
			draw_all(app);
		if (bench_exit())
			break;
		/* The file's own check, once the first screen is up. */
		if (!checking) {
			reg_quick_check_start(&app->reg);
			checking = true;
		}
		/* A form wakes up more often, to keep its draft fresh. */
		timeout(ticking(app) ? FORM_DRAFT_MS / 2 : IDLE_CHECK_MS);
		int key = keys_read();
		tick_all(app, false);
		if (key == KEYS_GONE)
			break;
		/* Between keys (and every IDLE_CHECK_MS when idle) look
		 * whether another session saved something: a member retired
		 * meanwhile is signed out before their key acts. */
		if (reg_changed(&app->reg)) {
			signin_check_service(app);
			reload_all(app);
		}
		if (reg_quick_check_damaged(&app->reg)) {
			app_message(app, true, "%s", reg_read_only(&app->reg));
			reload_all(app);
		}
		if (app_elapsed_ms() - app->session_seen >= SESSION_TOUCH_MS) {
			reg_session_touch(&app->reg);
			app->session_seen = app_elapsed_ms();
		}
		if (key != 0)
			app->idle_since = app_elapsed_ms();
		else if (app->idle_lock_ms > 0 && app_elapsed_ms() - app->idle_since >= app->idle_lock_ms)
			signin_lock(app);
		if (key == 0 || key == KEYS_PASTE_END)
			continue;
		if (key == KEYS_PASTE_BEGIN) {
			read_paste(app);
		} else if (key == JK_RESIZE) {
			getmaxyx(stdscr, app->rows, app->cols);
			app->dirty = true;
			app_settle(app);
		} else if (key == JK_MOUSE) {
			handle_mouse(app);
		} else {
			if (app->message[0])
				app->dirty = true;
			app->message[0] = '\0';
			app_key(app, key);
		}
	}
}

int app_run(struct db *db)
{
	struct app app;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "juwei: %s\n", _("the register opens in a terminal; stdin and stdout must be one"));
		return 1;
	}
	bool dumb;
	SCREEN *scr = start_terminal(&dumb);
	if (!scr) {
		const char *term = getenv("TERM");
		char *t = text_sanitize(term ? term : "", term ? strlen(term) : 0);
		if (dumb)
			fprintf(stderr, _("juwei: this terminal (TERM=%s) cannot place text on the screen; use one that "
					  "can (xterm, PuTTY, Xshell: TERM=xterm)\n"), t);
		else
			fprintf(stderr, "juwei: %s\n", _("cannot use this terminal (is TERM set?)"));
		x_free(&t);
		return 1;
	}
	app_init(&app, db);
	reg_session_begin(&app.reg);
	getmaxyx(stdscr, app.rows, app.cols);
	char *errors = NULL;
	keymap_load(&app.km, &errors);
	start_message(&app, errors);
	x_free(&errors);
	app_settle(&app);
	signin_at_start(&app);
	if (!view_find(view_top(&app), &signin_view)) {
		signin_warn(&app);
		forms_offer_draft(&app);
	}
	app_settle(&app);
	app.idle_since = app_elapsed_ms();
	app.idle_lock_ms = idle_lock_ms(&app);
	app.dirty = true;
	main_loop(&app);
	/* Hung up, terminated or the terminal gone: keep the forms' drafts,
	 * for the next session. */
	tick_all(&app, true);
	reg_session_end(&app.reg);
	keys_paste_off();
	endwin();
	delscreen(scr);
	app_free(&app);
	return 0;
}
