/* db/search.c - range scans of the search index. */
#include "search.h"

#include "internal.h"

#include "core/xalloc.h"

#include <string.h>

static struct search_hit *grow(struct search_hit **hits, int *n, int *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*hits = x_realloc(*hits, (size_t)*cap * sizeof **hits);
	}
	struct search_hit *h = &(*hits)[(*n)++];
	memset(h, 0, sizeof *h);
	return h;
}

/* Read the rows of st into hits; finalize it unless it is cached. */
static enum db_status collect(sqlite3_stmt *st, bool cached, struct search_hit **hits, int *n, int *cap)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct search_hit *h = grow(hits, n, cap);
		h->household_id = sqlite3_column_int64(st, 0);
		h->resident_id = sqlite3_column_int64(st, 1);
		const unsigned char *term = sqlite3_column_text(st, 2);
		h->kind = term && term[0] ? (char)term[0] : 'R';
		h->name = db_col_text(st, 3);
		h->relation = db_col_text(st, 4);
		h->former = sqlite3_column_int(st, 5) != 0;
	}
	if (cached)
		sqlite3_reset(st);
	else
		sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}

enum db_status db_search_prefix(struct db *db, const char *prefix, int limit,
				struct search_hit **hits, int *n, int *cap)
{
	/* Every term starting with prefix sorts in [prefix, prefix "\xff"):
	 * no byte of UTF-8 text is 0xFF. */
	char *upper = x_asprintf("%s\xff", prefix);
	sqlite3_stmt *st = db->scope.on
		? db_cached(db, STMT_SEARCH_PREFIX_SCOPED,
			"SELECT t.household_id, t.resident_id, t.term, t.name, t.relation, t.former FROM search_term t"
			" JOIN household h ON h.id = t.household_id JOIN dwelling d ON d.id = h.dwelling_id"
			" WHERE t.term >= ?1 AND t.term < ?2" SCOPE_SQL " LIMIT ?3")
		: db_cached(db, STMT_SEARCH_PREFIX,
			"SELECT household_id, resident_id, term, name, relation, former FROM search_term"
			" WHERE term >= ?1 AND term < ?2 LIMIT ?3");
	if (!st) {
		x_free(&upper);
		return db_status_of(sqlite3_errcode(db->h));
	}
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, limit);
	enum db_status s = collect(st, true, hits, n, cap);
	x_free(&upper);
	return s;
}

enum db_status db_search_room(struct db *db, const char *room, int limit,
			      struct search_hit **hits, int *n, int *cap)
{
	sqlite3_stmt *st = db_cached(db, STMT_SEARCH_ROOM,
		"SELECT h.id, 0, '', '', '', 0 FROM dwelling d"
		" JOIN household h ON h.dwelling_id = d.id WHERE d.room = ?1" SCOPE_SQL " LIMIT ?2");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	sqlite3_bind_text(st, 1, room, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, limit);
	return collect(st, true, hits, n, cap);
}

void search_hits_free(struct search_hit **phits, int *n, int *cap)
{
	struct search_hit *h = *phits;
	for (int i = 0; h && i < *n; i++) {
		x_free(&h[i].name);
		x_free(&h[i].relation);
	}
	x_free(phits);
	*n = *cap = 0;
}

enum db_status db_compounds(struct db *db, char ***out, int *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT compound FROM dwelling ORDER BY compound");
	if (!st)
		return db_status_of(sqlite3_errcode(db->h));
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = x_realloc(*out, (size_t)cap * sizeof **out);
		}
		(*out)[(*n)++] = db_col_text(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? DB_OK : db_status_of(rc);
}
