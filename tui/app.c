/* tui/app.c - screen layout and the main loop. */
#include "app.h"

#include "core/date.h"
#include "core/xalloc.h"
#include "draw.h"
#include "form.h"
#include "forms.h"
#include "keys.h"

#include <signal.h>
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
}

/* The view of the current section, under any form. */
/* Every view reads its data again; the section column its counts. */
static void reload_all(struct app *app)
{
	households_view.reload(app);
	visits_view.reload(app);
	cases_view.reload(app);
	meetings_view.reload(app);
	stats_view.reload(app);
	today_view.reload(app);
	if (app->settings_v)
		settings_view.reload(app);
	today_count(app);
}

void app_data_changed(struct app *app)
{
	reg_touched(&app->reg);
	reload_all(app);
}

/* The view of each section; NULL: not built yet. */
static const struct view_ops *const section_views[] = {
	&households_view, &visits_view, &cases_view, &meetings_view, &stats_view, &today_view,
};

static const struct view_ops *section_view(const struct app *app)
{
	if (app->report_text)
		return &report_view;
	if (app->settings)
		return &settings_view;
	return section_views[app->section];
}

bool section_built(int i)
{
	return i >= 0 && i < (int)ARRAY_SIZE(section_views) && section_views[i];
}

static const struct view_ops *current_view(const struct app *app)
{
	return app->form ? &form_view : section_view(app);
}

static bool too_small(const struct app *app)
{
	return app->cols < MIN_COLS || app->rows < MIN_ROWS;
}

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
	char left[256], right[128];
	snprintf(left, sizeof left, " %s  %s", _("juwei"), app->community);
	snprintf(right, sizeof right, _("User %s  %s "), reg_user(&app->reg), app->today);
	int rw = text_width(right);
	draw_text(0, 0, app->cols - rw, left, a, TEXT_LEFT);
	draw_text(0, app->cols - rw, rw, right, a, TEXT_RIGHT);
}

/* The status line: a message or the search prompt on the left, the
 * view's position on the right. */
static void draw_status(struct app *app, const struct view_ops *v)
{
	int y = app->rows - 2;
	char right[256] = "";
	if (v && v->status && !app->help)
		v->status(app, right, sizeof right);
	int rw = text_width(right);
	if (rw > app->cols / 2)
		rw = app->cols / 2;
	int lw = app->cols - rw - 1;
	draw_text(y, app->cols - rw, rw, right, A_NORMAL, TEXT_RIGHT);
	draw_blank(y, lw, 1, A_NORMAL);
	struct lineedit *le = v && v->prompt && !app->help ? v->prompt(app) : NULL;
	if (le) {
		const char *label = _("Search: ");
		int pw = text_width(label);
		draw_text(y, 0, pw, label, A_BOLD, TEXT_LEFT);
		size_t start, end;
		int cx;
		le_view(le, lw - pw, &start, &end, &cx);
		char *shown = x_strndup(le->buf + start, end - start);
		draw_text(y, pw, lw - pw, shown, A_NORMAL, TEXT_LEFT);
		x_free(&shown);
		app->cursor_y = y;
		app->cursor_x = pw + cx;
		return;
	}
	attr_t a = app->message_error ? draw_attr(C_ERROR) : A_NORMAL;
	draw_text(y, 0, lw, app->message, a, TEXT_LEFT);
}

static void draw_all(struct app *app)
{
	getmaxyx(stdscr, app->rows, app->cols);
	app->cursor_y = app->cursor_x = -1;
	if (too_small(app)) {
		draw_too_small(app);
	} else {
		const struct view_ops *v = current_view(app);
		int h = app->rows - 3;
		draw_header(app);
		if (app->help) {
			help_draw(app, v, 1, h);
		} else {
			sections_draw(app, 1, h);
			if (v)
				v->draw(app, 1, SECTION_COLS, h, app->cols - SECTION_COLS);
			else
				placeholder_draw(app, 1, SECTION_COLS, h, app->cols - SECTION_COLS);
		}
		draw_status(app, v);
		keybar_draw(app, v, app->rows - 1);
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
}

static int app_action(struct app *app, enum action a)
{
	if (app->help) {
		if (a == ACT_HELP || a == ACT_BACK)
			app->help = false;
		else if (a == ACT_QUIT)
			app->quit = true;
		return REDRAW_ALL;
	}
	switch (a) {
	case ACT_QUIT:
		app->quit = true;
		return REDRAW_NONE;
	case ACT_HELP:
		app->help = true;
		return REDRAW_ALL;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		reload_all(app);
		return REDRAW_ALL;
	case ACT_SECTION_1: case ACT_SECTION_2: case ACT_SECTION_3:
	case ACT_SECTION_4: case ACT_SECTION_5: case ACT_SECTION_6:
		if (app->form)
			return REDRAW_NONE; /* finish or leave the form first */
		app->section = a - ACT_SECTION_1;
		app->settings = false;
		report_close(app);
		if (!section_built(app->section))
			app_message(app, false, _("%s is not built yet."), section_name(app->section));
		return REDRAW_ALL;
	default:
		return NOT_HANDLED;
	}
}

/* Click selects, the wheel scrolls; a click on a section opens it. */
static void handle_mouse(struct app *app, const struct view_ops *v)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || too_small(app) || app->help)
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
		if (ev.y >= 2 && (ev.y - 2) % 2 == 0 && i < sections_count())
			app_action(app, (enum action)(ACT_SECTION_1 + i));
		return;
	}
	if (v && v->mouse)
		v->mouse(app, ev.y, ev.x, me);
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
	const struct view_ops *v = current_view(app);
	if (v && v->paste && !app->help && !too_small(app))
		v->paste(app, sb.buf);
	sb_free(&sb);
}

