#!/bin/sh
# Screen: the tags are the committee's own.  In the settings (Today F9)
# the 主任 renames a tag that households hold (every record shows the
# new name), retires it (it stays on those records, marked, and is no
# longer offered), and adds a new one with what it goes on and its
# interval; every change is in the audit trail and juwei check stays
# clean.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
old=出租屋
new=出租房屋
held=$(q "SELECT count(*) FROM household_tag ht JOIN tag t ON t.id = ht.tag_id WHERE t.name = '$old'")
audits=$(q "SELECT count(*) FROM audit_log WHERE table_name = 'tag'")
# A household holding it whose head's name is nobody else's: search finds it alone.
head=$(q "SELECT r.name FROM household_tag ht JOIN tag t ON t.id = ht.tag_id
	JOIN resident r ON r.household_id = ht.household_id AND r.relation = '户主' AND r.status = '在住'
	WHERE t.name = '$old' AND (SELECT count(*) FROM resident x WHERE x.name = r.name) = 1
	ORDER BY ht.household_id LIMIT 1")

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 6
wait_for "逾期未走访" > /dev/null
keys F9
check "F9 in Today opens the settings" wait_for "设置：词表和走访周期"
# Down to the tag: the vocabularies' rows come first (headings are skipped).
skip=$(q "SELECT (SELECT count(*) FROM visit_method) + (SELECT count(*) FROM visit_purpose)
	+ (SELECT count(*) FROM must_report_item)
	+ (SELECT count(*) FROM tag WHERE (sort, id) < (SELECT sort, id FROM tag WHERE name = '$old'))")
i=0
while [ $i -lt "$skip" ]; do keys Down; i=$((i + 1)); done

# ---- rename ----
keys Enter
check "Enter opens the tag" wait_for "标签：$old"
check "  ...with its name, what it goes on, interval, sensitive, in use" \
	sh -c "grep -q '名称 \*  $old' '$TMP/screen' && grep -q '用于 \*  住户' '$TMP/screen' &&
		grep -q '敏感标签  否' '$TMP/screen' && grep -q '启用  是' '$TMP/screen'"
keys C-u; type_text "$new"; keys F2
check "the new name is saved" wait_for "标签已改名：所有记录上的“$old”都显示为“$new”。"
check "  ...one change of the tag: the records keep holding it" \
	test "$(q "SELECT count(*) FROM household_tag ht JOIN tag t ON t.id = ht.tag_id WHERE t.name = '$new'")" = "$held"
check "  ...and no tag of the old name is left" test "$(q "SELECT count(*) FROM tag WHERE name = '$old'")" = 0

# ---- retire ----
keys Enter
wait_for "标签：$new" > /dev/null
# 用于 is fixed while households hold it: Tab goes interval, sensitive, in use.
keys Tab Tab Tab Space F2
check "Retiring it is saved" wait_for "标签已停用：已有的记录仍保留“$new”，以后不能再添加。"
check "  ...and the list marks it" wait_for "$new                 住户  每 90 天（已停用）"

# ---- add ----
keys F5
check "F5 on a tag adds one" wait_for "新增标签"
type_text "助残对象"; keys Tab
type_text "成员"; keys Enter
type_text "21"; keys F2
check "the new tag is saved" wait_for "已添加标签：助残对象。"
keys End
check "  ...and listed: on members, every 21 days" wait_for "助残对象                 成员  每 21 天"
check "  ...as the database says" \
	test "$(q "SELECT applies_to || interval_days || sensitive || active FROM tag WHERE name = '助残对象'")" = "resident2101"

# ---- the household that holds it ----
keys Escape 1
wait_for "第 1 户，共" > /dev/null
keys /; type_text "$head"; keys Enter
wait_for "$head" > /dev/null
keys Enter
check "the household's tags show the new name" wait_for "$new"
keys F6
check "F6 opens its tags: the retired one still held, marked" wait_for "$new（已停用）"
keys F3
wait_for "输入可缩小范围" > /dev/null
type_text "出租"
wait_for "查找：出租" > /dev/null
snap > /dev/null
check "  ...and not offered again" sh -c "! grep -q '│$new' '$TMP/screen' && ! grep -q '│$old' '$TMP/screen'"
keys Escape
wait_gone "输入可缩小范围" > /dev/null
keys Escape
wait_gone "住户标签" > /dev/null
keys F10
exited

check "three changes of the tag vocabulary are audited" \
	test "$(q "SELECT count(*) FROM audit_log WHERE table_name = 'tag'")" = $((audits + 3))
check "juwei check stays clean" sh -c "'$JUWEI' check --db '$DB' > /dev/null"
