/* core/embed.h - data files compiled into the binary (see tools/embed.c). */
#ifndef JUWEI_EMBED_H
#define JUWEI_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char *path; /* as in the source tree, e.g. "keymaps/default.keys" */
	const char *data; /* NUL-terminated */
	size_t len;
};

extern const struct embedded_file embedded_files[];
extern const size_t embedded_count;

/* The file recorded under path, or NULL. */
const struct embedded_file *embedded_find(const char *path);

#endif
