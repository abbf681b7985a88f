/* core/action.c - the action registry table. */
#include "action.h"

#include <string.h>

static const struct action_info actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", "" },
#define X(id, name, label, help) [ACT_##id] = { name, label, help },
	ACTIONS(X)
#undef X
};

const struct action_info *action_info(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		a = ACT_NONE;
	return &actions[a];
}

enum action action_by_name(const char *name)
{
	for (int a = 1; a < ACT_COUNT; a++)
		if (strcmp(actions[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}
