/* tui/views.h - the views of juwei, one file each.  tui/registry.c
 * says which are sections and which an action opens; code pushes the
 * others (a form, a question, the detail of a record). */
#ifndef JUWEI_VIEWS_H
#define JUWEI_VIEWS_H

#include "view.h"

/* Sections. */
extern const struct view_ops households_view; /* tui/view_households.c */
extern const struct view_ops visits_view;     /* tui/view_visits.c */
extern const struct view_ops cases_view;      /* tui/view_cases.c */
extern const struct view_ops meetings_view;   /* tui/view_meetings.c */
extern const struct view_ops stats_view;      /* tui/view_stats.c */
extern const struct view_ops today_view;      /* tui/view_today.c */

/* The detail of a record. */
extern const struct view_ops household_view;  /* tui/view_household.c: arg int64_t * */
extern const struct view_ops case_view;       /* tui/view_case.c: arg int64_t * */
extern const struct view_ops meeting_view;    /* tui/view_meeting.c: arg int64_t * */

/* Over any view. */
extern const struct view_ops settings_view;   /* tui/view_settings.c */
extern const struct view_ops report_view;     /* tui/view_report.c: arg const char * */
extern const struct view_ops help_view;       /* tui/help.c: arg the view it explains */
extern const struct view_ops form_view;       /* tui/form.c: arg struct form * (owned from then on) */
extern const struct view_ops picker_view;     /* tui/picker.c */
extern const struct view_ops question_view;   /* tui/question.c: arg struct question * */
extern const struct view_ops signin_view;
extern const struct view_ops history_view;    /* tui/view_history.c: arg struct history_arg * or NULL */
extern const struct view_ops rosters_view;    /* tui/view_rosters.c */
extern const struct view_ops roster_view;     /* tui/view_rosters.c: arg int64_t * */
extern const struct view_ops staff_view;      /* tui/view_staff.c */     /* tui/signin.c: arg struct signin_arg * */

#endif
