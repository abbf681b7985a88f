#!/bin/sh
# CLI: `make install SHARED=1` into a scratch prefix.  A staff account
# outside the group uses juwei, but cannot open the register with
# sqlite3; what juwei writes for it (an export) is its own, not the
# group's; and no option or variable sends juwei to another file.
# Needs root (a group and an account are made for the test).
. "$(dirname "$0")/../lib.sh"

skip() { echo "ok - setgid install # SKIP $*"; exit 0; }
[ "$(id -u)" = 0 ] || skip "needs root to make a group and an account"
for t in groupadd useradd userdel groupdel setpriv; do
	command -v "$t" > /dev/null || skip "needs $t"
done
case ",$(findmnt -no OPTIONS -T "$TMP" 2>/dev/null)," in
*,nosuid,*) skip "$TMP is mounted nosuid" ;;
esac
: "${JUWEI_SRC:?run through make check}"
# The install relinks the objects of the build under test: once, on the
# plain build (a sanitized one would need its flags at the link too).
[ "${JUWEI_BUILD:-}" = normal ] || skip "tested on the normal build"

group=jwg$$
user=jwu$$
groupadd "$group" || skip "groupadd failed"
useradd -M -N -g users -s /bin/sh "$user" || { groupdel "$group"; skip "useradd failed"; }
cleanup_accounts() { userdel "$user" 2>/dev/null; groupdel "$group" 2>/dev/null; }
cleanup_hooks="$cleanup_hooks cleanup_accounts"
chmod 755 "$TMP"
prefix=$TMP/prefix
dir=$TMP/var/juwei
mkdir -p "$TMP/var" "$TMP/home"
chown "$user:users" "$TMP/home"

make -C "$JUWEI_SRC" --no-print-directory install SHARED=1 BUILD="build/$JUWEI_BUILD" PREFIX="$prefix" \
	SHARED_DIR="$dir" GROUP="$group" > "$TMP/install.out" 2>&1
st=$?
check "make install SHARED=1 into a scratch prefix (status $st)" [ "$st" = 0 ]
bin=$prefix/bin/juwei
check "  ...juwei is setgid to the group" sh -c "[ -g '$bin' ] && [ \"\$(stat -c %G '$bin')\" = '$group' ]"
check "  ...its directory the group's alone" sh -c "[ \"\$(stat -c %a:%G '$dir')\" = '2770:$group' ]"

# The first 主任 (root here) names the staff; the account is a 社工.
"$bin" staff add 主任甲 --role 主任 --login root > /dev/null 2>&1
"$bin" staff add 社工乙 --role 社工 --login "$user" > "$TMP/out" 2>&1
check "the 主任 adds the account as staff" grep -q "已保存：社工乙" "$TMP/out"

as_user() { setpriv --reuid="$user" --regid=users --clear-groups env HOME="$TMP/home" "$@"; }
as_user "$bin" export households --out "$TMP/home/h.csv" > "$TMP/out" 2>&1
st=$?
check "a staff account outside the group exports through juwei (status $st)" [ "$st" = 0 ]
check "  ...and the export is its own, not the group's" \
	sh -c "[ \"\$(stat -c %U:%G '$TMP/home/h.csv')\" = '$user:users' ]"
as_user sqlite3 "$dir/juwei.db" "SELECT count(*) FROM staff" > "$TMP/out" 2>&1
st=$?
check "  ...but sqlite3 cannot open the register for it (status $st)" [ "$st" != 0 ]
as_user cat "$dir/juwei.db" > /dev/null 2>&1
check "  ...nor read the file at all" [ $? != 0 ]
as_user "$bin" export households --db "$TMP/home/other.db" --out "$TMP/home/o.csv" > "$TMP/out" 2>&1
st=$?
check "  ...and --db outside the directory is refused (status $st)" sh -c "[ '$st' = 3 ] && [ ! -e '$TMP/home/other.db' ]"
as_user env JUWEI_DB="$TMP/home/env.db" "$bin" export households --out "$TMP/home/e.csv" > "$TMP/out" 2>&1
st=$?
check "  ...and so is \$JUWEI_DB (status $st)" sh -c "[ '$st' = 3 ] && [ ! -e '$TMP/home/env.db' ]"
as_user "$bin" demo --db "$dir/juwei.db" --force > "$TMP/out" 2>&1
check "  ...and the demo cannot replace the register" [ $? = 3 ]
as_user "$bin" staff add 某人 --role 主任 > "$TMP/out" 2>&1
st=$?
check "  ...nor may a 社工 add staff (status $st)" [ "$st" = 3 ]
"$bin" check > "$TMP/out" 2>&1
check "the register the account used still verifies" grep -q "台账校验通过" "$TMP/out"
