-- The briefings, their sentences, and the facts extracted from them, as in the
-- embedded store's schema. Text sorts byte by byte (COLLATE "C"), as in SQLite,
-- so that both stores list things in the same order.

-- Settings of the store: "generation" counts committed ingests.
CREATE TABLE meta (
    key   TEXT COLLATE "C" PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO meta (key, value) VALUES ('generation', '0');

CREATE TABLE documents (
    id        BIGINT PRIMARY KEY,
    path      TEXT COLLATE "C" NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    date      TEXT COLLATE "C" NOT NULL DEFAULT '',
    hash      TEXT NOT NULL,
    size      BIGINT NOT NULL,
    sentences INTEGER NOT NULL,
    facts     INTEGER NOT NULL
);
CREATE INDEX documents_order ON documents (date DESC, path);

-- terms holds the sentence's stems with their positions as the project's own
-- stemmer makes them (package stem, the same terms as the embedded store's FTS5
-- index), so that PostgreSQL adds no stemmer of its own; tokens counts them, for
-- bm25 as FTS5 computes it.
CREATE TABLE sentences (
    id     BIGINT PRIMARY KEY,
    doc_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n      INTEGER NOT NULL,
    text   TEXT NOT NULL,
    terms  TSVECTOR NOT NULL,
    tokens INTEGER NOT NULL,
    UNIQUE (doc_id, n)
);
CREATE INDEX sentences_terms ON sentences USING GIN (terms);

-- How many sentences hold each term, kept by the ingest, for ranking.
CREATE TABLE vocab (
    term TEXT COLLATE "C" PRIMARY KEY,
    docs INTEGER NOT NULL
);

CREATE TABLE actors (
    id          BIGINT PRIMARY KEY,
    doc_id      BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local       INTEGER NOT NULL,
    key         TEXT COLLATE "C" NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL DEFAULT '',
    org         TEXT NOT NULL DEFAULT '',
    country     TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    mentions    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (doc_id, local)
);

CREATE TABLE aliases (
    alias    TEXT COLLATE "C" NOT NULL,
    actor_id BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, actor_id)
);
CREATE INDEX aliases_actor ON aliases (actor_id);

CREATE TABLE mentions (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor_id    BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    sentence_id BIGINT NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);

CREATE TABLE statements (
    id          BIGINT PRIMARY KEY,
    sentence_id BIGINT NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    speaker_id  BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    cue         TEXT NOT NULL,
    content     TEXT NOT NULL,
    direct      BOOLEAN NOT NULL,
    negated     BOOLEAN NOT NULL
);
CREATE INDEX statements_speaker ON statements (speaker_id);
CREATE INDEX statements_sentence ON statements (sentence_id);

CREATE TABLE quantities (
    id          BIGINT PRIMARY KEY,
    sentence_id BIGINT NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    high        DOUBLE PRECISION NOT NULL,
    unit        TEXT NOT NULL,
    hedge       TEXT NOT NULL,
    counted     TEXT NOT NULL,
    claimant_id BIGINT REFERENCES actors (id) ON DELETE CASCADE,
    source      TEXT NOT NULL
);
CREATE INDEX quantities_sentence ON quantities (sentence_id);
CREATE INDEX quantities_claimant ON quantities (claimant_id);

CREATE TABLE times (
    id          BIGINT PRIMARY KEY,
    sentence_id BIGINT NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    norm        TEXT NOT NULL,
    event       TEXT NOT NULL
);
CREATE INDEX times_sentence ON times (sentence_id);

CREATE TABLE roles (
    id          BIGINT PRIMARY KEY,
    sentence_id BIGINT NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    actor_id    BIGINT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    of          TEXT NOT NULL
);
CREATE INDEX roles_actor ON roles (actor_id);
CREATE INDEX roles_sentence ON roles (sentence_id);
