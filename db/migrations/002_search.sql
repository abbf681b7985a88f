-- 002: the search index.  Each resident (and each household's own
-- phone) has terms whose prefixes a query looks up in this b-tree; see
-- core/searchkey.h for what the terms are.  Triggers keep it current on
-- every insert, update and delete through juwei_search_terms() and
-- juwei_phone_terms(), which juwei registers on each connection.
CREATE TABLE search_term (
	term         TEXT NOT NULL,
	resident_id  INTEGER NOT NULL,   -- 0: the household's own phone
	household_id INTEGER NOT NULL,
	PRIMARY KEY (term, household_id, resident_id)
) WITHOUT ROWID;
CREATE INDEX search_term_owner ON search_term(resident_id, household_id);

CREATE TRIGGER resident_search_insert AFTER INSERT ON resident BEGIN
	INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
	SELECT value, NEW.id, NEW.household_id
	  FROM json_each(juwei_search_terms(NEW.name, NEW.former_name, NEW.id_number, NEW.phone));
END;
CREATE TRIGGER resident_search_update
AFTER UPDATE OF name, former_name, id_number, phone, household_id ON resident BEGIN
	DELETE FROM search_term WHERE resident_id = OLD.id;
	INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
	SELECT value, NEW.id, NEW.household_id
	  FROM json_each(juwei_search_terms(NEW.name, NEW.former_name, NEW.id_number, NEW.phone));
END;
CREATE TRIGGER resident_search_delete AFTER DELETE ON resident BEGIN
	DELETE FROM search_term WHERE resident_id = OLD.id;
END;

CREATE TRIGGER household_search_insert AFTER INSERT ON household BEGIN
	INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
	SELECT value, 0, NEW.id FROM json_each(juwei_phone_terms(NEW.phone));
END;
CREATE TRIGGER household_search_update AFTER UPDATE OF phone ON household BEGIN
	DELETE FROM search_term WHERE resident_id = 0 AND household_id = OLD.id;
	INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
	SELECT value, 0, NEW.id FROM json_each(juwei_phone_terms(NEW.phone));
END;
CREATE TRIGGER household_search_delete AFTER DELETE ON household BEGIN
	DELETE FROM search_term WHERE resident_id = 0 AND household_id = OLD.id;
END;

-- What is there already (once, when this migration runs).
INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
SELECT j.value, r.id, r.household_id FROM resident r,
       json_each(juwei_search_terms(r.name, r.former_name, r.id_number, r.phone)) j;
INSERT OR IGNORE INTO search_term(term, resident_id, household_id)
SELECT j.value, 0, h.id FROM household h, json_each(juwei_phone_terms(h.phone)) j;

-- Room numbers typed alone ("501") are looked up too.
CREATE INDEX dwelling_room ON dwelling(room);
