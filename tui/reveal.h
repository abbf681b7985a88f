/* tui/reveal.h - F3 on a person: why?, then their whole ID number and
 * phone, with the audit row core writes. */
#ifndef JUWEI_REVEAL_H
#define JUWEI_REVEAL_H

#include <stdint.h>

struct app;

/* What to do with the values once shown (the screen keeps them until
 * it reads the record again). */
typedef void (*reveal_fn)(struct app *app, const char *table, int64_t id, const char *id_number, const char *phone);

/* Ask the reason (one key of four) for showing table/id whole ("whose"
 * names them in the question); then show, or say why not. */
void reveal_ask(struct app *app, const char *table, int64_t id, const char *whose, reveal_fn done);

#endif
