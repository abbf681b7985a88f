/* core/signin.h - who is at the keyboard.
 *
 * The login juwei runs as maps to a member of staff (staff.os_login).
 * When it maps to none, or that member has a PIN, the screen asks for a
 * member (by name or pinyin initials) and a PIN.  PINs are kept as
 * crypt(3) hashes (yescrypt), never as typed.  Five wrong PINs in a row
 * lock the member for five minutes, in the file, so that another
 * terminal cannot get round it.  A register with no staff yet is
 * opened by its first 主任, who sets a PIN. */
#ifndef JUWEI_SIGNIN_H
#define JUWEI_SIGNIN_H

#include <stdbool.h>
#include <stddef.h>

#include "check.h"
#include "register.h"

#define PIN_TRIES 5
#define PIN_LOCK_MINUTES 5

/* What sign-in the login needs. */
enum signin_need {
	SIGNIN_DONE,     /* the login's member, without a PIN: signed in */
	SIGNIN_PIN,      /* the login's member has a PIN: ask for it */
	SIGNIN_CHOOSE,   /* the login is nobody's: ask for a member and a PIN */
	SIGNIN_FIRST,    /* no staff yet: the first 主任 names themself and sets a PIN */
	SIGNIN_RETIRED,  /* the login's member no longer works here */
};

/* Set r's access from the login (reg_init() does): signed in as the
 * login's member when they have no PIN, as the first 主任 of a register
 * without staff, else as nobody until reg_sign_in().  Returns what the
 * screen still has to ask. */
enum signin_need reg_access_by_login(struct reg *r);
/* The same for a command: the login's member acts without their PIN
 * (the login is theirs); SIGNIN_CHOOSE or SIGNIN_RETIRED: nobody. */
enum signin_need reg_access_for_cli(struct reg *r);
/* The member the login maps to (0: none). */
int64_t reg_login_staff(struct reg *r);

/* Sign in as member staff_id with pin.  DB_OK; else msg says why in the
 * UI language (wrong PIN and the tries left, locked until when, retired,
 * no PIN set yet) and the status is DB_ERR_DENIED. */
enum db_status reg_sign_in(struct reg *r, int64_t staff_id, const char *pin, char *msg, size_t size);
/* Nobody is signed in any more (a switch of user, an idle lock). */
void reg_sign_out(struct reg *r);
/* Is the one signed in still in service?  False (and signed out) when
 * the 主任 retired them meanwhile. */
bool reg_still_in_service(struct reg *r);

/* The first 主任 of a register without staff: name, this login, pin. */
enum db_status reg_first_director(struct reg *r, const char *name, const char *pin, struct check *out);

/* A PIN as juwei takes it: 4 to 12 digits.  NULL when fine, else why. */
const char *pin_problem(const char *pin);
/* The crypt(3) hash of pin (yescrypt), newly allocated; NULL on failure. */
char *pin_hash(const char *pin);
bool pin_matches(const char *pin, const char *hash);

/* "王建福（主任）": who is signed in, for the title bar. */
void reg_who(struct reg *r, char *buf, size_t size);

#endif
