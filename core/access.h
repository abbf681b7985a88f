/* core/access.h - who may do what: the staff member signed in, their
 * role and grids, and the matrix of DOMAIN.md as a table.
 *
 *                                  主任   社工   网格员      调解员   街道查看
 *   register: read                 all    all    own grids   all      all
 *   register: write                yes    yes    own grids   no       no
 *   register: import               yes    yes    no          no       no
 *   visits: log/edit               yes    yes    own grids   no       no
 *   mediation: write               yes    no     no          yes      no
 *   mediation: parties' details    yes    yes    no          yes      no
 *   mediation: reopen a closed one yes    no     no          no       no
 *   meetings: write                yes    yes    no          no       no
 *   sensitive tags: see            yes    yes    own grids   no       no
 *   sensitive tags: edit           yes    yes    no          no       no
 *   whole ID / phone (logged)      yes    yes    own grids   parties  no
 *   export masked                  yes    yes    own grids   cases    yes
 *   export full (logged)           yes    no     no          no       no
 *   settings, vocabularies, staff  yes    no     no          no       no
 *   tags: add, rename, retire      yes    no     no          no       no
 *   audit history                  all    own    no          no       no
 *
 * core/ checks these before every write and every sensitive read (the
 * reg_* gateway), for the screen and the command line alike; the screen
 * only hides what the role cannot do.  No curses, no SQL here. */
#ifndef JUWEI_ACCESS_H
#define JUWEI_ACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum role { ROLE_NONE, ROLE_DIRECTOR, ROLE_SOCIAL, ROLE_GRID, ROLE_MEDIATOR, ROLE_STREET, ROLES };

enum perm {
	P_REGISTER_READ,   /* households and residents */
	P_REGISTER_WRITE,  /* households, members, their tags */
	P_IMPORT,          /* an import: households in every grid */
	P_VISIT_WRITE,
	P_CASE_WRITE,
	P_CASE_PARTIES,    /* the parties' details of a case */
	P_CASE_REOPEN,     /* a closed case (结案) opened again, with a reason */
	P_MEETING_WRITE,
	P_SENSITIVE_SEE,   /* sensitive tags (社区矫正 ...) */
	P_SENSITIVE_EDIT,
	P_REVEAL,          /* a whole ID number or phone, logged */
	P_EXPORT,          /* a ledger, masked */
	P_EXPORT_FULL,     /* a ledger with whole numbers, logged */
	P_ADMIN,           /* settings, vocabularies, staff */
	P_TAGS,            /* the tags themselves: add, rename, retire, applies-to, sensitive */
	P_AUDIT,           /* the audit history */
	PERMS
};

/* How far a permission reaches for a role. */
enum grant {
	G_NO,
	G_ALL,
	G_GRIDS,    /* the households of the member's own grids */
	G_PARTIES,  /* the parties of cases only */
	G_CASES,    /* the case ledger only */
	G_OWN,      /* their own changes and the records they may read */
};

/* The member of staff at the keyboard. */
#define ACCESS_GRIDS 32
struct access {
	int64_t staff_id;      /* 0: nobody signed in */
	enum role role;
	char name[64];         /* the member's name */
	bool pin;              /* they have a PIN (an idle screen locks) */
	int64_t grids[ACCESS_GRIDS];
	int n_grids;
};

/* The role of a role's name (主任 ...), ROLE_NONE when it is none. */
enum role role_of(const char *name);
/* The name of a role, as stored (主任 ...). */
const char *role_name(enum role r);

enum grant access_grant(const struct access *a, enum perm p);
/* May a do p at all (anywhere)? */
bool access_may(const struct access *a, enum perm p);
/* May a do p on a household of grid grid_id (0: in no grid)? */
bool access_may_grid(const struct access *a, enum perm p, int64_t grid_id);
/* Does a see only some grids (a 网格员)? */
bool access_scoped(const struct access *a);

/* Why p is refused, in the UI language, naming the roles that may:
 * "只有主任、调解员可以办理调解案件。" */
void access_refusal(enum perm p, char *buf, size_t size);
/* The roles that may do p, as a list: "主任、调解员". */
void access_who(enum perm p, char *buf, size_t size);
/* What p is, as a clause (for the refusal and the README's table). */
const char *perm_what(enum perm p);

#endif
