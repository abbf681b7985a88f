#!/bin/sh
# Screen: pickers and yes/no fields at 80x24, by keyboard alone, with
# the keys PuTTY and Xshell send: typed initials put the choice they
# spell first (z picks 子, not 户主); Home and End (ESC [ 1 ~, ESC [ 4 ~)
# reach both ends of a list, in a picker and in the settings; Space
# switches a yes/no filter; a person picked from the register shows
# from the name on, the relation in words (儿子, not 子).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

home() { tmx send-keys -t =t: -H 1b 5b 31 7e; }
end() { tmx send-keys -t =t: -H 1b 5b 34 7e; }

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys Enter
wait_for "家庭成员" > /dev/null
keys F5
wait_for "新增成员" > /dev/null

# ---- 关系: z is what the initials of 子 spell ----
keys Down Down Down Down Down Down
type_text "z"
check "typing opens the picker with what was typed" wait_for "查找：z"
snap > /dev/null
check "  ...子 comes first: its initials are exactly z" \
	sh -c "grep -A1 '查找：z' '$TMP/screen' | tail -1 | grep -q '│子 '"
keys Enter
check "  ...and Enter picks it" wait_for "关系 *  子"

# ---- 民族: End and Home in the picker, as PuTTY sends them ----
keys Up Up
keys Enter
check "Enter on a list field opens its picker" wait_for "查找："
end
check "End (ESC [ 4 ~) goes to the last of the 58 choices" wait_for "│外国血统中国籍人士"
keys Enter
check "  ...which Enter picks" wait_for "民族  外国血统中国籍人士"
keys Up Enter
wait_for "查找：" > /dev/null
home
keys Enter
check "Home (ESC [ 1 ~) goes back to the first" wait_for "民族  汉族"
keys Escape
wait_for "放弃修改" > /dev/null
keys y
wait_gone "新增成员" > /dev/null
keys Escape

# ---- a person picked from the register shows whole, from the name on ----
keys 3
wait_for "件" > /dev/null
keys F5
wait_for "登记调解案件" > /dev/null
keys Down Down Down
type_text "欧阳小"
check "the register's hits name the relation in words" wait_for "欧阳小明（儿子）"
keys Enter
check "  ...and the picked person shows from the name on" wait_for "申请人（住户）  欧阳小明（儿子）"
keys Escape
wait_for "放弃修改" > /dev/null
keys y
wait_gone "登记调解案件" > /dev/null
# An attendee's field is narrower than name, relation and address.
keys 4
wait_for "议事协商" > /dev/null
keys F5
wait_for "新建会议" > /dev/null
keys Enter Enter
type_text "选人测试会"
keys F2
wait_for "已保存会议" > /dev/null
keys F5
wait_for "添加参会人员" > /dev/null
type_text "阿依古丽·买"
wait_for "一号院 1-1-106" > /dev/null
keys Enter
check "  ...also in the attendee field, narrower than name and address" wait_for "住户档案中的人  阿依古丽·买买提（户主）"
keys Escape
wait_for "放弃修改" > /dev/null
keys y
wait_gone "添加参会人员" > /dev/null
keys 3

# ---- a yes/no filter switches with Space ----
keys F3
check "F3 on the cases opens their filter" wait_for "只看超期"
keys Down Down Down Down
check "  ...只看超期 starts at 否" wait_for "只看超期  否"
keys Space
check "  ...Space makes it 是" wait_for "只看超期  是"
keys Space
check "  ...and 否 again" wait_for "只看超期  否"
keys Escape
wait_for "放弃修改" > /dev/null
keys y
wait_gone "只看超期" > /dev/null

# ---- the settings: End and Home ----
keys 6
wait_for "F9设置" > /dev/null
keys F9
wait_for "设置：词表和走访周期" > /dev/null
end
check "End in the settings shows the last setting" wait_for "锁屏"
home
check "Home shows the first list again" wait_for "走访方式"
keys F10
check "juwei quits from the settings" exited
