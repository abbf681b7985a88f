#!/bin/sh
# Screen: 5 统计 at 80x24 shows the month report: visits (every grid, a
# grid without visits as 0), mediation cases, meetings and the register,
# scrolled with Down, PgDn, End and Home; F5 goes to the month before;
# F9 opens the export set to the month shown, which writes the same
# report.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

"$JUWEI_TOOLS/sqlrun" "$DB" tester <<'SQL' || echo "not ok - stats fixture"
INSERT INTO grid(code, name) VALUES ('00', '零号网格');
SQL
q() { sqlite3 "$DB" "$1"; }
visits=$(q "SELECT count(*) FROM visit WHERE visit_date BETWEEN '2026-11-01' AND '2026-11-22'")

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 5
check "5 opens the month report" wait_for "2026-11 统计（2026-11-01 至 2026-11-22）"
check "  ...visits first, with the month and the year to date" wait_for "走访次数"
snap > /dev/null
check "  ...the month's count" sh -c "grep '走访次数' '$TMP/screen' | grep -q ' $visits '"
check "  ...the columns headed" grep -q "本月 本年累计" "$TMP/screen"
check "  ...the keys in the bar" grep -q "F5上月 F6下月 F9导出" "$TMP/screen"
check "  ...where the clerk is" grep -q "第 1-20 行，共" "$TMP/screen"
# The grid with no visits sorts first ('00') and shows 0 and 0.
check "every grid, one without visits as 0" grep -q "零号网格" "$TMP/screen"
check "  ...with 0 this month and 0 this year" sh -c "grep '零号网格' '$TMP/screen' | grep -q ' 0 *0 *$'"
# The counts after a grid's name of four characters end in the same
# column as those after the total's (the section column on the left
# differs from line to line, so measure from the name on).
col() { grep "$1" "$TMP/screen" | sed "s/.*$1//; s/ *\$//" | awk '{ print length($0) }'; }
check "  ...the counts aligned by display width" test "$(col 零号网格)" = "$(col 走访次数)"
keys PgDn
check "PgDn: mediation cases" wait_for "人民调解"
check "  ...accepted, closed, over the limit" wait_for "超期未结"
keys PgDn
check "PgDn: meetings, decisions and their follow-ups" wait_for "已落实反馈的决议"
keys End
check "End: the last lines, the register by household tag" wait_for "户数按住户标签"
snap > /dev/null
last=$(q "SELECT name FROM tag WHERE applies_to = 'household' AND active = 1 ORDER BY sort DESC, id DESC LIMIT 1")
check "  ...down to the last tag" sh -c "sed -n 22p '$TMP/screen' | grep -q '$last'"
check "  ...the status says the last line" sh -c "grep -Eq '第 [0-9]+-([0-9]+) 行，共 \\1 行' '$TMP/screen'"
keys Home
check "Home: back to the top" wait_for "第 1-20 行，共"
keys Down
check "Down moves one line" wait_for "第 2-21 行，共"
keys F5
check "F5: the month before, whole" wait_for "2026-10 统计（2026-10-01 至 2026-10-31）"

# ---- the export from here ----
keys F9
check "F9 offers the export of the month shown" wait_for "月度汇总"
check "  ...for 2026-10" wait_for "2026-10"
file=$TMP/juwei-月度汇总-$JUWEI_TODAY.csv
keys F2
check "  ...F2 writes it" wait_for "已导出"
"$JUWEI" export month --month 2026-10 --db "$DB" --out "$TMP/cli.csv" 2> /dev/null
check "  ...the same report as the command line" cmp -s "$TMP/cli.csv" "${file:-$TMP/none}"
keys F10
exited
