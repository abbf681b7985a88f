/* tui/forms.h - the register's forms, built on tui/form.c. */
#ifndef JUWEI_FORMS_H
#define JUWEI_FORMS_H

#include <stdint.h>

struct app;

/* A new household (id 0) with its head, or the household id. */
void forms_household(struct app *app, int64_t id);
/* A new member of household_id (id 0), or the member id. */
void forms_member(struct app *app, int64_t household_id, int64_t id);
void forms_move_out(struct app *app, int64_t id);
void forms_deceased(struct app *app, int64_t id);
/* Make member id the head of household_id. */
void forms_make_head(struct app *app, int64_t household_id, int64_t id);
/* Tags of a household ("household") or a member ("resident"). */
void forms_tags(struct app *app, const char *kind, int64_t owner);

/* A visit to household_id (0: chosen in the form), or visit id to edit;
 * follows: the visit whose follow-up this one is (marked done on save). */
void forms_visit(struct app *app, int64_t household_id, int64_t id, int64_t follows);

/* Export a ledger, import households (tui/forms_transfer.c). */
void forms_export(struct app *app);
void forms_import(struct app *app);

/* At start: when the user left a form unfinished, open it and offer
 * its draft. */
void forms_offer_draft(struct app *app);

#endif
