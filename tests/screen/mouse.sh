#!/bin/sh
# Screen: the mouse.  A click selects a row or opens a section, the
# wheel scrolls.  Events are typed as the X10 mouse sequences a
# terminal sends (ESC [ M button column row, each plus 32).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

# mouse BUTTON X Y: 0-based cell; button 0 is the left one, 3 a
# release, 64 and 65 the wheel up and down.
mouse() {
	b=$(printf "\\$(printf %o $(($1 + 32)))")
	x=$(printf "\\$(printf %o $(($2 + 33)))")
	y=$(printf "\\$(printf %o $(($3 + 33)))")
	tmx send-keys -t =t: -l "$(printf '\033[M')$b$x$y"
}

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
# Row 0 is the title, row 1 the column titles: the fifth household is row 6.
mouse 0 20 6; mouse 3 20 6
check "a click selects the row under it" wait_for "第 5 户，"
mouse 65 20 10
check "the wheel down moves on" wait_for "第 6 户，"
mouse 64 20 10
mouse 64 20 10
check "the wheel up moves back" wait_for "第 4 户，"
# "2 走访" is drawn on row 4 of the section column.
mouse 0 2 4; mouse 3 2 4
check "a click on a section opens it" wait_for "条走访"
mouse 0 2 2; mouse 3 2 2
check "a click on 住户 comes back" wait_for "第 4 户，"
