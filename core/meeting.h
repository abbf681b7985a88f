/* core/meeting.h - the rules of a consultation meeting (议事协商): its
 * lifecycle, the quorum and the majority.
 *
 *   议题征集 → 预告 → 召开 → 决议 → 公示 → 落实反馈 ; 议题征集 / 预告 → 取消
 *
 * 城市居民委员会组织法 art. 9: a meeting needs more than half of those
 * entitled present; a decision needs more than half of those present.
 * Attendees who sent a proxy (委托) count as present. */
#ifndef JUWEI_MEETING_H
#define JUWEI_MEETING_H

#include <stdbool.h>

#include "resident.h"

#define MEETING_STATES 7
extern const char *const meeting_states[MEETING_STATES];

/* The states a meeting may move to from `from` (NULL-terminated in out,
 * room for MEETING_STATES + 1); returns how many. */
int meeting_moves(const char *from, const char **out);
bool meeting_move_allowed(const char *from, const char *to);

/* More than half of those entitled present (false when nobody is entitled). */
bool meeting_quorum(int present, int entitled);

/* A topic's votes and the decision the clerk records: 通过, 未通过, 搁置
 * or 无需表决.  Checks that the votes fit the number present, that 通过
 * has the quorum and more than half of those present for it, and that
 * 未通过 is not recorded for votes that carry.  Messages keyed by field:
 * votes_for, decision. */
struct topic_vote {
	int present, entitled;
	int votes_for, votes_against, abstain;
	const char *decision;
};
void meeting_check_vote(const struct topic_vote *v, struct check *out);
/* What the numbers decide: 通过 or 未通过 (未通过 without a quorum). */
const char *meeting_vote_result(const struct topic_vote *v);

#endif
