# tests/screen/lib/fixture.sh - a demo community plus households made to
# test the screen: heads with names of 1 to 4 characters, Latin and
# mixed names, a long minority name, and a household whose data tries
# to take over the terminal.  Sourced; leaves $DB.
DB=$TMP/screen.db
"$JUWEI" demo --db "$DB" --households 300 --seed 3 > /dev/null 2>&1 || echo "not ok - demo for the screen fixture"
"$JUWEI_TOOLS/sqlrun" "$DB" tester <<'SQL' || echo "not ok - screen fixture"
-- 一 (U+4E00) sorts before every other compound, so these come first.
INSERT INTO dwelling(grid_id, compound, building, unit, room)
  SELECT (SELECT min(id) FROM grid), '一号院', '1', '1', CAST(100 + value AS TEXT)
  FROM json_each('[1,2,3,4,5,6,7,8]');
INSERT INTO household(dwelling_id, kind, phone, notes, created_by, updated_by)
  SELECT id, '户籍户', '1390000000' || (CAST(room AS INTEGER) - 100), NULL, juwei_user(), juwei_user()
  FROM dwelling WHERE compound = '一号院';
INSERT INTO resident(household_id, name, relation, sex, birth_date, id_number, created_by, updated_by)
  SELECT h.id, CASE CAST(d.room AS INTEGER) - 100
      WHEN 1 THEN '王' WHEN 2 THEN '李娜' WHEN 3 THEN '张三丰' WHEN 4 THEN '欧阳娜娜'
      WHEN 5 THEN 'Li Lei' WHEN 6 THEN '阿依古丽·买买提' WHEN 7 THEN 'Anna张'
      ELSE CAST(x'ff' AS TEXT) || 'E' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) END,
    '户主', '女', '1949-12-31',
    CASE CAST(d.room AS INTEGER) - 100 WHEN 4 THEN '11010519491231002X' ELSE NULL END,
    juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '一号院';
UPDATE household SET notes = 'note' || char(27) || ']0;title' || char(7) || char(27) || '[31mRED' || CAST(x'c0af' AS TEXT)
  WHERE dwelling_id = (SELECT id FROM dwelling WHERE compound = '一号院' AND room = '108');
INSERT INTO resident(household_id, name, relation, sex, birth_date, created_by, updated_by)
  SELECT h.id, '欧阳小明', '子', '男', '1980-05-01', juwei_user(), juwei_user()
  FROM household h JOIN dwelling d ON d.id = h.dwelling_id WHERE d.compound = '一号院' AND d.room = '104';
SQL
TOTAL=$(sqlite3 "$DB" "SELECT count(*) FROM household")
