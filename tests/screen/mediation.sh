#!/bin/sh
# Screen: a mediation case from registration to closing, with the
# keyboard alone at 80x24: two parties (one from the register, one from
# outside), a mediation record, 调解成功 with the agreement, the
# agreement printed, a follow-up visit (required before 已回访), the
# case closed and read only (its editing keys gone), and reopened by
# the 主任 with a reason.  Steps the state does not allow are not
# offered; an overdue case is marked.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

q() { sqlite3 "$DB" "$1"; }
# A case still in mediation on its day 41, to be marked overdue.
"$JUWEI_TOOLS/sqlrun" "$DB" tester <<SQL || echo "not ok - an old case for the fixture"
INSERT INTO mediation_case(year, seq, case_no, accepted_date, source, type_id, state, summary,
  created_by, updated_by)
SELECT CAST(strftime('%Y', d) AS INTEGER), 900, '（' || strftime('%Y', d) || '）幸福里人调字第900号', d,
  '当事人申请', 1, '调解中', '楼道堆物', juwei_user(), juwei_user()
  FROM (SELECT date('$JUWEI_TODAY', '-40 days') AS d);
SQL
year=${JUWEI_TODAY%%-*}
next=$(($(q "SELECT coalesce(max(seq), 0) FROM mediation_case WHERE year = $year") + 1))
no="（$year）$(q "SELECT short_name FROM community")人调字第${next}号"

start 80 24 --db "$DB"
wait_for "第 1 户，共" > /dev/null
keys 3
check "3 opens the case list" wait_for "调解案件"
check "  ...whose key bar says how to register one" wait_for "F5新建"

# ---- register a case ----
keys F5
check "F5 opens the registration form" wait_for "登记调解案件"
keys Tab Tab; type_text "邻里"; keys Enter
type_text "欧阳娜娜"
check "the applicant is searched in the register" wait_for "欧阳娜娜（户主）"
keys Enter
keys Tab Tab; type_text "赵大宝"
keys Tab; type_text "楼上漏水，浸湿楼下天花板。"
keys F2
check "the case is registered and numbered" wait_for "已登记案件 $no"
check "  ...and opens, in state 受理" wait_for "$no  邻里纠纷  受理"
check "  ...with the resident applicant" wait_for "欧阳娜娜"
check "  ...and the respondent from outside" wait_for "赵大宝"
id=$(q "SELECT id FROM mediation_case WHERE case_no = '$no'")
check "  ...both parties stored, one linked to the register" \
	test "$(q "SELECT count(*) || ',' || count(resident_id) FROM case_party WHERE case_id = $id")" = "2,1"

keys F1
check "F1 in a case lists its own keys first, within 80x24" wait_for "F8               办理：办理下一步"
snap > /dev/null
check "  ...Delete among them" grep -q "Delete           删除" "$TMP/screen"
keys Escape

# ---- another party, and removing one ----
keys Delete
check "Delete on the only applicant asks first" wait_for "从案件中删除 欧阳娜娜（申请人）？"
keys y
check "  ...and is refused: a case needs an applicant" wait_for "案件至少要有一名申请人"
keys F5
check "F5 adds a party" wait_for "添加当事人：$no"
keys Tab Tab; type_text "阳光物业"
keys Tab Tab Tab; type_text "40"
keys F2
check "  ...a third party from outside" wait_for "已添加 阳光物业 为第三人。"
keys Down Down Delete
wait_for "从案件中删除 阳光物业（第三人）？" > /dev/null
keys n
check "  ...any key but y keeps them" wait_for "没有删除任何人。"
keys Delete y
check "  ...and y removes them" wait_for "已从案件中删除 阳光物业。"
check "  ...from the database too" test "$(q "SELECT count(*) FROM case_party WHERE case_id = $id")" = 2
keys Up Up

# ---- mediation ----
keys F8
check "F8 offers the next step" wait_for "下一步：$no（现为“受理”）"
keys F2
check "  ...受理 → 调解中" wait_for "案件已转为“调解中”"
keys F7
check "F7 opens a record" wait_for "添加记录：$no"
keys Tab Tab Tab; type_text "双方到场，面对面调解。"
keys F2
check "the mediation record is saved" wait_for "已保存记录：$JUWEI_TODAY 调解"
keys F8
wait_for "现为“调解中”" > /dev/null
keys F2
check "调解成功 without an agreement is refused" wait_for "有 3 处需要修改"
# The refused save put the cursor on the first field to mend.
type_text "赵大宝于月底前修复防水层。"
keys Tab; type_text "自行维修"
keys Tab; type_text "$JUWEI_TODAY"
keys F2
check "  ...and with it the case is 调解成功" wait_for "案件已转为“调解成功”"
check "the agreement shows in the case" wait_for "协议内容：赵大宝于月底前修复防水层。"

# ---- the agreement, printed ----
keys F6
check "F6 offers the documents" wait_for "打印：$no"
keys F2
file="$TMP/$no-人民调解协议书.html"
check "the status line says where the agreement went" wait_for "已写出到 $TMP/"
check "  ...an HTML agreement with the parties and the agreement" \
	sh -c "grep -q '人民调解协议书' '$file' && grep -q '欧阳娜娜' '$file' && grep -q '赵大宝于月底前修复防水层' '$file'"

