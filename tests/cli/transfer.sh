#!/bin/sh
# Command line: export the register and import it back; GB18030 and
# UTF-8; masking and defused formulas; a second import adds nobody; a
# bad file changes nothing; a dry run writes nothing and lists every
# problem; a missing column is named.  Where LibreOffice is installed, an exported GB18030 file is
# opened by it and converted back.
. "$(dirname "$0")/../lib.sh"

src=$TMP/src.db
demo_db "$src" --households 200 --seed 7
q() { sqlite3 "$1" "$2"; }
# A note a spreadsheet would run as a formula.
"$JUWEI_TOOLS/sqlrun" "$src" tester <<'SQL'
UPDATE resident SET notes = '=HYPERLINK("http://x","点我")' WHERE id = 1;
SQL

# ---- export ----
"$JUWEI" export households --db "$src" --out "$TMP/masked.csv" 2> "$TMP/err"
check "export writes the file and says where" grep -q "masked.csv" "$TMP/err"
check "  ...in GB18030 by default (not valid UTF-8)" sh -c "! iconv -f UTF-8 -t UTF-8 '$TMP/masked.csv' > /dev/null 2>&1"
iconv -f GB18030 -t UTF-8 "$TMP/masked.csv" > "$TMP/masked.utf8"
check "  ...which converts back to the Chinese headers" grep -q "^小区,楼栋,单元,室,户号" "$TMP/masked.utf8"
rows=$(q "$src" "SELECT count(*) FROM resident")
check "  ...one row per resident" test "$(($(wc -l < "$TMP/masked.utf8") - 1))" = "$rows"
check "  ...ID numbers masked" sh -c "grep -q '[0-9]\{6\}\*\*\*\*\*\*\*\*[0-9]\{3\}[0-9X]' '$TMP/masked.utf8' && ! grep -q ',[0-9]\{17\}[0-9X],' '$TMP/masked.utf8'"
check "  ...phones masked" grep -q ',1[3-9][0-9]\*\*\*\*[0-9]\{4\},' "$TMP/masked.utf8"
check "  ...a formula defused with a leading quote" grep -q "'=HYPERLINK" "$TMP/masked.utf8"

"$JUWEI" export households --db "$src" --full --encoding utf-8 --out "$TMP/full.csv" 2> /dev/null
check "--encoding utf-8 writes a BOM first" sh -c "head -c 3 '$TMP/full.csv' | od -An -tx1 | grep -q 'ef bb bf'"
check "--full keeps ID numbers whole" grep -q ',[0-9]\{17\}[0-9X],' "$TMP/full.csv"
for kind in visits cases meetings month; do
	"$JUWEI" export "$kind" --db "$src" --encoding utf-8 --out "$TMP/$kind.csv" 2> /dev/null
	check "export $kind" test "$(wc -l < "$TMP/$kind.csv")" -gt 1
done
"$JUWEI" export nonsense --db "$src" > /dev/null 2>&1
check "an unknown ledger is refused with status 2" test $? = 2

check "--full writes an ID number so that a spreadsheet keeps it as text (a tab first)" \
	sh -c "printf ',\t' > '$TMP/tab' && grep -q \"\$(cat '$TMP/tab')[0-9]\{17\}[0-9X],\" '$TMP/full.csv'"

