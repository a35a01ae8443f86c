-- 👍/👎 votes on answers, with the question and the answer as shown, kept as
-- evaluation material (exported by `briefbot feedback --json`), as in the
-- embedded store's migration 005. A reload never touches it.
CREATE TABLE feedback (
	id        BIGSERIAL PRIMARY KEY,
	at        TIMESTAMPTZ NOT NULL,
	user_id   TEXT NOT NULL,
	vote      TEXT NOT NULL CHECK (vote IN ('up', 'down')),
	question  TEXT NOT NULL,
	answer    TEXT NOT NULL,
	citations JSONB NOT NULL     -- array of {document, sentence, text}
);
