-- 004: work an import can do at the end, in one pass, instead of once per
-- row.  While juwei_deferred() is 1 (a connection in db_bulk_begin(),
-- see db/db.h) these insert triggers do nothing, and db_bulk_end() adds
-- the search terms and due dates of the new rows before the commit.
-- Every other connection, and this one at any other time, runs them as
-- migrations 002 and 003 defined them.
DROP TRIGGER resident_search_insert;
CREATE TRIGGER resident_search_insert AFTER INSERT ON resident WHEN NOT juwei_deferred() BEGIN
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.name, NEW.relation, 0
	  FROM json_each(juwei_search_terms(NEW.name, NEW.id_number, NEW.phone));
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.former_name, NEW.relation, 1
	  FROM json_each(juwei_former_terms(NEW.former_name));
END;
DROP TRIGGER household_search_insert;
CREATE TRIGGER household_search_insert AFTER INSERT ON household WHEN NOT juwei_deferred() BEGIN
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.id, 0, '', '', 0 FROM json_each(juwei_phone_terms(NEW.phone));
END;
DROP TRIGGER household_tag_due_insert;
CREATE TRIGGER household_tag_due_insert AFTER INSERT ON household_tag WHEN NOT juwei_deferred() BEGIN
	DELETE FROM household_due WHERE household_id = NEW.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = NEW.household_id AND due IS NOT NULL;
END;
DROP TRIGGER resident_tag_due_insert;
CREATE TRIGGER resident_tag_due_insert AFTER INSERT ON resident_tag WHEN NOT juwei_deferred() BEGIN
	DELETE FROM household_due WHERE household_id = (SELECT household_id FROM resident WHERE id = NEW.resident_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = (SELECT household_id FROM resident WHERE id = NEW.resident_id) AND due IS NOT NULL;
END;

-- The grid of a new dwelling is the one most dwellings of its building
-- (else of its compound) are in: counted in this index alone, and at
-- once when nothing has a grid yet.
CREATE INDEX dwelling_place_grid ON dwelling(compound, building, grid_id) WHERE grid_id IS NOT NULL;
