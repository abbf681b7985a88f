/* core/settings.c - the committee's settings and their defaults. */
#include "settings.h"

#include "db/meeting.h"
#include "i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct setting_def setting_defs[] = {
	{ SETTING_PUBLISH_DAYS,   N_("Decisions are published for (days)"), 7, 1, 90, N_("%d days") },
	{ SETTING_FOLLOW_UP_DAYS, N_("Today asks for a follow-up after (days)"), 30, 1, 365, N_("%d days") },
	{ SETTING_IDLE_MINUTES,   N_("An untouched screen locks after (minutes)"), 15, 1, 240, N_("%d minutes") },
};
const int setting_count = (int)(sizeof setting_defs / sizeof setting_defs[0]);

const struct setting_def *setting_def(const char *key)
{
	for (int i = 0; i < setting_count; i++)
		if (strcmp(setting_defs[i].key, key) == 0)
			return &setting_defs[i];
	return NULL;
}

static const struct setting_def *known(const char *key)
{
	const struct setting_def *d = setting_def(key);
	if (!d) {
		fprintf(stderr, "juwei: no setting %s\n", key);
		abort(); /* a key not in the table is a programming error */
	}
	return d;
}

int reg_setting(struct reg *r, const char *key)
{
	const struct setting_def *d = known(key);
	int v = db_setting_int(r->db, key, d->def);
	return v < d->min || v > d->max ? d->def : v;
}

enum db_status reg_setting_set(struct reg *r, const char *key, int value)
{
	const struct setting_def *d = known(key);
	if (value < d->min || value > d->max)
		return DB_ERR_SQL;
	enum db_status s = reg_allow(r, P_ADMIN);
	return s == DB_OK ? db_setting_set_int(r->db, key, value) : s;
}
