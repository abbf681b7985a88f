#!/bin/sh
# CLI contract: --help, --version, demo, and refusing bad database paths.
. "$(dirname "$0")/../lib.sh"

out=$TMP/out; err=$TMP/err

"$JUWEI" --help > "$out" 2> "$err"
check "--help exits 0 and shows the usage" [ $? -eq 0 ]
check "--help mentions demo and --db" grep -q -- "--db" "$out"

"$JUWEI" --version > "$out" 2> "$err"
check "--version prints the version" grep -Eq '^juwei [0-9]+\.[0-9]+\.[0-9]+$' "$out"

"$JUWEI" --bogus > "$out" 2> "$err"
rc=$?
check "an unknown option is refused with status 2" [ $rc -eq 2 ]
check "the refusal is one line on stderr" [ "$(wc -l < "$err")" -eq 1 ]

"$JUWEI" demo --households abc > "$out" 2> "$err"
check "--households must be a number" [ $? -eq 2 ]

# The demo community.
db=$TMP/demo.db
demo_db "$db"
check "juwei demo creates the default community" [ $? -eq 0 ]
q() { sqlite3 "$db" "$1"; }
check "2000 households" [ "$(q 'SELECT count(*) FROM household')" -eq 2000 ]
n=$(q 'SELECT count(*) FROM resident')
check "about 5500 residents ($n)" [ "$n" -ge 5000 -a "$n" -le 6000 ]
g=$(q 'SELECT count(*) FROM grid')
check "about 10 grids ($g)" [ "$g" -ge 8 -a "$g" -le 12 ]
check "stock sqlite3: integrity_check is ok" [ "$(q 'PRAGMA integrity_check')" = ok ]
check "stock sqlite3: foreign_key_check is clean" [ -z "$(q 'PRAGMA foreign_key_check')" ]
check "visits, cases and meetings exist" \
	[ "$(q 'SELECT (SELECT count(*) FROM visit) > 100 AND (SELECT count(*) FROM mediation_case) >= 20 AND (SELECT count(*) FROM meeting) >= 10')" = 1 ]
check "no leftover temporary file" [ ! -e "$db.new" ]

sum=$(cksum < "$db")
"$JUWEI" demo --db "$db" > "$out" 2> "$err"
rc=$?
check "demo refuses a database that holds data" [ $rc -eq 1 ]
check "  ...with one line on stderr" [ "$(wc -l < "$err")" -eq 1 ]
check "  ...and leaves it untouched" [ "$(cksum < "$db")" = "$sum" ]
"$JUWEI" demo --db "$db" --force --households 30 > "$out" 2> "$err"
rc=$?
check "demo --force replaces it" [ $rc -eq 0 -a "$(q 'SELECT count(*) FROM household')" -eq 30 ]

# Deterministic for a seed.
"$JUWEI" demo --db "$TMP/a.db" --households 60 --seed 7 > /dev/null 2>&1
"$JUWEI" demo --db "$TMP/b.db" --households 60 --seed 7 > /dev/null 2>&1
"$JUWEI" demo --db "$TMP/c.db" --households 60 --seed 8 > /dev/null 2>&1
dump() { sqlite3 "$1" "SELECT name, id_number, birth_date, phone FROM resident ORDER BY id"; }
check "the same seed gives the same community" [ "$(dump "$TMP/a.db")" = "$(dump "$TMP/b.db")" ]
check "another seed gives another community" [ "$(dump "$TMP/a.db")" != "$(dump "$TMP/c.db")" ]

# Database paths: --db, then $JUWEI_DB, then $XDG_DATA_HOME.
JUWEI_DB=$TMP/env.db "$JUWEI" demo --households 3 > /dev/null 2>&1
check "\$JUWEI_DB names the database" [ -s "$TMP/env.db" ]
XDG_DATA_HOME=$TMP/xdg "$JUWEI" demo --households 3 > /dev/null 2>&1
check "\$XDG_DATA_HOME/juwei/juwei.db, directories created" [ -s "$TMP/xdg/juwei/juwei.db" ]

