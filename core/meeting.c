/* core/meeting.c - lifecycle, quorum and majority of a meeting. */
#include "meeting.h"

#include "i18n.h"
#include "workflow.h"
#include "xalloc.h"

#include <string.h>

const char *const meeting_states[MEETING_STATES] = {
	"议题征集", "预告", "召开", "决议", "公示", "落实反馈", "取消",
};

static const struct state_move moves[] = {
	{ "议题征集", "预告" }, { "预告", "召开" }, { "召开", "决议" }, { "决议", "公示" },
	{ "公示", "落实反馈" }, { "议题征集", "取消" }, { "预告", "取消" },
};

int meeting_moves(const char *from, const char **out)
{
	return workflow_moves(moves, ARRAY_SIZE(moves), from, out);
}

bool meeting_move_allowed(const char *from, const char *to)
{
	return workflow_allowed(moves, ARRAY_SIZE(moves), from, to);
}

bool meeting_quorum(int present, int entitled)
{
	return entitled > 0 && present > 0 && present * 2 > entitled;
}

const char *meeting_vote_result(const struct topic_vote *v)
{
	bool carried = v->present > 0 && v->votes_for * 2 > v->present;
	return meeting_quorum(v->present, v->entitled) && carried ? "通过" : "未通过";
}

void meeting_check_vote(const struct topic_vote *v, struct check *c)
{
	c->n = 0;
	if (v->votes_for < 0 || v->votes_against < 0 || v->abstain < 0)
		check_add(c, "votes_for", false, "%s", _("Votes cannot be negative."));
	else if (v->votes_for + v->votes_against + v->abstain > v->present)
		check_add(c, "votes_for", false, _("%d votes, but only %d present."),
			  v->votes_for + v->votes_against + v->abstain, v->present);
	const char *d = v->decision ? v->decision : "";
	if (strcmp(d, "搁置") == 0 || strcmp(d, "无需表决") == 0)
		return;
	if (strcmp(d, "通过") != 0 && strcmp(d, "未通过") != 0) {
		check_add(c, "decision", false, "%s", _("Choose 通过, 未通过, 搁置 or 无需表决."));
		return;
	}
	const char *result = meeting_vote_result(v);
	if (strcmp(d, "通过") == 0 && strcmp(result, "通过") != 0) {
		if (!meeting_quorum(v->present, v->entitled))
			check_add(c, "decision", false, _("No quorum: %d present of %d entitled; more than half must attend."),
				  v->present, v->entitled);
		else
			check_add(c, "decision", false, _("%d for of %d present: more than half is needed to pass."),
				  v->votes_for, v->present);
	} else if (strcmp(d, "未通过") == 0 && strcmp(result, "通过") == 0) {
		check_add(c, "decision", false, _("%d for of %d present carries the vote: it passed."),
			  v->votes_for, v->present);
	}
}
