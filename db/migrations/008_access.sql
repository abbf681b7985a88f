-- 008: who may do what, and an audit trail that cannot be changed
-- quietly.
--
-- staff_lock holds the wrong PINs typed for a member of staff and the
-- lock they lead to (five in a row: five minutes), in the file, so that
-- another terminal cannot get round it.  It is the door, not the
-- register: not audited.
CREATE TABLE staff_lock (
	staff_id     INTEGER PRIMARY KEY REFERENCES staff(id) ON DELETE CASCADE,
	failed       INTEGER NOT NULL DEFAULT 0,
	locked_until TEXT
);

-- The audit trail, rebuilt with three things more:
--   staff_id  the member of staff signed in when the row was written
--             (the login alone cannot tell the clerks of a shared desk
--             apart);
--   action    also 'reveal' (a whole ID number or phone was shown, with
--             the reason in new_values), 'export' (a ledger written
--             whole) and 'signin';
--   hash      SHA-256 over the previous row's hash and this row's fields
--             (juwei_audit_hash(), db/audit.c): a chain, so that a row
--             deleted or changed behind juwei's back breaks it, and
--             `juwei check` names the first row that no longer verifies.
-- The rows already there are chained in order when this migration runs.
PRAGMA legacy_alter_table = ON;
CREATE TABLE audit_log_new (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL,
	user        TEXT NOT NULL,
	staff_id    INTEGER,
	table_name  TEXT NOT NULL,
	row_id      INTEGER NOT NULL,
	action      TEXT NOT NULL CHECK (CASE action WHEN 'insert' THEN 1 WHEN 'update' THEN 1 WHEN 'delete' THEN 1
					  WHEN 'reveal' THEN 1 WHEN 'export' THEN 1 WHEN 'signin' THEN 1 ELSE 0 END),
	old_values  TEXT,   -- JSON object
	new_values  TEXT,   -- JSON object
	hash        TEXT
);
INSERT INTO audit_log_new(id, at, user, table_name, row_id, action, old_values, new_values)
	SELECT id, at, user, table_name, row_id, action, old_values, new_values FROM audit_log ORDER BY id;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX audit_log_row ON audit_log(table_name, row_id);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_staff ON audit_log(staff_id);

-- Each row is chained as it is written.  An import (juwei_deferred())
-- chains its rows at its end, after it has dropped the updates of rows it
-- added itself.  The stock sqlite3 shell has no juwei_audit_hash(): it
-- cannot add a row to the trail.
CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log WHEN NOT juwei_deferred() BEGIN
	UPDATE audit_log SET staff_id = coalesce(NEW.staff_id, juwei_staff()),
		hash = juwei_audit_hash((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1),
					NEW.at, NEW.user, coalesce(NEW.staff_id, juwei_staff()), NEW.table_name,
					NEW.row_id, NEW.action, NEW.old_values, NEW.new_values)
	WHERE id = NEW.id;
END;

-- What `juwei check` found the last time it looked at the trail; the
-- screen warns the 主任 when it was not clean.
-- last_id and last_hash are the end of the chain it verified: a later
-- check finds the rows after them deleted, which the chain alone cannot
-- tell from rows never written.
CREATE TABLE check_run (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	clean     INTEGER NOT NULL CHECK (clean IN (0,1)),
	findings  TEXT NOT NULL DEFAULT '',
	last_id   INTEGER NOT NULL DEFAULT 0,
	last_hash TEXT NOT NULL DEFAULT ''
);

-- The rows the migrations seeded (the vocabularies, the settings) were
-- written before their audit triggers: each gets its audited state now,
-- so that `juwei check` can hold every record to its last audited
-- change.  (A later migration that seeds rows does the same.)
UPDATE dispute_type SET id = id;
UPDATE meeting_kind SET id = id;
UPDATE must_report_item SET id = id;
UPDATE setting SET key = key;
UPDATE tag SET id = id;
UPDATE visit_method SET id = id;
UPDATE visit_purpose SET id = id;
