#!/bin/sh
# tools/gen-audit.sh MIGRATION.sql - print the audit triggers for every
# record table the migration creates: one AFTER INSERT, UPDATE and
# DELETE trigger each, writing the row as JSON and juwei_user() into
# audit_log.  Run by hand when writing a migration; the output is pasted
# below the @AUDIT-TRIGGERS@ line and, like the migration, never edited
# once it has landed.
set -eu
sql=$1
db=$(mktemp)
trap 'rm -f "$db"' EXIT
sed '/@AUDIT-TRIGGERS@/,$d' "$sql" | sqlite3 "$db"
tables=$(sqlite3 "$db" "SELECT name FROM sqlite_schema WHERE type='table'
	AND name NOT IN ('audit_log','draft') AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
for t in $tables; do
	cols=$(sqlite3 "$db" "SELECT name FROM pragma_table_info('$t') ORDER BY cid")
	obj() { # OLD|NEW
		out=""
		for c in $cols; do
			out="$out${out:+, }'$c', $1.$c"
		done
		printf 'json_object(%s)' "$out"
	}
	key=id
	[ "$t" = setting ] && key=rowid
	cat <<SQL
CREATE TRIGGER ${t}_audit_insert AFTER INSERT ON $t BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), '$t', NEW.$key, 'insert',
		$(obj NEW));
END;
CREATE TRIGGER ${t}_audit_update AFTER UPDATE ON $t BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), '$t', NEW.$key, 'update',
		$(obj OLD),
		$(obj NEW));
END;
CREATE TRIGGER ${t}_audit_delete AFTER DELETE ON $t BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), '$t', OLD.$key, 'delete',
		$(obj OLD));
END;
SQL
done
