-- Completions and property history are read by contact, but written in the order hits arrive, so
-- every new row used to land on a random page of a large by-contact index. New rows now go into a
-- small index of their own (NOT settled), which a batch rewrites densely; Settling moves them
-- into the large index (settled) many at a time, in key order. Rows written before this version
-- are settled. Queries by contact name both halves: (… AND settled) OR (… AND NOT settled).

ALTER TABLE event_completion ADD COLUMN settled BOOLEAN NOT NULL DEFAULT TRUE;
DROP INDEX event_completion_by_contact;
CREATE INDEX event_completion_by_contact ON event_completion (contact_id, occurred_at) WHERE settled;
CREATE INDEX event_completion_unsettled ON event_completion (contact_id, occurred_at) WHERE NOT settled;

ALTER TABLE property_history ADD COLUMN settled BOOLEAN NOT NULL DEFAULT TRUE;
DROP INDEX property_history_by_object;
CREATE INDEX property_history_by_object ON property_history (object_id, name, changed_at) WHERE settled;
CREATE INDEX property_history_unsettled ON property_history (object_id, name, changed_at) WHERE NOT settled;
