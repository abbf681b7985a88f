/* core/signin.c - who is at the keyboard. */
#include "signin.h"

#include "db/audit.h"
#include "db/staff.h"
#include "i18n.h"
#include "kv.h"
#include "text.h"
#include "xalloc.h"

#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The access of member s. */
static void access_of(const struct staff_rec *s, struct access *a)
{
	memset(a, 0, sizeof *a);
	a->staff_id = s->id;
	a->role = role_of(s->role);
	snprintf(a->name, sizeof a->name, "%s", s->name);
	a->pin = s->pin_hash && *s->pin_hash;
	for (int i = 0; i < s->n_grids && i < ACCESS_GRIDS; i++)
		a->grids[a->n_grids++] = s->grids[i];
}

/* Who the audit trail names: the member's login when they have one,
 * else their name. */
static void act_as(struct reg *r, const struct staff_rec *s)
{
	struct access a;
	access_of(s, &a);
	reg_set_access(r, &a, *s->os_login ? s->os_login : s->name);
}

static void act_as_nobody(struct reg *r)
{
	struct access none;
	memset(&none, 0, sizeof none);
	reg_set_access(r, &none, r->login);
}

enum signin_need reg_access_by_login(struct reg *r)
{
	int n = 0;
	r->first_run = false;
	if (db_staff_count(r->db, &n) == DB_OK && n == 0) {
		/* No staff yet: whoever opens it is its 主任 until named. */
		struct access a;
		memset(&a, 0, sizeof a);
		a.role = ROLE_DIRECTOR;
		snprintf(a.name, sizeof a.name, "%s", r->login);
		reg_set_access(r, &a, r->login);
		r->first_run = true;
		return SIGNIN_FIRST;
	}
	struct staff_rec s;
	staff_rec_init(&s);
	enum signin_need need = SIGNIN_CHOOSE;
	act_as_nobody(r);
	if (db_staff_by_login(r->db, r->login, &s) == DB_OK) {
		if (!s.active) {
			need = SIGNIN_RETIRED;
		} else if (*s.pin_hash) {
			need = SIGNIN_PIN;
		} else {
			act_as(r, &s);
			need = SIGNIN_DONE;
		}
	}
	staff_rec_free(&s);
	return need;
}

enum signin_need reg_access_for_cli(struct reg *r)
{
	enum signin_need need = reg_access_by_login(r);
	if (need != SIGNIN_PIN)
		return need;
	/* On the command line the login is the member: a PIN guards a
	 * screen that others may walk up to, not a shell account. */
	struct staff_rec s;
	staff_rec_init(&s);
	if (db_staff_by_login(r->db, r->login, &s) == DB_OK && s.active) {
		act_as(r, &s);
		need = SIGNIN_DONE;
	}
	staff_rec_free(&s);
	return need;
}

int64_t reg_login_staff(struct reg *r)
{
	struct staff_rec s;
	staff_rec_init(&s);
	int64_t id = db_staff_by_login(r->db, r->login, &s) == DB_OK && s.active ? s.id : 0;
	staff_rec_free(&s);
	return id;
}

static enum db_status refuse(char *msg, size_t size, const char *why)
{
	snprintf(msg, size, "%s", why);
	return DB_ERR_DENIED;
}

/* A wrong PIN: counted; the tries left or the lock, said. */
static enum db_status wrong_pin(struct reg *r, int64_t id, char *msg, size_t size)
{
	db_staff_lock_fail(r->db, id, PIN_TRIES, PIN_LOCK_MINUTES);
	int failed;
	char until[32];
	db_staff_lock(r->db, id, &failed, until, sizeof until);
	if (db_staff_locked(r->db, until))
		snprintf(msg, size, _("Wrong PIN.  Locked for %d minutes, until %.5s."), PIN_LOCK_MINUTES, until + 11);
	else
		snprintf(msg, size, _("Wrong PIN.  %d tries left before a lock of %d minutes."), PIN_TRIES - failed,
			 PIN_LOCK_MINUTES);
	return DB_ERR_DENIED;
}

