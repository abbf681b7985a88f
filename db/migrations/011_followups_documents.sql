-- 011: a follow-up visit (回访) says how it was made, and the documents
-- juwei writes remember whose they are.
--
-- case_event.method: how a 回访 was made (上门, 电话, 当面, 微信, 其他).
-- A case moves from 履行中 to 已回访 only with a 回访 record that names
-- its date, who made it, how, and what was found (core/mediation.c);
-- the records kept before this migration have no method.  The audit
-- triggers of case_event are 001's with the new column.
-- The CHECK is written as 005 writes lists.
ALTER TABLE case_event ADD COLUMN method TEXT
	CHECK (CASE method WHEN '上门' THEN 1 WHEN '电话' THEN 1 WHEN '当面' THEN 1 WHEN '微信' THEN 1 WHEN '其他' THEN 1 ELSE method IS NULL END);
DROP TRIGGER case_event_audit_insert;
DROP TRIGGER case_event_audit_update;
DROP TRIGGER case_event_audit_delete;
CREATE TRIGGER case_event_audit_insert AFTER INSERT ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', NEW.id, 'insert',
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'kind', NEW.kind, 'event_date', NEW.event_date, 'staff_id', NEW.staff_id, 'text', NEW.text, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'performance', NEW.performance, 'satisfaction', NEW.satisfaction, 'flare_up', NEW.flare_up, 'method', NEW.method, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_event_audit_update AFTER UPDATE ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', NEW.id, 'update',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'kind', OLD.kind, 'event_date', OLD.event_date, 'staff_id', OLD.staff_id, 'text', OLD.text, 'from_state', OLD.from_state, 'to_state', OLD.to_state, 'performance', OLD.performance, 'satisfaction', OLD.satisfaction, 'flare_up', OLD.flare_up, 'method', OLD.method, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version),
		json_object('id', NEW.id, 'case_id', NEW.case_id, 'kind', NEW.kind, 'event_date', NEW.event_date, 'staff_id', NEW.staff_id, 'text', NEW.text, 'from_state', NEW.from_state, 'to_state', NEW.to_state, 'performance', NEW.performance, 'satisfaction', NEW.satisfaction, 'flare_up', NEW.flare_up, 'method', NEW.method, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
CREATE TRIGGER case_event_audit_delete AFTER DELETE ON case_event BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, old_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'case_event', OLD.id, 'delete',
		json_object('id', OLD.id, 'case_id', OLD.case_id, 'kind', OLD.kind, 'event_date', OLD.event_date, 'staff_id', OLD.staff_id, 'text', OLD.text, 'from_state', OLD.from_state, 'to_state', OLD.to_state, 'performance', OLD.performance, 'satisfaction', OLD.satisfaction, 'flare_up', OLD.flare_up, 'method', OLD.method, 'created_at', OLD.created_at, 'created_by', OLD.created_by, 'updated_at', OLD.updated_at, 'updated_by', OLD.updated_by, 'version', OLD.version));
END;

-- document_file: each file a document was written to, and the record
-- and document it holds ('mediation_case:12' and '回访记录',
-- 'meeting:5' and '会议通知', 'case_register:2026' and the register).
-- Printing again replaces the file of the same record and document; a
-- file of that name that holds another record's, or one juwei did not
-- write, is kept, and the new one gets a name ending -2, -3 ...  It
-- says where files went, not what the register holds: not audited.
CREATE TABLE document_file (
	path        TEXT PRIMARY KEY,
	record      TEXT NOT NULL,
	kind        TEXT NOT NULL,
	written_at  TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	written_by  TEXT NOT NULL DEFAULT ''
);
