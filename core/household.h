/* core/household.h - the rules of the register when it is edited.
 *
 * The tui edits households, members and tags through these: they check
 * what a clerk typed (in the UI language, field by field) and keep the
 * register whole: exactly one living head per household, no head
 * leaving while others stay, a household closed when nobody lives in it
 * any more.  Saving names the version read, so nothing is overwritten
 * silently (DB_ERR_CONFLICT). */
#ifndef JUWEI_HOUSEHOLD_H
#define JUWEI_HOUSEHOLD_H

#include "model.h"
#include "register.h"
#include "resident.h"

/* The allowed values of a household field ("kind", "tenure"), or NULL. */
const char *const *household_choices(const char *field);

/* Check and normalise a household (address, kind, tenure, phone). */
void household_check(struct household_rec *h, struct check *out);

/* resident_check() of the head of a new household. */
void head_check(struct reg *r, struct resident_rec *rec, const char *today, struct check *out);

/* resident_check() plus the head rules of the household it is in. */
void member_check(struct reg *r, struct resident_rec *rec, const char *today,
		  struct check *out);

enum db_status reg_household_rec(struct reg *r, int64_t id, struct household_rec *out);
/* A new household with its head, or an update (head NULL). */
enum db_status reg_household_save(struct reg *r, struct household_rec *h,
				  struct resident_rec *head);
enum db_status reg_resident(struct reg *r, int64_t id, struct resident_rec *out);
/* Save a member; the household is closed or reopened to match. */
enum db_status reg_member_save(struct reg *r, struct resident_rec *rec);
/* The living head: *id 0 when there is none; *name newly allocated. */
enum db_status reg_household_head(struct reg *r, int64_t household_id, int64_t *id, char **name);
enum db_status reg_set_head(struct reg *r, int64_t household_id, int64_t new_head,
			    const char *old_relation);
enum db_status reg_dwellings(struct reg *r, const char *text, int limit,
			     struct dwelling_hit **out, int *n);

/* Tags: kind is "household" or "resident"; sensitive tags only for the
 * roles that may see them. */
enum db_status reg_tag_vocab(struct reg *r, const char *kind, struct tag_item **out, int *n);
enum db_status reg_tag_held(struct reg *r, const char *kind, int64_t owner,
			    struct tag_item **out, int *n);
enum db_status reg_tag_add(struct reg *r, const char *kind, int64_t owner, int64_t tag_id,
			   const char *since, const char *note);
enum db_status reg_tag_remove(struct reg *r, const char *kind, int64_t link_id);

#endif
