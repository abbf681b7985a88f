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

# What one cursor move sends to the terminal: juwei under script(1),
# which records every byte, ten presses of j at 80x24 and at 120x30.
command -v script >/dev/null || { echo "   (script missing; bytes per move not measured)"; exit 0; }
ts=$(mktemp)
tmux -L "$sock" -f /dev/null new-session -d -x 80 -y 24 \
	"env LANG=C.UTF-8 script -q -f -c './juwei --db $small' $ts"
settle() { # wait until the typescript stops growing
	prev=-1
	while [ "$(stat -c %s "$ts")" != "$prev" ]; do
		prev=$(stat -c %s "$ts")
		sleep 0.2
	done
}
for size in 80x24 120x30; do
	tmux -L "$sock" resize-window -x "${size%x*}" -y "${size#*x}"
	settle
	before=$(stat -c %s "$ts")
	for i in 1 2 3 4 5 6 7 8 9 10; do tmux -L "$sock" send-keys j; done
	settle
	echo "== moving the cursor one row at $size: $(( ($(stat -c %s "$ts") - before) / 10 )) bytes to the terminal"
done
# Quit juwei itself: script(1) outlives a killed tmux and would keep it.
tmux -L "$sock" send-keys q
i=0
while tmux -L "$sock" has-session 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
tmux -L "$sock" kill-server 2>/dev/null || true
rm -f "$ts"

# Import: the 50,000-household register exported to CSV (GB18030, whole
# ID numbers) and read as `juwei import` does it: first its first third
# into a new database, to show that memory does not grow with the file
# (past the import's page cache of 16 MB, which a small file does not
# fill); then the other two thirds into that database, which already
# holds a register; then all of it into a new database.
csv=build/bench-50000.csv
part=build/bench-part.csv
rest=build/bench-rest.csv
imp=build/bench-import.db
./juwei export households --db "$db" --full --out "$csv" 2> /dev/null
third=$(($(wc -l < "$csv") / 3))
head -n "$third" "$csv" > "$part"
{ head -n 1 "$csv"; tail -n +"$((third + 1))" "$csv"; } > "$rest"
run_import() { # FILE WHAT
	echo "== import of $(du -h "$1" | cut -f1) CSV ($(($(wc -l < "$1") - 1)) rows) $2"
	/usr/bin/time -f "   %e s elapsed, %M KB peak RSS" ./juwei import households "$1" --db "$imp"
}
rm -f "$imp" "$imp-wal" "$imp-shm"
run_import "$part" "into a new database"
run_import "$rest" "into that database, after the first third"
rm -f "$imp" "$imp-wal" "$imp-shm"
run_import "$csv" "into a new database"
rm -f "$imp" "$imp-wal" "$imp-shm" "$csv" "$part" "$rest"
