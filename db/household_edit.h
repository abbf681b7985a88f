/* db/household_edit.h - saving households, dwellings, heads and tags. */
#ifndef JUWEI_DB_HOUSEHOLD_EDIT_H
#define JUWEI_DB_HOUSEHOLD_EDIT_H

#include "core/model.h"
#include "db.h"

/* A household with its dwelling's address and grid. */
enum db_status db_household_rec_get(struct db *db, int64_t id, struct household_rec *rec);

/* Insert (rec->id == 0, with head, whose household_id is filled in) or
 * update (head NULL) a household in one transaction.  The dwelling is
 * found by its address or created, its grid taken from the nearest
 * existing dwelling (same building, else same compound); DB_ERR_DENIED
 * when that dwelling is outside the connection's grids.  An update
 * names the version it read: DB_ERR_CONFLICT when someone else saved
 * since, and nothing is written. */
enum db_status db_household_save(struct db *db, struct household_rec *rec, struct resident_rec *head);

/* The grid of a household's dwelling (0: none), whoever may see it:
 * core's access checks ask it. */
enum db_status db_household_grid(struct db *db, int64_t id, int64_t *grid);
/* The household a resident belongs to. */
enum db_status db_resident_household(struct db *db, int64_t resident_id, int64_t *household_id);

/* Dwellings whose address contains text ("3-2", "幸福", "" for all),
 * in address order, at most limit; *out newly allocated. */
enum db_status db_dwelling_search(struct db *db, const char *text, int limit,
				  struct dwelling_hit **out, int *n);

/* The living head of a household: *id 0 when there is none. */
enum db_status db_household_head(struct db *db, int64_t household_id, int64_t *id, char **name);
/* How many people live in the household now. */
enum db_status db_household_living(struct db *db, int64_t household_id, int64_t *n);
/* Make new_head the head; the old head (if any) gets old_relation. */
enum db_status db_household_set_head(struct db *db, int64_t household_id, int64_t new_head,
				     const char *old_relation);
/* Mark the household 已迁出 when nobody lives in it any more, 在住 when
 * somebody does. */
enum db_status db_household_sync_status(struct db *db, int64_t household_id);

/* The active vocabulary for kind; sensitive tags only when allowed. */
enum db_status db_tag_vocab(struct db *db, const char *kind, bool sensitive,
			    struct tag_item **out, int *n);
/* The tags a household or resident holds. */
enum db_status db_tag_held(struct db *db, const char *kind, int64_t owner, bool sensitive,
			   struct tag_item **out, int *n);
/* DB_ERR_CONFLICT when the owner already holds the tag. */
enum db_status db_tag_add(struct db *db, const char *kind, int64_t owner, int64_t tag_id,
			  const char *since, const char *note);
enum db_status db_tag_remove(struct db *db, const char *kind, int64_t link_id);
/* The tags of the vocabulary (one when id, all when 0), in their order,
 * with how many records hold each. */
enum db_status db_tag_defs(struct db *db, int64_t id, struct tag_def **out, int *n);
/* The tag of that name; *id 0 when there is none. */
enum db_status db_tag_named(struct db *db, const char *name, int64_t *id);
/* Add (id 0: the id and version are filled in) or change a tag over
 * the version read (DB_ERR_CONFLICT when another session changed it). */
enum db_status db_tag_define(struct db *db, struct tag_def *t);
/* The owner of a tag link (a household or resident) and whether its tag
 * is sensitive. */
enum db_status db_tag_link(struct db *db, const char *kind, int64_t link_id, int64_t *owner, bool *sensitive);

#endif
