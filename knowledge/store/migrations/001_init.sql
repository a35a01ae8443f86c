-- The briefings, their sentences, and the facts extracted from them.
-- Every fact belongs to a sentence; deleting a document deletes all of it.

-- Settings of the store: "generation" counts committed ingests.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('generation', '0');

CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    path      TEXT    NOT NULL UNIQUE,
    title     TEXT    NOT NULL,
    date      TEXT    NOT NULL DEFAULT '',
    hash      TEXT    NOT NULL,
    size      INTEGER NOT NULL,
    sentences INTEGER NOT NULL,
    facts     INTEGER NOT NULL
);

CREATE TABLE sentences (
    id     INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    n      INTEGER NOT NULL,
    text   TEXT    NOT NULL,
    UNIQUE (doc_id, n)
);

-- Full-text index of sentences, stemmed, kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5 (
    text,
    content = 'sentences',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
    INSERT INTO sentences_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
    INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TABLE actors (
    id          INTEGER PRIMARY KEY,
    doc_id      INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    local       INTEGER NOT NULL, -- the actor's ID within its document
    key         TEXT    NOT NULL, -- the same actor across documents
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL DEFAULT '',
    org         TEXT    NOT NULL DEFAULT '',
    country     TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    UNIQUE (doc_id, local)
);
CREATE INDEX actors_key ON actors (key);
CREATE INDEX actors_org ON actors (org) WHERE org <> '';
CREATE INDEX actors_country ON actors (country) WHERE country <> '';

CREATE TABLE aliases (
    alias    TEXT    NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, actor_id)
) WITHOUT ROWID;
CREATE INDEX aliases_actor ON aliases (actor_id);

CREATE TABLE mentions (
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL
);
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE INDEX mentions_sentence ON mentions (sentence_id);

CREATE TABLE statements (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    speaker_id  INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    cue         TEXT    NOT NULL,
    content     TEXT    NOT NULL,
    direct      INTEGER NOT NULL,
    negated     INTEGER NOT NULL
);
CREATE INDEX statements_speaker ON statements (speaker_id);
CREATE INDEX statements_sentence ON statements (sentence_id);

CREATE TABLE quantities (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    value       REAL    NOT NULL,
    high        REAL    NOT NULL,
    unit        TEXT    NOT NULL,
    hedge       TEXT    NOT NULL,
    counted     TEXT    NOT NULL,
    claimant_id INTEGER REFERENCES actors (id) ON DELETE CASCADE,
    source      TEXT    NOT NULL
);
CREATE INDEX quantities_sentence ON quantities (sentence_id);

CREATE TABLE times (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    text        TEXT    NOT NULL,
    norm        TEXT    NOT NULL,
    event       TEXT    NOT NULL
);
CREATE INDEX times_sentence ON times (sentence_id);

CREATE TABLE roles (
    id          INTEGER PRIMARY KEY,
    sentence_id INTEGER NOT NULL REFERENCES sentences (id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
    title       TEXT    NOT NULL,
    of          TEXT    NOT NULL
);
CREATE INDEX roles_actor ON roles (actor_id);

-- Document frequency of each stemmed term, for ranking.
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, 'row');