enum db_status reg_sign_in(struct reg *r, int64_t staff_id, const char *pin, char *msg, size_t size)
{
	struct staff_rec s;
	staff_rec_init(&s);
	enum db_status st = db_staff_get(r->db, staff_id, &s);
	int failed;
	char until[32];
	if (st != DB_OK)
		st = refuse(msg, size, _("Choose a member of staff from the list."));
	else if (!s.active)
		st = refuse(msg, size, _("This member of staff no longer works here; ask the 主任."));
	else if (db_staff_lock(r->db, staff_id, &failed, until, sizeof until) == DB_OK &&
		 db_staff_locked(r->db, until)) {
		snprintf(msg, size, _("Locked after %d wrong PINs, until %.5s."), PIN_TRIES, until + 11);
		st = DB_ERR_DENIED;
	} else if (!*s.pin_hash && s.id != reg_login_staff(r))
		st = refuse(msg, size, _("This member has no PIN yet; the 主任 sets one (juwei staff pin)."));
	else if (*s.pin_hash && !pin_matches(pin, s.pin_hash))
		st = wrong_pin(r, staff_id, msg, size);
	if (st == DB_OK) {
		db_staff_lock_clear(r->db, staff_id);
		act_as(r, &s);
		struct kv kv = { 0 };
		kv_set(&kv, "login", r->login);
		char *what = kv_to_json(&kv);
		db_audit_note(r->db, "staff", staff_id, "signin", what);
		x_free(&what);
		kv_free(&kv);
		msg[0] = '\0';
	}
	staff_rec_free(&s);
	return st;
}

void reg_sign_out(struct reg *r)
{
	act_as_nobody(r);
}

bool reg_still_in_service(struct reg *r)
{
	if (!r->acc.staff_id)
		return true; /* nobody, or the first 主任 before they are named */
	struct staff_rec s;
	staff_rec_init(&s);
	bool ok = db_staff_get(r->db, r->acc.staff_id, &s) == DB_OK && s.active;
	if (ok)
		act_as(r, &s); /* a new role or grids take effect */
	else
		act_as_nobody(r);
	staff_rec_free(&s);
	return ok;
}

const char *pin_problem(const char *pin)
{
	size_t n = strlen(pin);
	if (n < 4 || n > 12 || strspn(pin, "0123456789") != n)
		return _("A PIN is 4 to 12 digits.");
	return NULL;
}

char *pin_hash(const char *pin)
{
	char *salt = crypt_gensalt_ra("$y$", 0, NULL, 0);
	if (!salt)
		return NULL;
	struct crypt_data *cd = x_calloc(1, sizeof *cd);
	const char *h = crypt_r(pin, salt, cd);
	char *out = h && h[0] == '$' ? x_strdup(h) : NULL;
	explicit_bzero(cd, sizeof *cd);
	x_free(&cd);
	free(salt); /* crypt_gensalt_ra allocates with malloc */
	return out;
}

bool pin_matches(const char *pin, const char *hash)
{
	if (!pin || !hash || hash[0] != '$')
		return false;
	struct crypt_data *cd = x_calloc(1, sizeof *cd);
	const char *h = crypt_r(pin, hash, cd);
	bool ok = h && h[0] == '$' && strcmp(h, hash) == 0;
	explicit_bzero(cd, sizeof *cd);
	x_free(&cd);
	return ok;
}

enum db_status reg_first_director(struct reg *r, const char *name, const char *pin, struct check *out)
{
	out->n = 0;
	char *nm = x_strdup(name ? name : "");
	check_trim(&nm);
	if (!*nm || text_chars(nm) > 32)
		check_add(out, "name", false, "%s", _("Give your name (at most 32 characters)."));
	if (pin_problem(pin))
		check_add(out, "pin", false, "%s", pin_problem(pin));
	if (!check_ok(out)) {
		x_free(&nm);
		return DB_OK;
	}
	struct staff_rec s;
	staff_rec_init(&s);
	x_free(&s.name);
	s.name = nm;
	x_free(&s.role);
	s.role = x_strdup("主任");
	x_free(&s.os_login);
	s.os_login = x_strdup(r->login);
	enum db_status st = db_staff_save(r->db, &s);
	char *h = st == DB_OK ? pin_hash(pin) : NULL;
	if (st == DB_OK)
		st = h ? db_staff_set_pin(r->db, s.id, h) : DB_ERR_SQL;
	if (st == DB_OK) {
		r->first_run = false;
		act_as(r, &s);
	}
	x_free(&h);
	staff_rec_free(&s);
	return st;
}

void reg_who(struct reg *r, char *buf, size_t size)
{
	if (r->acc.role == ROLE_NONE)
		snprintf(buf, size, "%s", _("nobody signed in"));
	else
		snprintf(buf, size, _("%s (%s)"), r->acc.name, role_name(r->acc.role));
}
