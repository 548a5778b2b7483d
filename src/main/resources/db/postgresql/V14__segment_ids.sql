-- Segment's userId and anonymousId, remembered with the contact an identify (or a track with an
-- email) named, so later calls by either id alone reach it; alias joins two ids. An anonymousId
-- seen with HubSpot's hubspotutk also keeps that visitor token, for its later page calls.
-- Rows go with their contact: a GDPR delete removes them, a merge moves them.

CREATE TABLE segment_id (
  portal_id  BIGINT NOT NULL,
  segment_id TEXT COLLATE "C" NOT NULL,
  contact_id BIGINT,
  utk        TEXT COLLATE "C",
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, segment_id)
);

CREATE INDEX segment_id_by_contact ON segment_id (contact_id);
