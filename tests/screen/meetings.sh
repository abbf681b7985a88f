#!/bin/sh
# Screen: a consultation meeting with the keyboard alone at 80x24: plan
# it, take attendance for 12 people (one key each, the quorum shown as
# it changes), record two topics with votes (one passes, one fails),
# move it to 决议 and see it in Today, publish it, and see it in Today
# again when its decision has had no follow-up for the configured days,
# until the follow-up is recorded.  Its minutes are written as a file.
# Its steps keep their order (召开 not before the meeting's time); from
# 决议 on its attendance and topics are kept, and a correction with its
# reason is recorded and printed in the minutes.  Help scrolls at 80x24
# to its last key and lists F9 as 落实反馈.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
title=东门改造议事

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 4
check "4 opens the meeting list" wait_for "议事协商"
check "  ...whose key bar says how to plan one" wait_for "F5新建"

# ---- plan it ----
keys F5
check "F5 opens the meeting form" wait_for "新建会议"
type_text "居民议事"; keys Enter
type_text "$title"
keys Tab Tab Tab; type_text "社区活动室"
keys Tab Tab Tab; type_text "15"
keys F2
check "the meeting is saved and opens" wait_for "已保存会议：$JUWEI_TODAY $title"
check "  ...with nobody there yet: no quorum" wait_for "实到 0（含委托）  不足半数"
id=$(q "SELECT id FROM meeting WHERE title = '$title'")

# ---- attendance for 12 ----
keys F5
wait_for "添加参会人员" > /dev/null
type_text "欧阳娜娜"
check "an attendee is found in the register" wait_for "欧阳娜娜（户主）"
keys Enter F2
check "  ...and added, present" wait_for "已添加参会人员（出席）"
for n in 2 3 4 5 6 7 8 9 10 11 12; do
	keys F5
	wait_for "添加参会人员" > /dev/null
	keys Tab; type_text "居民$n"
	keys F2
	wait_for "已添加 居民$n（出席）" > /dev/null
done
keys F5
wait_for "添加参会人员" > /dev/null
keys Tab; type_text "加错的人"; keys F2
wait_for "已添加 加错的人（出席）" > /dev/null
keys End Delete
check "Delete on an attendee asks first" wait_for "从参会名单中删除 加错的人？"
keys y
check "  ...and y removes them" wait_for "已删除这位参会人员。"
keys Home
check "12 attendees listed" wait_for "到会情况（12 人）"
check "  ...all present for now: the quorum is met" wait_for "实到 12（含委托）  已过半数"
keys c c c c c c c c c w l a
check "c w l a mark attendance going down the list: 10 present with the proxy" \
	wait_for "实到 10（含委托）  已过半数"
snap > /dev/null
check "  ...the marks line up in one column after names of every length" \
	test "$(grep -E "欧阳娜娜|居民(2|10|12) " "$TMP/screen" | "$JUWEI_TOOLS/colof" "出席" | sort -u | wc -l)$(grep -E "居民(10|11|12) " "$TMP/screen" | "$JUWEI_TOOLS/colof" "委托" )" = "1$(grep "欧阳娜娜" "$TMP/screen" | "$JUWEI_TOOLS/colof" "出席")"
check "  ...as the database says" test "$(q "SELECT group_concat(attendance, '') FROM (SELECT attendance
	FROM meeting_attendee WHERE meeting_id = $id ORDER BY sort)")" = "出席出席出席出席出席出席出席出席出席委托请假缺席"

# ---- two topics ----
keys F7
check "F7 opens a topic, with the quorum in its title" wait_for "新议题：应到 15 人，实到 10 人，已过半数"
type_text "东门加装门禁"
keys Tab Tab Tab; type_text "7"; keys Tab; type_text "2"; keys Tab; type_text "1"; keys Tab
check "  ...7 for of 10 present: the decision shown is 通过" wait_for "通过"
keys F2
check "  ...saved" wait_for "已保存议题：东门加装门禁 通过。"
keys F7
wait_for "新议题" > /dev/null
type_text "东门拆除花坛"
keys Tab Tab Tab; type_text "5"; keys Tab; type_text "4"; keys Tab; type_text "1"; keys Tab
type_text "通过"; keys Enter
keys F2
check "5 for of 10 present cannot be recorded as 通过" wait_for "5 人赞成（出席 10 人）：须超过出席人数的一半"
# The refused save put the cursor on the decision.
type_text "未通过"; keys Enter F2
check "  ...and is recorded as 未通过" wait_for "已保存议题：东门拆除花坛 未通过。"
wait_for "东门拆除花坛" > /dev/null
snap > /dev/null
check "the topics show their votes and decisions" grep -q "东门拆除花坛 *赞成 5 反对 4 弃权 1 *未通过" "$TMP/screen"

