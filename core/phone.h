/* core/phone.h - Chinese phone numbers as clerks type them. */
#ifndef JUWEI_PHONE_H
#define JUWEI_PHONE_H

#include <stddef.h>

enum phone_kind { PHONE_BAD, PHONE_MOBILE, PHONE_LANDLINE };

/* Check and normalise a phone number.  Spaces, dashes, brackets and a
 * leading +86 or 0086 are ignored.  A mobile number is 11 digits
 * starting 13-19 ("13812345678"); a landline is an area code (010 and
 * 02x have three digits, the others four) and a local number of 8
 * digits (7 or 8 after a four-digit code), written "010-64001234".
 * The normal form goes to out (at least 16 bytes).  On PHONE_BAD *why
 * is the msgid of what is wrong. */
enum phone_kind phone_normalize(const char *in, char *out, size_t n, const char **why);

#endif
