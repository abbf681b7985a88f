/* core/action.h - the one registry of user actions.
 *
 * Each action has an enum value, the name used in keymap files, a short
 * label for the F-key bar and a help text.  Add an action here and bind
 * it in keymaps/default.keys; the F-key bar and the help screen are
 * drawn from the bindings, so they cannot disagree with them. */
#ifndef JUWEI_ACTION_H
#define JUWEI_ACTION_H

#include "i18n.h"

#define ACTIONS(X) \
	X(HELP,          "help",          N_("Help"),     N_("Show the keys of this screen")) \
	X(SAVE,          "save",          N_("Save"),     N_("Save the form")) \
	X(SEARCH,        "search",        N_("Search"),   N_("Search as you type: name, address 3-2-501, last digits of an ID or phone")) \
	X(EDIT,          "edit",          N_("Edit"),     N_("Edit the selected record")) \
	X(NEW,           "new",           N_("New"),      N_("Create a new record")) \
	X(VISIT,         "visit",         N_("Visit"),    N_("Log a visit for the selected household")) \
	X(DELETE,        "delete",        N_("Delete"),   N_("Delete the selected record (asks first)")) \
	X(QUIT,          "quit",          N_("Quit"),     N_("Quit juwei (asks first when a form holds unsaved changes)")) \
	X(LEAVE,         "leave",         N_("Leave"),    N_("Go back one level; at the top, quit")) \
	X(BACK,          "back",          N_("Back"),     N_("Go back or cancel")) \
	X(OPEN,          "open",          N_("Open"),     N_("Open the selected record")) \
	X(NEXT_PANE,     "next-pane",     N_("Next"),     N_("Move to the next pane")) \
	X(PREV_PANE,     "prev-pane",     N_("Previous"), N_("Move to the previous pane")) \
	X(MOVE_UP,       "move-up",       N_("Up"),       N_("Move up one row")) \
	X(MOVE_DOWN,     "move-down",     N_("Down"),     N_("Move down one row")) \
	X(PAGE_UP,       "page-up",       N_("PgUp"),     N_("Move up one page")) \
	X(PAGE_DOWN,     "page-down",     N_("PgDn"),     N_("Move down one page")) \
	X(MOVE_FIRST,    "move-first",    N_("First"),    N_("Move to the first row")) \
	X(MOVE_LAST,     "move-last",     N_("Last"),     N_("Move to the last row")) \
	X(SECTION_1,     "section-households", N_("Households"), N_("Household register")) \
	X(SECTION_2,     "section-visits",     N_("Visits"),     N_("Home visits")) \
	X(SECTION_3,     "section-cases",      N_("Mediation"),  N_("People's mediation cases")) \
	X(SECTION_4,     "section-meetings",   N_("Meetings"),   N_("Consultation meetings")) \
	X(SECTION_5,     "section-stats",      N_("Statistics"), N_("Statistics and ledgers")) \
	X(SECTION_6,     "section-today",      N_("Today"),      N_("What is due today")) \
	X(CHOOSE,        "choose",        N_("Choose"),   N_("Open the list of values or the search for this field")) \
	X(EDITOR,        "editor",        N_("Editor"),   N_("Edit this text in your $EDITOR")) \
	X(TAGS,          "tags",          N_("Tags"),     N_("Add or remove tags of the selected household or member")) \
	X(MOVE_OUT,      "move-out",      N_("Move out"), N_("Record that the selected member moved out")) \
	X(DECEASED,      "deceased",      N_("Deceased"), N_("Record that the selected member died")) \
	X(MAKE_HEAD,     "make-head",     N_("Make head"), N_("Make the selected member the head of the household")) \
	X(SETTINGS,      "settings",      N_("Settings"), N_("Vocabularies, the tags (add, rename, retire) and how often they ask for a visit")) \
	X(PREV_MONTH,    "prev-month",    N_("Prev. month"), N_("Show the month before")) \
	X(NEXT_MONTH,    "next-month",    N_("Next month"), N_("Show the month after")) \
	X(IMPORT,        "import",        N_("Import"),   N_("Import households from a CSV file saved by Excel/WPS")) \
	X(EXPORT,        "export",        N_("Export"),   N_("Export a ledger to a CSV file for Excel/WPS")) \
	X(REDRAW,        "redraw",        N_("Redraw"),   N_("Read the data again and redraw the screen")) \
	X(PARTY,         "add-party",     N_("Party"),    N_("Add a party to the case")) \
	X(RECORD,        "record",        N_("Record"),   N_("Add a record to the case: investigation, mediation, follow-up")) \
	X(NEXT_STEP,     "next-step",     N_("Next step"), N_("Move the case or meeting on: only the steps its state allows")) \
	X(REOPEN,        "reopen",        N_("Reopen"),   N_("Reopen a closed case (主任), saying why; the reason is kept")) \
	X(PRINT,         "print",         N_("Print"),    N_("Write the documents of this case or meeting as text or HTML for printing")) \
	X(ATTENDEE,      "add-attendee",  N_("Attendee"), N_("Add an attendee: a resident, or someone from outside")) \
	X(TOPIC,         "add-topic",     N_("Topic"),    N_("Add a topic to the meeting")) \
	X(FOLLOW_UP,     "follow-up",     N_("Report back"), N_("Record what was done about the selected decision (落实反馈)")) \
	X(AMEND,         "amend",         N_("Correct"),  N_("Record a correction of a decided meeting's record (attendance, a topic, a vote) with its reason; it is printed in the minutes")) \
	X(MARK_PRESENT,  "mark-present",  N_("Present"),  N_("Mark the selected attendee present (出席) and go down")) \
	X(MARK_ABSENT,   "mark-absent",   N_("Absent"),   N_("Mark the selected attendee absent (缺席) and go down")) \
	X(MARK_LEAVE,    "mark-leave",    N_("On leave"), N_("Mark the selected attendee on leave (请假) and go down")) \
	X(MARK_PROXY,    "mark-proxy",    N_("Proxy"),    N_("Mark the selected attendee as represented by proxy (委托) and go down")) \
	X(CURSOR_LEFT,   "cursor-left",   N_("Left"),     N_("Move by one character to the left")) \
	X(CURSOR_RIGHT,  "cursor-right",  N_("Right"),    N_("Move by one character to the right")) \
	X(LINE_START,    "line-start",    N_("Start"),    N_("Go to the start of the text")) \
	X(LINE_END,      "line-end",      N_("End"),      N_("Go to the end of the text")) \
	X(DELETE_BEFORE, "delete-before", N_("Rubout"),   N_("Delete the character before the cursor")) \
	X(DELETE_UNDER,  "delete-under",  N_("Delete"),   N_("Delete the character under the cursor")) \
	X(KILL_WORD,     "kill-word",     N_("Kill word"), N_("Delete the word before the cursor")) \
	X(KILL_TO_START, "kill-to-start", N_("Kill start"), N_("Delete all before the cursor")) \
	X(KILL_TO_END,   "kill-to-end",   N_("Kill end"), N_("Delete all after the cursor")) \
	X(SWITCH_USER,   "switch-user",   N_("Sign out"), N_("Sign out: another member of staff signs in (open forms are kept as drafts)")) \
	X(REVEAL,        "reveal",        N_("Show No."), N_("Show the whole ID number and phone of the selected person (asks why; logged)")) \
	X(HISTORY,       "history",       N_("History"),  N_("The audit history: who changed what and when")) \
	X(STAFF,         "staff",         N_("Staff list"), N_("The members of staff: roles, logins, grids, PINs")) \
	X(PIN,           "pin",           N_("PIN"),      N_("Set or clear the selected member's PIN")) \
	X(ROSTERS,       "rosters",       N_("Rosters"),  N_("The rosters of people meetings are held with (居民代表, 楼组长 ...)")) \
	X(ADD_ROSTER,    "add-roster",    N_("Roster"),   N_("Add everyone of a roster to the attendees (those listed already are skipped)")) \
	X(COPY_ATTENDEES, "copy-attendees", N_("Copy"),   N_("Add the attendees of an earlier meeting (those listed already are skipped)"))

enum action {
	ACT_NONE = 0,
#define X(id, name, label, help) ACT_##id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

struct action_info {
	const char *name;  /* keymap name */
	const char *label; /* msgid of the short F-key bar label */
	const char *help;  /* msgid of the help text */
};

const struct action_info *action_info(enum action a);
/* ACT_NONE when no action has that name. */
enum action action_by_name(const char *name);

#endif
