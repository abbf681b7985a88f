/* core/codes.h - the fixed code lists of DOMAIN.md, NULL-terminated.
 *
 * Vocabularies a committee edits (visit purposes, tags, dispute types)
 * are rows of the database; these are fixed by national standards or by
 * the procedures, and the schema's CHECK constraints hold the same lists
 * (unit tests store every value to prove they agree). */
#ifndef JUWEI_CODES_H
#define JUWEI_CODES_H

#include <stdbool.h>

/* A resident (GB 3304 for the ethnicities, GB/T 4761 for relations). */
extern const char *const code_sexes[];
extern const char *const code_relations[];
/* A relation as words for a line of text: 子 → 儿子, 女 → 女儿 (alone,
 * 女 reads as the sex); the others as they are. */
const char *relation_word(const char *relation);
extern const char *const code_ethnicities[];
extern const char *const code_politicals[];
extern const char *const code_educations[];
extern const char *const code_employments[];
extern const char *const code_residence_types[];
extern const char *const code_resident_statuses[];
/* A household and its dwelling. */
extern const char *const code_household_kinds[];
extern const char *const code_tenures[];
/* A mediation case. */
extern const char *const case_sources[];
extern const char *const case_party_roles[];
extern const char *const case_record_kinds[];
extern const char *const case_performances[];
extern const char *const case_satisfactions[];
extern const char *const case_referrals[];
/* How a follow-up visit (回访) was made. */
extern const char *const case_followup_methods[];
/* A member of staff. */
extern const char *const code_roles[];
/* The reasons for showing a whole ID number or phone. */
extern const char *const code_reveal_reasons[];
/* A meeting. */
extern const char *const meeting_attendances[];
extern const char *const meeting_decisions[];

/* Is v one of list? */
bool code_listed(const char *const *list, const char *v);

#endif
