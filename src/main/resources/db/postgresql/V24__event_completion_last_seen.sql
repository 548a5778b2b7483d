-- The event definitions page shows when each definition was last completed: its latest
-- completion is the last entry of its run in this index, found without reading the others.

CREATE INDEX event_completion_last_seen ON event_completion (portal_id, definition_id, occurred_at);
