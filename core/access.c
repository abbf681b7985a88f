/* core/access.c - the matrix of who may do what. */
#include "access.h"

#include "i18n.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

static const char *const role_names[ROLES] = { "", "主任", "社工", "网格员", "调解员", "街道查看" };

enum role role_of(const char *name)
{
	for (int r = ROLE_DIRECTOR; r < ROLES && name; r++)
		if (strcmp(role_names[r], name) == 0)
			return (enum role)r;
	return ROLE_NONE;
}

const char *role_name(enum role r)
{
	return r > ROLE_NONE && r < ROLES ? role_names[r] : "";
}

/* The matrix, a row a permission, a column a role (主任 社工 网格员 调解员
 * 街道查看); see access.h. */
static const struct {
	const char *what;        /* msgid */
	enum grant g[ROLES - 1];
} matrix[PERMS] = {
	[P_REGISTER_READ] =  { N_("read the register"),              { G_ALL, G_ALL, G_GRIDS, G_ALL, G_ALL } },
	[P_REGISTER_WRITE] = { N_("change the register"),            { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	[P_IMPORT] =         { N_("import the register"),            { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	[P_VISIT_WRITE] =    { N_("log and edit visits"),            { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	[P_CASE_WRITE] =     { N_("handle mediation cases"),         { G_ALL, G_NO, G_NO, G_ALL, G_NO } },
	[P_CASE_PARTIES] =   { N_("see the parties of a case"),      { G_ALL, G_ALL, G_NO, G_ALL, G_NO } },
	[P_CASE_REOPEN] =    { N_("reopen a closed mediation case"), { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	[P_MEETING_WRITE] =  { N_("keep the meetings"),              { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	[P_SENSITIVE_SEE] =  { N_("see sensitive tags"),             { G_ALL, G_ALL, G_GRIDS, G_NO, G_NO } },
	[P_SENSITIVE_EDIT] = { N_("give or remove sensitive tags"),  { G_ALL, G_ALL, G_NO, G_NO, G_NO } },
	[P_REVEAL] =         { N_("see a whole ID number or phone"), { G_ALL, G_ALL, G_GRIDS, G_PARTIES, G_NO } },
	[P_EXPORT] =         { N_("export ledgers"),                 { G_ALL, G_ALL, G_GRIDS, G_CASES, G_ALL } },
	[P_EXPORT_FULL] =    { N_("export whole ID numbers and phones"), { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	[P_ADMIN] =          { N_("change settings, vocabularies and staff"), { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	[P_TAGS] =           { N_("add, rename and retire tags"),    { G_ALL, G_NO, G_NO, G_NO, G_NO } },
	[P_AUDIT] =          { N_("read the audit history"),         { G_ALL, G_OWN, G_NO, G_NO, G_NO } },
};

enum grant access_grant(const struct access *a, enum perm p)
{
	if (!a || a->role <= ROLE_NONE || a->role >= ROLES || p < 0 || p >= PERMS)
		return G_NO;
	return matrix[p].g[a->role - 1];
}

bool access_may(const struct access *a, enum perm p)
{
	return access_grant(a, p) != G_NO;
}

bool access_scoped(const struct access *a)
{
	return access_grant(a, P_REGISTER_READ) == G_GRIDS;
}

bool access_may_grid(const struct access *a, enum perm p, int64_t grid_id)
{
	enum grant g = access_grant(a, p);
	if (g != G_GRIDS)
		return g != G_NO;
	for (int i = 0; i < a->n_grids; i++)
		if (a->grids[i] == grid_id)
			return true;
	return false;
}

const char *perm_what(enum perm p)
{
	return p >= 0 && p < PERMS ? _(matrix[p].what) : "";
}

void access_who(enum perm p, char *buf, size_t size)
{
	struct strbuf who = STRBUF_INIT;
	for (int r = ROLE_DIRECTOR; p >= 0 && p < PERMS && r < ROLES; r++) {
		enum grant g = matrix[p].g[r - 1];
		if (g == G_NO)
			continue;
		if (who.len)
			sb_adds(&who, _("、"));
		sb_adds(&who, role_names[r]);
		if (g == G_GRIDS)
			sb_adds(&who, _("(own grids)"));
	}
	snprintf(buf, size, "%s", who.buf ? who.buf : "-");
	sb_free(&who);
}

void access_refusal(enum perm p, char *buf, size_t size)
{
	char who[128];
	access_who(p, who, sizeof who);
	snprintf(buf, size, _("Only %s may %s."), who, perm_what(p));
}
