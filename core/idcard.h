/* core/idcard.h - citizen ID numbers (公民身份号码, GB 11643-1999).
 *
 * 18 characters: 6-digit area code, birth date YYYYMMDD, 3-digit
 * sequence (odd for men, even for women) and a check character
 * computed over the first 17 digits. */
#ifndef JUWEI_IDCARD_H
#define JUWEI_IDCARD_H

#include <stdbool.h>

enum idcard_status {
	ID_OK = 0,
	ID_BAD_LENGTH,    /* neither 15 nor 18 characters */
	ID_BAD_CHARS,     /* not digits (with a final X) */
	ID_BAD_DATE,      /* the birth date is not a real date */
	ID_BAD_CHECKSUM,  /* the check character does not match */
};

struct idcard_info {
	char number[19];     /* 18 characters, X upper-case */
	char birth[11];      /* YYYY-MM-DD */
	bool male;
};

/* The check character ('0'..'9' or 'X') of 17 digits. */
char idcard_check_char(const char *first17);

/* Validate an 18-character number (lower-case x accepted) or a
 * 15-character one, which is upgraded to 18 (19 inserted before the
 * year, check character added).  On ID_OK *out is filled. */
enum idcard_status idcard_parse(const char *s, struct idcard_info *out);

#endif
