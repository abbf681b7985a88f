/* tui/app.h - the application: screen layout, views, the main loop.
 *
 * A view is a table of operations (like tig's view_ops).  Handlers
 * change state and return what must be redrawn; only the main loop
 * draws. */
#ifndef JUWEI_APP_H
#define JUWEI_APP_H

#include <stdbool.h>

#include "core/keymap.h"
#include "core/lineedit.h"
#include "core/register.h"

/* What a handler asks the main loop to redraw. */
enum {
	REDRAW_NONE = 0,
	REDRAW_ALL = 1,
	NOT_HANDLED = -1,
};

/* How often an idle screen looks for other sessions' changes (ms). */
#define IDLE_CHECK_MS 2000

/* Minimum terminal size the layout is made for. */
#define MIN_COLS 80
#define MIN_ROWS 24
/* From this width on, the detail pane sits beside the list. */
#define WIDE_COLS 100
/* Width of the section column. */
#define SECTION_COLS 8

struct app;

enum mouse_event { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

struct view_ops {
	const char *scope;                          /* keymap scope */
	/* Draw into the rectangle; may place the hardware cursor. */
	void (*draw)(struct app *app, int y, int x, int h, int w);
	/* An action from the keymap; NOT_HANDLED passes it on. */
	int (*action)(struct app *app, enum action a);
	/* A key before the keymap sees it (text entry); NOT_HANDLED
	 * passes it on. */
	int (*key)(struct app *app, int key);
	/* Does this view act on a; the F-key bar shows only these. */
	bool (*supports)(const struct app *app, enum action a);
	/* The keymap scope in force right now (a view may have modes). */
	const char *(*current_scope)(const struct app *app);
	/* Text for the right side of the status line. */
	void (*status)(const struct app *app, char *buf, int size);
	/* When the view is reading a line (search), its editor: the app
	 * draws it in the status line with the cursor in it. */
	struct lineedit *(*prompt)(const struct app *app);
	/* Read the data again (another session saved something), keeping
	 * the place in the list. */
	void (*reload)(struct app *app);
	/* A mouse event at screen (y, x). */
	int (*mouse)(struct app *app, int y, int x, enum mouse_event ev);
	/* Text pasted in one piece (bracketed paste); may be NULL. */
	void (*paste)(struct app *app, const char *text);
};

struct hh_view;
struct form;
struct today_view;
struct settings_view;
struct visits_view;
struct cases_view;
struct meetings_view;
struct stats_view;

struct app {
	struct db *db;
	struct reg reg;
	struct keymap km;
	char today[11];
	char *community;
	int rows, cols;
	int section;       /* 0..5: 住户 走访 调解 议事 统计 今日 */
	bool help;         /* the help screen is shown */
	bool quit;
	char message[512]; /* left side of the status line */
	bool message_error;
	struct hh_view *hh;
	struct form *form; /* the open form, over the section's view */
	struct today_view *today_v;
	struct visits_view *visits_v;
	struct cases_view *cases_v;
	struct meetings_view *meetings_v;
	struct stats_view *stats_v;
	struct settings_view *settings_v;
	bool settings;     /* the settings screen is open */
	char *report_text; /* a report shown over the section (an import's) */
	int report_scroll, report_lines, report_height;
	int due_count;     /* households overdue for a visit (section column) */
	/* Where the hardware cursor goes after drawing; -1 hides it. */
	int cursor_y, cursor_x;
};

/* Put a message in the status line (printf-style). */
void app_message(struct app *app, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Something was saved in this session: every view reads its data again. */
void app_data_changed(struct app *app);

/* Time since app_mark_start() (called first thing in main). */
void app_mark_start(void);
double app_elapsed_ms(void);

/* Run the TUI on an open database; returns the exit status. */
int app_run(struct db *db);

/* The household view (tui/view_households.c). */
extern const struct view_ops households_view;
struct hh_view *hh_view_new(struct app *app);
void hh_view_free(struct hh_view **hv);

/* Open household id's detail in the register (section 1). */
void hh_view_show(struct app *app, int64_t id);

/* Today (tui/view_today.c). */
extern const struct view_ops today_view;
struct today_view *today_view_new(struct app *app);
void today_view_free(struct today_view **tv);
void today_view_reload(struct app *app);
/* Count what is due for the section column. */
void today_count(struct app *app);

/* The visit list (tui/view_visits.c). */
extern const struct view_ops visits_view;
struct visits_view *visits_view_new(struct app *app);
void visits_view_free(struct visits_view **vv);

/* Mediation cases (tui/view_cases.c); show opens case id in section 3. */
extern const struct view_ops cases_view;
struct cases_view *cases_view_new(struct app *app);
void cases_view_free(struct cases_view **cv);
void cases_view_show(struct app *app, int64_t id);

/* Consultation meetings (tui/view_meetings.c); show opens meeting id in
 * section 4. */
extern const struct view_ops meetings_view;
struct meetings_view *meetings_view_new(struct app *app);
void meetings_view_free(struct meetings_view **mv);
void meetings_view_show(struct app *app, int64_t id);

/* A month in numbers (tui/view_stats.c). */
extern const struct view_ops stats_view;
struct stats_view *stats_view_new(struct app *app);
void stats_view_free(struct stats_view **sv);

/* A page of text over the section (tui/view_report.c). */
extern const struct view_ops report_view;
void report_show(struct app *app, const char *text);
void report_close(struct app *app);

/* Settings (tui/view_settings.c), over any section. */
extern const struct view_ops settings_view;
void settings_open(struct app *app);
void settings_free(struct settings_view **sv);

/* The F-key bar and the help screen (tui/keybar.c). */
void keybar_draw(struct app *app, const struct view_ops *v, int y);
void help_draw(struct app *app, const struct view_ops *v, int y, int h);

/* The section column (tui/sections.c). */
int sections_count(void);
const char *section_name(int i);
bool section_built(int i);
void sections_draw(struct app *app, int y, int h);
void placeholder_draw(struct app *app, int y, int x, int h, int w);

#endif
