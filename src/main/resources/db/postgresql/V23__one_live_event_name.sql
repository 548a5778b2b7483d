-- One live event definition per name in a portal, kept by the database: two processors that
-- create the same dynamic event at once make one definition (the second's transaction fails on
-- this key and runs again, finding the first's). Deleted definitions keep their names.

CREATE UNIQUE INDEX event_definition_live_name ON event_definition (portal_id, name) WHERE deleted_at IS NULL;
