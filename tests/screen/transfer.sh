#!/bin/sh
# Screen: F6 exports a ledger to a file named in the form (default under
# ~/Documents, named by the ledger); F9 imports a CSV, shows its progress
# and a report with every problem by line, also written as a CSV; a dry
# run writes nothing.  The file is picked from those in ~/Documents, or
# typed; the one last imported is offered again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

mkdir -p "$TMP/Documents"
start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys F6
check "F6 opens the export form" wait_for "导出台账为 CSV"
check "  ...with a file under ~/Documents by default" wait_for "juwei-住户-$JUWEI_TODAY.csv"
keys F3
wait_for "调解案件" > /dev/null
keys Down Enter
check "  ...a name that follows the ledger chosen" wait_for "juwei-走访-$JUWEI_TODAY.csv"
keys BTab F3
wait_for "调解案件" > /dev/null
keys Up Enter
wait_for "juwei-住户-$JUWEI_TODAY.csv" > /dev/null
keys F2
check "the export says where it wrote" wait_for "已导出"
check "  ...and the file is there, one row per resident" \
	test "$(($(iconv -f GB18030 -t UTF-8 "$TMP/Documents/juwei-住户-$JUWEI_TODAY.csv" | wc -l) - 1))" \
	= "$(sqlite3 "$DB" "SELECT count(*) FROM resident")"

printf '姓名,小区,楼栋,单元,室,关系,身份证号码\n赵新来,新建小区,1,1,101,户主,\n钱有误,新建小区,1,1,102,户主,110105194912310021\n' > "$TMP/Documents/新来的住户.csv"
keys F9
check "F9 opens the import form" wait_for "从 CSV（Excel/WPS）导入住户"
check "  ...offering the CSV files in Documents to pick" wait_for "选择文件"
keys F3
wait_for "juwei-住户-$JUWEI_TODAY.csv" > /dev/null
type_text "新来"; keys Enter
check "  ...a file picked fills in its path" wait_for "Documents/新来的住户.csv"
keys F2
check "the report names the bad row, its column and why" wait_for "第 3 行，身份证号码“110105194912310021”"
check "  ...and says nothing was written" wait_for "未写入任何数据"
check "  ...and where the whole list of problems is" wait_for "全部 1 处问题列在"
check "  ...a CSV in GB18030 with line, column, value and reason" \
	sh -c "iconv -f GB18030 -t UTF-8 '$TMP/Documents/juwei-导入问题-$JUWEI_TODAY.csv' | grep -q '^3,身份证号码,	110105194912310021,校验位不对'"
check "  ...as the database says" test "$(sqlite3 "$DB" "SELECT count(*) FROM resident WHERE name = '赵新来'")" = 0
keys Escape
check "Esc closes the report" wait_for "第 1 户，共"

printf '姓名,小区,楼栋,单元,室,关系\n赵新来,新建小区,1,1,101,户主\n' > "$TMP/good.csv"
keys F9
wait_for "从 CSV（Excel/WPS）导入住户" > /dev/null
check "F9 again offers the file last imported" wait_for "Documents/新来的住户.csv"
keys F3
wait_for "查找：" > /dev/null
check "  ...and does not offer the list of problems as a file to import" wait_gone "导入问题"
keys Escape Tab C-u; type_text "$TMP/good.csv"
keys Tab Tab; type_text "n"; keys F2
check "a real import reports what it added" wait_for "新增 1 户、1 人"
keys Escape
check "  ...and the household is in the list at once" wait_for "共 $((TOTAL + 1)) 户"
keys /; type_text "zxl"
check "  ...findable by pinyin" wait_for "赵新来"
keys Escape
wait_for "第 1 户，共" > /dev/null
printf '户主姓名,小区,楼栋\n赵新来,新建小区,1\n' > "$TMP/nocol.csv"
keys F9
wait_for "从 CSV（Excel/WPS）导入住户" > /dev/null
keys Tab C-u; type_text "$TMP/nocol.csv"; keys F2
check "a missing column is named" wait_for "缺少“姓名”列"
check "  ...with the headers not understood" wait_for "以下列无法识别，已忽略：户主姓名"
keys Escape F10
check "juwei quits" exited
