#!/bin/sh
# tests/soak/kill.sh [N] - kill juwei at random points while a
# clerk saves through the screen, N times (default 500), and after each
# kill look at what is left:
#   - the file passes PRAGMA integrity_check, and `juwei check` every
#     50 kills (the audit chain and the records against it);
#   - every save the screen acknowledged (已保存) is in the file;
#   - after a hang-up (SIGHUP, as a dropped SSH link sends) what was
#     typed and not saved is in a draft; every draft is valid JSON.
# The kill is SIGKILL or SIGHUP, after a random step of the form and a
# random few milliseconds.  Prints its figures at the end; exits 1 when
# anything was corrupt or lost.  Run by a person, for as long as they
# like: JUWEI=build/normal/juwei sh tests/soak/kill.sh 2000
set -u
JUWEI=${JUWEI:-$PWD/build/normal/juwei}
N=${1:-500}
TMP=$(mktemp -d /tmp/juwei-soak.XXXXXX)
DB=$TMP/soak.db
SOCK=juwei-soak-$$
# A tmux server of its own for each run: a server being killed is never
# the one the next run talks to.
tmx() { tmux -L "$SOCK-$i" -f /dev/null "$@"; }
i=0
trap 'tmx kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
"$JUWEI" demo --db "$DB" --households 200 > /dev/null || { echo "soak: no demo"; exit 1; }
q() { sqlite3 "$DB" "$1"; }

screen() { tmx capture-pane -p -t =t: 2>/dev/null; }
# until TEXT is on the screen (10 s at most)
until_shows() {
	n=0
	until screen | grep -qF -- "$1"; do
		n=$((n + 1))
		[ $n -gt 200 ] && return 1
		sleep 0.05
	done
}
# until the screen shows A or B (10 s at most)
until_either() {
	n=0
	until screen | grep -qF -e "$1" -e "$2"; do
		n=$((n + 1))
		[ $n -gt 200 ] && return 1
		sleep 0.05
	done
}
juwei_pid() { pgrep -P "$(tmx list-panes -t =t: -F '#{pane_pid}' 2>/dev/null)" 2>/dev/null | head -1; }
# A random integer in [0, $1).
rnd() {
	echo $(( $(od -An -N4 -tu4 /dev/urandom) % $1 ))
}

kills=0 hups=0 acked=0 lost=0 corrupt=0 bad_drafts=0 kept_drafts=0 missing_drafts=0 checks=0 check_failed=0
while [ $i -lt "$N" ]; do
	tmx kill-server 2>/dev/null
	i=$((i + 1))
	tmx new-session -d -s t -x 80 -y 24 \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 JUWEI_TODAY=2026-11-22 HOME=$TMP $JUWEI --db $DB; sleep 300"
	# The list, or the form of the last kill's draft, offered at start:
	# this run starts afresh without it.
	until_either "户，共" "保存的草稿" || { echo "soak: juwei did not start ($i)"; screen; exit 1; }
	if screen | grep -qF "保存的草稿"; then
		tmx send-keys -t =t: n
		until_either "户，共" "F2保存"
		screen | grep -qF "F2保存" && tmx send-keys -t =t: Escape
	fi
	until_shows "第 1 户，共" || { echo "soak: no list ($i)"; screen; exit 1; }
	pid=$(juwei_pid)
	stop=$(rnd 7)       # the step after which it is killed
	typed=no
	for step in 0 1 2 3 4 5 6; do
		case $step in
		0) tmx send-keys -t =t: F5; until_shows "新建住户" ;;
		1) tmx send-keys -t =t: Tab ;;
		2) tmx send-keys -t =t: -l "浸泡$i"; typed=yes ;;
		3) tmx send-keys -t =t: Tab Tab Tab Tab Tab Tab Tab Tab Tab ;;
		4) tmx send-keys -t =t: -l "测试人$i" ;;
		5) tmx send-keys -t =t: F2 ;;
		6) until_shows "已保存：浸泡$i" ;;
		esac
		[ "$step" = "$stop" ] && break
	done
	sleep "0.0$(rnd 10)$(rnd 10)"
	sig=KILL
	if [ "$(rnd 2)" = 1 ]; then
		sig=HUP
		hups=$((hups + 1))
	else
		kills=$((kills + 1))
	fi
	kill -"$sig" "$pid" 2>/dev/null
	n=0
	while kill -0 "$pid" 2>/dev/null && [ $n -lt 200 ]; do
		n=$((n + 1))
		sleep 0.05
	done
	saved_screen=$(screen)
	[ "$(q 'PRAGMA integrity_check')" = ok ] || corrupt=$((corrupt + 1))
	in_file=$(q "SELECT count(*) FROM dwelling WHERE compound = '浸泡$i'")
	if printf '%s' "$saved_screen" | grep -qF "已保存：浸泡$i"; then
		acked=$((acked + 1))
		[ "$in_file" = 1 ] || { lost=$((lost + 1)); echo "soak: acknowledged save $i is not in the file"; }
	fi
	[ "$(q 'SELECT count(*) FROM draft WHERE NOT json_valid(data)')" = 0 ] || bad_drafts=$((bad_drafts + 1))
	# A hang-up keeps what was typed: saved, or in a draft.
	if [ "$sig" = HUP ] && [ "$typed" = yes ] && [ "$in_file" = 0 ]; then
		if [ "$(q "SELECT count(*) FROM draft WHERE data LIKE '%浸泡$i%'")" -gt 0 ]; then
			kept_drafts=$((kept_drafts + 1))
		else
			missing_drafts=$((missing_drafts + 1))
			echo "soak: typed text of run $i is neither saved nor in a draft after a hang-up"
		fi
	fi
	if [ $((i % 50)) = 0 ]; then
		checks=$((checks + 1))
		"$JUWEI" check --db "$DB" > /dev/null 2>&1 || { check_failed=$((check_failed + 1)); "$JUWEI" check --db "$DB"; }
		echo "soak: $i kill points so far"
	fi
done
echo "soak: $N kill points ($kills SIGKILL, $hups SIGHUP): $corrupt corrupt, $acked acknowledged saves, $lost lost;" \
	"$kept_drafts hang-ups kept their typing as drafts, $missing_drafts did not; $bad_drafts invalid drafts;" \
	"juwei check $checks times, $check_failed failed"
[ $((corrupt + lost + missing_drafts + bad_drafts + check_failed)) = 0 ]
