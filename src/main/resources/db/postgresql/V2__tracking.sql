-- The tracking code: portal privacy settings, visitors (by utk), page views, and the
-- visit analytics contacts show once a visitor is identified.

ALTER TABLE portal ADD COLUMN require_consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE portal ADD COLUMN cookieless_before_consent BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE portal ADD COLUMN banner_text TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE portal ADD COLUMN honor_gpc BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE portal ADD COLUMN filter_bots BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE portal ADD COLUMN domains TEXT COLLATE "C" NOT NULL DEFAULT '';

CREATE TABLE visitor (
  portal_id          BIGINT NOT NULL,
  utk                TEXT COLLATE "C" NOT NULL,
  contact_id         BIGINT,
  first_seen         BIGINT NOT NULL,
  last_seen          BIGINT NOT NULL,
  num_page_views     BIGINT NOT NULL,
  num_visits         BIGINT NOT NULL,
  last_session_start BIGINT NOT NULL,
  first_url          TEXT COLLATE "C" NOT NULL,
  first_referrer     TEXT COLLATE "C" NOT NULL,
  last_url           TEXT COLLATE "C" NOT NULL,
  source             TEXT COLLATE "C" NOT NULL,
  source_data_1      TEXT COLLATE "C",
  source_data_2      TEXT COLLATE "C",
  consent            TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (portal_id, utk)
);
CREATE INDEX visitor_by_contact ON visitor (contact_id);

CREATE TABLE page_view (
  id            ${id_column},
  portal_id     BIGINT NOT NULL,
  utk           TEXT COLLATE "C" NOT NULL,
  contact_id    BIGINT,
  hit_id        TEXT COLLATE "C" NOT NULL,
  occurred_at   BIGINT NOT NULL,
  session_start BIGINT NOT NULL,
  url           TEXT COLLATE "C" NOT NULL,
  path          TEXT COLLATE "C" NOT NULL,
  title         TEXT COLLATE "C" NOT NULL,
  referrer      TEXT COLLATE "C" NOT NULL,
  content_type  TEXT COLLATE "C" NOT NULL,
  canonical_url TEXT COLLATE "C" NOT NULL,
  page_id       TEXT COLLATE "C" NOT NULL
);
CREATE INDEX page_view_by_visitor ON page_view (portal_id, utk, occurred_at);
CREATE INDEX page_view_by_contact ON page_view (contact_id, occurred_at);

ALTER TABLE contact_analytics ADD COLUMN num_page_views BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact_analytics ADD COLUMN num_visits BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact_analytics ADD COLUMN first_url TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN first_referrer TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN last_url TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN source TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN source_data_1 TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN source_data_2 TEXT COLLATE "C";
ALTER TABLE contact_analytics ADD COLUMN first_visit_at BIGINT;

-- Properties sent with an event (behavioural events' _name parameters), as a JSON object.
ALTER TABLE event_completion ADD COLUMN properties TEXT COLLATE "C" NOT NULL DEFAULT '{}';

-- HubSpot's private-app rate limits per token, set per portal (0: no limit).
ALTER TABLE portal ADD COLUMN rate_limit_secondly INTEGER NOT NULL DEFAULT 10;
ALTER TABLE portal ADD COLUMN rate_limit_daily BIGINT NOT NULL DEFAULT 40000;

-- What the behavioural events API keeps about a definition beyond its name.
CREATE TABLE event_definition_detail (
  definition_id BIGINT PRIMARY KEY,
  label         TEXT COLLATE "C" NOT NULL,
  description   TEXT COLLATE "C" NOT NULL,
  properties    TEXT COLLATE "C" NOT NULL
);
