-- The reports' rollups, maintained in the ingest batch's transaction: one row per visit
-- (session) and hourly counts per dimension. Reports read these, never the raw hits.

CREATE TABLE report_session (
  portal_id      BIGINT NOT NULL,
  utk            TEXT COLLATE "C" NOT NULL,
  started_at     BIGINT NOT NULL,
  last_at        BIGINT NOT NULL,
  entry_path     TEXT COLLATE "C" NOT NULL,
  exit_path      TEXT COLLATE "C" NOT NULL,
  page_views     BIGINT NOT NULL,
  source         TEXT COLLATE "C" NOT NULL,
  source_data_1  TEXT COLLATE "C" NOT NULL,
  source_data_2  TEXT COLLATE "C" NOT NULL,
  device         TEXT COLLATE "C" NOT NULL,
  browser        TEXT COLLATE "C" NOT NULL,
  os             TEXT COLLATE "C" NOT NULL,
  new_contacts   BIGINT NOT NULL,
  PRIMARY KEY (portal_id, utk, started_at)
);

CREATE INDEX report_session_time ON report_session (portal_id, started_at, utk);

-- dim: all, source, source_data_1, device, browser, os, page, event; hour: epoch hour (UTC)
CREATE TABLE report_bucket (
  portal_id       BIGINT NOT NULL,
  dim             TEXT COLLATE "C" NOT NULL,
  value           TEXT COLLATE "C" NOT NULL,
  hour            BIGINT NOT NULL,
  page_views      BIGINT NOT NULL,
  sessions        BIGINT NOT NULL,
  entrances       BIGINT NOT NULL,
  exits           BIGINT NOT NULL,
  bounces         BIGINT NOT NULL,
  duration_ms     BIGINT NOT NULL,
  new_contacts    BIGINT NOT NULL,
  completions     BIGINT NOT NULL,
  revenue_micros  BIGINT NOT NULL,
  PRIMARY KEY (portal_id, dim, hour, value)
);
