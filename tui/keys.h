/* tui/keys.h - reading keys from the terminal. */
#ifndef JUWEI_KEYS_H
#define JUWEI_KEYS_H

/* The next key as a code of core/keymap.h (a code point or JK_*);
 * 0 when nothing was read (a signal), KEYS_GONE when the terminal has
 * gone away. */
#define KEYS_GONE (-1)
int keys_read(void);

#endif
