#!/bin/sh
# tools/bench/run.sh - speed figures on a 50,000-household demo (make bench).
# Prints what it measures; it never fails on a number.
set -eu
BUILD=build/normal
db=build/bench-50000.db
small=build/bench-2000.db
make --no-print-directory $BUILD/tools/bench/bench >/dev/null
if [ ! -s "$db" ]; then
	echo "== juwei demo --households 50000"
	/usr/bin/time -f "   %e s elapsed, %M KB peak RSS" ./juwei demo --db "$db" --households 50000 --force
fi
[ -s "$small" ] || ./juwei demo --db "$small" --force > /dev/null
echo "== file: $(du -h "$db" | cut -f1)"
$BUILD/tools/bench/bench "$db"

command -v tmux >/dev/null || { echo "   (tmux missing; first screen not measured)"; exit 0; }
sock=juwei-bench-$$
out=$(mktemp)
for db in "$small" "$db"; do
echo "== first screen of $db: main() to the first full screen at 80x24, in tmux"
for i in 1 2 3 4 5; do
	tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
		"env JUWEI_EXIT_AFTER_FIRST_SCREEN=$out.ms$i LANG=C.UTF-8 /usr/bin/time -f '%e %M' -o $out.$i ./juwei --db $db"
	while tmux -L "$sock" has-session 2>/dev/null; do sleep 0.05; done
done
tmux -L "$sock" kill-server 2>/dev/null || true
for i in 1 2 3 4 5; do
	read -r secs kb < "$out.$i"
	read -r ms < "$out.ms$i"
	echo "   run $i: first screen $ms ms after main(); process $secs s in all (exec to exit); peak RSS $kb KB"
	rm -f "$out.$i" "$out.ms$i"
done
done
rm -f "$out"
