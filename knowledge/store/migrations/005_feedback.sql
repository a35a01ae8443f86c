-- 👍/👎 votes on answers, with the question and the answer as shown, kept as
-- evaluation material (exported by `briefbot feedback --json`). Independent of
-- the briefings: a reload never touches it.
CREATE TABLE feedback (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,    -- RFC 3339, UTC
	user_id   TEXT NOT NULL,
	vote      TEXT NOT NULL CHECK (vote IN ('up', 'down')),
	question  TEXT NOT NULL,
	answer    TEXT NOT NULL,
	citations TEXT NOT NULL     -- JSON array of {document, sentence, text}
);
