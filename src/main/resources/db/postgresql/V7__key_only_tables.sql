-- A property value and a unique value are found only by their keys, so their tables are
-- stored as those keys: one B-tree each instead of a table and its key index.

CREATE TABLE object_property_by_key (
  object_id  BIGINT NOT NULL,
  name       TEXT COLLATE "C" NOT NULL,
  value      TEXT COLLATE "C" NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (object_id, name)
);
INSERT INTO object_property_by_key (object_id, name, value, updated_at)
SELECT object_id, name, value, updated_at FROM object_property;
DROP TABLE object_property;
ALTER TABLE object_property_by_key RENAME TO object_property;

CREATE TABLE unique_value_by_key (
  portal_id   BIGINT NOT NULL,
  object_type TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  value       TEXT COLLATE "C" NOT NULL,
  object_id   BIGINT NOT NULL,
  PRIMARY KEY (portal_id, object_type, name, value)
);
INSERT INTO unique_value_by_key (portal_id, object_type, name, value, object_id)
SELECT portal_id, object_type, name, value, object_id FROM unique_value;
DROP TABLE unique_value;
ALTER TABLE unique_value_by_key RENAME TO unique_value;
CREATE INDEX unique_value_by_object ON unique_value (object_id);
