#!/bin/sh
# Screen: the household list lines up by display columns for names of
# every length and script; hostile data shows as harmless text.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

start 80 24 --db "$DB"
check "the list opens on the fixture" wait_for "1-1-101"
snap > /dev/null
check "the section column shows all six sections" \
	grep -q "住户" "$TMP/screen"
for s in 走访 调解 议事 统计 今日; do
	grep -q "$s" "$TMP/screen" || not_ok "section $s missing"
done
check "the F-key bar is Chinese and drawn from the bindings" grep -q "F1帮助.*F3搜索.*F10退出" "$TMP/screen"

# same_column NAME NEEDLE...: every needle starts at one display column
# (counting matches left of column $BEFORE only, when it is set).
same_column() {
	label=$1; shift
	cols=""
	for n in "$@"; do
		c=$("$JUWEI_TOOLS/colof" "$n" ${BEFORE:-} < "$TMP/screen" | head -1)
		[ -n "$c" ] || { not_ok "$label: '$n' not on screen"; return; }
		cols="$cols $c"
	done
	first=${cols# }; first=${first%% *}
	for c in $cols; do
		[ "$c" = "$first" ] || { not_ok "$label: columns differ:$cols"; return; }
	done
	ok "$label line up at column $first"
}
same_column "door numbers" 1-1-101 1-1-102 1-1-103 1-1-104 1-1-105 1-1-106 1-1-107 1-1-108
same_column "phones after heads of 1-4 characters, Latin and mixed" \
	"139****0001" "139****0002" "139****0003" "139****0004" "139****0005" "139****0006" "139****0007" "139****0008"
same_column "heads" "王 " "李娜" "张三丰" "欧阳娜娜" "Li Lei" "阿依古" "Anna张"
check "a name too long for its column ends in an ellipsis" grep -q "阿依古…" "$TMP/screen"

# Hostile data: visible placeholders, the frame intact, title unchanged.
check "ESC in a name shows as ^[" grep -qF "E^[[2J" "$TMP/screen"
check "invalid UTF-8 shows as U+FFFD" grep -q "�" "$TMP/screen"
check "the title bar is still there" sh -c "head -1 '$TMP/screen' | grep -q 居委"
check "the F-key bar is still there" sh -c "tail -1 '$TMP/screen' | grep -q F10退出"
check "the terminal title was not changed" [ "$(tmx display -p -t =t: '#{pane_title}')" != "pwned" ]

# Open the hostile household's detail: its notes are hostile too.
check "the status line shows the position" wait_for "第 1 户，共 $TOTAL 户"
for k in 1 2 3 4 5 6 7; do keys j; done
check "the cursor reaches the eighth row" wait_for "第 8 户"
keys Enter
check "Enter opens the detail" wait_for "家庭成员"
snap > /dev/null
check "hostile notes are shown as text" grep -qF "note^[]0;title^G^[[31mRED" "$TMP/screen"
check "  ...and the title is still ours" [ "$(tmx display -p -t =t: '#{pane_title}')" != "title" ]
keys Escape
check "Esc goes back to the list" wait_gone "家庭成员"

# Wide: the list beside the detail still lines up, and so do members.
tmx resize-window -t =t: -x 120 -y 30
check "at 120x30 the detail pane opens beside the list" wait_for "家庭成员"
keys Home
wait_for "第 1 户，" > /dev/null
snap > /dev/null
BEFORE=69 # the list; the detail pane starts further right
same_column "door numbers at 120 columns" 1-1-101 1-1-102 1-1-103 1-1-104 1-1-105 1-1-106 1-1-107 1-1-108
same_column "heads at 120 columns" "王 " "李娜" "张三丰" "欧阳娜娜" "Li Lei" "阿依古" "Anna张"
keys j j j
check "the detail follows to 欧阳娜娜's household" wait_for "欧阳小明"
snap > /dev/null
BEFORE=
same_column "members' relations, names and sexes" "户主     欧阳娜娜" "子       欧阳小明"
a=$("$JUWEI_TOOLS/colof" "女 " < "$TMP/screen" | tail -1)
b=$("$JUWEI_TOOLS/colof" "男 " < "$TMP/screen" | tail -1)
check "  ...the sex column lines up after names of 4 characters ($a, $b)" [ -n "$a" -a "$a" = "$b" ]
