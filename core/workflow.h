/* core/workflow.h - a procedure as a table of allowed moves between
 * states, shared by mediation cases and meetings. */
#ifndef JUWEI_WORKFLOW_H
#define JUWEI_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

struct state_move {
	const char *from, *to;
};

/* The states reachable from `from` into out (NULL-terminated; room for
 * n + 1); returns how many. */
int workflow_moves(const struct state_move *t, size_t n, const char *from, const char **out);
bool workflow_allowed(const struct state_move *t, size_t n, const char *from, const char *to);

#endif
