-- A visit is looked up by its key and read by day, so report_session is keyed in the order of
-- its start (portal, start, visitor): a new visit goes near the end of its key's B-tree instead
-- of at a random visitor, which rewrote a page of the key and of the index by start for almost
-- every new visit. The key serves the reads by day, so the index by start goes. The index by
-- change stays.
CREATE TABLE report_session_by_start (
  portal_id      BIGINT NOT NULL,
  utk            VARCHAR(64) NOT NULL,
  started_at     BIGINT NOT NULL,
  last_at        BIGINT NOT NULL,
  entry_path     VARCHAR(2000) NOT NULL,
  exit_path      VARCHAR(2000) NOT NULL,
  page_views     BIGINT NOT NULL,
  source         VARCHAR(40) NOT NULL,
  source_data_1  VARCHAR(500) NOT NULL,
  source_data_2  VARCHAR(500) NOT NULL,
  device         VARCHAR(20) NOT NULL,
  browser        VARCHAR(100) NOT NULL,
  os             VARCHAR(100) NOT NULL,
  new_contacts   BIGINT NOT NULL,
  changed_at     BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (portal_id, started_at, utk)
);
INSERT INTO report_session_by_start (portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, source,
    source_data_1, source_data_2, device, browser, os, new_contacts, changed_at)
  SELECT portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, source, source_data_1,
    source_data_2, device, browser, os, new_contacts, changed_at FROM report_session
  ORDER BY portal_id, started_at, utk;
DROP TABLE report_session;
ALTER TABLE report_session_by_start RENAME TO report_session;
CREATE INDEX report_session_changed ON report_session (portal_id, changed_at);

-- Moved by every batch that writes a portal's visits: a process that finds the version one past
-- the one its own last batch left knows no other process wrote them since, and may trust the
-- visits it holds in memory instead of reading them back.
CREATE TABLE report_visit_version (
  portal_id  BIGINT NOT NULL PRIMARY KEY,
  version    BIGINT NOT NULL
);
