-- Dashboard accounts: people who sign in with an email and a password (a BCrypt hash), the
-- portals each may see, their sessions (kept only as SHA-256 hashes of the cookie value) and
-- the one-time setup links that let the first person create an admin.

CREATE TABLE dashboard_user (
  id             ${id_column},
  email          TEXT COLLATE "C" NOT NULL UNIQUE,
  password_hash  TEXT COLLATE "C" NOT NULL,
  role           TEXT COLLATE "C" NOT NULL,
  created_at     BIGINT NOT NULL
);

CREATE TABLE dashboard_user_portal (
  user_id    BIGINT NOT NULL,
  portal_id  BIGINT NOT NULL,
  PRIMARY KEY (user_id, portal_id)
);

CREATE TABLE dashboard_session (
  id_hash     TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  user_id     BIGINT NOT NULL,
  csrf_token  TEXT COLLATE "C" NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);

CREATE INDEX dashboard_session_user ON dashboard_session (user_id);

CREATE TABLE dashboard_setup_link (
  token_hash  TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  portal_id   BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL
);
