/* tui/keys.h - reading keys from the terminal. */
#ifndef JUWEI_KEYS_H
#define JUWEI_KEYS_H

/* The next key as a code of core/keymap.h (a code point or JK_*);
 * 0 when nothing was read (a signal), KEYS_GONE when the terminal has
 * gone away. */
#define KEYS_GONE (-1)
/* The start and the end of text pasted with bracketed paste. */
#define KEYS_PASTE_BEGIN (-2)
#define KEYS_PASTE_END (-3)
int keys_read(void);
/* After the terminal starts: the keys PuTTY and Xshell send that the
 * terminal's description may not list. */
void keys_init(void);

/* Ask the terminal to mark pasted text, and teach curses the marks. */
void keys_paste_on(void);
void keys_paste_off(void);

#endif
