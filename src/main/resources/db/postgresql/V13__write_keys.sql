-- Segment write keys: a portal's keys for Segment's HTTP Tracking API, kept only as SHA-256
-- hashes (the clear value is shown once, at creation), like access tokens.

CREATE TABLE write_key (
  id          ${id_column},
  portal_id   BIGINT NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  key_hash    TEXT COLLATE "C" NOT NULL UNIQUE,
  key_hint    TEXT COLLATE "C" NOT NULL,
  created_at  BIGINT NOT NULL,
  revoked_at  BIGINT
);

CREATE INDEX write_key_portal ON write_key (portal_id, id);
