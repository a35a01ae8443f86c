-- Indexes on the foreign keys that had none. Deleting a document cascades to its
-- sentences and actors, and from them to roles and quantities: without these,
-- every deleted sentence or actor scanned the whole roles or quantities table.
-- quantities_claimant also serves the look-up of the figures an actor claims.
CREATE INDEX roles_sentence ON roles (sentence_id);
CREATE INDEX quantities_claimant ON quantities (claimant_id);
