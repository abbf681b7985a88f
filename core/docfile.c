/* core/docfile.c - the files documents are written to: names safe on
 * Windows (where the files are opened and printed), and never another
 * record's file overwritten. */
#include "document.h"

#include "db/document.h"
#include "register.h"
#include "text.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define NAME_MAX_BYTES 150

/* Is s (up to its first dot) a name Windows keeps for a device? */
static bool device_name(const char *s)
{
	static const char *const names[] = { "CON", "PRN", "AUX", "NUL" };
	size_t n = strcspn(s, ".");
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (n == 3 && strncasecmp(s, names[i], 3) == 0)
			return true;
	return n == 4 && (strncasecmp(s, "COM", 3) == 0 || strncasecmp(s, "LPT", 3) == 0) && s[3] >= '1' &&
	       s[3] <= '9';
}

char *doc_file_safe(const char *name)
{
	char *clean = text_sanitize(name ? name : "", (size_t)-1);
	struct strbuf sb = STRBUF_INIT;
	for (const char *p = clean; *p; p++)
		sb_addc(&sb, strchr("/\\:*?\"<>|", *p) || (unsigned char)*p < 0x20 || *p == 0x7f ? '_' : *p);
	x_free(&clean);
	char *s = sb_take(&sb);
	if (!s)
		s = x_strdup("");
	/* At most NAME_MAX_BYTES, cut at the start of a character. */
	size_t len = strlen(s);
	if (len > NAME_MAX_BYTES) {
		len = NAME_MAX_BYTES;
		while (len && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
		s[len] = '\0';
	}
	/* Windows drops a trailing dot or space; a leading one hides it. */
	while (len && (s[len - 1] == ' ' || s[len - 1] == '.'))
		s[--len] = '\0';
	size_t lead = strspn(s, " .");
	memmove(s, s + lead, len - lead + 1);
	if (!*s || device_name(s)) {
		char *t = x_asprintf("_%s", s);
		x_free(&s);
		s = t;
	}
	return s;
}

char *doc_file_name(const char *record, const char *kind)
{
	char *joined = x_asprintf("%s-%s", record ? record : "", kind ? kind : "");
	char *s = doc_file_safe(joined);
	x_free(&joined);
	return s;
}

/* path with "-n" before its extension (n > 1), or path itself. */
static char *numbered(const char *path, int n)
{
	if (n <= 1)
		return x_strdup(path);
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(path, '.');
	if (!dot || (slash && dot < slash) || dot == (slash ? slash + 1 : path))
		return x_asprintf("%s-%d", path, n);
	return x_asprintf("%.*s-%d%s", (int)(dot - path), path, n, dot);
}

/* May document kind of record go to path: nothing there, or ours? */
static bool free_or_ours(struct reg *r, const char *path, const char *record, const char *kind)
{
	if (access(path, F_OK) != 0)
		return errno == ENOENT;
	bool ours = false;
	return db_document_is(r->db, path, record, kind, &ours) == DB_OK && ours;
}

char *reg_doc_path(struct reg *r, const char *path, const char *record, const char *kind)
{
	for (int n = 1; n < 1000; n++) {
		char *p = numbered(path, n);
		if (free_or_ours(r, p, record, kind))
			return p;
		x_free(&p);
	}
	return x_strdup(path); /* a thousand others: the write refuses */
}

enum db_status reg_doc_write(struct reg *r, const char *path, const char *text, const char *record,
			     const char *kind, char **written)
{
	*written = NULL;
	for (int n = 1; n < 1000; n++) {
		char *p = numbered(path, n);
		int fd = -1;
		if (free_or_ours(r, p, record, kind)) {
			/* Ours is replaced; a new file is made only if still absent. */
			bool there = access(p, F_OK) == 0;
			fd = open(p, O_WRONLY | O_CREAT | (there ? O_TRUNC : O_EXCL), 0644);
			if (fd < 0 && errno != EEXIST) {
				x_free(&p);
				return DB_ERR_CANTOPEN;
			}
		}
		if (fd < 0) { /* another's, or one that appeared meanwhile */
			x_free(&p);
			continue;
		}
		size_t len = strlen(text), done = 0;
		while (done < len) {
			ssize_t w = write(fd, text + done, len - done);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				break;
			done += (size_t)w;
		}
		bool ok = done == len;
		if (close(fd) != 0)
			ok = false;
		if (!ok) {
			x_free(&p);
			return DB_ERR_CANTOPEN;
		}
		/* Whose it is; a register open to read only cannot say, and the
		 * file is written all the same. */
		db_document_written(r->db, p, record, kind);
		*written = p;
		return DB_OK;
	}
	errno = EEXIST;
	return DB_ERR_CANTOPEN;
}
