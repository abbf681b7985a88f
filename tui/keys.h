/* tui/keys.h - reading keys from the terminal. */
#ifndef JUWEI_KEYS_H
#define JUWEI_KEYS_H

/* The next key as a code of core/keymap.h (a code point or JK_*);
 * 0 when nothing was read. */
int keys_read(void);

#endif
