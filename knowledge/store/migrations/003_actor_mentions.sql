-- How often each actor is mentioned in its document, for ranking actors
-- without counting mentions at question time.
ALTER TABLE actors ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