# ---- import it back ----
dst=$TMP/dst.db
"$JUWEI" export households --db "$src" --full --out "$TMP/full_gb.csv" 2> /dev/null
"$JUWEI" import households "$TMP/full_gb.csv" --db "$dst" --dry-run > "$TMP/out" 2>&1
check "a dry run says what it would do" grep -q "这次只检查，未写入任何数据" "$TMP/out"
check "  ...and writes nothing" test "$(q "$dst" "SELECT count(*) FROM resident")" = 0
"$JUWEI" import households "$TMP/full_gb.csv" --db "$dst" > "$TMP/out" 2>&1
check "the GB18030 file is imported" grep -q "GB18030" "$TMP/out"
check "  ...every resident" test "$(q "$dst" "SELECT count(*) FROM resident")" = "$rows"
check "  ...every household" test "$(q "$dst" "SELECT count(*) FROM household")" = "$(q "$src" "SELECT count(*) FROM household")"
"$JUWEI" export households --db "$src" --full --encoding utf-8 --out "$TMP/a.csv" 2> /dev/null
"$JUWEI" export households --db "$dst" --full --encoding utf-8 --out "$TMP/b.csv" 2> /dev/null
check "export then import gives back the same register" cmp -s "$TMP/a.csv" "$TMP/b.csv"
check "  ...the defused formula too" test "$(q "$dst" "SELECT notes FROM resident WHERE notes LIKE '=HYPERLINK%'")" = '=HYPERLINK("http://x","点我")'
check "  ...findable by pinyin at once" test "$(q "$dst" "SELECT count(*) FROM search_term WHERE term LIKE 'I%'")" -gt 0
# An import leaves the search terms and due dates to one pass at its end:
# they must be what the triggers make row by row.
same_as_row_by_row() {
	rm -f "$TMP/chk.db"
	sqlite3 "$1" ".backup '$TMP/chk.db'"
	"$JUWEI_TOOLS/sqlrun" "$TMP/chk.db" tester <<'SQL'
CREATE TABLE want_terms AS
SELECT j.value AS term, r.household_id AS h, r.id AS r, r.name AS name, r.relation AS rel, 0 AS former
  FROM resident r, json_each(juwei_search_terms(r.name, r.id_number, r.phone)) j
UNION SELECT j.value, r.household_id, r.id, r.former_name, r.relation, 1
  FROM resident r, json_each(juwei_former_terms(r.former_name)) j WHERE r.former_name IS NOT NULL
UNION SELECT j.value, h.id, 0, '', '', 0 FROM household h, json_each(juwei_phone_terms(h.phone)) j;
CREATE TABLE want_due AS SELECT * FROM household_due_now WHERE due IS NOT NULL;
SQL
	test "$(sqlite3 "$TMP/chk.db" "
		SELECT count(*) FROM (SELECT * FROM want_terms EXCEPT
			SELECT term, household_id, resident_id, name, relation, former FROM search_term);
		SELECT count(*) FROM (SELECT term, household_id, resident_id, name, relation, former FROM search_term
			EXCEPT SELECT * FROM want_terms);
		SELECT count(*) FROM (SELECT * FROM want_due EXCEPT SELECT * FROM household_due);
		SELECT count(*) FROM (SELECT * FROM household_due EXCEPT SELECT * FROM want_due);
		SELECT count(*) > 0 FROM want_due;
		PRAGMA integrity_check;" | tr '\n' ' ')" = "0 0 0 0 1 ok "
}
check "  ...with every search term and due date the triggers would make" same_as_row_by_row "$dst"
printf '姓名,小区,楼栋,单元,室,与户主关系,手机,标签\n吕新来,幸福里小区,98,1,101,户主,13800001111,独居老人\n' > "$TMP/one.csv"
"$JUWEI" import households "$TMP/one.csv" --db "$dst" > "$TMP/out" 2>&1
check "one more household imported into a full register" grep -q "新增 1 户、1 人" "$TMP/out"
check "  ...is findable by pinyin initials" \
	test "$(q "$dst" "SELECT count(*) FROM search_term WHERE term = 'Ilxl' AND name = '吕新来'")" = 1
check "  ...is due for a visit at once" \
	test "$(q "$dst" "SELECT count(*) FROM household_due d JOIN resident r USING (household_id) WHERE r.name = '吕新来' AND d.due = ''")" = 1
check "  ...and every term and due date is still right" same_as_row_by_row "$dst"
rows=$((rows + 1))
"$JUWEI" export households --db "$dst" --full --out "$TMP/full_gb.csv" 2> /dev/null
"$JUWEI" import households "$TMP/full_gb.csv" --db "$dst" > "$TMP/out" 2>&1
check "importing the same file twice adds nobody" grep -q "新增 0 户、0 人，更新 0 人，跳过 $rows 人" "$TMP/out"
check "  ...as the database says" test "$(q "$dst" "SELECT count(*) FROM resident")" = "$rows"

# Another community into a register four times its size: the closing
# passes then add to large indexes, and must not need more than they may
# hold.  Its compounds and 户号 are made its own.
big=$TMP/big.db
demo_db "$big" --households 2000 --seed 1
demo_db "$TMP/other.db" --households 500 --seed 8
"$JUWEI" export households --db "$TMP/other.db" --full --encoding utf-8 --out "$TMP/other.csv" 2> /dev/null
sed '2,$s/^/东城/; 2,$s/^\([^,]*,[^,]*,[^,]*,[^,]*,\)\([^,]\)/\1X\2/' "$TMP/other.csv" > "$TMP/other2.csv"
"$JUWEI" import households "$TMP/other2.csv" --db "$big" > "$TMP/out" 2>&1
check "another community imported into a register four times its size" grep -q "新增 500 户" "$TMP/out"
check "  ...with every search term and due date the triggers would make" same_as_row_by_row "$big"

# ---- a bad file changes nothing ----
before=$(sqlite3 "$dst" "SELECT count(*), max(id) FROM resident; SELECT count(*) FROM household; SELECT count(*) FROM audit_log")
printf '姓名,小区,楼栋,单元,室,关系,身份证号码,手机,籍贯\r\n新来的,幸福里小区,99,1,101,户主,,13800001111,河北\r\n坏号码,幸福里小区,99,1,102,户主,110105194912310021,,\r\n' > "$TMP/bad.csv"
"$JUWEI" import households "$TMP/bad.csv" --db "$dst" > "$TMP/out" 2> "$TMP/err"
check "a file with a bad row is refused (status 1)" test $? = 1
check "  ...naming line, column, value and reason" grep -q '第 3 行，身份证号码“110105194912310021”：校验位不对' "$TMP/err"
check "  ...and the unknown column" grep -q "籍贯" "$TMP/err"
check "  ...and nothing was written, not even the good row" \
	test "$(sqlite3 "$dst" "SELECT count(*), max(id) FROM resident; SELECT count(*) FROM household; SELECT count(*) FROM audit_log")" = "$before"
