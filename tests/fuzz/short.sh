#!/bin/sh
# tests/fuzz/short.sh - in `make check`: every fuzz target a few seconds
# (FUZZ_SECONDS) under libFuzzer, from its corpus, when clang is here;
# the replay of the corpora runs in every build anyway.  Writes
# build/results-fuzz.txt for tests/summary.sh.
set -u
results=build/results-fuzz.txt
log=build/log-fuzz
mkdir -p "$log"
if ! command -v clang > /dev/null; then
	echo "0 0 1" > "$results"
	echo "fuzz: 0 passed, 0 failed, 1 skipped (no clang: apt-get install clang)"
	exit 0
fi
pass=0
fail=0
if ! sh tests/fuzz/libfuzzer.sh > "$log/run.out" 2>&1; then
	fail=1
	tail -30 "$log/run.out"
fi
for t in tests/fuzz/fuzz_*.c; do
	n=$(basename "$t" .c)
	if grep -q "^Done [0-9]* runs" "$log/$n.out" 2>/dev/null && ! grep -q "ERROR: \\|SUMMARY: " "$log/$n.out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "--- $n under libFuzzer:"
		tail -20 "$log/$n.out" 2>/dev/null
	fi
done
echo "$pass $fail 0" > "$results"
echo "fuzz: $pass passed, $fail failed, 0 skipped"
