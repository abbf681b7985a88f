-- 007: the search terms lose their second index.  search_term_owner
-- (resident_id, household_id) served only the triggers of 002, to find
-- the terms of a row that changes or goes.  Those terms are what the
-- term functions return for the row's old values, and the primary key
-- begins with the term: so the triggers compute them again and delete
-- them by key.  The index was a third of the size of the terms (41 MB of
-- 121 MB for 50,000 households), and making it again after an import a
-- tenth of the import's time.
--
-- This holds while the term functions return, for the same values, what
-- they returned when the terms were made.  A change to what they return
-- (core/searchkey.c) needs a migration that makes search_term again from
-- every resident and household, as the end of 002 does; it needed one
-- already, for the old rows to be found by the new terms.
DROP INDEX search_term_owner;

DROP TRIGGER resident_search_update;
CREATE TRIGGER resident_search_update
AFTER UPDATE OF name, former_name, id_number, phone, household_id, relation ON resident BEGIN
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_search_terms(OLD.name, OLD.id_number, OLD.phone)))
	   AND household_id = OLD.household_id AND resident_id = OLD.id AND former = 0;
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_former_terms(OLD.former_name)))
	   AND household_id = OLD.household_id AND resident_id = OLD.id AND former = 1;
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.name, NEW.relation, 0
	  FROM json_each(juwei_search_terms(NEW.name, NEW.id_number, NEW.phone));
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.former_name, NEW.relation, 1
	  FROM json_each(juwei_former_terms(NEW.former_name));
END;
DROP TRIGGER resident_search_delete;
CREATE TRIGGER resident_search_delete AFTER DELETE ON resident BEGIN
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_search_terms(OLD.name, OLD.id_number, OLD.phone)))
	   AND household_id = OLD.household_id AND resident_id = OLD.id AND former = 0;
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_former_terms(OLD.former_name)))
	   AND household_id = OLD.household_id AND resident_id = OLD.id AND former = 1;
END;

DROP TRIGGER household_search_update;
CREATE TRIGGER household_search_update AFTER UPDATE OF phone ON household BEGIN
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_phone_terms(OLD.phone)))
	   AND household_id = OLD.id AND resident_id = 0 AND former = 0;
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.id, 0, '', '', 0 FROM json_each(juwei_phone_terms(NEW.phone));
END;
DROP TRIGGER household_search_delete;
CREATE TRIGGER household_search_delete AFTER DELETE ON household BEGIN
	DELETE FROM search_term WHERE term IN (SELECT value FROM json_each(juwei_phone_terms(OLD.phone)))
	   AND household_id = OLD.id AND resident_id = 0 AND former = 0;
END;
