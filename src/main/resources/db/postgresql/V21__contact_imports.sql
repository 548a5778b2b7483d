-- Contact imports from CSV: each import's state, progress and counts, and the problems of its
-- bad rows (the first ones, up to --import-problems-kept; the rest are only counted).

CREATE TABLE contact_import (
  id             ${id_column},
  portal_id      BIGINT NOT NULL,
  file_name      TEXT COLLATE "C" NOT NULL,
  mapping        TEXT COLLATE "C" NOT NULL,
  status         TEXT COLLATE "C" NOT NULL,
  total_rows     BIGINT NOT NULL,
  done_rows      BIGINT NOT NULL,
  created_count  BIGINT NOT NULL,
  updated_count  BIGINT NOT NULL,
  failed_rows    BIGINT NOT NULL,
  more_problems  BIGINT NOT NULL,
  error          TEXT COLLATE "C",
  created_at     BIGINT NOT NULL,
  finished_at    BIGINT
);

CREATE INDEX contact_import_by_portal ON contact_import (portal_id, id);

CREATE TABLE contact_import_problem (
  import_id   BIGINT NOT NULL,
  csv_row     BIGINT NOT NULL,
  csv_column  TEXT COLLATE "C" NOT NULL,
  reason      TEXT COLLATE "C" NOT NULL
);

CREATE INDEX contact_import_problem_by_import ON contact_import_problem (import_id, csv_row);
