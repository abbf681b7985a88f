#!/bin/sh
# Screen and CLI: a damaged file is said to be damaged, kept read-only
# and never imported into; a file juwei may not write opens to be read;
# opening does not wait for another session's write lock.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"

DB=$TMP/damage.db
demo_db "$DB" --households 300 || echo "not ok - demo for the damage test"
cp "$DB" "$TMP/whole.db"
# One 8 KB page of a table overwritten, as a failing disk leaves it.
dd if=/dev/zero of="$DB" bs=8192 seek=10 count=1 conv=notrunc 2> /dev/null
check "the stock check agrees the file is damaged" sh -c "sqlite3 '$DB' 'PRAGMA quick_check' 2>&1 | grep -qv '^ok$'"

printf '小区,楼栋,单元,室,姓名,与户主关系,性别\n新村,1,1,101,张三,户主,男\n' > "$TMP/in.csv"
before=$(md5sum < "$DB")
"$JUWEI" import households "$TMP/in.csv" --db "$DB" > "$TMP/out" 2>&1
st=$?
check "an import into a damaged file is refused (status $st)" [ "$st" != 0 ]
check "  ...saying it is damaged" grep -q "台账文件已损坏" "$TMP/out"
check "  ...and the file is as it was" [ "$(md5sum < "$DB")" = "$before" ]

start 80 24 --db "$DB"
check "the screen says the file is damaged, soon after it opens" wait_for "台账文件已损坏"
snap > /dev/null
check "  ...marks itself read only" grep -q "［只读］" "$TMP/screen"
check "  ...and offers no key that writes" sh -c "! grep -Eq 'F4修改|F5新建|F7走访|F9导入' '$TMP/screen'"
stop_tmux

# A file this account may not write opens to be read.
RO=$TMP/ro
mkdir -p "$RO"
"$JUWEI" staff add 只读员 --role 社工 --login nobody --db "$TMP/whole.db" > /dev/null 2>&1
cp "$TMP/whole.db" "$RO/r.db"
chmod 755 "$TMP"
if [ "$(id -u)" = 0 ]; then
	command -v setpriv > /dev/null || { echo "ok - a read-only file # SKIP needs setpriv"; exit 0; }
	as() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
else
	chmod 555 "$RO"
	chmod 444 "$RO/r.db"
	as() { "$@"; }
fi
as "$JUWEI" export households --encoding utf-8 --db "$RO/r.db" | head -2 > "$TMP/ro.out"
check "a file that cannot be written is exported all the same" grep -q "小区" "$TMP/ro.out"
as "$JUWEI" import households "$TMP/in.csv" --db "$RO/r.db" > "$TMP/out" 2>&1
check "  ...but not imported into, saying why" grep -q "台账文件不能写入" "$TMP/out"
chmod 755 "$RO"
