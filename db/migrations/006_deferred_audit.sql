-- 006: the audit rows of an import, written at its end in one pass per
-- table instead of by a trigger on every insert (a tenth of the time of
-- an import of 50,000 households).  While juwei_deferred() is 1 (a
-- connection between db_bulk_begin() and db_bulk_end(), see db/db.h) the
-- insert triggers of the five tables an import adds to write nothing;
-- db_bulk_end() then writes, before the commit, one 'insert' row for each
-- new row, with the same columns (those of pragma_table_info, as
-- tools/gen-audit.sh made these triggers) and the values the row is
-- committed with.  Changes an import makes to a row it added itself are
-- part of that row, and their 'update' rows are dropped: the audit log
-- holds what was committed.  Every other connection, and this one at any
-- other time, runs the triggers as 001 defined them; the triggers
-- themselves are 001's but for their WHEN.
DROP TRIGGER dwelling_audit_insert;
CREATE TRIGGER dwelling_audit_insert AFTER INSERT ON dwelling WHEN NOT juwei_deferred() BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'dwelling', NEW.id, 'insert',
		json_object('id', NEW.id, 'grid_id', NEW.grid_id, 'compound', NEW.compound, 'building', NEW.building, 'unit', NEW.unit, 'room', NEW.room, 'tenure', NEW.tenure, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
DROP TRIGGER household_audit_insert;
CREATE TRIGGER household_audit_insert AFTER INSERT ON household WHEN NOT juwei_deferred() BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household', NEW.id, 'insert',
		json_object('id', NEW.id, 'dwelling_id', NEW.dwelling_id, 'reg_no', NEW.reg_no, 'kind', NEW.kind, 'phone', NEW.phone, 'notes', NEW.notes, 'status', NEW.status, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
DROP TRIGGER resident_audit_insert;
CREATE TRIGGER resident_audit_insert AFTER INSERT ON resident WHEN NOT juwei_deferred() BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident', NEW.id, 'insert',
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'name', NEW.name, 'former_name', NEW.former_name, 'sex', NEW.sex, 'birth_date', NEW.birth_date, 'id_number', NEW.id_number, 'ethnicity', NEW.ethnicity, 'relation', NEW.relation, 'phone', NEW.phone, 'political', NEW.political, 'education', NEW.education, 'occupation', NEW.occupation, 'employment', NEW.employment, 'residence_type', NEW.residence_type, 'arrival_date', NEW.arrival_date, 'arrival_reason', NEW.arrival_reason, 'status', NEW.status, 'status_date', NEW.status_date, 'moved_to', NEW.moved_to, 'notes', NEW.notes, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
DROP TRIGGER resident_tag_audit_insert;
CREATE TRIGGER resident_tag_audit_insert AFTER INSERT ON resident_tag WHEN NOT juwei_deferred() BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'resident_tag', NEW.id, 'insert',
		json_object('id', NEW.id, 'resident_id', NEW.resident_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
DROP TRIGGER household_tag_audit_insert;
CREATE TRIGGER household_tag_audit_insert AFTER INSERT ON household_tag WHEN NOT juwei_deferred() BEGIN
	INSERT INTO audit_log(at, user, table_name, row_id, action, new_values)
	VALUES (strftime('%Y-%m-%d %H:%M:%f','now','localtime'), juwei_user(), 'household_tag', NEW.id, 'insert',
		json_object('id', NEW.id, 'household_id', NEW.household_id, 'tag_id', NEW.tag_id, 'since', NEW.since, 'note', NEW.note, 'created_at', NEW.created_at, 'created_by', NEW.created_by, 'updated_at', NEW.updated_at, 'updated_by', NEW.updated_by, 'version', NEW.version));
END;