# ---- help, at 80x24 ----
keys F1
check "F1 shows the meeting's keys" wait_for "本屏按键"
check "  ...F9 among them, as what it does here (落实反馈)" wait_for "F9               落实反馈"
snap > /dev/null
check "  ...not all of it fits: the last key is below" sh -c "! grep -q 'F12              换人' '$TMP/screen'"
check "  ...and it says so" grep -q "下面还有" "$TMP/screen"
keys End
check "End scrolls help to its last key" wait_for "F12              换人"
check "  ...and says it is the end" wait_for "已到末尾"
keys Home
check "Home goes back to its first" wait_for "F4               修改"
keys PgDn
check "PgDn pages down" wait_gone "F4               修改"
keys Escape
wait_gone "本屏按键" > /dev/null
keys Tab Home
snap > /dev/null
check "the key bar on a passed topic calls F9 落实反馈" sh -c "tail -1 '$TMP/screen' | grep -q 'F9落实反馈'"
check "  ...not 需要跟进" sh -c "! grep -q '需要跟进' '$TMP/screen'"
keys Tab

# ---- the steps, and Today ----
# 召开 not before the meeting's time: at 15:00 today, not at noon.
meeting_time() {
	keys F4
	wait_for "修改会议：$title" > /dev/null
	keys Tab Tab Tab C-u; type_text "$1"; keys F2
	wait_for "已保存会议" > /dev/null
	wait_gone "修改会议" > /dev/null
}
meeting_time 15:00
keys F8
wait_for "下一步：$title" > /dev/null
keys F2
check "  ...the meeting moves to 预告" wait_for "会议已转为“预告”"
keys F8
wait_for "下一步：$title" > /dev/null
keys F2
check "召开 is refused before the meeting's time" wait_for "会议定于 $JUWEI_TODAY 15:00 召开，还没到时间"
check "  ...and nothing moved" test "$(q "SELECT state FROM meeting WHERE id = $id")" = 预告
keys Escape
wait_gone "下一步：" > /dev/null
meeting_time 09:30
for step in 召开 决议; do
	keys F8
	wait_for "下一步：$title" > /dev/null
	keys F2
	check "  ...the meeting moves to $step" wait_for "会议已转为“$step”"
done

# ---- decided: the record is kept ----
marks=$(q "SELECT group_concat(attendance, '') FROM meeting_attendee WHERE meeting_id = $id")
keys Home a
check "a decided meeting's attendance cannot be marked" wait_for "已决议（决议），到会情况不能再改；有错按 F11 更正"
check "  ...nor the list changed" wait_for "已决议，不能再改；有错按 F11 更正"
keys F5
check "  ...nor anyone added" wait_for "到会情况不能再改"
keys F7
check "a topic cannot be added" wait_for "已决议（决议），议题和表决不能再改；有错按 F11 更正"
check "  ...and the database is as it was" test "$(q "SELECT group_concat(attendance, '') FROM meeting_attendee
	WHERE meeting_id = $id")$(q "SELECT count(*) FROM meeting_item WHERE meeting_id = $id")" = "${marks}2"
keys F11
check "F11 records a correction of the selected attendee" wait_for "更正会议记录：$title"
check "  ...about them" wait_for "欧阳娜娜（记为出席）"
keys Tab Tab; type_text "应为请假"
keys F2
check "  ...not without its reason" wait_for "请写明更正的原因"
type_text "会后核对签到表，本人当天请假"
keys F2
check "  ...with it, recorded" wait_for "已记录更正（到会情况：欧阳娜娜（记为出席））"
check "  ...and shown with the meeting" wait_for "更正记录（1 条，印在会议纪要里）"
check "  ...as the database keeps it" test "$(q "SELECT kind || reason FROM meeting_amendment WHERE meeting_id = $id")" = "到会情况会后核对签到表，本人当天请假"
keys F6
wait_for "打印：$title" > /dev/null
keys F2
check "F6 writes the minutes" wait_for "已写出到 $TMP/"
check "  ...with the attendance, both topics and their decisions" \
	sh -c "f='$TMP/$JUWEI_TODAY-$title-会议纪要.html'; grep -q '应到 15 人，实到 10 人' \"\$f\" && grep -q '东门加装门禁' \"\$f\" && grep -q '未通过' \"\$f\""
