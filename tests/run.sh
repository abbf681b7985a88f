#!/bin/sh
# tests/run.sh BUILD - run every test against one build (build/normal or
# build/asan) and write "PASSED FAILED" to build/results-NAME.txt.
#
#   unit tests   BUILD/tests/test_*   (cmocka, TAP output: one count per test)
#   fuzz replay  BUILD/tests/fuzz_*   (one count per target)
#   CLI, screen  tests/cli/*.sh, tests/screen/*.sh  ("ok"/"not ok" lines)
set -u
BUILD=$1
name=$(basename "$BUILD")
results=build/results-$name.txt
log=build/log-$name
rm -rf "$log"
mkdir -p "$log"
pass=0
fail=0
skipped=0

export JUWEI="$PWD/$BUILD/juwei"
export JUWEI_TOOLS="$PWD/$BUILD/tests/tools"
export JUWEI_SRC="$PWD"
export JUWEI_BUILD="$name"
# Sanitizer reports go to files the tests look for, not to the screen.
export ASAN_OPTIONS="abort_on_error=0:detect_leaks=1:log_path=$PWD/$log/asan"
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$PWD/$log/ubsan"
unset JUWEI_DB JUWEI_LANG XDG_CONFIG_HOME

# Count "ok" / "not ok" lines of a TAP-ish output file; a script that
# exits non-zero without saying "not ok" still counts as one failure.
count() { # file status label
	# cmocka writes a skipped test as "not ok N # SKIP".
	p=$(grep '^ok ' "$1" | grep -vc '# SKIP')
	s=$(grep -E '^(not )?ok ' "$1" | grep -c '# SKIP')
	f=$(grep '^not ok ' "$1" | grep -vc '# SKIP')
	skipped=$((skipped + s))
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $3 exited with status $2" >> "$1"
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
		f=1
		echo "not ok - $3 ran no test" >> "$1"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -gt 0 ]; then
		echo "--- $3 [$name]: $f failed"
		grep -v '^ok ' "$1" | tail -60
	else
		echo "$3 [$name]: $p passed"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$(basename "$t")
	CMOCKA_MESSAGE_OUTPUT=TAP "$t" > "$log/$n.out" 2>&1
	count "$log/$n.out" $? "$n"
done

for t in "$BUILD"/tests/fuzz_*; do
	[ -x "$t" ] || continue
	n=$(basename "$t")
	corpus=tests/fuzz/corpus/${n#fuzz_}
	if "$t" "$corpus" > "$log/$n.out" 2>&1; then
		echo "ok - $n replayed its corpus and generated inputs" >> "$log/$n.out"
		count "$log/$n.out" 0 "$n"
	else
		count "$log/$n.out" 1 "$n"
	fi
done

for s in tests/cli/*.sh tests/screen/*.sh; do
	[ -f "$s" ] || continue
	n=$(basename "$s" .sh)
	sh "$s" > "$log/$n.out" 2>&1
	count "$log/$n.out" $? "$n"
done

# Any sanitizer report, from any process, is a failure.
for r in "$log"/asan* "$log"/ubsan*; do
	[ -f "$r" ] || continue
	echo "--- sanitizer report $r:"
	head -30 "$r"
	fail=$((fail + 1))
done

echo "$pass $fail $skipped" > "$results"
echo "$name: $pass passed, $fail failed, $skipped skipped"
