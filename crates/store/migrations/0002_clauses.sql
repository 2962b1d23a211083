-- Clauses: wordings shared by several provinces for a parent section, mined from the
-- corpus (curated = 0) or written by the user (curated = 1).
CREATE TABLE clause (
    id             INTEGER PRIMARY KEY,
    parent_section TEXT,                 -- e.g. 45-NQ/TW#III.3
    template       TEXT NOT NULL,        -- with {tỉnh}, {Tỉnh ủy}, {năm}
    folded         TEXT NOT NULL,        -- template without case, tone marks, đ: what search sees
    provinces      TEXT NOT NULL,        -- JSON array of province names
    province_count INTEGER NOT NULL,
    curated        INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
);
CREATE INDEX clause_parent ON clause (parent_section);

CREATE TABLE clause_source (
    clause_id   INTEGER NOT NULL REFERENCES clause (id) ON DELETE CASCADE,
    document_id INTEGER REFERENCES document (id) ON DELETE CASCADE,
    document    TEXT NOT NULL,
    province    TEXT,
    section     TEXT NOT NULL,
    text        TEXT NOT NULL
);
CREATE INDEX clause_source_clause ON clause_source (clause_id);

-- Full-text index over the folded copy, so that `dang` finds `Đảng`.
CREATE VIRTUAL TABLE clause_fts USING fts5 (folded, content = 'clause', content_rowid = 'id', tokenize = 'unicode61');
CREATE TRIGGER clause_ai AFTER INSERT ON clause BEGIN
    INSERT INTO clause_fts (rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER clause_ad AFTER DELETE ON clause BEGIN
    INSERT INTO clause_fts (clause_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;
CREATE TRIGGER clause_au AFTER UPDATE ON clause BEGIN
    INSERT INTO clause_fts (clause_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
    INSERT INTO clause_fts (rowid, folded) VALUES (new.id, new.folded);
END;