# Files that are not ours are refused, untouched, with one clear line.
refused() { # NAME FILE
	before=$(cksum < "$2")
	"$JUWEI" --db "$2" < /dev/null > "$out" 2> "$err"
	rc=$?
	check "$1: exit status 1" [ $rc -eq 1 ]
	check "$1: one line on stderr" [ "$(wc -l < "$err")" -eq 1 ]
	check "$1: file untouched" [ "$(cksum < "$2")" = "$before" ]
	check "$1: no -wal beside it" [ ! -e "$2-wal" ]
}
printf '姓名,身份证号\n张三,11010519491231002X\n' > "$TMP/register.csv"
refused "a CSV file" "$TMP/register.csv"
sqlite3 "$TMP/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
refused "another program's SQLite file" "$TMP/other.db"
cp "$TMP/a.db" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" "PRAGMA user_version = 999"
refused "a schema newer than the program" "$TMP/newer.db"
grep -q 999 "$err" || grep -q "newer\|更新" "$err"
check "  ...the message says to upgrade" [ $? -eq 0 ]

"$JUWEI" --db "$TMP/no/such/dir/x.db" < /dev/null > "$out" 2> "$err"
rc=$?
check "a path that cannot be created: status 1, one line" [ $rc -eq 1 -a "$(wc -l < "$err")" -eq 1 ]
check "  ...nothing created" [ ! -e "$TMP/no" ]
"$JUWEI" demo --db "$TMP/no/such/dir/x.db" > "$out" 2> "$err"
rc=$?
check "demo into a path that cannot be created: status 1, one line" [ $rc -eq 1 -a "$(wc -l < "$err")" -eq 1 ]
check "  ...naming the path the user gave" grep -q "dir/x.db（" "$err"

# A file this user may not write opens to be read (tests/screen/damage.sh
# reads and exports one), and is not touched.  Root may write anything,
# so as root the check runs as nobody.
ro=$TMP/ro; mkdir -p "$ro"; cp "$TMP/a.db" "$ro/a.db"; chmod 755 "$TMP" "$ro"; chmod 444 "$ro/a.db"
as_user() { "$@"; }
if [ "$(id -u)" = 0 ]; then
	if id nobody > /dev/null 2>&1 && command -v setpriv > /dev/null; then
		as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
	else
		as_user() { return 99; }
	fi
fi
before=$(cksum < "$ro/a.db")
as_user "$JUWEI" --db "$ro/a.db" < /dev/null > "$out" 2> "$err"
rc=$?
if [ $rc -eq 99 ]; then
	echo "ok - a read-only file opens to be read # SKIP no unprivileged user to run as"
else
	check "a read-only file opens: only the missing terminal stops it, in one line" \
		[ $rc -eq 1 -a "$(wc -l < "$err")" -eq 1 ]
	check "  ...not its permissions" grep -q "终端" "$err"
	check "  ...untouched" [ "$(cksum < "$ro/a.db")" = "$before" -a ! -e "$ro/a.db-wal" ]
fi

# Names SQLite keeps for databases that vanish on close are refused,
# so nothing a clerk saves can go into one.
for dbname in "" ":memory:"; do
	(cd "$TMP" && "$JUWEI" --db "$dbname" < /dev/null > "$out" 2> "$err")
	rc=$?
	check "--db \"$dbname\" is refused: status 1, one line" [ $rc -eq 1 -a "$(wc -l < "$err")" -eq 1 ]
	check "  ...saying why" grep -q "不能作数据库文件名" "$err"
	(cd "$TMP" && "$JUWEI" demo --db "$dbname" > "$out" 2> "$err")
	rc=$?
	left=$(ls -A "$TMP" | grep -c -e '^:memory:' -e '^\.new$')
	check "demo --db \"$dbname\" is refused too, writing nothing" [ $rc -eq 1 -a "$left" -eq 0 ]
done

"$JUWEI" --db "$TMP/a.db" < /dev/null > "$out" 2> "$err"
rc=$?
check "without a terminal: a clear message, status 1, no crash" [ $rc -eq 1 -a "$(wc -l < "$err")" -eq 1 ]

# Stock sqlite3 reads; writes without juwei_user() are refused.
sqlite3 "$TMP/a.db" "UPDATE household SET phone = NULL WHERE id = 1" > "$out" 2> "$err"
check "stock sqlite3 cannot write unattributed changes" grep -q "no such function: juwei_" "$err"
