#!/bin/sh
# Screen: who may do what.  A 网格员 signs in at the shared desk (F12,
# as PuTTY sends it) and sees only their grid in the list, the search
# and Today; a 街道查看 has no key that writes; a reveal asks why and
# shows in the history, which shows a change field by field; wrong PINs
# lock, and so does a screen left alone.  On the command line a role
# that may not write is refused with status 3.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"

DB=$TMP/access.db
demo_db "$DB" --households 300 --seed 5 || echo "not ok - demo for the access test"
q() { sqlite3 "$DB" "$1"; }
GRID_WORKER=$(q "SELECT name FROM staff WHERE role = '网格员' ORDER BY id LIMIT 1")
GRID=$(q "SELECT grid_id FROM staff_grid WHERE staff_id = (SELECT id FROM staff WHERE name = '$GRID_WORKER')")
STREET=$(q "SELECT name FROM staff WHERE role = '街道查看' ORDER BY id LIMIT 1")
IN_GRID=$(q "SELECT count(*) FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.grid_id = $GRID")
OVERDUE=$(q "SELECT count(*) FROM household_due hd JOIN household h ON h.id = hd.household_id
	JOIN dwelling d ON d.id = h.dwelling_id WHERE hd.due < '$JUWEI_TODAY' AND d.grid_id = $GRID")
OTHER=$(q "SELECT r.name FROM resident r JOIN household h ON h.id = r.household_id
	JOIN dwelling d ON d.id = h.dwelling_id WHERE d.grid_id <> $GRID AND r.status = '在住'
	AND r.name NOT IN (SELECT r2.name FROM resident r2 JOIN household h2 ON h2.id = r2.household_id
	JOIN dwelling d2 ON d2.id = h2.dwelling_id WHERE d2.grid_id = $GRID) ORDER BY r.id LIMIT 1")
# The 主任 (this login, in the demo) gives them PINs.
echo 1357 | "$JUWEI" staff pin "$GRID_WORKER" --db "$DB" > /dev/null
echo 2468 | "$JUWEI" staff pin "$STREET" --db "$DB" > /dev/null

# sign_in NAME PIN: at the sign-in screen.
sign_in() {
	type_text "$1"
	keys Enter
	type_text "$2"
	keys Enter
}

start 80 24 --db "$DB"
wait_for "（主任）" > /dev/null
keys -H 1b 5b 32 34 7e   # F12 as PuTTY and Xshell send it
check "F12 (PuTTY's bytes) signs out to the sign-in screen" wait_for "姓名或拼音首字母"

# Wrong PINs: tries left, then the lock, held in the file.
sign_in "$GRID_WORKER" 0000
check "a wrong PIN says how many tries are left" wait_for "再错 4 次将锁定 5 分钟"
for pin in 0001 0002 0003 0004; do type_text "$pin"; keys Enter; done
check "the fifth locks for five minutes" wait_for "已锁定 5 分钟"
type_text 1357; keys Enter
check "  ...and the right PIN waits too" wait_for "连续 5 次密码错误，已锁定到"
q "UPDATE staff_lock SET locked_until = datetime('now', 'localtime', '-1 second')"
type_text 1357; keys Enter
check "after the lock the right PIN signs in" wait_for "（网格员）"

# The 网格员 sees their grid only.
check "the list holds their grid's $IN_GRID households" wait_for "共 $IN_GRID 户"
keys F3
type_text "$OTHER"
check "another grid's resident is not found by name" wait_for "没有找到相符的住户"
keys Escape
wait_for "共 $IN_GRID 户" > /dev/null
keys 6
check "Today counts their grid's $OVERDUE overdue households" wait_for "逾期未走访：$OVERDUE"
keys 1
wait_for "共 $IN_GRID 户" > /dev/null

# Left alone, the screen locks; the PIN opens it where it was.
stop_tmux
JUWEI_IDLE_LOCK_MS=1500
export JUWEI_IDLE_LOCK_MS
start 80 24 --db "$DB"
unset JUWEI_IDLE_LOCK_MS
wait_for "（主任）" > /dev/null
keys F12
wait_for "姓名或拼音首字母" > /dev/null
sign_in "$GRID_WORKER" 1357
wait_for "共 $IN_GRID 户" > /dev/null
keys j j
wait_for "第 3 户" > /dev/null
check "a screen left alone locks" wait_for "屏幕已锁定"
snap > /dev/null
check "  ...and nothing of the register shows behind the lock" sh -c "! grep -q '户籍户' '$TMP/screen'"
type_text 1357; keys Enter
check "  ...its PIN opens it at the same row" wait_for "第 3 户，共 $IN_GRID 户"

# The 街道查看: no key that writes.
start 100 30 --db "$DB"
wait_for "（主任）" > /dev/null
keys F12
wait_for "姓名或拼音首字母" > /dev/null
sign_in "$STREET" 2468
wait_for "（街道查看）" > /dev/null
snap > /dev/null
check "the street office's list has no new, edit, visit or import key" \
	sh -c "! grep -Eq 'F4修改|F5新建|F7走访|F9导入' '$TMP/screen'"
check "  ...but search and export" grep -q "F3搜索.*F6导出" "$TMP/screen"
keys Enter
wait_for "家庭成员" > /dev/null
snap > /dev/null
check "  ...nor in a household, nor reveal nor history" \
	sh -c "! grep -Eq 'F[2-9][^ ]*(修改|新建|标签|走访|迁出|死亡|看号码|历史)' '$TMP/screen'"
check "  ...where numbers stay masked" grep -q '\*\*\*\*' "$TMP/screen"
keys Escape
keys 2
wait_for "走访" > /dev/null
snap > /dev/null
check "  ...nor in the visits" sh -c "! grep -Eq 'F5新建|F8删除' '$TMP/screen'"

# The 主任 reveals a member's number: why, and the history says so.
start 80 24 --db "$DB"
wait_for "（主任）" > /dev/null
keys 1
wait_for "第 1 户" > /dev/null
keys Enter
wait_for "家庭成员" > /dev/null
keys Down
keys -H 1b 5b 31 33 7e   # F3 as PuTTY sends it
check "F3 (PuTTY's bytes) asks why before showing a number" wait_for "请选择理由"
keys 2
check "the whole number shows, with the reason, logged" wait_for "理由：核实身份；已记录"
keys F2
check "F2 shows the member's history with the look" wait_for "看号码"
keys Enter
check "  ...which says why" wait_for "理由：核实身份"
check "  ...and which fields" grep -q "字段：身份证号" "$TMP/screen"
keys Escape
wait_for "的历史记录" > /dev/null
keys Escape
wait_for "家庭成员" > /dev/null
keys Escape

# A change shows field by field: before and after, with the form's labels.
HH=$(q "SELECT h.id FROM household h JOIN dwelling d ON d.id = h.dwelling_id ORDER BY d.sort_key, h.id LIMIT 1")
"$JUWEI_TOOLS/sqlrun" "$DB" colleague <<SQL
UPDATE household SET notes = '楼道堆物已清理', version = version + 1 WHERE id = $HH;
SQL
keys 6
wait_for "逾期未走访" > /dev/null
keys F8
check "F8 in Today opens the whole history" wait_for "历史记录：谁在何时改了什么"
check "  ...newest first, the colleague's change on top" sh -c "grep -A1 '经办人' '$TMP/screen' | grep -q '修改'"
keys Enter
check "  ...Enter shows the field before and after" wait_for "备注：（空）  →  楼道堆物已清理"

# A check that found the trail changed warns the 主任 at start.
cp "$DB" "$TMP/tampered.db"
sqlite3 "$TMP/tampered.db" "UPDATE audit_log SET user = 'someone' WHERE id = 10"
"$JUWEI" check --db "$TMP/tampered.db" > /dev/null 2>&1
start 80 24 --db "$TMP/tampered.db"
check "after a failed check the 主任 is warned at start" wait_for "上次检查"

# The command line: a role that may not write is refused, exit 3.
"$JUWEI" staff edit "$(q "SELECT name FROM staff WHERE role = '社工' ORDER BY id LIMIT 1")" --role 主任 \
	--db "$DB" > /dev/null 2>&1
ME=$(q "SELECT name FROM staff WHERE role = '主任' ORDER BY id LIMIT 1")
"$JUWEI" staff edit "$ME" --role 街道查看 --db "$DB" > /dev/null 2>&1
printf '小区,楼栋,单元,室,姓名,与户主关系,性别\n新村,1,1,101,张三,户主,男\n' > "$TMP/in.csv"
"$JUWEI" import households "$TMP/in.csv" --db "$DB" > "$TMP/out" 2> "$TMP/err"
st=$?
check "a 街道查看 importing from the command line is refused with status 3 ($st)" [ "$st" = 3 ]
check "  ...naming who may" grep -q "只有主任、社工可以导入户籍台账" "$TMP/err"
"$JUWEI" export households --full --db "$DB" --out "$TMP/full.csv" > /dev/null 2> "$TMP/err"
st=$?
check "  ...and a full export too ($st)" sh -c "[ '$st' = 3 ] && [ ! -e '$TMP/full.csv' ]"
"$JUWEI" export households --db "$DB" --out "$TMP/masked.csv" > /dev/null 2>&1
check "  ...a masked export is theirs" [ -s "$TMP/masked.csv" ]
