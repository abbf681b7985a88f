#!/bin/sh
# Screen: Today lists the households overdue for a visit; a visit logged
# from there (F7) takes the household off the list; the visit list is
# narrowed by staff; a tag's interval changed in the settings changes
# Today at once.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
overdue() { q "SELECT count(*) FROM household_due WHERE due < '$JUWEI_TODAY'"; }
# The overdue count Today shows in the status line.
shown() { sed -n 's/.*逾期 \([0-9]*\) 户.*/\1/p' "$TMP/screen" | tail -1; }

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
before=$(overdue)
keys 6
check "6 opens Today with the overdue households" wait_for "逾期未走访：$before"
snap > /dev/null
# The count sits under "6 今日" in the section column (screen line 14).
check "  ...and the section column shows the count" \
	sh -c "sed -n 14p '$TMP/screen' | cut -c1-7 | grep -qw '$before'"

# ---- F7 on the first overdue household ----
first=$(q "SELECT d.compound || ' ' || d.building || '-' || d.unit || '-' || d.room FROM household_due hd
	JOIN household h ON h.id = hd.household_id JOIN dwelling d ON d.id = h.dwelling_id
	WHERE hd.due < '$JUWEI_TODAY' ORDER BY hd.due, hd.household_id LIMIT 1")
keys F7
check "F7 opens a visit form for the selected household" wait_for "登记走访：$first"
keys Tab; type_text "$(q "SELECT name FROM staff ORDER BY id LIMIT 1")"; keys Enter
keys Tab; type_text "cg"; keys Enter
keys F2
check "the visit is saved" wait_for "已保存走访：$JUWEI_TODAY"
check "  ...and the household leaves the overdue list" wait_for "逾期未走访：$((before - 1))"
check "  ...as the database says" test "$(overdue)" = $((before - 1))

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
keys C-u; type_text "1"; keys F2
check "  ...which is saved" wait_for "每 1 天"
after=$(overdue)
check "  ...and moves more households to overdue" test "$after" -gt $((before - 1))
keys Escape
check "Today follows at once" wait_for "逾期未走访：$after"
keys F10
check "juwei quits" exited
