#!/bin/sh
# Screen: search as you type by name, address shorthand, ID and phone tail.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys /
check "/ opens the search prompt" wait_for "搜索："
type_text "欧阳娜"
check "typing a Chinese name narrows the list as you type" wait_for "“欧阳娜”"
snap > /dev/null
check "  ...to the household of 欧阳娜娜" grep -q "欧阳娜娜" "$TMP/screen"
check "  ...and not the others" sh -c "! grep -q 1-1-101 '$TMP/screen'"
check "the cursor sits in the search line" \
	[ "$(tmx display -p -t =t: '#{cursor_y}')" -eq 22 ]
keys BSpace BSpace
check "Backspace removes whole characters" wait_for "“欧”："
check "  ...leaving one in the search line" grep -q "^搜索：欧  " "$TMP/screen"
keys Escape
check "Esc clears the search" wait_for "第 1 户，共 $TOTAL 户"

# Editing inside the line: move into the middle of a Chinese name,
# delete a character, insert another; the cursor follows by columns
# ("搜索：" takes 6).
keys /
type_text "欧小娜"
wait_for "“欧小娜”" > /dev/null
check "the cursor sits after the text" wait_cursor 12
keys Left
check "Left moves back over one whole character" wait_cursor 10
keys BSpace
check "Backspace in the middle removes 小" wait_for "“欧娜”"
check "  ...and the cursor moves back two columns" wait_cursor 8
type_text "阳"
check "inserting there gives 欧阳娜" wait_for "“欧阳娜”：第 1 户，共 1 户"
check "  ...with the cursor after 阳" wait_cursor 10
keys C-a
check "C-a goes to the start" wait_cursor 6
keys C-k
check "C-k clears to the end" wait_for "第 1 户，共 $TOTAL 户"
keys Escape
wait_gone "搜索：" > /dev/null

keys F3
wait_for "搜索：" > /dev/null
type_text "1-1-103"
check "F3 and the address shorthand 1-1-103" wait_for "“1-1-103”：第 1 户，共 1 户"
snap > /dev/null
check "  ...find 张三丰's household" grep -q "张三丰" "$TMP/screen"
keys Enter
check "Enter keeps the result and leaves the prompt" wait_gone "搜索："
keys Escape
check "Esc in the list drops the kept search" wait_for "第 1 户，共 $TOTAL 户"

# The one who matched is named with the relation in words: 儿子, not
# 子 (and 女儿, not 女, which would read as a sex).
keys /
type_text "欧阳小"
check "a member found by name shows with the relation in words" wait_for "欧阳小明(儿子)"
keys Escape
wait_gone "搜索：" > /dev/null

keys /
type_text "002x"
check "the end of an ID number (lower-case x)" wait_for "“002x”：第 1 户，共 1 户"
keys Escape
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys /
type_text "00000007"
check "the end of a phone number" wait_for "“00000007”：第 1 户，共 1 户"
snap > /dev/null
check "  ...finds Anna张" grep -q "Anna张" "$TMP/screen"
keys Escape
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys /
type_text "没有这个人"
wait_for "“没有这个人”：第 0 户，共 0 户" > /dev/null
check "no match says so" grep -q "没有找到相符的住户" "$TMP/screen"
keys Escape
keys /
type_text "q"
wait_for "“q”" > /dev/null
check "  ...it is searched for" [ "$(tmx display -p -t =t: '#{pane_dead}')" = 0 ]
