-- Drafts (the document model as JSON), their named versions, and settings.
CREATE TABLE draft (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,           -- type and summary, as shown in the library
    province   TEXT,
    parent     TEXT,                    -- what it implements (45-NQ/TW, or an imported document's summary)
    profile    TEXT NOT NULL DEFAULT 'party',
    model      TEXT NOT NULL,
    folded     TEXT NOT NULL,           -- title, province and text folded: what search sees
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE version (
    id         INTEGER PRIMARY KEY,
    draft_id   INTEGER NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,           -- «Dự thảo lần 2»
    author     TEXT,
    model      TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX version_draft ON version (draft_id, id);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Imported documents are searched by the same folded text; filled when the database
-- is opened for documents stored before.
ALTER TABLE document ADD COLUMN folded TEXT;
ALTER TABLE document ADD COLUMN summary TEXT;

-- What `Store::open` looks for at every start, found without reading the documents.
CREATE INDEX document_unmined ON document (id) WHERE mined = 0;
CREATE INDEX document_unfolded ON document (id) WHERE folded IS NULL;
