-- The consultation round (issue 14): reviewers' copies imported for a draft, each
-- comment or proposed change in them, and how the drafter handled it.
CREATE TABLE review_copy (
    id          INTEGER PRIMARY KEY,
    draft_id    INTEGER NOT NULL REFERENCES draft (id) ON DELETE CASCADE,
    version_id  INTEGER REFERENCES version (id) ON DELETE SET NULL,  -- the version it was sent as
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    reviewer    TEXT NOT NULL,           -- the body (Sở Nội vụ …)
    mapping     TEXT NOT NULL,           -- own, same, aligned, unrelated
    similarity  REAL NOT NULL,
    formatting  INTEGER NOT NULL DEFAULT 0,  -- formatting changes counted
    notes       TEXT NOT NULL DEFAULT '[]',  -- JSON array of messages for the user
    copy_text   TEXT NOT NULL,           -- core CopyText as JSON: re-placing needs no file
    sent        TEXT NOT NULL,           -- the copy parsed as sent (model JSON)
    imported_at TEXT NOT NULL,
    UNIQUE (draft_id, sha256)
);
CREATE INDEX review_copy_draft ON review_copy (draft_id, id);

CREATE TABLE review_item (
    id         INTEGER PRIMARY KEY,
    copy_id    INTEGER NOT NULL REFERENCES review_copy (id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,         -- its order in the copy: stable when re-placed
    reviewer   TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('comment', 'insert', 'delete', 'replace')),
    path       TEXT NOT NULL,
    item       TEXT NOT NULL,            -- core review Item as JSON
    status     TEXT NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'accepted', 'partial', 'explained')),
    answer     TEXT NOT NULL DEFAULT '',
    updated_at TEXT,
    UNIQUE (copy_id, seq)
);
