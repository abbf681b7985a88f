-- 010: a meeting's record is kept once it has decided.
--
-- From 决议 on, the attendance, the topics and their votes of a meeting
-- are its record: core refuses to change them, and the triggers below
-- refuse it too (a race with another clerk, or the sqlite3 shell).  A
-- follow-up note (落实反馈) still goes on a passed topic.  A mistake
-- found afterwards is corrected by an amendment (更正): what it
-- corrects, the correction and the reason, dated and by whom; kept,
-- never changed, and printed in the minutes as 更正记录.
CREATE TABLE meeting_amendment (
	id           INTEGER PRIMARY KEY,
	meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
	kind         TEXT NOT NULL CHECK (CASE kind WHEN '到会情况' THEN 1 WHEN '议题' THEN 1 WHEN '表决' THEN 1 ELSE 0 END),
	attendee_id  INTEGER REFERENCES meeting_attendee(id) ON DELETE SET NULL,
	item_id      INTEGER REFERENCES meeting_item(id) ON DELETE SET NULL,
	subject      TEXT NOT NULL CHECK (length(subject) >= 1),    -- whom or what, as shown then
	correction   TEXT NOT NULL CHECK (length(correction) >= 1), -- what is right
	reason       TEXT NOT NULL CHECK (length(reason) >= 1),
	amend_date   TEXT NOT NULL,
	staff_id     INTEGER REFERENCES staff(id),
	created_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	created_by   TEXT NOT NULL DEFAULT '',
	updated_at   TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	updated_by   TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meeting_amendment_meeting ON meeting_amendment(meeting_id, id);

-- The record of a meeting that has decided (or was cancelled) is kept.
CREATE TRIGGER meeting_attendee_kept_insert BEFORE INSERT ON meeting_attendee
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
CREATE TRIGGER meeting_attendee_kept_update BEFORE UPDATE ON meeting_attendee
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
CREATE TRIGGER meeting_attendee_kept_delete BEFORE DELETE ON meeting_attendee
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
CREATE TRIGGER meeting_item_kept_insert BEFORE INSERT ON meeting_item
WHEN (SELECT state FROM meeting WHERE id = NEW.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
CREATE TRIGGER meeting_item_kept_update BEFORE UPDATE OF meeting_id, seq, title, proposal, discussion, votes_for,
	votes_against, votes_abstain, decision, decision_text, minority_opinion ON meeting_item
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
CREATE TRIGGER meeting_item_kept_delete BEFORE DELETE ON meeting_item
WHEN (SELECT state FROM meeting WHERE id = OLD.meeting_id) IN ('决议','公示','落实反馈','取消') BEGIN
	SELECT RAISE(ABORT, 'meeting record kept: record an amendment');
END;
-- An amendment is kept as it was written.
CREATE TRIGGER meeting_amendment_kept_update BEFORE UPDATE OF meeting_id, kind, subject, correction, reason, amend_date,
	staff_id ON meeting_amendment BEGIN
	SELECT RAISE(ABORT, 'an amendment is kept as written');
END;

-- @AUDIT-TRIGGERS@ (tools/gen-audit.sh)
CREATE TRIGGER meeting_amendment_audit_insert AFTER INSERT ON meeting_amendment BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_amendment', NEW.id, 'insert',
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'kind', NEW.kind, 'attendee_id', NEW.attendee_id, 'item_id', NEW.item_id, 'subject', NEW.subject, 'correction', NEW.correction, 'reason', NEW.reason, 'amend_date', NEW.amend_date, 'staff_id', NEW.staff_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_amendment_audit_update AFTER UPDATE ON meeting_amendment BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_amendment', NEW.id, 'update',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'kind', OLD.kind, 'attendee_id', OLD.attendee_id, 'item_id', OLD.item_id, 'subject', OLD.subject, 'correction', OLD.correction, 'reason', OLD.reason, 'amend_date', OLD.amend_date, 'staff_id', OLD.staff_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'meeting_id', NEW.meeting_id, 'kind', NEW.kind, 'attendee_id', NEW.attendee_id, 'item_id', NEW.item_id, 'subject', NEW.subject, 'correction', NEW.correction, 'reason', NEW.reason, 'amend_date', NEW.amend_date, 'staff_id', NEW.staff_id, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER meeting_amendment_audit_delete AFTER DELETE ON meeting_amendment BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'meeting_amendment', OLD.id, 'delete',
		json_object('id', OLD.id, 'meeting_id', OLD.meeting_id, 'kind', OLD.kind, 'attendee_id', OLD.attendee_id, 'item_id', OLD.item_id, 'subject', OLD.subject, 'correction', OLD.correction, 'reason', OLD.reason, 'amend_date', OLD.amend_date, 'staff_id', OLD.staff_id, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;