# ---- follow-up and closing ----
keys F8
wait_for "现为“调解成功”" > /dev/null
keys F2
wait_for "案件已转为“履行中”" > /dev/null
keys F8
wait_for "现为“履行中”" > /dev/null
keys F2
check "已回访 without a follow-up record is refused" wait_for "须先添加回访记录"
keys Escape
wait_gone "现为“履行中”" > /dev/null
check "  ...and nothing moved" test "$(q "SELECT state FROM mediation_case WHERE id = $id")" = 履行中
keys F7
wait_for "添加记录：$no" > /dev/null
check "after the agreement a record is a follow-up (回访) by default" wait_for "回访"
keys Tab Tab Tab; type_text "已修复，双方满意。"
keys F2
check "a follow-up must say how the agreement was performed" wait_for "回访须写明协议履行情况"
type_text "已履行"; keys Enter
type_text "满意"; keys Enter
keys F2
check "the follow-up is saved" wait_for "已保存记录：$JUWEI_TODAY 回访"
check "  ...and shows who made it and how" wait_for "回访  $(q "SELECT name FROM staff WHERE role = '主任'")（电话）"
for step in 已回访 结案; do
	keys F8
	wait_for "下一步：$no" > /dev/null
	keys F2
	check "  ...the case moves to $step" wait_for "案件已转为“$step”"
done
snap > /dev/null
check "a closed case offers no next step (no F8 in the key bar)" sh -c "! grep -q 'F8' '$TMP/screen'"
check "  ...nor edit, party, record or delete keys" sh -c "! tail -n 1 '$TMP/screen' | grep -qE 'F4|F5|F7|Del'"
check "  ...but F9 to reopen it" sh -c "tail -n 1 '$TMP/screen' | grep -q 'F9重新打开'"
check "  ...and says it is read only" grep -q "只能查看" "$TMP/screen"
keys F7 F4 F1
check "  ...its help lists F9 to reopen" wait_for "重新打开已结案的案件"
keys Escape
wait_for "只能查看" > /dev/null
snap > /dev/null
check "  ...and F7, F4 opened nothing" sh -c "! grep -qE '添加记录|修改案件' '$TMP/screen'"
check "every step is recorded, dated and by whom" \
	test "$(q "SELECT count(*) FROM case_event WHERE case_id = $id AND kind = '状态变更' AND event_date = '$JUWEI_TODAY' AND created_by <> ''")" = 5
check "  ...and the follow-up with its performance" \
	test "$(q "SELECT performance || satisfaction || method FROM case_event WHERE case_id = $id AND kind = '回访'")" = "已履行满意电话"

# ---- the 主任 reopens it, saying why ----
keys F9
check "F9 asks why the case is reopened" wait_for "重新打开案件：$no"
keys F2
check "  ...a reason is required" wait_for "请写明重新打开的理由"
type_text "当事人反映对方尚未修复"
keys F2
check "  ...and with it the case is open again" wait_for "案件已重新打开"
check "  ...back to 已回访, the reason in its records" wait_for "结案 → 已回访  由"
check "  ...shown with the reason" wait_for "理由：当事人反映对方尚未"
snap > /dev/null
check "  ...and its keys are back" sh -c "tail -n 1 '$TMP/screen' | grep -q 'F7' && ! tail -n 1 '$TMP/screen' | grep -q 'F9'"
check "  ...kept in the database and the audit trail" \
	test "$(q "SELECT count(*) FROM case_event e JOIN audit_log a ON a.table_name = 'case_event' AND a.row_id = e.id
		WHERE e.case_id = $id AND e.from_state = '结案' AND e.text = '当事人反映对方尚未修复'")" = 1

# ---- back to the list: an overdue case is marked ----
keys Escape
check "Esc goes back to the list" wait_for "案号"
overdue=$(q "SELECT count(*) FROM mediation_case WHERE state IN ('受理','调解中')
	AND accepted_date < date('$JUWEI_TODAY', '-29 days')")
keys F3
wait_for "筛选案件" > /dev/null
keys Down Down Down Down; type_text "是"; keys Enter F2
check "F3 narrows the list to the overdue cases" wait_for "/$overdue 件"

# ---- Today lists the cases at or past their limit ----
near=$(q "SELECT count(*) FROM mediation_case WHERE state IN ('受理','调解中')
	AND accepted_date <= date('$JUWEI_TODAY', '-24 days')")
oldest=$(q "SELECT year || '年第' || seq || '号' FROM mediation_case WHERE state IN ('受理','调解中')
	ORDER BY accepted_date, id LIMIT 1")
keys 6
if [ "$near" -gt 0 ]; then # the fixture's old case at least
	check "Today lists the cases from day 25 on" wait_for "调解案件临近或超过一个月期限：$near"
	keys Home Enter # Today opens on the most urgent household; the cases come first
	check "  ...Enter opens the oldest" wait_for "（$year）$(q "SELECT short_name FROM community")人调字第${oldest#*第}"
	keys Escape
	check "  ...and Esc goes back to Today" wait_for "逾期未走访"
else
	check "Today has no case list when no case is near its limit" wait_for "逾期未走访"
fi