awk 'BEGIN { print "小区,楼栋,单元,室,姓名,与户主关系,手机"; for (i = 1; i <= 1500; i++) printf "新村,%d,1,101,住户%d,户主,12345\n", i, i }' > "$TMP/many.csv"
"$JUWEI" import households "$TMP/many.csv" --db "$dst" --dry-run > "$TMP/out" 2> "$TMP/err"
check "a dry run lists every problem, however many" test "$(grep -c '^第 [0-9]* 行，手机“12345”' "$TMP/err")" = 1500
check "  ...and counts them" grep -q "有 1500 处问题" "$TMP/out"
printf '小区,楼栋,单元,室,姓名,与户主关系,手机,\033]0;x\007\n新村,1,1,101,住户,户主,\033[2J12345,\n' > "$TMP/esc.csv"
"$JUWEI" import households "$TMP/esc.csv" --db "$dst" --dry-run > /dev/null 2> "$TMP/err"
check "a column with terminal codes is reported as text, a value without them" \
	sh -c "grep -q '手机“\[2J12345”' '$TMP/err' && grep -q '\^\[\]0;x\^G' '$TMP/err' && ! grep -q \"\$(printf '\033')\" '$TMP/err'"
printf '姓名,楼栋\n张三,1\n' > "$TMP/nocol.csv"
"$JUWEI" import households "$TMP/nocol.csv" --db "$dst" > /dev/null 2> "$TMP/err"
check "a missing required column is named" grep -q "缺少“小区”列" "$TMP/err"
mkdir -p "$TMP/folder.csv"
"$JUWEI" import households "$TMP/folder.csv" --db "$dst" > /dev/null 2> "$TMP/err"
check "a folder given for the file is refused as a folder (status 1)" \
	sh -c "test $? = 1 && grep -q '是一个文件夹' '$TMP/err'"

# ---- a real spreadsheet program ----
# LibreOffice opens the GB18030 file (its character set 85), saves it as
# a workbook, and the workbook is saved again as UTF-8 CSV (76): the
# rows, the Chinese text and the whole ID numbers must come back.
lo_roundtrip() { # name.csv -> lo/name.csv
	(cd "$TMP" && HOME=$TMP soffice --headless --infilter="Text - txt - csv (StarCalc):44,34,85" \
		--convert-to xlsx "$1" > /dev/null 2>&1 &&
	 HOME=$TMP soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 \
		--outdir lo "${1%.csv}.xlsx" > /dev/null 2>&1)
}
if command -v soffice > /dev/null 2>&1; then
	lo_roundtrip masked.csv
	check "LibreOffice reads the GB18030 export: rows and Chinese text survive" \
		sh -c "test \"\$(wc -l < '$TMP/lo/masked.csv')\" = \"\$(wc -l < '$TMP/masked.utf8')\" && grep -q 与户主关系 '$TMP/lo/masked.csv'"
	check "  ...every cell as it was" sh -c "tr -d '\r' < '$TMP/masked.utf8' | cmp -s - '$TMP/lo/masked.csv'"
	lo_roundtrip full_gb.csv
	q "$dst" "SELECT id_number FROM resident WHERE id_number <> '' ORDER BY 1" > "$TMP/ids.want"
	sed 1d "$TMP/lo/full_gb.csv" | cut -d, -f10 | tr -d '\t' | grep . | sort > "$TMP/ids.got"
	check "  ...and a --full export keeps every ID number whole" cmp -s "$TMP/ids.want" "$TMP/ids.got"
	"$JUWEI" import households "$TMP/lo/full_gb.csv" --db "$dst" > "$TMP/out" 2>&1
	check "  ...which imports back into the register as the same people" grep -q "新增 0 户、0 人，更新 0 人，跳过 $rows 人" "$TMP/out"
else
	echo "ok - LibreOffice reads the GB18030 export # SKIP soffice is not installed (apt-get install libreoffice-calc)"
fi

# A ledger on a terminal would hand its bytes to the terminal: refused,
# with the way to a file; to a pipe it goes as before.
if command -v script > /dev/null; then
	script -qec "$JUWEI export households --db $src" /dev/null > "$TMP/tty.out" 2>&1
	check "export to a terminal is refused" grep -q "不会把台账写到终端" "$TMP/tty.out"
	check "  ...and writes no CSV there" sh -c "! grep -q '小区' '$TMP/tty.out'"
else
	echo "ok - export to a terminal is refused # SKIP script(1) is not installed"
fi
"$JUWEI" export households --db "$src" | head -1 > "$TMP/pipe.out"
check "  ...while a pipe still gets it" test -s "$TMP/pipe.out"
