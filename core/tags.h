/* core/tags.h - the tags (特殊人群 / 重点关注) are the committee's own: the
 * 主任 adds them, renames them, retires them and sets for each how often
 * it asks for a visit, what it goes on (households or members) and
 * whether it is sensitive (seen and given only by the roles of
 * core/access.h).  Records refer to a tag by its id, so a new name shows
 * on every record at once; a retired tag stays on the records that hold
 * it but is offered and given no more (reg_tag_add() refuses it). */
#ifndef JUWEI_TAGS_H
#define JUWEI_TAGS_H

#include "check.h"
#include "register.h"

#define TAG_NAME_MAX 16
#define TAG_INTERVAL_MAX 3650

/* Check a tag as typed: a name of 1 to TAG_NAME_MAX characters without
 * the separators an import splits on (、 , ; space), applies_to one of
 * household / resident, an interval of 0 (none) to TAG_INTERVAL_MAX days.
 * The name is trimmed in place.  Keys: name, applies_to, interval. */
void tag_check(struct tag_def *t, struct check *out);

/* Every tag, retired ones too, with how many records hold each;
 * sensitive ones only for a role that may see them. */
enum db_status reg_tag_defs(struct reg *r, struct tag_def **out, int *n);

/* Add (id 0) or change a tag (P_TAGS: the 主任).  Refused with messages
 * in out (and DB_OK): a name another tag has; another applies_to while
 * records hold the tag (retire it and add a new one instead).
 * DB_ERR_CONFLICT when another session changed it since it was read. */
enum db_status reg_tag_define(struct reg *r, struct tag_def *t, struct check *out);

#endif
