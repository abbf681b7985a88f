#!/bin/sh
# Command line: `juwei export month` writes the month report in
# sections (visits, mediation, meetings, the register) with the counts
# the register holds; a grid with no visits and no households is listed
# with 0; a 网格员's report holds their grid only.
. "$(dirname "$0")/../lib.sh"

db=$TMP/month.db
demo_db "$db" --households 200 --seed 7
q() { sqlite3 "$db" "$1"; }
"$JUWEI_TOOLS/sqlrun" "$db" tester <<'SQL'
INSERT INTO grid(code, name) VALUES ('99', '空网格');
SQL

"$JUWEI" export month --month 2026-11 --db "$db" --encoding utf-8 --out "$TMP/m.csv" 2> "$TMP/err"
check "export month writes the file" test -s "$TMP/m.csv"
tr -d '\r' < "$TMP/m.csv" | sed '1s/^\xef\xbb\xbf//' > "$TMP/m.txt"
check "  ...titled with the month" grep -qx "月度汇总,2026-11" "$TMP/m.txt"
for s in 走访 人民调解 议事协商 住户档案; do
	check "  ...a section $s" grep -qx "$s" "$TMP/m.txt"
done
check "  ...a header row under a section" grep -qx "分类,项目,本月,本年累计" "$TMP/m.txt"
check "  ...the register counted as it is now" grep -qx "分类,项目,现有" "$TMP/m.txt"
check "  ...a grid without visits shows 0" grep -qx "按网格,空网格,0,0" "$TMP/m.txt"
check "  ...and 0 households" grep -qx "户数按网格,空网格,0" "$TMP/m.txt"
visits=$(q "SELECT count(*) FROM visit WHERE visit_date BETWEEN '2026-11-01' AND '2026-11-22'")
year=$(q "SELECT count(*) FROM visit WHERE visit_date BETWEEN '2026-01-01' AND '2026-11-22'")
check "  ...the visits of the month and the year" grep -qx "合计,走访次数,$visits,$year" "$TMP/m.txt"
accepted=$(q "SELECT count(*) FROM mediation_case WHERE accepted_date BETWEEN '2026-11-01' AND '2026-11-22'")
check "  ...the cases accepted in the month" grep -q "^合计,受理案件,$accepted," "$TMP/m.txt"
check "  ...the cases over their time limit" grep -q "^合计,超期未结,[0-9]*,$" "$TMP/m.txt"
check "  ...decisions and their follow-ups" sh -c "grep -q '^合计,通过的决议,' '$TMP/m.txt' && grep -q '^合计,已落实反馈的决议,' '$TMP/m.txt'"
households=$(q "SELECT count(*) FROM household WHERE status = '在住'")
check "  ...the households living here" grep -qx "合计,在住户数,$households" "$TMP/m.txt"
check "  ...every household kind" test "$(grep -c '^户数按类别,' "$TMP/m.txt")" = 4

"$JUWEI" export month --month 2026-11 --db "$db" --out "$TMP/gb.csv" 2> /dev/null
check "GB18030 by default, the same report" sh -c "iconv -f GB18030 -t UTF-8 '$TMP/gb.csv' | tr -d '\r' | cmp -s - '$TMP/m.txt'"

# A 网格员 at this login.
worker=$(q "SELECT name FROM staff WHERE role = '网格员' ORDER BY id LIMIT 1")
grid=$(q "SELECT g.name FROM grid g JOIN staff_grid sg ON sg.grid_id = g.id JOIN staff s ON s.id = sg.staff_id WHERE s.name = '$worker'")
login=$(q "SELECT os_login FROM staff WHERE role = '主任' LIMIT 1")
"$JUWEI_TOOLS/sqlrun" "$db" tester <<SQL
UPDATE staff SET os_login = 'someone-else' WHERE role = '主任';
UPDATE staff SET os_login = '$login' WHERE name = '$worker';
SQL
"$JUWEI" export month --month 2026-11 --db "$db" --encoding utf-8 --out "$TMP/w.csv" 2> "$TMP/err"
tr -d '\r' < "$TMP/w.csv" > "$TMP/w.txt"
check "a 网格员's report: their grid's visits" test "$(grep -c '^按网格,' "$TMP/w.txt")" = 1
check "  ...named as theirs" grep -q "^按网格,$grid," "$TMP/w.txt"
check "  ...the sections say so" grep -qx "走访（本人网格）" "$TMP/w.txt"
check "  ...their households only" test "$(grep -c '^户数按网格,' "$TMP/w.txt")" = 1
