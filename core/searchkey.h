/* core/searchkey.h - the terms a record is found by.
 *
 * The search index (table search_term) holds, for each resident, short
 * strings whose prefixes a query looks up in a b-tree, so that a
 * keystroke costs a few range scans whatever the size of the register:
 *
 *   N<name>          the whole name, folded (張 → 张, Ａ → a)
 *   n<rest>          the name from its second character on, each start
 *                    (a former name: from every start, all its terms
 *                    lower case)
 *   I<skeleton>      first letters of the readings of the whole name,
 *                    every reading of a polyphonic character (单 d s c)
 *   i<skeleton>      the same from the second syllable on
 *   P<reading>|<sk>  a reading of the name's first syllable, then the
 *                    skeleton of the rest: zhang|s for 张三
 *   p<reading>|<sk>  the same from each later syllable
 *   D<digits>        ID number, its birth date part on, phone, the local
 *                    part of a landline
 *   T<reversed>      ID number and phone backwards, for their last digits
 *
 * Triggers keep the index current on every insert and update through
 * the SQL functions juwei_search_terms(), juwei_former_terms() and
 * juwei_phone_terms(), which call these.  They also find a row's old
 * terms, to delete them, by calling these on its old values (migration
 * 007): what these return for given values must not change unless a
 * migration makes search_term again from every resident and household. */
#ifndef JUWEI_SEARCHKEY_H
#define JUWEI_SEARCHKEY_H

/* The terms of a resident's name, ID number and phone as a JSON array
 * of strings; newly allocated. */
char *search_terms_resident(const char *name, const char *id_number, const char *phone);
/* The terms of a former name (n, i and p from every start). */
char *search_terms_former(const char *former);
/* The terms of a household's own phone (D and T only). */
char *search_terms_phone(const char *phone);

#endif
