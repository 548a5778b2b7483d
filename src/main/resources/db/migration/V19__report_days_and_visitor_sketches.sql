-- Reports over 30 days read daily buckets (report_day); hourly buckets (report_bucket) stay for
-- the whole ('all') and events only, for hourly series. Visit dimensions' buckets carry a
-- HyperLogLog sketch of their visitors (visitors, NULL where none was kept). Completions made
-- during a visit are kept per visit (report_visit_event), so filtered reports count them.
-- changed_at (epoch ms of the batch that last wrote a row) lets the in-memory index of visits
-- catch up with what was written since it last looked.

CREATE TABLE report_day (
  portal_id       BIGINT NOT NULL,
  dim             VARCHAR(20) NOT NULL,
  value           VARCHAR(2000) NOT NULL,
  day             BIGINT NOT NULL,
  page_views      BIGINT NOT NULL,
  sessions        BIGINT NOT NULL,
  entrances       BIGINT NOT NULL,
  exits           BIGINT NOT NULL,
  bounces         BIGINT NOT NULL,
  duration_ms     BIGINT NOT NULL,
  new_contacts    BIGINT NOT NULL,
  completions     BIGINT NOT NULL,
  revenue_micros  BIGINT NOT NULL,
  visitors        BLOB,
  PRIMARY KEY (portal_id, dim, day, value)
);

INSERT INTO report_day (portal_id, dim, value, day, page_views, sessions, entrances, exits, bounces, duration_ms,
    new_contacts, completions, revenue_micros, visitors)
  SELECT portal_id, dim, value, hour / 24, SUM(page_views), SUM(sessions), SUM(entrances), SUM(exits), SUM(bounces),
    SUM(duration_ms), SUM(new_contacts), SUM(completions), SUM(revenue_micros), NULL
  FROM report_bucket GROUP BY portal_id, dim, value, hour / 24;

DELETE FROM report_bucket WHERE dim <> 'all' AND dim <> 'event';

ALTER TABLE report_bucket ADD COLUMN visitors BLOB;

ALTER TABLE report_session ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;

CREATE INDEX report_session_changed ON report_session (portal_id, changed_at);

CREATE TABLE report_visit_event (
  portal_id       BIGINT NOT NULL,
  utk             VARCHAR(64) NOT NULL,
  started_at      BIGINT NOT NULL,
  event_id        BIGINT NOT NULL,
  hour            BIGINT NOT NULL,
  completions     BIGINT NOT NULL,
  revenue_micros  BIGINT NOT NULL,
  changed_at      BIGINT NOT NULL,
  PRIMARY KEY (portal_id, utk, started_at, event_id, hour)
);

CREATE INDEX report_visit_event_start ON report_visit_event (portal_id, started_at);
CREATE INDEX report_visit_event_changed ON report_visit_event (portal_id, changed_at);

-- A day's version, raised by every batch that changes any of its daily buckets: reports keep
-- the daily buckets of days read before in memory and read again only the days that changed.
CREATE TABLE report_day_change (
  portal_id  BIGINT NOT NULL,
  day        BIGINT NOT NULL,
  version    BIGINT NOT NULL,
  PRIMARY KEY (portal_id, day)
);

INSERT INTO report_day_change (portal_id, day, version) SELECT DISTINCT portal_id, day, 1 FROM report_day;
