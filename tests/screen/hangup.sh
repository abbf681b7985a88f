#!/bin/sh
# Screen: when the terminal goes away (an SSH link dropped), juwei exits
# instead of spinning on a dead terminal -- also when no SIGHUP reaches
# it.  perl (perl-base, always on Debian) blocks the signals before
# juwei starts, so only the dead terminal can tell it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

# gone PID: until the process has exited (5 s at most).
gone() {
	i=0
	while [ $i -lt 100 ]; do
		kill -0 "$1" 2>/dev/null || return 0
		i=$((i + 1))
		sleep 0.05
	done
	kill -9 "$1" 2>/dev/null
	return 1
}

for blocked in "" "SIGHUP, SIGTERM"; do
	tmx kill-server 2>/dev/null
	tmx new-session -d -s t -x 80 -y 24 "env LANG=C.UTF-8 HOME=$TMP perl -MPOSIX -e \
		'sigprocmask(SIG_BLOCK, POSIX::SigSet->new($blocked)) if \"$blocked\"; exec @ARGV' \
		$JUWEI --db $DB"
	wait_for "第 1 户，共 $TOTAL 户" > /dev/null
	pid=$(tmx display -p -t =t: '#{pane_pid}')
	tmx kill-server
	check "juwei exits when its terminal goes${blocked:+ (with $blocked blocked)}" gone "$pid"
done
