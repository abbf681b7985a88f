/* core/workflow.c - looking up a table of allowed moves. */
#include "workflow.h"

#include <string.h>

int workflow_moves(const struct state_move *t, size_t n, const char *from, const char **out)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		if (from && strcmp(t[i].from, from) == 0)
			out[k++] = t[i].to;
	out[k] = NULL;
	return k;
}

bool workflow_allowed(const struct state_move *t, size_t n, const char *from, const char *to)
{
	for (size_t i = 0; i < n; i++)
		if (from && to && strcmp(t[i].from, from) == 0 && strcmp(t[i].to, to) == 0)
			return true;
	return false;
}