check "  ...and the correction, dated, by whom, what and why" \
	sh -c "f='$TMP/$JUWEI_TODAY-$title-会议纪要.html'; grep -q '更正记录' \"\$f\" && grep -q '$JUWEI_TODAY .* 更正到会情况（欧阳娜娜（记为出席））：应为请假；原因：会后核对签到表，本人当天请假' \"\$f\""
keys Escape 6
check "Today lists the decision awaiting publication" wait_for "决定尚未公示"
snap > /dev/null
check "  ...naming the meeting" grep -q "$title" "$TMP/screen"
# Open it from Today: past the cases near their limit and the meetings
# listed before it (a 决议 list runs by date, then by id).
downs=$(q "SELECT (SELECT count(*) FROM mediation_case WHERE state IN ('受理','调解中')
	AND accepted_date <= date('$JUWEI_TODAY', '-24 days'))
	+ (SELECT count(*) FROM meeting WHERE state = '决议' AND (meeting_date, id) < (SELECT meeting_date, id FROM meeting WHERE id = $id))")
# Today opens on the most urgent household: Home goes to its first row.
keys Home
i=0; while [ "$i" -lt "$downs" ]; do keys Down; i=$((i + 1)); done
keys Enter
check "  ...Enter opens it" wait_for "居民议事会  $title"
keys F8
wait_for "公示开始" > /dev/null
keys F2
check "publishing it (the dates proposed)" wait_for "会议已转为“公示”"
check "  ...for 7 days" test "$(q "SELECT julianday(publish_end) - julianday(publish_start) FROM meeting WHERE id = $id")" = "7.0"
keys Escape
wait_for "逾期未走访" > /dev/null
snap > /dev/null
check "published today, it leaves Today" sh -c "! grep -q '$title' '$TMP/screen'"

# ---- a month later, without a follow-up ----
stop_tmux
JUWEI_TODAY=$(q "SELECT date('$JUWEI_TODAY', '+31 days')")
start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 6
wait_for "逾期未走访" > /dev/null
snap > /dev/null
check "31 days on without a follow-up, Today lists it again" grep -q "$title.*30 天未反馈落实情况" "$TMP/screen"
# The number of days is a setting (F9 in Today, at the end of the list).
follow_days() {
	keys F9
	wait_for "设置" > /dev/null
	keys End Up
	wait_for "公示后多少天未反馈在今日提醒" > /dev/null
	keys Enter
	wait_for "天数" > /dev/null
	keys BSpace BSpace BSpace; type_text "$1"; keys F2
	wait_for "已保存" > /dev/null
	keys Escape
	wait_for "逾期未走访" > /dev/null
	snap > /dev/null
}
follow_days 45
check "  ...after 45 days (the setting) it is not listed yet" sh -c "! grep -q '$title' '$TMP/screen'"
follow_days 31
check "  ...after 31 it is" grep -q "$title.*31 天未反馈落实情况" "$TMP/screen"
check "  ...as the setting says" test "$(q "SELECT value FROM setting WHERE key = 'meeting.follow_up_days'")" = 31
keys 4
wait_for "议事协商" > /dev/null
keys Enter
wait_for "居民议事会  $title" > /dev/null
keys Tab F9
check "F9 on the passed topic records its follow-up" wait_for "落实反馈：东门加装门禁"
keys Tab; type_text "门禁已安装，居民领卡。"
keys F2
check "  ...saved" wait_for "已保存落实反馈：$JUWEI_TODAY"
keys Escape 6
wait_for "逾期未走访" > /dev/null
snap > /dev/null
check "with its follow-up recorded, it leaves Today" sh -c "! grep -q '$title' '$TMP/screen'"
