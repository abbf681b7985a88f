#!/bin/sh
# Screen: several staff on one database.  What another session saves
# shows up without a key being pressed, and the clerk keeps their place.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"
. "$(dirname "$0")/lib/fixture.sh"

start 80 24 --db "$DB"
wait_for "第 1 户，共 $TOTAL 户" > /dev/null
keys j j
wait_for "第 3 户，" > /dev/null
"$JUWEI_TOOLS/sqlrun" "$DB" colleague <<'SQL'
UPDATE household SET phone = '13911112222', version = version + 1, updated_by = juwei_user()
 WHERE dwelling_id = (SELECT id FROM dwelling WHERE compound = '一号院' AND room = '102');
INSERT INTO dwelling(grid_id, compound, building, unit, room)
 VALUES ((SELECT min(id) FROM grid), '一号院', '1', '1', '109');
INSERT INTO household(dwelling_id, kind, created_by, updated_by)
 VALUES ((SELECT id FROM dwelling WHERE compound = '一号院' AND room = '109'), '户籍户', juwei_user(), juwei_user());
INSERT INTO resident(household_id, name, relation, sex, created_by, updated_by)
 VALUES ((SELECT max(id) FROM household), '新来户', '户主', '男', juwei_user(), juwei_user());
SQL
check "another session's new household is counted without a key press" wait_for "共 $((TOTAL + 1)) 户"
check "  ...and shows in its place in the list" wait_for "1-1-109   新来户"
check "another session's change shows too" wait_for "139****2222"
check "the clerk's place is kept" wait_for "第 3 户，"
