/* core/session.c - which sessions are still there. */
#include "session.h"

#include "db/draft.h"
#include "db/session.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

/* The start of process pid as the system counts it (field 22 of
 * /proc/PID/stat, after the name in parentheses); "" when unknown. */
static void process_start(long pid, char *out, size_t size)
{
	out[0] = '\0';
	char path[64], buf[1024];
	snprintf(path, sizeof path, "/proc/%ld/stat", pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *p = strrchr(buf, ')');
	for (int field = 2; p && *p && field < 22; field++) {
		p = strchr(p + 1, ' ');
		if (p && field == 21) {
			size_t len = strcspn(p + 1, " ");
			snprintf(out, size, "%.*s", (int)len, p + 1);
		}
	}
}

static void host_name(char *out, size_t size)
{
	if (gethostname(out, size) != 0)
		snprintf(out, size, "?");
	out[size - 1] = '\0';
}

void reg_session_begin(struct reg *r)
{
	char host[256], started[64];
	host_name(host, sizeof host);
	process_start((long)getpid(), started, sizeof started);
	db_session_begin(r->db, host, (int64_t)getpid(), started);
}

void reg_session_touch(struct reg *r)
{
	db_session_touch(r->db);
}

void reg_session_end(struct reg *r)
{
	db_session_end(r->db);
}

bool session_ended(const struct draft_info *d, const char *stale)
{
	if (!d->session_id || !*d->host)
		return true;
	char host[256];
	host_name(host, sizeof host);
	if (strcmp(host, d->host) != 0)
		return strcmp(d->seen_at, stale) < 0;
	if (kill((pid_t)d->pid, 0) != 0 && errno != EPERM)
		return true;
	char started[64];
	process_start((long)d->pid, started, sizeof started);
	return *d->started && *started && strcmp(started, d->started) != 0;
}
