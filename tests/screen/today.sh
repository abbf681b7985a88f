#!/bin/sh
# Screen: Today lists the households overdue for a visit, every one of
# them (End reaches the last, past the first 100), the most urgent first:
# 6 then Enter opens it; a visit logged from there (F7) takes the
# household off the list and the next Enter opens the next household; a
# planned visit shows in today's plan and on the household page, an old
# one under 已错过; the visit list is narrowed by staff; a tag's interval
# changed in the settings changes Today at once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
overdue() { q "SELECT count(*) FROM household_due WHERE due < '$JUWEI_TODAY'"; }
# The overdue count Today shows in the status line.
shown() { sed -n 's/.*逾期 \([0-9]*\) 户.*/\1/p' "$TMP/screen" | tail -1; }

ADDR="d.compound || ' ' || d.building || '-' || d.unit || '-' || d.room"
# Urgent: a sensitive tag or one visited at least every 14 days.
URGENT_TAG="t.active = 1 AND (t.sensitive = 1 OR t.interval_days <= 14)"
URGENT="(EXISTS (SELECT 1 FROM household_tag x JOIN tag t ON t.id = x.tag_id
	WHERE x.household_id = hd.household_id AND $URGENT_TAG)
	OR EXISTS (SELECT 1 FROM resident r JOIN resident_tag y ON y.resident_id = r.id JOIN tag t ON t.id = y.tag_id
	WHERE r.household_id = hd.household_id AND r.status = '在住' AND $URGENT_TAG))"
# The overdue households in Today's order, as "rank|due|address".
in_order() { q "SELECT (CASE WHEN hd.due = '' THEN 0 ELSE 2 END) + (CASE WHEN $URGENT THEN 0 ELSE 1 END) AS rk,
	hd.due, $ADDR FROM household_due hd JOIN household h ON h.id = hd.household_id
	JOIN dwelling d ON d.id = h.dwelling_id WHERE hd.due < '$JUWEI_TODAY' ORDER BY rk, hd.due, hd.household_id"; }
nth() { in_order | sed -n "${1}p" | cut -d'|' -f3; }

# A visit planned for today, and one planned three weeks ago.
"$JUWEI_TOOLS/sqlrun" "$DB" tester <<SQL || echo "not ok - planned visits"
INSERT INTO visit(household_id, method_id, purpose_id, visit_date, next_visit_date, created_by, updated_by)
  SELECT h.id, 1, 1, '2026-11-15', '$JUWEI_TODAY', juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '一号院' AND d.room = '101';
INSERT INTO visit(household_id, method_id, purpose_id, visit_date, next_visit_date, created_by, updated_by)
  SELECT h.id, 1, 1, '2026-10-20', '2026-11-01', juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '一号院' AND d.room = '102';
SQL

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
before=$(overdue)
check "  (the fixture has more than 100 overdue households)" test "$before" -gt 100
most=$(nth 1)
keys 6 Enter
check "6 then Enter opens the most urgent household: $most" wait_for "$most"
check "  ...its page" wait_for "家庭成员"
keys Escape
keys 6
check "6 opens Today with the overdue households" wait_for "逾期未走访：$before"
snap > /dev/null
# The count sits under "6 今日" in the section column (screen line 14).
check "  ...and the section column shows the count" \
	sh -c "sed -n 14p '$TMP/screen' | cut -c1-7 | grep -qw '$before'"

# ---- F7 on the most urgent household ----
second=$(nth 2)
keys F7
check "F7 opens a visit form for the selected household" wait_for "登记走访：$most"
keys Tab; type_text "$(q "SELECT name FROM staff ORDER BY id LIMIT 1")"; keys Enter
keys Tab; type_text "cg"; keys Enter
keys F2
check "the visit is saved" wait_for "已保存走访：$JUWEI_TODAY"
check "  ...and the household leaves the overdue list" wait_for "逾期未走访：$((before - 1))"
check "  ...as the database says" test "$(overdue)" = $((before - 1))
keys Enter
check "the next Enter opens the next household, $second" wait_for "家庭成员"
snap > /dev/null
check "  ...which is the next one" grep -qF "$second" "$TMP/screen"
keys Escape
wait_for "逾期未走访" > /dev/null

# ---- every overdue household, to the last ----
last=$(in_order | tail -1 | cut -d'|' -f3)
keys End
check "End reaches the last overdue household (number $((before - 1))): $last" wait_for "$last"

# ---- planned visits: today's, and one missed ----
planned=$(q "SELECT count(*) FROM visit v WHERE v.next_visit_date BETWEEN date('$JUWEI_TODAY', '-7 days') AND '$JUWEI_TODAY'
	AND NOT EXISTS (SELECT 1 FROM visit w WHERE w.household_id = v.household_id
	AND (w.visit_date > v.visit_date OR (w.visit_date = v.visit_date AND w.id > v.id)))")
keys Home
check "Today shows the visits planned for today" wait_for "今日计划走访：$planned"
check "  ...with the one planned for today" wait_for "计划于 $JUWEI_TODAY"
check "  ...and the one planned three weeks ago under 已错过" wait_for "计划于 2026-11-01，已过 21 天"
check "  ...whose heading says so" wait_for "已错过（计划日期已过 7 天以上）"
# Ours is the last of today's plans (the latest date, the newest visit).
i=1
while [ $i -lt "$planned" ]; do keys Down; i=$((i + 1)); done
keys Enter
check "its household page shows the planned visit" wait_for "下次走访（计划）$JUWEI_TODAY，已列入今日计划走访"
check "  ...beside the one the rules set" wait_for "上次 2026-11-15"
keys Escape
wait_for "逾期未走访" > /dev/null

# ---- the visit list, narrowed by staff ----
staff=$(q "SELECT s.name FROM visit v JOIN staff s ON s.id = v.staff_id GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1")
n=$(q "SELECT count(*) FROM visit v JOIN staff s ON s.id = v.staff_id WHERE s.name = '$staff'")
keys 2
wait_for "条走访" > /dev/null
keys F3
wait_for "筛选走访记录" > /dev/null
keys Tab Tab Tab; type_text "$staff"; keys Enter F2
check "the visit list narrowed by staff counts their visits" wait_for "共 $n 条走访"
snap > /dev/null
others=$(sed -n '4,21p' "$TMP/screen" | grep -c '[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]' )
mine=$(sed -n '4,21p' "$TMP/screen" | grep -c "$staff")
check "  ...and shows only theirs" test "$others" = "$mine"
keys Escape
check "Esc shows every visit again" wait_for "共 $(q "SELECT count(*) FROM visit") 条走访"

# ---- a tag's interval, changed in the settings ----
keys 6
wait_for "逾期未走访" > /dev/null
keys F9
check "F9 opens the settings" wait_for "设置：词表和走访周期"
skip=$(q "SELECT (SELECT count(*) FROM visit_method) + (SELECT count(*) FROM visit_purpose)
	+ (SELECT count(*) FROM must_report_item)")
first_tag=$(q "SELECT name FROM tag ORDER BY sort, id LIMIT 1")
i=0
while [ $i -lt "$skip" ]; do keys Down; i=$((i + 1)); done
keys Enter
check "Enter edits the first tag's interval" wait_for "$first_tag"
# Its name first; what it goes on stays (households hold it): Tab skips it.
keys Tab C-u; type_text "1"; keys F2
check "  ...which is saved" wait_for "每 1 天"
after=$(overdue)
check "  ...and moves more households to overdue" test "$after" -gt $((before - 1))
keys Escape
check "Today follows at once" wait_for "逾期 $after 户"
keys F10
check "juwei quits" exited
