# tests/screen/lib/tmux.sh - drive the real juwei in a private tmux server.
# Sourced after tests/lib.sh.  Nothing here sleeps to synchronise: each
# step waits until the screen shows what it expects (or times out).
SOCK=juwei-test-$$
tmx() { tmux -L "$SOCK" -f "$TMP/tmux.conf" "$@"; }
printf '%s\n' 'set -g status off' 'set -g remain-on-exit on' \
	'set -g default-terminal screen' 'set -g history-limit 0' > "$TMP/tmux.conf"
# The server goes, and with it every juwei it ran: wait for them (an
# ASan build may still be reporting) and make sure none is left behind.
stop_tmux() {
	_pids=""
	for _p in $(tmx list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		_pids="$_pids $_p $(pgrep -P "$_p" | tr '\n' ' ')"
	done
	tmx kill-server 2>/dev/null
	for _p in $_pids; do
		_i=0
		while kill -0 "$_p" 2>/dev/null && [ $_i -lt 100 ]; do
			_i=$((_i + 1))
			sleep 0.05
		done
		pkill -9 -P "$_p" 2>/dev/null
		kill -9 "$_p" 2>/dev/null
	done
	return 0
}
cleanup_hooks="$cleanup_hooks stop_tmux"

# start COLS ROWS ARGS... : juwei ARGS in a fresh window of that size.
# A shell around it writes its exit status to $TMP/exit.status: tmux
# itself can miss the status of a child that exits while it is busy.
start() {
	cols=$1 rows=$2; shift 2
	stop_tmux
	rm -f "$TMP/exit.status"
	tmx new-session -d -s t -x "$cols" -y "$rows" \
		"env LANG=C.UTF-8 LC_ALL=C.UTF-8 JUWEI_TODAY=$JUWEI_TODAY HOME=$TMP EDITOR=${TEST_EDITOR:-false} sh -c '$JUWEI $*; echo \$? > $TMP/exit.status'"
}
snap() { tmx capture-pane -p -t =t: > "$TMP/screen"; cat "$TMP/screen"; }
keys() { tmx send-keys -t =t: "$@"; }
# Type text literally (Chinese included).
type_text() { tmx send-keys -t =t: -l "$1"; }

# wait_screen has|lacks TEXT: poll the screen (15 s at most: a loaded
# machine, an ASan build) until it has, or no longer has, TEXT; on
# time-out show what it had.
wait_screen() {
	i=0
	while [ $i -lt 300 ]; do
		tmx capture-pane -p -t =t: > "$TMP/screen" 2>/dev/null
		if grep -qF -- "$2" "$TMP/screen"; then
			[ "$1" = has ] && return 0
		else
			[ "$1" = lacks ] && return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	echo "# timed out: the screen still $( [ "$1" = has ] && echo lacks || echo has ): $2"
	sed 's/^/# | /' "$TMP/screen"
	return 1
}
wait_for() { wait_screen has "$1"; }
# wait_cursor X: until the terminal's cursor is in column X.
wait_cursor() {
	i=0
	while [ $i -lt 100 ]; do
		[ "$(tmx display -p -t =t: '#{cursor_x}')" = "$1" ] && return 0
		i=$((i + 1))
		sleep 0.05
	done
	echo "# timed out: the cursor is in column $(tmx display -p -t =t: '#{cursor_x}'), not $1"
	return 1
}
wait_gone() { wait_screen lacks "$1"; }
# wait_exit: until juwei has exited; prints its status.
wait_exit() {
	i=0
	while [ $i -lt 100 ]; do
		if [ -s "$TMP/exit.status" ]; then
			cat "$TMP/exit.status"
			return 0
		fi
		i=$((i + 1))
		sleep 0.05
	done
	echo "# timed out waiting for juwei to exit" >&2
	tmx capture-pane -p -t =t: | sed 's/^/# | /' >&2
	return 1
}
# exited: wait_exit without printing the status (for check).
exited() { wait_exit > /dev/null; }
# Line N (1-based) of the last snapshot.
line() { sed -n "${1}p" "$TMP/screen"; }
