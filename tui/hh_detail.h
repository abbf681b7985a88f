/* tui/hh_detail.h - a household as the detail pane and the household
 * screen show it: address, head, kind and tags, its members, its latest
 * visits with the rhythm of its tags, and the mediation cases its
 * residents are parties to. */
#ifndef JUWEI_HH_DETAIL_H
#define JUWEI_HH_DETAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "core/model.h"
#include "view.h"

struct app;

struct hh_detail {
	int64_t id;                 /* 0: nothing loaded */
	bool ok;
	struct household h;
	struct visit_row *visits;   /* newest first */
	int n_visits;
	struct case_row *cases;
	int n_cases;
	char *last_visit, *next_due;
	char *plan;                 /* the next visit planned ("" : none) */
	int plan_state;             /* enum plan_state */
	int lines;                  /* lines it had when last drawn */
	int member_line0;           /* the line of its first member */
};

/* Read household id (0: empty it).  False, with a message, when the
 * household is gone or cannot be read. */
bool hh_detail_load(struct hh_detail *d, struct app *app, int64_t id);
void hh_detail_free(struct hh_detail *d);
/* Draw in r from line scroll; sel: -1 highlights the household line,
 * n >= 0 member n, -2 nothing. */
void hh_detail_draw(struct hh_detail *d, struct app *app, struct rect r, int scroll, int sel);

#endif
