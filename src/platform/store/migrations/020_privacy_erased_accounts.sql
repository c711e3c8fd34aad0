-- An erased account keeps its row (the agency's counts by collectivité and mandate refer
-- to it) under a name and an address that say nothing; erased_at says when.
ALTER TABLE users ADD COLUMN erased_at BIGINT;
