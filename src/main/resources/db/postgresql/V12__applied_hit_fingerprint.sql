-- A client's Idempotency-Key (or uuid) is bound to the hit it first came with: the ledger keeps
-- a fingerprint of that hit's content, so the key coming again with another hit is told apart
-- from a retry. Rows from before this version have none and keep making their key a duplicate.

ALTER TABLE applied_hit ADD COLUMN fingerprint TEXT COLLATE "C";
