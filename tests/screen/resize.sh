#!/bin/sh
# Screen: resizing, the too-small notice, the wide layout.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys j j
wait_for "第 3 户，" > /dev/null
tmx resize-window -t =t: -x 60 -y 20
check "below 80x24 a clear notice appears" wait_for "终端窗口太小"
check "  ...with the size it has" wait_for "60x20"
tmx resize-window -t =t: -x 80 -y 24
check "enlarged again, the list comes back" wait_for "1-1-103"
check "  ...with the same household selected" wait_for "第 3 户，"
snap > /dev/null
check "  ...and the F-key bar" sh -c "tail -1 '$TMP/screen' | grep -q F10退出"

tmx resize-window -t =t: -x 120 -y 30
check "at 120 columns the detail sits beside the list" wait_for "家庭成员"
snap > /dev/null
check "  ...for the selected household (张三丰)" grep -q "张三丰" "$TMP/screen"
keys k
check "moving the cursor follows in the detail" wait_for "李娜"
tmx resize-window -t =t: -x 80 -y 24
check "back at 80 columns the detail goes" wait_gone "家庭成员"
keys Enter
check "Enter opens it full-screen" wait_for "家庭成员"
keys Escape
wait_gone "家庭成员" > /dev/null
keys j j
keys Enter
check "欧阳娜娜's ID number is masked" wait_for "110105********002X"
snap > /dev/null
check "  ...the members are listed with relation and age" grep -q "子.*欧阳小明.*男.*46" "$TMP/screen"
keys q
check "q closes the household and goes back to the list" wait_gone "家庭成员"
check "  ...still running" wait_for "F10退出"
keys q
st=$(wait_exit)
check "quits cleanly after resizes ($st)" [ "$st" = 0 ]
