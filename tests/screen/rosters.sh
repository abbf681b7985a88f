#!/bin/sh
# Screen: rosters (名单) for meetings at 80x24.  From the meeting list F6
# keeps the rosters: one is built from the register and a typed name.
# A meeting takes the demo's 30 居民代表 with one key and a pick, and
# attendance for all 30 is then taken with c alone: at most 35 keys from
# the meeting's screen to the last mark.  Another meeting copies the
# attendees of the first (F3); the same roster added again skips them.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
reps=$(q "SELECT count(*) FROM roster_member m JOIN roster r ON r.id = m.roster_id WHERE r.name = '居民代表'")

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 4
wait_for "议事协商" > /dev/null
check "the meeting list offers the rosters" wait_for "F6名单"
keys F6
check "F6 opens the rosters" wait_for "名单：开会常用的人员"
check "  ...the demo's, built from its register" \
	sh -c "grep -q '居民代表 *$reps 人' '$TMP/screen' && grep -q '楼组长' '$TMP/screen' && grep -q '两委成员' '$TMP/screen'"

# ---- a roster of our own ----
keys F5
check "F5 starts a roster" wait_for "新建名单"
type_text "楼道志愿者"; keys F2
check "  ...which is saved" wait_for "已新建名单：楼道志愿者。"
keys End Enter
check "Enter opens it, empty" wait_for "名单：楼道志愿者（0 人）"
keys F5
wait_for "加入名单：楼道志愿者" > /dev/null
type_text "欧阳娜娜"
check "a member is found in the register" wait_for "欧阳娜娜（户主）"
keys Enter Tab Tab; type_text "志愿者队长"; keys F2
check "  ...and added" wait_for "已加入名单。"
keys F5
wait_for "加入名单：楼道志愿者" > /dev/null
keys Tab; type_text "外来的人"; keys F2
check "someone from outside is added by name" wait_for "已加入名单（外来人员）。"
check "  ...both listed, the resident marked" \
	sh -c "grep -q '欧阳娜娜 *\[住户\] 志愿者队长' '$TMP/screen' && grep -q '外来的人' '$TMP/screen'"
keys F5
wait_for "加入名单：楼道志愿者" > /dev/null
type_text "欧阳娜娜"; wait_for "欧阳娜娜（户主）" > /dev/null
keys Enter F2
check "the same resident twice is refused" wait_for "欧阳娜娜 已经在这份名单上了。"
keys Escape
wait_for "放弃修改？" > /dev/null
keys y
wait_gone "加入名单：" > /dev/null
keys End Delete
check "Delete asks first" wait_for "从名单中移除 外来的人？"
keys y
check "  ...and y removes" wait_for "名单：楼道志愿者（1 人）"
keys Escape Escape
wait_for "F6名单" > /dev/null

# ---- a meeting takes the 居民代表 ----
keys F5
wait_for "新建会议" > /dev/null
type_text "居民代表会议"; keys Enter
type_text "代表大会"; keys F2
check "a meeting is planned and opens, nobody there" wait_for "到会情况（0 人）"
check "  ...its key bar offers the roster and the copy" wait_for "F2名单 F3照上次"
first=$(q "SELECT id FROM meeting WHERE title = '代表大会'")
n=0
k() { keys "$@"; n=$((n + $#)); }
k F2
check "F2 lists the rosters" wait_for "居民代表（$reps 人）"
k Enter F2
check "  ...Enter picks one, F2 adds its $reps people, absent until marked" wait_for "已加入 $reps 人，先记缺席"
check "  ...listed" wait_for "到会情况（$reps 人）"
i=0
while [ $i -lt "$reps" ]; do k c; i=$((i + 1)); done
check "c marks them present going down: all $reps present" wait_for "实到 $reps（含委托）"
check "  ...in $n keys from the meeting's screen (at most 35)" test "$n" -le 35
check "  ...as the database says" test "$(q "SELECT count(*) FROM meeting_attendee WHERE meeting_id = $first
	AND attendance = '出席'")" = "$reps"
check "  ...each write audited" test "$(q "SELECT count(*) FROM audit_log WHERE table_name = 'meeting_attendee'
	AND row_id IN (SELECT id FROM meeting_attendee WHERE meeting_id = $first)")" = $((reps * 2))

# ---- another meeting copies the first ----
keys Escape
wait_for "议事协商" > /dev/null
keys F5
wait_for "新建会议" > /dev/null
type_text "居民代表会议"; keys Enter
type_text "代表大会续会"; keys F2
wait_for "到会情况（0 人）" > /dev/null
second=$(q "SELECT id FROM meeting WHERE title = '代表大会续会'")
keys F3
check "F3 lists earlier meetings, newest first" wait_for "│$JUWEI_TODAY 居民代表会议 代表大会（$reps 人）"
keys Enter F2
check "  ...and copies its attendees" wait_for "已加入 $reps 人，先记缺席"
keys F2
wait_for "居民代表（$reps 人）" > /dev/null
keys Enter F2
check "the roster added again skips who is listed" wait_for "已加入 0 人，先记缺席，到场的按 c；已在的 $reps 人跳过。"
check "  ...nobody twice" test "$(q "SELECT count(*) FROM meeting_attendee WHERE meeting_id = $second")" = "$reps"
keys F10
exited
check "juwei check stays clean" sh -c "'$JUWEI' check --db '$DB' > /dev/null"
