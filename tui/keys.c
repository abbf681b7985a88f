/* tui/keys.c - curses input to the key codes of core/keymap.h. */
#include "keys.h"

#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

#include "core/keymap.h"

/* Key codes of our own for the paste marks, above those of curses. */
#define CODE_PASTE_BEGIN (KEY_MAX + 1)
#define CODE_PASTE_END (KEY_MAX + 2)

void keys_init(void)
{
	/* What PuTTY and Xshell send in their default "ESC[n~" mode, which
	 * the xterm and screen descriptions do not list: F1 to F4 as
	 * ESC[11~ to ESC[14~, Home and End as ESC[1~ and ESC[4~ (and
	 * rxvt's ESC[7~ and ESC[8~).  Defining a sequence a terminal's own
	 * description already has changes nothing. */
	static const struct { const char *seq; int code; } extra[] = {
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].code);
}

void keys_paste_on(void)
{
	define_key("\033[200~", CODE_PASTE_BEGIN);
	define_key("\033[201~", CODE_PASTE_END);
	fputs("\033[?2004h", stdout);
	fflush(stdout);
}

void keys_paste_off(void)
{
	fputs("\033[?2004l", stdout);
	fflush(stdout);
}

static int from_curses(int code)
{
	if (code == CODE_PASTE_BEGIN)
		return KEYS_PASTE_BEGIN;
	if (code == CODE_PASTE_END)
		return KEYS_PASTE_END;
	if (code >= KEY_F(1) && code <= KEY_F(12))
		return JK_F(code - KEY_F0);
	switch (code) {
	case KEY_UP: return JK_UP;
	case KEY_DOWN: return JK_DOWN;
	case KEY_LEFT: return JK_LEFT;
	case KEY_RIGHT: return JK_RIGHT;
	case KEY_PPAGE: return JK_PGUP;
	case KEY_NPAGE: return JK_PGDN;
	case KEY_HOME: case KEY_A1: return JK_HOME;
	case KEY_END: case KEY_C1: return JK_END;
	case KEY_ENTER: return JK_ENTER;
	case KEY_BTAB: return JK_BTAB;
	case KEY_BACKSPACE: return JK_BACKSPACE;
	case KEY_DC: return JK_DELETE;
	case KEY_IC: return JK_INSERT;
	case KEY_RESIZE: return JK_RESIZE;
	case KEY_MOUSE: return JK_MOUSE;
	default: return 0;
	}
}

int keys_read(void)
{
	wint_t ch;
	errno = 0;
	int r = get_wch(&ch);
	if (r == ERR) {
		/* A blocking read only fails when a signal came (the caller
		 * looks at its flags) or when the terminal is gone: an SSH
		 * link dropped without a SIGHUP reaching us.  Never spin. */
		struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
		if (errno != EINTR &&
		    (poll(&p, 1, 0) < 0 || (p.revents & (POLLHUP | POLLERR | POLLNVAL)) ||
		     !isatty(STDIN_FILENO)))
			return KEYS_GONE;
		return 0;
	}
	if (r == KEY_CODE_YES)
		return from_curses((int)ch);
	switch (ch) {
	case '\r': case '\n': return JK_ENTER;
	case 27: return JK_ESC;
	case '\t': return JK_TAB;
	case 127: case 8: return JK_BACKSPACE;
	default: return (int)ch;
	}
}
