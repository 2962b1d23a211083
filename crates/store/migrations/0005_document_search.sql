-- Library search over imported documents by an FTS5 index of their folded text
-- (trigram tokens: a phrase is found anywhere, as `LIKE '%…%'` found it, without
-- reading every document). External content: the text lives once, in document.folded;
-- the triggers keep the index in step.
CREATE VIRTUAL TABLE document_fts USING fts5(folded, content = 'document', content_rowid = 'id', tokenize = 'trigram');

CREATE TRIGGER document_fts_insert AFTER INSERT ON document WHEN new.folded IS NOT NULL BEGIN
    INSERT INTO document_fts (rowid, folded) VALUES (new.id, new.folded);
END;

CREATE TRIGGER document_fts_delete AFTER DELETE ON document WHEN old.folded IS NOT NULL BEGIN
    INSERT INTO document_fts (document_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;

CREATE TRIGGER document_fts_update AFTER UPDATE OF folded ON document BEGIN
    INSERT INTO document_fts (document_fts, rowid, folded)
        SELECT 'delete', old.id, old.folded WHERE old.folded IS NOT NULL;
    INSERT INTO document_fts (rowid, folded) SELECT new.id, new.folded WHERE new.folded IS NOT NULL;
END;

INSERT INTO document_fts (rowid, folded) SELECT id, folded FROM document WHERE folded IS NOT NULL;
