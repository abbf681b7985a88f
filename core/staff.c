/* core/staff.c - the members of staff, kept by the 主任. */
#include "staff.h"

#include "db/staff.h"
#include "db/visit.h"

#include "codes.h"
#include "i18n.h"
#include "phone.h"
#include "signin.h"
#include "text.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

/* What leaves core of a PIN: whether one is set. */
static void hide_pin(struct staff_rec *s)
{
	bool set = s->pin_hash && *s->pin_hash;
	x_free(&s->pin_hash);
	s->pin_hash = x_strdup(set ? "1" : "");
}

enum db_status reg_staff_door(struct reg *r, struct staff_rec **out, int *n)
{
	enum db_status s = db_staff_list(r->db, out, n);
	int k = 0;
	for (int i = 0; s == DB_OK && i < *n; i++) {
		if (!(*out)[i].active) {
			staff_rec_free(&(*out)[i]);
			continue;
		}
		hide_pin(&(*out)[i]);
		(*out)[k++] = (*out)[i];
	}
	if (s == DB_OK)
		*n = k;
	return s;
}

enum db_status reg_staff_list(struct reg *r, struct staff_rec **out, int *n)
{
	*out = NULL;
	*n = 0;
	enum db_status s = reg_allow(r, P_ADMIN);
	if (s == DB_OK)
		s = db_staff_list(r->db, out, n);
	for (int i = 0; s == DB_OK && i < *n; i++)
		hide_pin(&(*out)[i]);
	return s;
}

enum db_status reg_staff_get(struct reg *r, int64_t id, struct staff_rec *out)
{
	enum db_status s = reg_allow(r, P_ADMIN);
	if (s == DB_OK)
		s = db_staff_get(r->db, id, out);
	if (s == DB_OK)
		hide_pin(out);
	return s;
}

enum db_status reg_staff_find(struct reg *r, const char *name, struct staff_rec *out)
{
	struct staff_rec *all;
	int n, hits = 0;
	enum db_status s = reg_staff_list(r, &all, &n);
	for (int i = 0; s == DB_OK && i < n; i++)
		if (strcmp(all[i].name, name) == 0 || strcmp(all[i].os_login, name) == 0) {
			if (!hits++) {
				staff_rec_free(out);
				*out = all[i];
				staff_rec_init(&all[i]);
			}
		}
	staff_recs_free(&all, &n);
	if (s == DB_OK && hits != 1)
		return hits ? DB_ERR_CONFLICT : DB_ERR_NOTFOUND;
	return s;
}

/* Is id (0: a new member) the last 主任 in service? */
static bool last_director(struct reg *r, int64_t id)
{
	struct staff_rec *all;
	int n, others = 0;
	bool was = false;
	if (db_staff_list(r->db, &all, &n) != DB_OK)
		return false;
	for (int i = 0; i < n; i++) {
		bool director = all[i].active && role_of(all[i].role) == ROLE_DIRECTOR;
		if (all[i].id == id)
			was = director;
		else
			others += director;
	}
	staff_recs_free(&all, &n);
	return was && others == 0;
}

static bool grid_exists(struct reg *r, int64_t grid)
{
	struct vocab *v;
	int n;
	bool found = false;
	if (db_vocab(r->db, VOCAB_GRID, true, &v, &n) != DB_OK)
		return false;
	for (int i = 0; i < n; i++)
		found |= v[i].id == grid;
	vocab_free(&v, &n);
	return found;
}

