-- PostgreSQL: the same changes as db/migration/ for SQLite, version for version. Text is TEXT COLLATE "C":
-- compared and sorted by code point and never cut to a length, as SQLite keeps it. No foreign keys are
-- declared: SQLite does not enforce the ones its files declare, and the two stores must answer alike.
-- Portals, tokens, CRM objects with their properties, event definitions and completions,
-- the applied-hit ledger and the rejection list.
-- Portable SQL: ${id_column} is the dialect's auto-assigned, never-reused primary key.

CREATE TABLE portal (
  hub_id                BIGINT PRIMARY KEY,
  name                  TEXT COLLATE "C" NOT NULL,
  custom_events_enabled BOOLEAN NOT NULL,
  created_at            BIGINT NOT NULL
);

CREATE TABLE access_token (
  id          ${id_column},
  portal_id   BIGINT NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  token_hash  TEXT COLLATE "C" NOT NULL UNIQUE,
  token_hint  TEXT COLLATE "C" NOT NULL,
  scopes      TEXT COLLATE "C" NOT NULL,
  created_at  BIGINT NOT NULL,
  revoked_at  BIGINT
);

CREATE TABLE property_definition (
  portal_id        BIGINT NOT NULL,
  object_type      TEXT COLLATE "C" NOT NULL,
  name             TEXT COLLATE "C" NOT NULL,
  label            TEXT COLLATE "C" NOT NULL,
  type             TEXT COLLATE "C" NOT NULL,
  field_type       TEXT COLLATE "C" NOT NULL,
  group_name       TEXT COLLATE "C" NOT NULL,
  description      TEXT COLLATE "C" NOT NULL,
  options          TEXT COLLATE "C" NOT NULL,
  has_unique_value BOOLEAN NOT NULL,
  hidden           BOOLEAN NOT NULL,
  created_at       BIGINT NOT NULL,
  updated_at       BIGINT NOT NULL,
  archived         BOOLEAN NOT NULL,
  PRIMARY KEY (portal_id, object_type, name)
);

-- Object ids come from id_sequence, reserved in blocks by the transaction that creates objects.
CREATE TABLE id_sequence (
  name       TEXT COLLATE "C" PRIMARY KEY,
  next_value BIGINT NOT NULL
);
INSERT INTO id_sequence (name, next_value) VALUES ('crm_object', 1);

CREATE TABLE crm_object (
  id          BIGINT PRIMARY KEY,
  portal_id   BIGINT NOT NULL,
  object_type TEXT COLLATE "C" NOT NULL,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL,
  archived    BOOLEAN NOT NULL
);
CREATE INDEX crm_object_by_portal ON crm_object (portal_id, object_type, id);

CREATE TABLE object_property (
  object_id  BIGINT NOT NULL,
  name       TEXT COLLATE "C" NOT NULL,
  value      TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (object_id, name)
);

CREATE TABLE property_history (
  id          ${id_column},
  object_id   BIGINT NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  value       TEXT COLLATE "C" NOT NULL,
  changed_at  BIGINT NOT NULL,
  source_type TEXT COLLATE "C" NOT NULL,
  source_id   TEXT COLLATE "C"
);
CREATE INDEX property_history_by_object ON property_history (object_id, name, changed_at);

-- Values of properties that identify an object (email for contacts): one object per value.
CREATE TABLE unique_value (
  portal_id   BIGINT NOT NULL,
  object_type TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  value       TEXT COLLATE "C" NOT NULL,
  object_id   BIGINT NOT NULL,
  PRIMARY KEY (portal_id, object_type, name, value)
);
CREATE INDEX unique_value_by_object ON unique_value (object_id);

-- The read-only analytics properties, kept as columns so hits can add to them in place.
CREATE TABLE contact_analytics (
  contact_id            BIGINT PRIMARY KEY,
  num_event_completions BIGINT NOT NULL,
  revenue_micros        BIGINT NOT NULL,
  first_timestamp       BIGINT,
  last_timestamp        BIGINT
);

CREATE TABLE external_id (
  portal_id   BIGINT NOT NULL,
  external_id TEXT COLLATE "C" NOT NULL,
  contact_id  BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  PRIMARY KEY (portal_id, external_id)
);

CREATE TABLE event_definition (
  id          ${id_column},
  portal_id   BIGINT NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  origin      TEXT COLLATE "C" NOT NULL,
  completions BIGINT NOT NULL,
  created_at  BIGINT NOT NULL,
  deleted_at  BIGINT
);
CREATE INDEX event_definition_by_name ON event_definition (portal_id, name);

CREATE TABLE event_completion (
  id            ${id_column},
  portal_id     BIGINT NOT NULL,
  definition_id BIGINT NOT NULL,
  contact_id    BIGINT,
  hit_id        TEXT COLLATE "C" NOT NULL,
  occurred_at   BIGINT NOT NULL,
  value_micros  BIGINT,
  source        TEXT COLLATE "C" NOT NULL
);
CREATE INDEX event_completion_by_contact ON event_completion (contact_id, occurred_at);

-- Ids made at the edge start with the time, so this key grows at its end.
CREATE TABLE applied_hit (
  hit_id     TEXT COLLATE "C" PRIMARY KEY,
  applied_at BIGINT NOT NULL
);

CREATE TABLE rejection (
  id          ${id_column},
  portal_id   BIGINT NOT NULL,
  hit_id      TEXT COLLATE "C" NOT NULL,
  reason      TEXT COLLATE "C" NOT NULL,
  outcome     TEXT COLLATE "C" NOT NULL,
  detail      TEXT COLLATE "C" NOT NULL,
  params      TEXT COLLATE "C" NOT NULL,
  received_at BIGINT NOT NULL
);
CREATE INDEX rejection_by_portal ON rejection (portal_id, id);
