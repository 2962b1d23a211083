-- One writer per draft: every write to a draft's model raises its revision, and a save
-- based on an older revision is refused (another window saved in between).
ALTER TABLE draft ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
