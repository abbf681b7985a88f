#!/bin/sh
# Screen: moving through the list with the keyboard, sections, help, quit.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

start 80 24 --db "$DB"
check "opens on the first household" wait_for "第 1 户，共 $TOTAL 户"
keys j
check "j moves down" wait_for "第 2 户，"
keys Down
check "Down moves down" wait_for "第 3 户，"
keys k
check "k moves up" wait_for "第 2 户，"
keys Up Up
check "Up stops at the first row" wait_for "第 1 户，"
keys NPage
# 24 rows: title, column titles, 19 more list rows, status, F-key bar.
check "PgDn moves one page" wait_for "第 21 户，"
keys PPage
check "PgUp moves back" wait_for "第 1 户，"
keys End
check "End goes to the last household" wait_for "第 $TOTAL 户，"
keys j
check "  ...and stays there" wait_for "第 $TOTAL 户，"
keys NPage
check "PgDn at the end stays at the end" wait_for "第 $TOTAL 户，"
keys Up
check "Up from the end" wait_for "第 $((TOTAL - 1)) 户，"
keys Home
check "Home goes back to the first" wait_for "第 1 户，"
check "  ...which is 1-1-101 again" wait_for "1-1-101"

# Walk a page and a half down row by row: the window scrolls.
n=0
while [ $n -lt 30 ]; do keys j; n=$((n + 1)); done
check "30 steps down reach row 31" wait_for "第 31 户，"
snap > /dev/null
check "  ...and the first rows have scrolled away" sh -c "! grep -q 1-1-101 '$TMP/screen'"

keys 2
check "2 switches to the visit list" wait_for "条走访"
keys 3
check "3 switches to the mediation cases" wait_for "调解案件"
keys 4
check "4 switches to the meetings" wait_for "议事协商"
keys 6
check "6 switches to Today" wait_for "逾期未走访"
keys 1
check "1 comes back to the list where it was" wait_for "第 31 户，"

keys F1
check "F1 shows the keys of the screen" wait_for "本屏按键"
snap > /dev/null
check "  ...drawn from the bindings (/ and F3 search)" grep -q "F3 /" "$TMP/screen"
keys Escape
check "Esc closes the help" wait_gone "本屏按键"
keys '?'
check "? shows the help too" wait_for "本屏按键"
keys F1
check "F1 closes it" wait_gone "本屏按键"

keys q
st=$(wait_exit)
check "q quits with status 0 ($st)" [ "$st" = 0 ]

start 80 24 --db "$DB"
wait_for "第 1 户" > /dev/null
keys F10
st=$(wait_exit)
check "F10 quits with status 0 ($st)" [ "$st" = 0 ]
