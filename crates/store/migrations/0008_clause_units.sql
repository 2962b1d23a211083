-- Clause mining now works on clause units (sentences split after `;` too), keeps
-- shared cores as representatives and makes the resolution's names placeholders: the mined data of earlier versions is dropped and
-- every document is mined again when the database is next opened (`mined = 0`).
-- Curated clauses stay.
DELETE FROM clause WHERE curated = 0;
DELETE FROM sentence;
DELETE FROM rep_triple;
DELETE FROM rep;
UPDATE document SET mined = 0;
-- The generic kind of a sentence's section (`to-chuc-thuc-hien` …) when it names
-- nothing of its resolution; a clause's kind and resolution, so that the generic
-- clauses of other resolutions' programmes can be offered to a draft.
ALTER TABLE sentence ADD COLUMN kind TEXT;
ALTER TABLE clause ADD COLUMN res TEXT;
ALTER TABLE clause ADD COLUMN kind TEXT;
CREATE INDEX clause_kind ON clause (kind, res);
