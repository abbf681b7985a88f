/* tui/app.h - the application: the sections and their stacks of views,
 * the screen's frame (title, section column, status line, F-key bar)
 * and the main loop.
 *
 * The app knows no view by its insides: it lays views out, asks them to
 * draw, hands them keys and actions, and tells them when the register
 * changed.  Handlers change state and return REDRAW; only the main loop
 * draws, and only when something changed. */
#ifndef JUWEI_APP_H
#define JUWEI_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/keymap.h"
#include "core/register.h"
#include "view.h"

/* How often an idle screen looks for other sessions' changes (ms). */
#define IDLE_CHECK_MS 2000
/* How often the session says it is still here (core/session.h). */
#define SESSION_TOUCH_MS 60000

/* Minimum terminal size the layout is made for. */
#define MIN_COLS 80
#define MIN_ROWS 24
/* From this width on, the detail pane sits beside the list. */
#define WIDE_COLS 100
/* Width of the section column. */
#define SECTION_COLS 8
/* The sections: 住户 走访 调解 议事 统计 今日. */
#define SECTIONS 6

struct app {
	struct reg reg;
	struct keymap km;
	char today[11];
	char *community;
	int rows, cols;
	int section;               /* 0..SECTIONS-1 */
	struct view *top[SECTIONS]; /* each section's stack, by its top */
	bool quit;
	bool dirty;                /* the screen must be drawn again */
	char message[512];         /* left side of the status line */
	bool message_error;
	int due_count;             /* households overdue for a visit (section column) */
	double idle_since;         /* app_elapsed_ms() of the last key */
	double session_seen;       /* when the session last said it is here */
	int idle_lock_ms;          /* an untouched screen locks after this (0: never) */
	/* Where the hardware cursor goes after drawing; -1 hides it. */
	int cursor_y, cursor_x;
};

/* Put a message in the status line (printf-style). */
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Something was saved in this session: every view reads its data again. */
void app_data_changed(struct app *app);

/* The NEED_PERM bits of what the one signed in may do. */
unsigned app_perm_bits(const struct app *app);
/* Keep every open form as a draft now. */
void app_keep_drafts(struct app *app);
/* Quit, keeping the drafts (F10 where the app's keys do not reach). */
void app_leave(struct app *app);
/* Close every view above the sections (forms stay as drafts only). */
void app_clear_stacks(struct app *app);

/* Time since app_mark_start() (called first thing in main). */
void app_mark_start(void);
double app_elapsed_ms(void);

/* Set up the app on an open register without a terminal (the tests
 * use this); app_run() adds the terminal and the loop. */
void app_init(struct app *app, struct db *db);
void app_free(struct app *app);
/* Run the TUI on an open database; returns the exit status. */
int app_run(struct db *db);

/* The rectangle a view of ops gets now. */
struct rect app_area(const struct app *app, const struct view_ops *ops);
/* Make what is shown up to date: lay out and reload the visible views. */
void app_settle(struct app *app);
/* Run an action that no view took: help, quit, sections, redraw, and
 * the views the registry opens by an action. */
int app_act(struct app *app, enum action a);
/* One key as the terminal gave it (a code of core/keymap.h). */
void app_key(struct app *app, int key);
/* Is a offered by the app itself now (the F-key bar and help)? */
bool app_offers(const struct app *app, enum action a);

/* Show household id (its members, visits, cases) over the current view. */
void hh_view_show(struct app *app, int64_t id);
/* Show case id, meeting id over the current view. */
void cases_view_show(struct app *app, int64_t id);
void meetings_view_show(struct app *app, int64_t id);
/* The meeting id shown on the current stack selects the first of the
 * last n attendees (just added) when it next reads them. */
void meeting_view_select_last(struct app *app, int64_t id, int n);
/* Show a page of text (an import's report) over the current view. */
void report_show(struct app *app, const char *text);
/* Count what is due for the section column. */
void today_count(struct app *app);

/* The section column (tui/sections.c). */
const char *section_name(int i);
void sections_draw(struct app *app, int y, int h);

/* The F-key bar (tui/keybar.c). */
void keybar_draw(struct app *app, const struct view *v, int y);

#endif
