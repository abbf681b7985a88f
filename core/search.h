/* core/search.h - what a search string typed in the household list means. */
#ifndef JUWEI_SEARCH_H
#define JUWEI_SEARCH_H

#include "model.h"

/* Read the user's input into a filter (show_sensitive is left alone):
 *   ""              everything
 *   "3-2-501", "3-2", "3-"   building[-unit[-room]] (full-width digits
 *                   and dashes from an input method count as ASCII)
 *   "002X", "5678"  3+ digits (and a trailing X): the end of an ID
 *                   number or phone, or a room number
 *   anything else   part of a name, former name or compound. */
void search_parse(const char *input, struct hh_filter *f);

#endif
