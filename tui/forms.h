/* tui/forms.h - the register's forms, built on tui/form.c. */
#ifndef JUWEI_FORMS_H
#define JUWEI_FORMS_H

#include <stdint.h>

#include "core/resident.h"
#include "core/visit.h"

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

/* Mediation (tui/forms_case.c): a new case with its applicant and
 * respondent; another party; a record; the next step of the procedure;
 * the case's own fields. */
void forms_case_new(struct app *app);
void forms_case_party(struct app *app, int64_t case_id, const char *case_no);
void forms_case_record(struct app *app, int64_t case_id, const char *case_no, const char *accepted,
		       const char *state);
void forms_case_move(struct app *app, int64_t case_id);
void forms_case_edit(struct app *app, int64_t case_id);
/* Reopen a closed case (the 主任), with a reason. */
void forms_case_reopen(struct app *app, int64_t case_id);
/* Write one of the case's documents (or the year's register) to a file. */
void forms_case_print(struct app *app, int64_t case_id, const char *case_no);

/* Meetings (tui/forms_meeting.c): a new meeting (id 0) or meeting id;
 * an attendee; a topic (NULL: a new one); the next step (publication
 * lasting publish_days by default); a follow-up of a decision; the
 * documents (file names: the meeting's date and title, and the kind). */
struct meeting_item;
void forms_meeting(struct app *app, int64_t id);
void forms_meeting_attendee(struct app *app, int64_t meeting_id);
void forms_meeting_item(struct app *app, int64_t meeting_id, const struct meeting_item *it);
void forms_meeting_move(struct app *app, int64_t meeting_id, int publish_days);
void forms_meeting_follow_up(struct app *app, int64_t meeting_id, const struct meeting_item *it);
/* A correction of a decided meeting's record, about the attendee or the
 * topic selected (both NULL: chosen in the form). */
struct meeting_attendee;
void forms_meeting_amend(struct app *app, int64_t meeting_id, const struct meeting_attendee *at,
			 const struct meeting_item *it);
void forms_meeting_print(struct app *app, int64_t meeting_id, const char *date, const char *title);

/* Rosters (tui/forms_roster.c): a roster (id 0: a new one), a member
 * added to one; a meeting takes a roster's members, or the attendees
 * of an earlier meeting (chosen from a list). */
void forms_roster(struct app *app, int64_t id);
void forms_roster_member(struct app *app, int64_t roster_id);
void forms_meeting_add_roster(struct app *app, int64_t meeting_id);
void forms_meeting_copy(struct app *app, int64_t meeting_id);

/* Shared by the forms (tui/forms_shared.c). */
struct form;
/* Keep drafts of f as "kind:parent" (a record new under parent, or one
 * that needs its parent to open again); forms_offer_draft() opens it. */
void forms_drafts_under(struct form *f, const char *kind, int64_t parent);
/* The staff form (tui/view_staff.c): a new member (0) or member id. */
void forms_staff(struct app *app, int64_t id);
struct link_hit;
struct doc;
/* The messages of a check beside their fields (keys with prefix); one
 * about a field the form does not show goes to fallback (NULL: dropped). */
void forms_put(struct form *f, const struct check *k, const char *prefix, const char *fallback);
/* A form's closed operation: after a save, every view reads again. */
void forms_saved(struct app *app, struct form *f, bool saved);
/* What a save that checks first came back with (s, and the check k):
 * when the check refused, its messages go on the fields and the status
 * is DB_ERR_SQL; else s. */
enum db_status forms_checked(struct form *f, enum db_status s, const struct check *k, const char *fallback);
/* A date field typed in any accepted form, back as YYYY-MM-DD. */
void forms_date(struct app *app, struct form *f, const char *key);
/* A vocabulary as the choices of a select field (ids kept). */
void forms_vocab(struct app *app, struct form *f, const char *key, enum vocab_kind kind);
/* A link field's search for a resident (residents, not households). */
int forms_resident_search(struct app *app, struct form *f, const char *key, const char *query,
			  struct link_hit *hits, int max);
/* The form that writes a document: one of kinds (NULL-terminated), as
 * HTML or text, to a file proposed under the documents directory and
 * named names[k] (core/ makes them: record and kind, safe for Windows);
 * records[k] says whose the file is ("mediation_case:12"), so that
 * printing again replaces it and never another record's file (that one
 * stays, and the new file's name ends -2, -3 ...).  make builds document
 * number `kind` of record id (NULL: the record is gone). */
typedef struct doc *(*forms_doc_fn)(struct app *app, int64_t id, int kind);
void forms_print(struct app *app, const char *title, const char *const *kinds, const char *const *names,
		 const char *const *records, forms_doc_fn make, int64_t id);

/* Where documents go by default: $XDG_DOCUMENTS_DIR, else ~/Documents
 * when it exists, else the home directory.  Newly allocated. */
char *forms_documents_dir(void);

/* Export a ledger, import households (tui/forms_transfer.c). */
void forms_export(struct app *app);
/* The same, set to the month report of month (YYYY-MM). */
void forms_export_month(struct app *app, const char *month);
void forms_import(struct app *app);

/* At start: when the user left a form unfinished, open it and offer
 * its draft. */
void forms_offer_draft(struct app *app);

#endif
