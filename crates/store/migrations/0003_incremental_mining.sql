-- Incremental mining: every sentence of the corpus with the group (clause) it belongs
-- to, and the representative wordings that a new document's sentences are compared
-- with. A mined clause is a group that two or more provinces share; its sources are
-- the group's sentences.
DROP TABLE clause_source;
DELETE FROM clause WHERE curated = 0;
ALTER TABLE clause ADD COLUMN grp INTEGER;
CREATE UNIQUE INDEX clause_grp ON clause (grp);
-- 0 until the document's sentences are grouped (documents stored before this version
-- are mined when the database is next opened).
ALTER TABLE document ADD COLUMN mined INTEGER NOT NULL DEFAULT 0;

CREATE TABLE rep (
    id      INTEGER PRIMARY KEY,
    grp     INTEGER NOT NULL,
    res     TEXT NOT NULL,      -- parent resolution ('' when unknown): groups never mix two
    triples BLOB NOT NULL       -- sorted word-triple hashes, 8 bytes little-endian each
);
CREATE INDEX rep_grp ON rep (grp);

CREATE TABLE rep_triple (
    res    TEXT NOT NULL,
    triple INTEGER NOT NULL,
    rep    INTEGER NOT NULL,
    PRIMARY KEY (res, triple, rep)
) WITHOUT ROWID;

CREATE TABLE sentence (
    id             INTEGER PRIMARY KEY,
    document_id    INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    grp            INTEGER NOT NULL,
    province       TEXT NOT NULL,   -- or the file name when the document names none
    section        TEXT NOT NULL,
    parent_section TEXT,
    text           TEXT NOT NULL,
    general        TEXT NOT NULL
);
-- Covers the sources of a clause (group, order, document, section).
CREATE INDEX sentence_grp ON sentence (grp, id, document_id, section);
CREATE INDEX sentence_document ON sentence (document_id);
