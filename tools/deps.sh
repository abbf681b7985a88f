#!/bin/sh
# tools/deps.sh - make sure the Debian packages juwei needs are present.
#
#   sh tools/deps.sh build   libraries to build juwei
#   sh tools/deps.sh check   also what the tests need
#   sh tools/deps.sh bench   also what make bench needs
#
# Missing packages are installed with apt-get when running as root;
# otherwise the exact command is printed and the script fails.
set -u
mode=${1:-build}

missing=""
need_pkg() { # debian-package test-command...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then
		missing="$missing $pkg"
	fi
}
have_pc() {
	command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"
}

find_missing() {
	missing=""
	need_pkg pkg-config command -v pkg-config
	need_pkg libncurses-dev have_pc ncursesw
	need_pkg libsqlite3-dev have_pc sqlite3
	need_pkg libedit-dev have_pc libedit
	need_pkg nettle-dev have_pc nettle
	need_pkg libcrypt-dev have_pc libcrypt
	if [ "$mode" = bench ]; then
		need_pkg time test -x /usr/bin/time
		need_pkg tmux command -v tmux
		need_pkg bsdutils command -v script
	fi
	if [ "$mode" = check ]; then
		need_pkg libcmocka-dev have_pc cmocka
		need_pkg tmux command -v tmux
		need_pkg sqlite3 command -v sqlite3
		need_pkg unicode-data test -f /usr/share/unicode/EastAsianWidth.txt
		need_pkg bzip2 command -v bzcat
	fi
}

find_missing
[ -z "$missing" ] && exit 0

cmd="apt-get install -y$missing"
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "juwei: installing missing packages:$missing"
	export DEBIAN_FRONTEND=noninteractive
	# A fresh machine has no package lists yet; update once, quietly.
	if ! apt-get install -y -q $missing >/dev/null 2>&1; then
		apt-get update -q >/dev/null 2>&1
		apt-get install -y -q $missing || {
			echo "juwei: could not install:$missing" >&2
			exit 1
		}
	fi
	find_missing
	[ -z "$missing" ] && exit 0
	echo "juwei: still missing after apt-get:$missing" >&2
	exit 1
fi
echo "juwei: missing packages:$missing" >&2
if command -v apt-get >/dev/null 2>&1; then
	echo "juwei: install them with:  sudo $cmd" >&2
else
	echo "juwei: install the equivalents of these Debian packages, then run make again" >&2
fi
exit 1
