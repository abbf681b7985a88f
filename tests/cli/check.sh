#!/bin/sh
# CLI: juwei check finds what was done behind juwei's back with the
# stock sqlite3 shell: an audit trigger dropped and a record changed, the
# trigger put back, an audit row deleted; and the shell cannot write to
# the trail at all.
. "$(dirname "$0")/../lib.sh"

db=$TMP/check.db
demo_db "$db" --households 200 || echo "not ok - demo for the check"
out=$TMP/out; err=$TMP/err

"$JUWEI" check --db "$db" > "$out" 2> "$err"
st=$?
check "a register juwei kept verifies (status $st)" [ "$st" = 0 ]
check "  ...and says how many audit rows it chained" grep -q "台账校验通过：[0-9]* 条审计记录" "$out"

cp "$db" "$TMP/clean.db"
trigger=$(sqlite3 "$db" "SELECT sql FROM sqlite_schema WHERE name = 'visit_audit_update'")
sqlite3 "$db" "DROP TRIGGER visit_audit_update; UPDATE visit SET findings = '改过' WHERE id = 5;"
"$JUWEI" check --db "$db" > "$out" 2> "$err"
st=$?
check "a dropped trigger fails the check (status $st)" [ "$st" = 1 ]
check "  ...naming the trigger" grep -q "触发器 visit_audit_update 缺失" "$out"
check "  ...and the record changed without it" grep -q "记录 5（走访）与最后一次审计的内容不符" "$out"

sqlite3 "$db" "$trigger"
"$JUWEI" check --db "$db" > "$out" 2> "$err"
st=$?
check "with the trigger put back the changed record still fails it (status $st)" [ "$st" = 1 ]
check "  ...naming the record" grep -q "记录 5（走访）与最后一次审计的内容不符" "$out"
check "  ...and no trigger any more" sh -c "! grep -q 触发器 '$out'"

db=$TMP/clean.db
sqlite3 "$db" "DELETE FROM audit_log WHERE id = 100"
"$JUWEI" check --db "$db" > "$out" 2> "$err"
st=$?
check "a deleted audit row fails the check (status $st)" [ "$st" = 1 ]
check "  ...naming the first row that does not verify" grep -q "审计记录 101 校验不通过" "$out"

cp "$TMP/check.db" "$db"
sqlite3 "$db" "UPDATE audit_log SET user = 'nobody' WHERE id = 50" 2> "$err"
"$JUWEI" check --db "$db" > "$out" 2>&1
check "a changed audit row is named" grep -q "审计记录 50 校验不通过" "$out"

demo_db "$TMP/fresh.db" --households 50
sqlite3 "$TMP/fresh.db" "INSERT INTO audit_log(at, user, table_name, row_id, action) VALUES ('x', 'y', 'z', 1, 'insert')" \
	2> "$err"
check "the sqlite3 shell cannot add a row to the trail" grep -q "juwei_audit_hash\|juwei_deferred" "$err"
"$JUWEI" check --db "$TMP/fresh.db" > "$out" 2>&1
check "  ...so the trail still verifies" grep -q "台账校验通过" "$out"

# A check remembers the end of the chain: rows deleted from the end
# after a clean check are found by the next.
db=$TMP/tail.db
demo_db "$db" --households 50
"$JUWEI" check --db "$db" > /dev/null 2>&1
last=$(sqlite3 "$db" "SELECT max(id) FROM audit_log")
sqlite3 "$db" "DELETE FROM audit_log WHERE id = $last"
"$JUWEI" check --db "$db" > "$out" 2>&1
st=$?
check "the last audit row deleted after a check fails the next one (status $st)" [ "$st" = 1 ]
check "  ...naming it" grep -q "审计记录 $last（上次检查时的最后一条）已被删除或改动" "$out"
