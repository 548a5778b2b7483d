-- Associations between CRM objects (contact to company and back). Each is kept as two rows,
-- one per direction with that direction's type id, so either end lists the other with one
-- lookup. Rows stay when an end is archived: reads hide associations to archived objects.

CREATE TABLE crm_association (
  portal_id  BIGINT NOT NULL,
  from_id    BIGINT NOT NULL,
  to_type    TEXT COLLATE "C" NOT NULL,
  to_id      BIGINT NOT NULL,
  type_id    INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (portal_id, from_id, to_type, to_id, type_id)
);
