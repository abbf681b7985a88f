-- 009: drafts belong to the session that typed them.
--
-- One clerk may have the same form open in two terminals; a draft
-- keyed by user, form and record alone was offered to the other terminal
-- while still being typed, and one save deleted the other's draft.  A
-- session is one running juwei (its host, process and the process's
-- start, so that a reused process id is not taken for it); a draft is
-- offered to its own session, or to any session of the same user once
-- its own has ended.  Neither table is part of the register: not
-- audited.
CREATE TABLE session (
	id       INTEGER PRIMARY KEY,
	user     TEXT NOT NULL,
	host     TEXT NOT NULL,
	pid      INTEGER NOT NULL,
	started  TEXT NOT NULL,   -- the process's own start, as the system tells it
	seen_at  TEXT NOT NULL DEFAULT (datetime('now','localtime'))
);

CREATE TABLE draft_new (
	id          INTEGER PRIMARY KEY,
	user        TEXT NOT NULL,
	form        TEXT NOT NULL,
	record_id   INTEGER NOT NULL DEFAULT 0,  -- 0 for a new record
	session_id  INTEGER,                     -- NULL: a session that has ended
	data        TEXT NOT NULL CHECK (json_valid(data)),
	saved_at    TEXT NOT NULL DEFAULT (datetime('now','localtime')),
	UNIQUE (user, form, record_id, session_id)
);
INSERT INTO draft_new(id, user, form, record_id, session_id, data, saved_at)
	SELECT id, user, form, record_id, NULL, data, saved_at FROM draft;
DROP TABLE draft;
ALTER TABLE draft_new RENAME TO draft;
