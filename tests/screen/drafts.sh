#!/bin/sh
# Screen: work in a form survives a dropped link (SIGHUP) as a draft
# that the next session offers back; two sessions saving the same
# household end in a conflict prompt, never in a lost update.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
# The juwei process inside the pane of session S (its shell's child).
juwei_pid() { pgrep -P "$(tmx display -p -t "=$1:" '#{pane_pid}')" -f juwei | head -1; }

# ---- a hang-up in the middle of a form ----
start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys F5
wait_for "新建住户" > /dev/null
keys Tab; type_text "断线小区"
keys Tab; type_text "7"
check "typing shows in the form" wait_for "断线小区"
pid=$(juwei_pid t)
kill -HUP "$pid"
check "juwei exits on SIGHUP" exited
check "  ...keeping the form as a draft" \
	test "$(q "SELECT json_extract(data, '\$.compound') || json_extract(data, '\$.building')
		   FROM draft WHERE form = 'household'")" = "断线小区7"

start 80 24 --db "$DB"
check "the next session offers the draft back" wait_for "恢复草稿"
keys Enter
check "  ...and restores what was typed" wait_for "断线小区"
check "  ...into the same form" wait_for "新建住户（已修改）"
keys Tab Tab Tab Tab; type_text "101"
keys Tab Tab Tab Tab Tab Tab; type_text "钱多多"
keys F2
check "the restored form saves" wait_for "已保存：断线小区 7-101"
check "  ...and the draft is gone" test "$(q "SELECT count(*) FROM draft")" = 0
keys F10
wait_exit > /dev/null

# ---- a killed terminal loses at most the last few seconds ----
start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys F5
wait_for "新建住户" > /dev/null
keys Tab; type_text "定时草稿"
# The draft is written on a timer while the form is idle: wait for it
# in the database, not for a fixed time.
saved=no
i=0
while [ $i -lt 200 ]; do
	[ "$(q "SELECT json_extract(data, '\$.compound') FROM draft WHERE form = 'household'")" = 定时草稿 ] && { saved=yes; break; }
	i=$((i + 1))
	sleep 0.05
done
check "an idle form's draft is written within seconds" test $saved = yes
kill -KILL "$(juwei_pid t)"
start 80 24 --db "$DB"
check "  ...and offered after the terminal was killed" wait_for "恢复草稿"
keys Escape
check "  ...dropping it goes back to the list" wait_for "第 1 户，共"
check "  ...and deletes it" test "$(q "SELECT count(*) FROM draft")" = 0
keys F10
wait_exit > /dev/null

# ---- two sessions, one household ----
# on SESSION TEXT: wait (20 s at most: a loaded machine, an ASan build)
# until the screen of SESSION shows TEXT; say so when it never does.
on() {
	i=0
	until tmx capture-pane -p -t "=$1:" 2>/dev/null | grep -qF -- "$2"; do
		i=$((i + 1))
		if [ $i -gt 400 ]; then
			not_ok "session $1 never showed: $2"
			return 1
		fi
		sleep 0.05
	done
}
# Each step waits for the screen it needs, so keys never reach a juwei
# that is still starting or a screen that is not there yet.
open_household() { # SESSION
	on "$1" "第 1 户，共"
	tmx send-keys -t "=$1:" /; on "$1" "搜索："
	tmx send-keys -t "=$1:" -l "钱多多"; on "$1" "搜索：钱多多"
	tmx send-keys -t "=$1:" Enter; on "$1" "F4修改"
	tmx send-keys -t "=$1:" F4; on "$1" "修改住户：断线小区 7-101"
}
start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
tmx new-session -d -s u -x 80 -y 24 \
	"env LANG=C.UTF-8 LC_ALL=C.UTF-8 JUWEI_TODAY=$JUWEI_TODAY HOME=$TMP $JUWEI --db $DB"
open_household t
open_household u
# The first clerk changes the phone and saves.
keys Tab Tab Tab Tab Tab Tab Tab; type_text "13700001111"; keys F2
check "the first clerk saves" wait_for "已保存"
# The second, still holding the old version, changes the notes.
tmx send-keys -t =u: Tab Tab Tab Tab Tab Tab Tab Tab Tab Tab; tmx send-keys -t =u: -l "第二位的备注"; tmx send-keys -t =u: F2
# second_has TEXT: like on u TEXT (20 s at most), keeping the screen.
second_has() {
	i=0
	while [ $i -lt 400 ]; do
		tmx capture-pane -p -t =u: > "$TMP/screen2"
		grep -qF -- "$1" "$TMP/screen2" && return 0
		i=$((i + 1)); sleep 0.05
	done
	sed 's/^/# | /' "$TMP/screen2"
	return 1
}
check "the second clerk gets a conflict prompt" second_has "别人已保存过这条记录"
check "  ...saying what the other changed" second_has "电话：- → 13700001111"
check "  ...and nothing was overwritten" test "$(q "SELECT h.phone || '/' || coalesce(h.notes, '') FROM household h
	JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '断线小区'")" = "13700001111/"
tmx send-keys -t =u: r
check "r reloads the record as saved now" second_has "13700001111"
tmx send-keys -t =u: -l "再写备注"; tmx send-keys -t =u: F2
check "  ...and then saves on top of it" second_has "已保存"
check "both changes are kept" test "$(q "SELECT h.phone || '/' || h.notes FROM household h
	JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '断线小区'")" = "13700001111/再写备注"
