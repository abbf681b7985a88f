/* core/privilege.c - holding the group juwei only for the database. */
#include "privilege.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static gid_t real_gid, juwei_gid;
static bool shared;
static mode_t user_umask;

void priv_init(void)
{
	real_gid = getgid();
	juwei_gid = getegid();
	shared = real_gid != juwei_gid;
	user_umask = umask(022);
	umask(user_umask);
}

bool priv_shared(void)
{
	return shared;
}

/* Failing to change groups leaves the process as the user: it then
 * cannot read the database, which says so; it never runs on with the
 * group where it meant to give it up, so that is checked hard. */
void priv_db(void)
{
	if (!shared)
		return;
	(void)!setegid(juwei_gid);
	/* The database, its -wal and -shm are the group's to write, and no
	 * one else's to read, whatever the user's umask. */
	user_umask = umask(007);
}

void priv_user(void)
{
	if (!shared)
		return;
	umask(user_umask);
	if (setegid(real_gid) != 0)
		abort();
}

void priv_drop(void)
{
	if (shared && setregid(real_gid, real_gid) != 0)
		abort();
}

const char *priv_getenv(const char *name)
{
	return shared ? NULL : getenv(name);
}
