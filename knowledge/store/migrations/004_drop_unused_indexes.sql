-- No query looks actors up by key, organisation or country: the answer engine
-- holds all actors in memory. These indexes only slowed every ingest down.
DROP INDEX IF EXISTS actors_key;
DROP INDEX IF EXISTS actors_org;
DROP INDEX IF EXISTS actors_country;
