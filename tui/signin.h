/* tui/signin.h - the sign-in screen (tui/signin.c) and what the app
 * does around it: ask at start, lock an idle screen, change the user at
 * a shared desk, sign out a member the 主任 retired meanwhile. */
#ifndef JUWEI_SIGNIN_VIEW_H
#define JUWEI_SIGNIN_VIEW_H

#include <stdbool.h>
#include <stdint.h>

struct app;
struct view;

enum signin_mode {
	SIGNIN_MODE_START,  /* choose a member, type the PIN */
	SIGNIN_MODE_LOCK,   /* the PIN of the one who locked it (F3: someone else) */
	SIGNIN_MODE_FIRST,  /* a register without staff: name its 主任 and a PIN */
	SIGNIN_MODE_SWITCH, /* as START, for someone else: nobody chosen yet */
};

struct signin_arg {
	enum signin_mode mode;
	int64_t locked_by;
	const char *message;  /* shown under the fields (may be NULL) */
	bool error;
};

/* At start: ask whoever the login alone does not name. */
void signin_at_start(struct app *app);
/* Lock the screen of the one signed in (when they have a PIN): their
 * place and forms stay under the lock. */
void signin_lock(struct app *app);
/* Another member signs in: open forms are kept as drafts of the one
 * leaving and closed, and nobody is signed in until the next one is. */
void signin_switch(struct app *app);
/* Between keys: is the one signed in still in service?  If the 主任
 * retired them, they are signed out and told so. */
void signin_check_service(struct app *app);
/* Warn the 主任 when the last `juwei check` was not clean. */
void signin_warn(struct app *app);
/* The sign-in view v succeeded: it goes, and the screens read again for
 * whoever is signed in now. */
void signin_done(struct view *v);

#endif
