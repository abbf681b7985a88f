/* Unit tests: the meeting lifecycle (every allowed and refused move),
 * the quorum and the majority at their edges: exactly half, nobody
 * present, abstentions, proxies, more votes than people. */
#include "cm.h"

#include "core/i18n.h"
#include "core/meeting.h"
#include "core/xalloc.h"

#include <stdio.h>
#include <string.h>

static void lifecycle(void **state)
{
	(void)state;
	static const char *const ok[][2] = {
		{ "议题征集", "预告" }, { "预告", "召开" }, { "召开", "决议" }, { "决议", "公示" },
		{ "公示", "落实反馈" }, { "议题征集", "取消" }, { "预告", "取消" },
	};
	int allowed = 0;
	for (int i = 0; i < MEETING_STATES; i++)
		for (int j = 0; j < MEETING_STATES; j++) {
			bool want = false;
			for (size_t k = 0; k < ARRAY_SIZE(ok); k++)
				want |= strcmp(ok[k][0], meeting_states[i]) == 0 && strcmp(ok[k][1], meeting_states[j]) == 0;
			if (meeting_move_allowed(meeting_states[i], meeting_states[j]) != want)
				fail_msg("%s → %s", meeting_states[i], meeting_states[j]);
			allowed += want;
		}
	assert_int_equal(allowed, (int)ARRAY_SIZE(ok));
	const char *out[MEETING_STATES + 1];
	assert_int_equal(meeting_moves("召开", out), 1);
	assert_string_equal(out[0], "决议");
	assert_int_equal(meeting_moves("取消", out), 0); /* a cancelled meeting stays so */
	assert_false(meeting_move_allowed("召开", "取消")); /* held: too late to cancel */
}

static void quorum_at_its_edges(void **state)
{
	(void)state;
	assert_false(meeting_quorum(10, 20));   /* exactly half: not more than half */
	assert_true(meeting_quorum(11, 20));
	assert_true(meeting_quorum(6, 11));     /* 6 of 11 */
	assert_false(meeting_quorum(5, 11));
	assert_false(meeting_quorum(0, 0));     /* nobody entitled, nobody there */
	assert_false(meeting_quorum(0, 10));
	assert_true(meeting_quorum(1, 1));
}

static const char *verdict(int present, int entitled, int f, int a, int ab, const char *decision, const char **field)
{
	static char buf[16];
	struct topic_vote v = { present, entitled, f, a, ab, decision };
	struct check c;
	meeting_check_vote(&v, &c);
	*field = c.n ? c.items[0].field : "";
	snprintf(buf, sizeof buf, "%s", check_ok(&c) ? "ok" : "refused");
	check_free(&c);
	return buf;
}

static void majority_at_its_edges(void **state)
{
	(void)state;
	const char *field;
	/* 12 present of 20: 6 for is exactly half, not enough. */
	assert_string_equal(verdict(12, 20, 6, 6, 0, "通过", &field), "refused");
	assert_string_equal(field, "decision");
	assert_string_equal(verdict(12, 20, 7, 5, 0, "通过", &field), "ok");
	/* Abstentions count among those present: 6 for, 2 against, 4 abstain. */
	assert_string_equal(verdict(12, 20, 6, 2, 4, "通过", &field), "refused");
	assert_string_equal(verdict(12, 20, 6, 2, 4, "未通过", &field), "ok");
	/* A carried vote cannot be recorded as failed. */
	assert_string_equal(verdict(12, 20, 9, 3, 0, "未通过", &field), "refused");
	/* No quorum: discussion only, nothing passes. */
	assert_string_equal(verdict(10, 20, 10, 0, 0, "通过", &field), "refused");
	assert_string_equal(verdict(10, 20, 10, 0, 0, "搁置", &field), "ok");
	{
		struct topic_vote v = { 10, 20, 10, 0, 0, "通过" };
		assert_string_equal(meeting_vote_result(&v), "未通过");
	}
	/* Nobody present. */
	assert_string_equal(verdict(0, 20, 0, 0, 0, "通过", &field), "refused");
	assert_string_equal(verdict(0, 20, 0, 0, 0, "无需表决", &field), "ok");
	/* More votes than people, negative votes, an unknown decision. */
	assert_string_equal(verdict(12, 20, 10, 3, 0, "通过", &field), "refused");
	assert_string_equal(field, "votes_for");
	assert_string_equal(verdict(12, 20, -1, 0, 0, "搁置", &field), "refused");
	assert_string_equal(verdict(12, 20, 7, 0, 0, "同意", &field), "refused");
	/* Proxies count as present: 11 attending + 2 proxies of 25 entitled. */
	assert_true(meeting_quorum(11 + 2, 25));
	assert_string_equal(verdict(13, 25, 7, 6, 0, "通过", &field), "ok");
}

int main(void)
{
	i18n_init("zh_CN");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lifecycle),
		cmocka_unit_test(quorum_at_its_edges),
		cmocka_unit_test(majority_at_its_edges),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	i18n_free();
	return rc;
}