static void handle_key(struct app *app, int key)
{
	const struct view_ops *v = current_view(app);
	if (key == JK_MOUSE) {
		handle_mouse(app, v);
		return;
	}
	if (too_small(app)) {
		/* Only quitting makes sense until the window grows again. */
		if (keymap_lookup(&app->km, "generic", key) == ACT_QUIT)
			app->quit = true;
		return;
	}
	if (!app->help && v && v->key && v->key(app, key) != NOT_HANDLED)
		return;
	const char *scope = app->help ? "generic"
			  : v ? (v->current_scope ? v->current_scope(app) : v->scope) : "generic";
	enum action a = keymap_lookup(&app->km, scope, key);
	if (a == ACT_NONE) {
		if (app->help)
			app->help = false; /* any other key closes the help */
		return;
	}
	/* The view first (Esc means "back" in a view), then the app. */
	if (!app->help && v && v->supports(app, a) && v->action(app, a) != NOT_HANDLED)
		return;
	app_action(app, a);
}

int app_run(struct db *db)
{
	struct app app;
	memset(&app, 0, sizeof app);
	app.db = db;
	reg_init(&app.reg, db);
	date_today(app.today);
	app.community = reg_community_name(&app.reg);
	char *errors = NULL;
	keymap_load(&app.km, &errors);

	int rc = 1;
	SCREEN *scr = NULL;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "juwei: %s\n", _("the register opens in a terminal; stdin and stdout must be one"));
		goto out;
	}
	if (!(scr = newterm(NULL, stdout, stdin))) {
		fprintf(stderr, "juwei: %s\n", _("cannot use this terminal (is TERM set?)"));
		goto out;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(IDLE_CHECK_MS); /* wake up now and then to notice other sessions */
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_init_colors();
	/* No SA_RESTART: a hang-up interrupts the read at once, so that
	 * an open form's draft is kept before we go. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	keys_paste_on();

	if (errors) {
		/* Show the first bad line; the rest of the keymap still works. */
		char *nl = strchr(errors, '\n');
		if (nl)
			*nl = '\0';
		app_message(&app, true, _("Key bindings: %s"), errors);
	} else {
		char h[16], f[16], q[16];
		app_message(&app, false, _("%s shows the keys; %s searches; %s quits."),
			    key_to_name(keymap_key_for(&app.km, households_view.scope, ACT_HELP), h),
			    key_to_name(keymap_key_for(&app.km, households_view.scope, ACT_SEARCH), f),
			    key_to_name(keymap_key_for(&app.km, households_view.scope, ACT_QUIT), q));
	}

	getmaxyx(stdscr, app.rows, app.cols);
	hh_view_new(&app);
	today_view_new(&app);
	visits_view_new(&app);
	cases_view_new(&app);
	meetings_view_new(&app);
	stats_view_new(&app);
	today_count(&app);
	forms_offer_draft(&app);
	/* make bench: how long from main() to the first full screen. */
	const char *bench = getenv("JUWEI_EXIT_AFTER_FIRST_SCREEN");
	while (!app.quit && !got_signal) {
		draw_all(&app);
		if (bench && *bench) {
			FILE *f = fopen(bench, "w");
			if (f) {
				fprintf(f, "%.2f\n", app_elapsed_ms());
				fclose(f);
			}
			break;
		}
		/* A form wakes up more often, to keep its draft fresh. */
		timeout(app.form ? FORM_DRAFT_MS / 2 : IDLE_CHECK_MS);
		int key = keys_read();
		form_tick(&app, false);
		if (key == KEYS_GONE)
			break;
		/* Between keys (and every IDLE_CHECK_MS when idle) look
		 * whether another session saved something. */
		if (reg_changed(&app.reg))
			reload_all(&app);
		if (key == 0 || key == KEYS_PASTE_END)
			continue;
		if (key == KEYS_PASTE_BEGIN) {
			read_paste(&app);
			continue;
		}
		if (key == JK_RESIZE)
			continue; /* draw_all reads the new size */
		if (!app.help)
			app.message[0] = '\0';
		handle_key(&app, key);
	}
	/* Hung up, terminated or the terminal gone: keep the form's draft. */
	if (app.form) {
		app.form->draft_pending = true;
		form_tick(&app, true);
	}
	keys_paste_off();
	endwin();
	rc = 0;
out:
	if (scr)
		delscreen(scr);
	form_free(&app.form);
	hh_view_free(&app.hh);
	today_view_free(&app.today_v);
	report_close(&app);
	visits_view_free(&app.visits_v);
	cases_view_free(&app.cases_v);
	meetings_view_free(&app.meetings_v);
	stats_view_free(&app.stats_v);
	settings_free(&app.settings_v);
	reg_free(&app.reg);
	keymap_free(&app.km);
	x_free(&app.community);
	x_free(&errors);
	return rc;
}
