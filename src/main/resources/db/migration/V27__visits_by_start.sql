-- A visit is found by its key and read by day, so report_session is stored in the order of
-- its start: one B-tree (the key, portal then start then visitor) instead of a table, its key
-- index and the index by start. A new visit is appended near the B-tree's end instead of being
-- inserted at a random visitor in two of them. The index by change stays.

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
)${without_rowid};
INSERT INTO report_session_by_start (portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, source,
    source_data_1, source_data_2, device, browser, os, new_contacts, changed_at)
  SELECT portal_id, utk, started_at, last_at, entry_path, exit_path, page_views, source, source_data_1,
    source_data_2, device, browser, os, new_contacts, changed_at FROM report_session;
DROP TABLE report_session;
ALTER TABLE report_session_by_start RENAME TO report_session;
CREATE INDEX report_session_changed ON report_session (portal_id, changed_at);
