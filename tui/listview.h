/* tui/listview.h - one list view for every list of records.
 *
 * A list is a spec: its columns (tui/table.h), where its rows come from
 * (a paged source, core/listwin.h), how a row becomes cells, and its
 * words: title, what an empty list says, how the position is counted.
 * The list view draws the title, the header and the rows, moves the
 * selection (a page is the visible height), says where it is in the
 * status line, keeps its place when the register changes, and narrows
 * by a filter: F3 opens the list's filter form, Esc drops it.
 *
 * A view that shows such a list puts a struct listview first in its
 * private state, so that the moving actions (LISTVIEW_MOVES) and the
 * filter actions work on it without knowing the view. */
#ifndef JUWEI_LISTVIEW_H
#define JUWEI_LISTVIEW_H

#include <stdbool.h>

#include "core/listwin.h"
#include "core/lists.h"
#include "draw.h"
#include "table.h"
#include "view.h"

/* The cells of one row: text[i] for column i; a cell may be written
 * into buf[i] (or into own[i], newly allocated, freed after drawing). */
struct cells {
	const char *text[TABLE_MAX_COLS];
	char buf[TABLE_MAX_COLS][64];
	char *own[TABLE_MAX_COLS];
	enum color color;          /* C_NORMAL, C_DIM, C_ERROR ... */
	attr_t attr;               /* added to the colour (A_BOLD) */
};

struct listview;
struct filter_spec;

struct listview_spec {
	const struct table_col *cols;
	int n_cols;
	/* Where the rows come from: one of the register's lists, filtered by
	 * the struct at offset `filter` of the view's private state; or a
	 * source of the view's own (source). */
	const struct reg_list *list;
	size_t filter;
	const struct list_ops *source;
	/* Fill the cells of row. */
	void (*cells)(const struct view *v, const void *row, struct cells *c);
	/* The title line above the header, and what narrows the list after
	 * it (msgid; NULL: no title line). */
	const char *title_text;
	void (*title)(const struct view *v, char *buf, int size);  /* a title of its own */
	/* May change the columns for this draw (a search shows names wider). */
	void (*columns)(const struct view *v, struct table_col *cols);
	/* Drawn over a row after its cells (highlights), may be NULL. */
	void (*decorate)(const struct view *v, const void *row, int y, int x, int w, const struct table_layout *l,
			 attr_t a);
	/* Rows that cannot be selected (headings); NULL: every row can. */
	bool (*selectable)(const void *row);
	const char *empty;           /* msgid: nothing in the list */
	const char *empty_filtered;  /* msgid: nothing matches the filter */
	const char *count;           /* msgid "%d/%d visits": position, total */
	/* F3 opens this filter form (NULL: none); Esc empties the filter
	 * (filter_size bytes at filter), then calls clear_filter (may be NULL). */
	const struct filter_spec *filter_form;
	size_t filter_size;
	void (*clear_filter)(struct view *v);
	/* Where the selection goes when the list is first read or its
	 * filter changes (NULL: the first row it can select). */
	void (*start)(struct view *v);
};

struct listview {
	const struct listview_spec *spec;
	struct list_ops ops;  /* over spec->list */
	struct list list;
	char *filter_text;   /* what narrows the list, for the title; NULL: nothing */
	bool loaded;
	struct rect rows;    /* where the rows were drawn (the mouse) */
};

void lv_init(struct listview *lv, const struct listview_spec *spec, void *ctx);
void lv_free(struct listview *lv);
/* The list has r to draw in: its height follows (rows may be read). */
void lv_resize(struct listview *lv, struct view *v, struct rect r);
/* The source's filter changed: count again and go to the first row. */
void lv_reset(struct listview *lv, struct view *v);
/* The register changed: count again and refill from the same row. */
void lv_reload(struct listview *lv, struct view *v);
/* The register changed: show the window from row (at position pos),
 * selected. */
void lv_goto(struct listview *lv, struct view *v, const void *row, int pos);
void lv_draw(struct listview *lv, const struct view *v, struct rect r);
/* The selected row, or NULL. */
void *lv_selected(const struct listview *lv);
/* NEED_ROW and NEED_FILTER as they hold. */
unsigned lv_state(const struct listview *lv);
void lv_status(const struct listview *lv, char *buf, int size);
/* What narrows the list now (copied; NULL: nothing), for the title. */
void lv_set_filter_text(struct listview *lv, const char *text);
int lv_mouse(struct listview *lv, struct view *v, int y, int x, enum mouse_event ev);

/* Handlers for a view whose private state starts with a listview. */
int lv_run_move(struct view *v, enum action a);
int lv_run_filter(struct view *v, enum action a);
int lv_run_clear(struct view *v, enum action a);
/* The table rows they make. */
#define LISTVIEW_MOVES VIEW_MOVES(lv_run_move)
#define LISTVIEW_FILTER \
	{ ACT_SEARCH, lv_run_filter, 0, NULL }, { ACT_BACK, lv_run_clear, NEED_FILTER, NULL }

/* The generic view operations of such a view; open and close take the
 * spec from the view's ops (data). */
bool lv_view_open(struct view *v, const void *arg);
void lv_view_close(struct view *v);
unsigned lv_view_state(const struct view *v);
void lv_view_status(const struct view *v, char *buf, int size);
void lv_view_resize(struct view *v);
void lv_view_reload(struct view *v);
void lv_view_draw(struct view *v);
int lv_view_mouse(struct view *v, int y, int x, enum mouse_event ev);

#endif
