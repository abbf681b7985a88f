# tests/lib.sh - shared by the CLI and screen tests (sourced).
# Prints "ok - NAME" / "not ok - NAME" lines that tests/run.sh counts.
set -u
: "${JUWEI:?run through make check (JUWEI names the binary under test)}"
export LANG=C.UTF-8 LC_ALL=C.UTF-8
export JUWEI_TODAY=2026-11-22
TMP=$(mktemp -d /tmp/juwei-test.XXXXXX)
trap 'cleanup_all' EXIT
cleanup_hooks=""
cleanup_all() {
	for h in $cleanup_hooks; do $h; done
	rm -rf "$TMP"
}

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
# check NAME COMMAND...: ok when the command succeeds.
check() {
	_check_name=$1; shift
	if "$@"; then ok "$_check_name"; else not_ok "$_check_name"; fi
}

# A demo database shared by the tests of one script.
demo_db() { # FILE [ARGS...]
	f=$1; shift
	"$JUWEI" demo --db "$f" "$@" > "$TMP/demo.out" 2>&1
}
