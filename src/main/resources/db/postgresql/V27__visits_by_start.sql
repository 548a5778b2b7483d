-- A visit is looked up by its key and read by day, so report_session is keyed in the order of
-- its start (portal, start, visitor): a new visit goes near the end of its key's B-tree instead
-- of at a random visitor. The key serves the reads by day, so the index by start goes. The index
-- by change stays.
ALTER TABLE report_session DROP CONSTRAINT report_session_pkey;
ALTER TABLE report_session ADD PRIMARY KEY (portal_id, started_at, utk);
DROP INDEX report_session_time;

-- Moved by every batch that writes a portal's visits: a process that finds the version one past
-- the one its own last batch left knows no other process wrote them since, and may trust the
-- visits it holds in memory instead of reading them back.
CREATE TABLE report_visit_version (
  portal_id  BIGINT NOT NULL PRIMARY KEY,
  version    BIGINT NOT NULL
);
