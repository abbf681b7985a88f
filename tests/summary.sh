#!/bin/sh
# tests/summary.sh NAME... - add up build/results-NAME.txt and print the
# closing line.  A build whose results are missing did not build or run:
# that is a failure too.
pass=0
fail=0
skipped=0
for n in "$@"; do
	f=build/results-$n.txt
	if [ -f "$f" ]; then
		read p x s < "$f"
		pass=$((pass + p))
		fail=$((fail + x))
		skipped=$((skipped + ${s:-0}))
	else
		echo "$n: the build or the test run failed before any result"
		fail=$((fail + 1))
	fi
done
echo "$pass passed, $fail failed, $skipped skipped"
[ "$fail" -eq 0 ]
