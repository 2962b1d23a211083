-- The corpus: documents imported for comparison and clause mining.
CREATE TABLE document (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,   -- of the file's bytes: the same file is imported once
    file_name   TEXT NOT NULL,
    province    TEXT,
    issuer      TEXT,
    kind        TEXT,                   -- party | state
    doc_type    TEXT,
    year        INTEGER,
    parent      TEXT,                   -- the resolution it implements, e.g. 45-NQ/TW
    model       TEXT NOT NULL,          -- the document model as JSON
    imported_at TEXT NOT NULL
);
CREATE INDEX document_parent ON document (parent);
