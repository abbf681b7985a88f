#!/bin/sh
# Screen: forms by keyboard alone at 80x24.  A household with its head
# and two members; a name edited in its middle; a bad and a duplicate
# ID number refused; the household found by search; change of head,
# a tag, moving out; pasted text; $EDITOR for notes.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
# An editor that adds a line to the file it is given.
printf '#!/bin/sh\nprintf "%%s\\n" "编辑器写的第二行" >> "$1"\n' > "$TMP/editor.sh"
chmod +x "$TMP/editor.sh"
TEST_EDITOR=$TMP/editor.sh

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null

# ---- a new household with its head ----
keys F5
check "F5 opens the new-household form" wait_for "新建住户"
check "  ...its F-key bar says how to save" wait_for "F2保存"
keys Tab; type_text "和平里"
keys Tab; type_text "5"
keys Tab; type_text "2"
keys Tab; type_text "303"
keys Tab Tab Tab; type_text "13912345678"
keys Tab Tab
# Notes: a pasted text keeps its line break and does not act as Enter.
tmx set-buffer -b p "$(printf '粘贴的第一行\n粘贴的第二行')"
tmx paste-buffer -p -b p -t =t:
check "bracketed paste arrives whole in a text area" wait_for "粘贴的第二行"
check "  ...and the cursor stays in that field" wait_for "第 11/18 项"
keys F6
check "F6 hands the text area to \$EDITOR and takes it back" wait_for "编辑器写的第二行"
keys Tab; type_text "赵大海"
keys Tab; type_text "110105194912310022"
keys Tab
check "a wrong check character is shown beside the field" wait_for "校验位不对"
keys F2
check "saving is refused while an error stands" wait_for "有 1 处需要修改"
check "  ...and the form stays open" wait_for "新建住户"
keys BSpace; type_text "X"
keys F2
check "a duplicate ID number is refused, naming who has it" wait_for "欧阳娜娜"
keys C-u; type_text "110105198001010016"
keys F2
check "the household is saved" wait_for "已保存：和平里 5-2-303"
check "  ...stored with its dwelling and head" \
	test "$(q "SELECT d.compound || d.building || d.unit || d.room || r.name || r.sex || r.birth_date
		   FROM resident r JOIN household h ON h.id = r.household_id
		   JOIN dwelling d ON d.id = h.dwelling_id WHERE r.id_number = '110105198001010016'")" \
		= "和平里52303赵大海男1980-01-01"
check "  ...with both lines of the notes" \
	test "$(q "SELECT count(*) FROM household WHERE notes LIKE '%粘贴的第一行%粘贴的第二行%编辑器写的第二行%'")" = 1

# ---- found by search; two members added ----
keys /; type_text "赵大海"; keys Enter
check "the new household is found by search" wait_for "“赵大海”：第 1 户，共 1 户"
keys Enter
wait_for "家庭成员（在住 1 人）" > /dev/null
keys F5
wait_for "新增成员" > /dev/null
type_text "赵小月"
keys Tab Tab; type_text "女"; keys Enter
type_text "2010-5-6"
keys Tab Tab Tab; type_text "n"
check "typing in a list field narrows it (pinyin initials too)" wait_for "查找：n"
keys Enter F2
check "a first member is added" wait_for "家庭成员（在住 2 人）"
check "  ...with the date read into ISO form" test "$(q "SELECT birth_date FROM resident WHERE name = '赵小月'")" = 2010-05-06
keys F5
wait_for "新增成员" > /dev/null
type_text "钱秀英"
keys Tab Tab; type_text "女"; keys Enter
keys Tab Tab Tab; type_text "配偶"; keys Enter F2
check "a second member is added" wait_for "家庭成员（在住 3 人）"

# ---- a Chinese name edited in its middle ----
# Members are listed head, spouse, then the others.
keys Down Down Down
keys F4
wait_for "修改成员：赵小月" > /dev/null
keys End Left BSpace
type_text "晓"
check "the name is edited in its middle" wait_for "赵晓月"
snap > /dev/null
name_col=$(grep "姓名" "$TMP/screen" | "$JUWEI_TOOLS/colof" "赵晓月" | head -1)
check "  ...with the cursor after the inserted character" wait_cursor $((name_col + 4))
keys F2
check "  ...and saved" wait_for "女     16"
check "  ...as 赵晓月" test "$(q "SELECT count(*) FROM resident WHERE name = '赵晓月'")" = 1

# ---- change of head, a tag, moving out ----
keys Up
wait_for "F11设为户主" > /dev/null
keys F11
check "F11 opens the change of head" wait_for "变更户主"
type_text "配偶"; keys Enter F2
check "the spouse becomes the head" wait_for "钱秀英 现在是户主"
check "  ...and the household still has exactly one head" \
	test "$(q "SELECT group_concat(name || relation, ',') FROM resident
		   WHERE household_id = (SELECT household_id FROM resident WHERE name = '钱秀英')
		   AND relation IN ('户主', '配偶') ORDER BY id")" = "赵大海配偶,钱秀英户主"
keys F6
wait_for "成员标签" > /dev/null
type_text "djlr"
check "a tag is found by its pinyin initials" wait_for "独居老人"
keys Enter F2
check "  ...and added with today's date" wait_for "已添加标签：独居老人"
check "  ...and stored with its since date" \
	test "$(q "SELECT rt.since FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id WHERE r.name = '钱秀英'")" = 2026-11-22
# The selection stayed with 钱秀英, now listed first; 赵大海 is next.
keys Down
keys F8
wait_for "登记迁出：赵大海" > /dev/null
keys Tab; type_text "北京市朝阳区"; keys F2
check "moving out is recorded" wait_for "已保存：赵大海，迁出 2026-11-22"
check "  ...and the household has two living members" wait_for "家庭成员（在住 2 人）"

# ---- a visit from inside the household ----
keys F7
check "F7 inside a household opens a visit form for it" wait_for "登记走访：和平里 5-2-303"
keys Escape
wait_gone "登记走访" > /dev/null

# ---- leaving with changes asks first ----
keys F4
wait_for "修改成员：赵大海" > /dev/null
type_text "X"
keys Escape
check "Esc on a changed form asks before discarding" wait_for "放弃修改"
keys n
check "  ...n goes back to the form" wait_gone "放弃修改"
keys Escape y
check "  ...y discards" wait_for "修改已放弃"
check "  ...and nothing was written" test "$(q "SELECT count(*) FROM resident WHERE name LIKE '%X%'")" = 0

keys F10
check "juwei quits" exited
