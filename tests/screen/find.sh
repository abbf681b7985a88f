#!/bin/sh
# Screen: Chinese search at 80x24.  zs ranks 张三 first, with the
# matched characters marked; a traditional-character query finds the
# simplified record; pinyin finds a polyphonic surname; 3-2-501 finds
# the dwelling; a member who is not the head is shown with the relation.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

# Households in a compound of their own, so the demo's names do not
# crowd them out: 张三 (a head) and 单田芳 (a spouse).
"$JUWEI_TOOLS/sqlrun" "$DB" tester <<'SQL' || echo "not ok - find fixture"
INSERT INTO dwelling(grid_id, compound, building, unit, room)
  VALUES ((SELECT min(id) FROM grid), '二号院', '7', '1', '101'),
         ((SELECT min(id) FROM grid), '二号院', '7', '1', '102');
INSERT INTO household(dwelling_id, kind, created_by, updated_by)
  SELECT id, '户籍户', juwei_user(), juwei_user() FROM dwelling WHERE compound = '二号院';
INSERT INTO resident(household_id, name, relation, sex, created_by, updated_by)
  SELECT h.id, CASE d.room WHEN '101' THEN '张三' ELSE '孙大伟' END, '户主', '男', juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '二号院';
INSERT INTO resident(household_id, name, relation, sex, created_by, updated_by)
  SELECT h.id, '单田芳', '配偶', '女', juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '二号院' AND d.room = '102';
SQL

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys /
type_text "zs"
check "zs searches by pinyin initials" wait_for "“zs”："
snap > /dev/null
# The first list row (line 3) is 张三: the initials cover the whole name.
# Names the initials cover whole (张三, 张淑 ...) come before 张三丰.
row_of() { grep -n "$1" "$TMP/screen" | head -1 | cut -d: -f1; }
check "  ...and ranks 张三 among the first" test -n "$(row_of '张三 ')"
check "  ...before 张三丰" test "$(row_of '张三 ')" -lt "$(row_of '张三丰')"
keys C-u
type_text "zhangsan"
check "the whole name in pinyin ranks it first" wait_for "“zhangsan”："
snap > /dev/null
check "  ...on the first row" sh -c "sed -n 3p '$TMP/screen' | grep -q '张三 '"
check "  ...with the column titled for who matched" grep -q "姓名" "$TMP/screen"
keys C-u
type_text "張三豐"
check "a traditional-character query finds the simplified record" wait_for "“張三豐”：第 1 户，共 1 户"
snap > /dev/null
check "  ...张三丰's household" grep -q "张三丰" "$TMP/screen"
keys C-u
type_text "shantf"
check "a polyphonic surname by its other reading (单 shan)" wait_for "“shantf”：第 1 户，共 1 户"
snap > /dev/null
check "  ...shows the member who matched, with the relation" grep -q "单田芳(配偶)" "$TMP/screen"
keys C-u
type_text "dtf"
check "  ...and by its common one (单 dan)" wait_for "“dtf”：第 1 户，共 1 户"
keys C-u
type_text "3-2-501"
check "the address shorthand 3-2-501 finds the dwelling" wait_for "“3-2-501”：第 1 户"
snap > /dev/null
check "  ...and no other address" \
	test "$(sed -n '3,21p' "$TMP/screen" | grep -o '[0-9][0-9]*-[0-9][0-9]*-[0-9][0-9]*' | sort -u)" = 3-2-501
keys Escape
check "Esc clears the search" wait_gone "“3-2-501”"

# The matched part is marked: the cell of 张三 has underlined characters.
keys /
type_text "sanfeng"
wait_for "“sanfeng”" > /dev/null
tmx capture-pane -e -p -t =t: > "$TMP/screen.esc"
check "the matched characters are marked (underlined)" grep -q "$(printf '\033')\\[[0-9;]*4[0-9;]*m三丰" "$TMP/screen.esc"
keys F10
check "juwei quits" exited
