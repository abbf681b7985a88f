/* core/settings.h - the committee's settings: what each is called, its
 * default and its bounds, in one table.  The settings screen lists the
 * table; everything that reads a setting names it by key and gets the
 * stored value or the default. */
#ifndef JUWEI_SETTINGS_H
#define JUWEI_SETTINGS_H

#include "register.h"

#define SETTING_PUBLISH_DAYS   "meeting.publish_days"
#define SETTING_FOLLOW_UP_DAYS "meeting.follow_up_days"
#define SETTING_IDLE_MINUTES   "access.idle_minutes"

struct setting_def {
	const char *key;
	const char *label;  /* msgid */
	int def, min, max;
	const char *unit;   /* msgid of the value shown: "%d days" */
};

extern const struct setting_def setting_defs[];
extern const int setting_count;

/* The definition of key; NULL when there is none. */
const struct setting_def *setting_def(const char *key);

/* The stored value of key, or its default when unset or out of bounds.
 * key must be one of the table (a programming error otherwise). */
int reg_setting(struct reg *r, const char *key);
/* Store value for key: DB_ERR_SQL without writing when it is out of
 * bounds. */
enum db_status reg_setting_set(struct reg *r, const char *key, int value);

#endif