static void staff_check(struct reg *r, struct staff_rec *s, struct check *c)
{
	c->n = 0;
	check_trim(&s->name);
	check_trim(&s->os_login);
	check_trim(&s->phone);
	if (!*s->name || text_chars(s->name) > 32)
		check_add(c, "name", false, "%s", _("Give the name (at most 32 characters)."));
	if (role_of(s->role) == ROLE_NONE)
		check_add(c, "role", false, "%s", _("Choose one of the listed values."));
	if (strlen(s->os_login) > 32 || strspn(s->os_login, "abcdefghijklmnopqrstuvwxyz"
					       "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != strlen(s->os_login))
		check_add(c, "os_login", false, "%s", _("A login is letters, digits, dot, dash or underscore."));
	if (*s->phone) {
		char norm[24];
		const char *why;
		if (phone_normalize(s->phone, norm, sizeof norm, &why) == PHONE_BAD) {
			check_add(c, "phone", false, "%s", _(why));
		} else {
			x_free(&s->phone);
			s->phone = x_strdup(norm);
		}
	}
	struct staff_rec other;
	staff_rec_init(&other);
	if (*s->os_login && db_staff_by_login(r->db, s->os_login, &other) == DB_OK && other.id != s->id)
		check_add(c, "os_login", false, _("%s already has this login."), other.name);
	staff_rec_free(&other);
	for (int i = 0; i < s->n_grids; i++)
		if (!grid_exists(r, s->grids[i]))
			check_add(c, "grids", false, "%s", _("This grid is not there."));
	if (s->id && last_director(r, s->id) && (!s->active || role_of(s->role) != ROLE_DIRECTOR))
		check_add(c, "role", false, "%s",
			  _("This is the last 主任 in service: make another member 主任 first."));
}

enum db_status reg_staff_save(struct reg *r, struct staff_rec *s, struct check *out)
{
	out->n = 0;
	enum db_status st = reg_allow(r, P_ADMIN);
	if (st != DB_OK)
		return st;
	staff_check(r, s, out);
	if (!check_ok(out))
		return DB_OK;
	return db_staff_save(r->db, s);
}

enum db_status reg_staff_set_pin(struct reg *r, int64_t id, const char *pin, struct check *out)
{
	out->n = 0;
	enum db_status st = id == r->acc.staff_id && id ? DB_OK : reg_allow(r, P_ADMIN);
	if (st != DB_OK)
		return st;
	if (*pin && pin_problem(pin)) {
		check_add(out, "pin", false, "%s", pin_problem(pin));
		return DB_OK;
	}
	char *h = *pin ? pin_hash(pin) : x_strdup("");
	st = h ? db_staff_set_pin(r->db, id, *h ? h : NULL) : DB_ERR_SQL;
	if (st == DB_OK)
		db_staff_lock_clear(r->db, id);
	x_free(&h);
	return st;
}

char *reg_staff_grid_names(struct reg *r, const struct staff_rec *s)
{
	struct vocab *g;
	int n;
	struct strbuf sb = STRBUF_INIT;
	sb_adds(&sb, "");
	if (db_vocab(r->db, VOCAB_GRID, true, &g, &n) != DB_OK)
		return sb_take(&sb);
	for (int i = 0; i < s->n_grids; i++)
		for (int k = 0; k < n; k++)
			if (g[k].id == s->grids[i])
				sb_addf(&sb, "%s%s", sb.len ? "、" : "", g[k].name);
	vocab_free(&g, &n);
	return sb_take(&sb);
}

bool reg_staff_parse_grids(struct reg *r, const char *text, struct staff_rec *s, char *bad, size_t size)
{
	struct vocab *g;
	int n;
	bad[0] = '\0';
	if (db_vocab(r->db, VOCAB_GRID, true, &g, &n) != DB_OK)
		return false;
	s->n_grids = 0;
	bool ok = true;
	for (const char *p = text; ok && *p;) {
		size_t len = strcspn(p, ",，");
		const char *sep = strstr(p, "、");
		if (sep && (size_t)(sep - p) < len)
			len = (size_t)(sep - p);
		char *name = x_strndup(p, len);
		check_trim(&name);
		bool found = !*name;
		for (int k = 0; k < n && !found; k++)
			if (strcmp(g[k].name, name) == 0 && s->n_grids < STAFF_GRIDS) {
				s->grids[s->n_grids++] = g[k].id;
				found = true;
			}
		if (!found) {
			snprintf(bad, size, "%s", name);
			ok = false;
		}
		x_free(&name);
		p += len;
		if (*p == ',')
			p++;
		else if (strncmp(p, "，", 3) == 0 || strncmp(p, "、", 3) == 0)
			p += 3;
	}
	vocab_free(&g, &n);
	return ok;
}

/* ---- the staff as a list: few enough to read whole each time ---- */

static enum db_status list_page(struct reg *r, const void *f, const void *from, int dir, bool inclusive, int limit,
				void *out, int *n)
{
	(void)f;
	struct staff_rec *all, *o = out;
	int count;
	*n = 0;
	enum db_status s = reg_staff_list(r, &all, &count);
	if (s != DB_OK)
		return s;
	int at = dir > 0 ? 0 : count;
	for (int i = 0; from && i < count; i++)
		if (all[i].id == ((const struct staff_rec *)from)->id)
			at = dir > 0 ? (inclusive ? i : i + 1) : i;
	int start = dir > 0 ? at : (at - limit > 0 ? at - limit : 0);
	int end = dir > 0 ? (at + limit < count ? at + limit : count) : at;
	for (int i = start; i < end; i++) {
		o[(*n)++] = all[i];
		staff_rec_init(&all[i]);
	}
	staff_recs_free(&all, &count);
	return DB_OK;
}

static enum db_status list_count(struct reg *r, const void *f, int *n)
{
	(void)f;
	struct staff_rec *all;
	enum db_status s = reg_staff_list(r, &all, n);
	int m = *n;
	staff_recs_free(&all, &m);
	return s;
}

static void list_free_row(void *row)
{
	staff_rec_free(row);
}

static void list_key(void *dst, const void *src)
{
	struct staff_rec *d = dst;
	staff_rec_init(d);
	d->id = ((const struct staff_rec *)src)->id;
}

const struct reg_list staff_reg_list = { sizeof(struct staff_rec), list_page, list_count, list_free_row, list_key };
