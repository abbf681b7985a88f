/* core/rules.h - rules of the domain that more than one layer needs,
 * each said once.  core/ checks with them, db/ builds its queries from
 * them, the screens and documents show what they decide. */
#ifndef JUWEI_RULES_H
#define JUWEI_RULES_H

/* Attendance that counts as present at a meeting (城市居民委员会组织法
 * art. 9): those who came, and those who sent a proxy. */
#define ATTEND_PRESENT "出席"
#define ATTEND_PROXY   "委托"

/* A mediation case is open, and runs against its time limit, while it
 * is accepted or being mediated. */
#define CASE_STATE_ACCEPTED  "受理"
#define CASE_STATE_MEDIATING "调解中"
/* The one-month limit of a mediation: the day of acceptance is day 1;
 * a warning from day CASE_WARN_DAY, overdue after day CASE_LIMIT_DAYS. */
#define CASE_WARN_DAY   25
#define CASE_LIMIT_DAYS 30
/* A case closed (结案) is kept as it is: only the 主任 may reopen it. */
#define CASE_STATE_CLOSED "结案"
/* The agreement reached, the follow-up visit that moves a case on. */
#define CASE_STATE_AGREED    "调解成功"
#define CASE_STATE_FOLLOWED  "已回访"
#define CASE_RECORD_FOLLOWUP "回访"

/* A visit's next date (下次走访) plans the next visit: due on that day;
 * once more than PLAN_MISSED_DAYS days past without a visit, missed
 * (已错过).  A later visit ends the plan. */
#define PLAN_MISSED_DAYS 7
/* Today lists the overdue households most urgent first: never visited,
 * then those with a sensitive tag or a tag visited at least every
 * SHORT_INTERVAL_DAYS days, then by how long overdue. */
#define SHORT_INTERVAL_DAYS 14

#endif
