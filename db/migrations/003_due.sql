-- 003: when each household is due for a visit, kept up to date so that
-- the Today view is one index range scan (household_due_due) however big
-- the register is.
--
-- The rule: a household that lives here and has tags with a visiting
-- interval (its own, or those of its living residents) is due, for each
-- such tag, interval days after the later of its last visit and the day
-- the tag was given; its due date is the earliest of these.  Visits
-- dated after today (juwei_today(), which juwei registers) do not count.
-- Never visited: due is '' (before every date), i.e. due at once.
CREATE TABLE household_due (
	household_id INTEGER PRIMARY KEY REFERENCES household(id) ON DELETE CASCADE,
	last         TEXT,            -- the last visit, NULL: never visited
	due          TEXT NOT NULL    -- 'YYYY-MM-DD', or '' when never visited
);
CREATE INDEX household_due_due ON household_due(due, household_id);

CREATE VIEW household_due_now(household_id, last, due) AS
SELECT x.id, x.last,
	(SELECT CASE WHEN count(*) = 0 THEN NULL WHEN x.last IS NULL THEN ''
		ELSE min(date(max(x.last, n.since), '+' || n.iv || ' days')) END
	   FROM (SELECT t.interval_days AS iv, coalesce(ht.since, '') AS since
		   FROM household_tag ht JOIN tag t ON t.id = ht.tag_id
		  WHERE ht.household_id = x.id AND t.interval_days IS NOT NULL AND t.active = 1
		 UNION ALL
		 SELECT t.interval_days, coalesce(rt.since, '')
		   FROM resident r JOIN resident_tag rt ON rt.resident_id = r.id JOIN tag t ON t.id = rt.tag_id
		  WHERE r.household_id = x.id AND r.status = '在住'
		    AND t.interval_days IS NOT NULL AND t.active = 1) n)
  FROM (SELECT h.id AS id, (SELECT max(v.visit_date) FROM visit v
		WHERE v.household_id = h.id AND v.visit_date <= juwei_today()) AS last
	  FROM household h WHERE h.status = '在住') x;

-- Work out one household again (hid), as the triggers below do.
--   DELETE FROM household_due WHERE household_id = hid;
--   INSERT INTO household_due SELECT * FROM household_due_now
--    WHERE household_id = hid AND due IS NOT NULL;

CREATE TRIGGER visit_due_insert AFTER INSERT ON visit BEGIN
	DELETE FROM household_due WHERE household_id = NEW.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = NEW.household_id AND due IS NOT NULL;
END;
CREATE TRIGGER visit_due_update AFTER UPDATE OF visit_date, household_id ON visit BEGIN
	DELETE FROM household_due WHERE household_id IN (OLD.household_id, NEW.household_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id IN (OLD.household_id, NEW.household_id) AND due IS NOT NULL;
END;
CREATE TRIGGER visit_due_delete AFTER DELETE ON visit BEGIN
	DELETE FROM household_due WHERE household_id = OLD.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = OLD.household_id AND due IS NOT NULL;
END;

CREATE TRIGGER household_tag_due_insert AFTER INSERT ON household_tag BEGIN
	DELETE FROM household_due WHERE household_id = NEW.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = NEW.household_id AND due IS NOT NULL;
END;
CREATE TRIGGER household_tag_due_update AFTER UPDATE ON household_tag BEGIN
	DELETE FROM household_due WHERE household_id IN (OLD.household_id, NEW.household_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id IN (OLD.household_id, NEW.household_id) AND due IS NOT NULL;
END;
CREATE TRIGGER household_tag_due_delete AFTER DELETE ON household_tag BEGIN
	DELETE FROM household_due WHERE household_id = OLD.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = OLD.household_id AND due IS NOT NULL;
END;

CREATE TRIGGER resident_tag_due_insert AFTER INSERT ON resident_tag BEGIN
	DELETE FROM household_due WHERE household_id = (SELECT household_id FROM resident WHERE id = NEW.resident_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = (SELECT household_id FROM resident WHERE id = NEW.resident_id) AND due IS NOT NULL;
END;
CREATE TRIGGER resident_tag_due_update AFTER UPDATE ON resident_tag BEGIN
	DELETE FROM household_due WHERE household_id IN (SELECT household_id FROM resident
		WHERE id IN (OLD.resident_id, NEW.resident_id));
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id IN (SELECT household_id FROM resident WHERE id IN (OLD.resident_id, NEW.resident_id))
	   AND due IS NOT NULL;
END;
CREATE TRIGGER resident_tag_due_delete AFTER DELETE ON resident_tag BEGIN
	DELETE FROM household_due WHERE household_id = (SELECT household_id FROM resident WHERE id = OLD.resident_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = (SELECT household_id FROM resident WHERE id = OLD.resident_id) AND due IS NOT NULL;
END;

CREATE TRIGGER resident_due_update AFTER UPDATE OF status, household_id ON resident BEGIN
	DELETE FROM household_due WHERE household_id IN (OLD.household_id, NEW.household_id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id IN (OLD.household_id, NEW.household_id) AND due IS NOT NULL;
END;
CREATE TRIGGER resident_due_delete AFTER DELETE ON resident BEGIN
	DELETE FROM household_due WHERE household_id = OLD.household_id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = OLD.household_id AND due IS NOT NULL;
END;

CREATE TRIGGER household_due_status AFTER UPDATE OF status ON household BEGIN
	DELETE FROM household_due WHERE household_id = NEW.id;
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id = NEW.id AND due IS NOT NULL;
END;

-- A tag's interval or activity changed: every household holding it.
CREATE TRIGGER tag_due_update AFTER UPDATE OF interval_days, active ON tag BEGIN
	DELETE FROM household_due WHERE household_id IN (
		SELECT household_id FROM household_tag WHERE tag_id = NEW.id
		UNION SELECT r.household_id FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id
		 WHERE rt.tag_id = NEW.id);
	INSERT INTO household_due SELECT * FROM household_due_now
	 WHERE household_id IN (
		SELECT household_id FROM household_tag WHERE tag_id = NEW.id
		UNION SELECT r.household_id FROM resident_tag rt JOIN resident r ON r.id = rt.resident_id
		 WHERE rt.tag_id = NEW.id)
	   AND due IS NOT NULL;
END;

-- What is there already.
INSERT INTO household_due SELECT * FROM household_due_now WHERE due IS NOT NULL;

-- Follow-ups still open, for the Today view.
CREATE INDEX visit_follow_up ON visit(visit_date, id) WHERE follow_up = 1 AND follow_up_done = 0;
