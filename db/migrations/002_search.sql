-- 002: the search index.  Each resident (and each household's own
-- phone) has terms whose prefixes a query looks up in this b-tree; see
-- core/searchkey.h for what the terms are.  A row carries the name it
-- was made from and the relation, so that a lookup reads nothing else.
-- Triggers keep it current on every insert, update and delete through
-- juwei_search_terms(), juwei_former_terms() and juwei_phone_terms(),
-- which juwei registers on each connection.
-- name and relation carry no NOT NULL: SQLite 3.40's integrity_check
-- wrongly reports NULLs in such columns of a WITHOUT ROWID table that has
-- a second index.  The triggers below never store a NULL there.
CREATE TABLE search_term (
	term         TEXT NOT NULL,
	household_id INTEGER NOT NULL,
	resident_id  INTEGER NOT NULL,   -- 0: the household's own phone
	former       INTEGER NOT NULL,   -- 1: made from the former name
	name         TEXT,               -- the name (or former name) matched
	relation     TEXT,
	PRIMARY KEY (term, household_id, resident_id, former)
) WITHOUT ROWID;
CREATE INDEX search_term_owner ON search_term(resident_id, household_id);

CREATE TRIGGER resident_search_insert AFTER INSERT ON resident BEGIN
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.name, NEW.relation, 0
	  FROM json_each(juwei_search_terms(NEW.name, NEW.id_number, NEW.phone));
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.former_name, NEW.relation, 1
	  FROM json_each(juwei_former_terms(NEW.former_name));
END;
CREATE TRIGGER resident_search_update
AFTER UPDATE OF name, former_name, id_number, phone, household_id, relation ON resident BEGIN
	DELETE FROM search_term WHERE resident_id = OLD.id;
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.name, NEW.relation, 0
	  FROM json_each(juwei_search_terms(NEW.name, NEW.id_number, NEW.phone));
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.household_id, NEW.id, NEW.former_name, NEW.relation, 1
	  FROM json_each(juwei_former_terms(NEW.former_name));
END;
CREATE TRIGGER resident_search_delete AFTER DELETE ON resident BEGIN
	DELETE FROM search_term WHERE resident_id = OLD.id;
END;

CREATE TRIGGER household_search_insert AFTER INSERT ON household BEGIN
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.id, 0, '', '', 0 FROM json_each(juwei_phone_terms(NEW.phone));
END;
CREATE TRIGGER household_search_update AFTER UPDATE OF phone ON household BEGIN
	DELETE FROM search_term WHERE resident_id = 0 AND household_id = OLD.id;
	INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
	SELECT value, NEW.id, 0, '', '', 0 FROM json_each(juwei_phone_terms(NEW.phone));
END;
CREATE TRIGGER household_search_delete AFTER DELETE ON household BEGIN
	DELETE FROM search_term WHERE resident_id = 0 AND household_id = OLD.id;
END;

-- What is there already (once, when this migration runs).
INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
SELECT j.value, r.household_id, r.id, r.name, r.relation, 0
  FROM resident r, json_each(juwei_search_terms(r.name, r.id_number, r.phone)) j;
INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
SELECT j.value, r.household_id, r.id, r.former_name, r.relation, 1
  FROM resident r, json_each(juwei_former_terms(r.former_name)) j WHERE r.former_name IS NOT NULL;
INSERT OR IGNORE INTO search_term(term, household_id, resident_id, name, relation, former)
SELECT j.value, h.id, 0, '', '', 0 FROM household h, json_each(juwei_phone_terms(h.phone)) j;

-- Room numbers typed alone ("501") are looked up too.
CREATE INDEX dwelling_room ON dwelling(room);
