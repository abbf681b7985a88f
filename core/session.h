/* core/session.h - one running juwei on a register, for its drafts.
 *
 * A draft goes back to the session that typed it, or to any session of
 * the same user once its own has ended: on this host, when its process
 * is gone (or another process now has its id); on another host, when it
 * has not been seen for SESSION_STALE_MINUTES.  The screen begins a
 * session; a command has none. */
#ifndef JUWEI_SESSION_H
#define JUWEI_SESSION_H

#include <stdbool.h>

#include "register.h"

#define SESSION_STALE_MINUTES 10

void reg_session_begin(struct reg *r);
/* Now and then (the main loop, every minute or so). */
void reg_session_touch(struct reg *r);
void reg_session_end(struct reg *r);

struct draft_info;
/* Has the session of draft d ended (so that its draft is anyone's of
 * the same user)?  stale: the time before which another host's session
 * counts as ended. */
bool session_ended(const struct draft_info *d, const char *stale);

#endif
