/* tui/question.h - a question over the current view, answered with one
 * key.  A confirmation ("Delete ...? y deletes, any other key keeps it")
 * is asked in the status line; a question with a title (discard the
 * changes? restore the draft? someone else saved first) in a box.  The
 * answer runs after the question is gone, on the view under it. */
#ifndef JUWEI_QUESTION_H
#define JUWEI_QUESTION_H

#include <stdbool.h>

struct app;

struct answer {
	int key, key2;                             /* key codes; letters match either case */
	void (*run)(struct app *app, void *ctx);   /* NULL: only close the question */
};

#define QUESTION_ANSWERS 4

struct question {
	const char *title;      /* msgid-translated text; NULL: in the status line */
	const char *text;       /* copied */
	const char *keys;       /* the answers as the F-key bar shows them; copied */
	struct answer answers[QUESTION_ANSWERS];
	/* Any other key closes it (saying other_message, if any) when
	 * other_closes; else it is ignored and the question stays. */
	bool other_closes;
	const char *other_message; /* copied */
	void *ctx;
	void (*free_ctx)(void *ctx);
};

void question_ask(struct app *app, const struct question *q);

/* "text" in the status line: y runs yes; any other key closes it and
 * says no_message. */
void confirm_ask(struct app *app, const char *text, void (*yes)(struct app *app, void *ctx), void *ctx,
		 void (*free_ctx)(void *ctx), const char *no_message);

#endif
