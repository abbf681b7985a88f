/* tui/registry.c - the views the app opens by itself: the six sections,
 * and those an action opens.  A new screen is one file and one line
 * here. */
#include "core/access.h"
#include "views.h"

const struct view_reg view_registry[] = {
	{ &households_view, 1, ACT_NONE, "", 0 },
	{ &visits_view,     2, ACT_NONE, "", 0 },
	{ &cases_view,      3, ACT_NONE, "", 0 },
	{ &meetings_view,   4, ACT_NONE, "", 0 },
	{ &stats_view,      5, ACT_NONE, "", 0 },
	{ &today_view,      6, ACT_NONE, "", 0 },
	{ &settings_view,   0, ACT_SETTINGS, "today", NEED_PERM(P_ADMIN) },
	{ &staff_view,      0, ACT_STAFF,    "today", NEED_PERM(P_ADMIN) },
	{ &history_view,    0, ACT_HISTORY,  "today", NEED_PERM(P_AUDIT) },
	{ &rosters_view,    0, ACT_ROSTERS,  "meetings", 0 },
	{ NULL, 0, ACT_NONE, "", 0 },
};
