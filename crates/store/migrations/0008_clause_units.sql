-- Clause mining now works on clause units (sentences split after `;` too) and keeps
-- shared cores as representatives: the mined data of earlier versions is dropped and
-- every document is mined again when the database is next opened (`mined = 0`).
-- Curated clauses stay.
DELETE FROM clause WHERE curated = 0;
DELETE FROM sentence;
DELETE FROM rep_triple;
DELETE FROM rep;
UPDATE document SET mined = 0;
