#!/bin/sh
# Screen: a day at the desk at 80x24, by keyboard alone: a resident found
# by pinyin initials, a visit logged from the household, that visit at
# the top of the visit list; a dispute registered and taken a step on;
# a meeting planned, its 居民代表 added by roster and marked present; and
# Today, where 6 and Enter open the most urgent household.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
staff=$(q "SELECT name FROM staff ORDER BY id LIMIT 1")
reps=$(q "SELECT count(*) FROM roster_member m JOIN roster r ON r.id = m.roster_id WHERE r.name = '居民代表'")

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null

# ---- morning: a resident at the counter ----
keys /
type_text "oynn"
check "pinyin initials find 欧阳娜娜's household" wait_for "“oynn”：第 1 户，共 1 户"
keys Enter Enter
check "  ...Enter keeps the result, Enter opens it" wait_for "家庭成员"
keys F7
check "F7 logs a visit to that household" wait_for "登记走访：一号院 1-1-104"
keys Tab; type_text "$staff"; keys Enter
keys Tab; type_text "cg"; keys Enter
keys F2
check "  ...saved" wait_for "已保存走访：$JUWEI_TODAY"
keys q
check "q goes back to the list" wait_for "第 1 户，共 1 户"
keys Escape 2
check "the visit list has it at the top at once" wait_for "$JUWEI_TODAY 一号院 1-1-104"
snap > /dev/null
check "  ...selected, on the first row" sh -c "sed -n 4p '$TMP/screen' | grep -q '一号院 1-1-104'"

# ---- a dispute ----
keys 3
wait_for "调解案件" > /dev/null
keys F5
check "F5 registers a dispute" wait_for "登记调解案件"
keys Tab Tab; type_text "邻里"; keys Enter
type_text "欧阳娜娜"
wait_for "欧阳娜娜（户主）" > /dev/null
keys Enter
keys Tab Tab; type_text "赵大宝"
keys Tab; type_text "楼上漏水，浸湿楼下天花板。"
keys F2
check "  ...registered, in state 受理" wait_for "邻里纠纷  受理"
keys F8
check "F8 offers the next step" wait_for "（现为“受理”）"
keys F2
check "  ...受理 → 调解中" wait_for "案件已转为“调解中”"
keys q

# ---- a meeting with its roster ----
keys 4
wait_for "议事协商" > /dev/null
keys F5
wait_for "新建会议" > /dev/null
type_text "居民代表会议"; keys Enter
type_text "楼道堆物整治"; keys F2
check "a meeting is planned and opens" wait_for "到会情况（0 人）"
keys F2
wait_for "居民代表（$reps 人）" > /dev/null
keys Enter F2
check "F2 adds the 居民代表 roster" wait_for "到会情况（$reps 人）"
keys c c c
check "  ...c marks them present going down" wait_for "实到 3（含委托）"
keys q

# ---- Today ----
keys 6
check "Today lists who is overdue" wait_for "逾期未走访"
keys Enter
check "  ...6 and Enter open a household, never visited, from the top of the list" wait_for "从未走访"
check "  ...its members shown" wait_for "家庭成员"
keys q
wait_gone "家庭成员" > /dev/null
keys q
check "q at the top quits" exited
check "juwei check stays clean after the day" sh -c "'$JUWEI' check --db '$DB' > /dev/null"
