-- Forwarding to a remote HubSpot: a portal's one target (with its access token, which Spoor
-- must send and so keeps as given), what has been delivered and answered, the outbox of calls
-- still to deliver or dead, and the remote ids of companies already found or created there.

CREATE TABLE forward_target (
  hub_id           BIGINT PRIMARY KEY,
  base_url         TEXT COLLATE "C" NOT NULL,
  access_token     TEXT COLLATE "C" NOT NULL,
  tracking_url     TEXT COLLATE "C" NOT NULL,
  remote_hub_id    BIGINT NOT NULL,
  secondly         INTEGER NOT NULL,
  daily            BIGINT NOT NULL,
  forward_tracking BOOLEAN NOT NULL,
  delivered        BIGINT NOT NULL DEFAULT 0,
  retried          BIGINT NOT NULL DEFAULT 0,
  day              BIGINT NOT NULL DEFAULT 0,
  day_calls        BIGINT NOT NULL DEFAULT 0,
  last_status      INTEGER,
  last_answer      TEXT COLLATE "C",
  last_answer_at   BIGINT,
  created_at       BIGINT NOT NULL
);

CREATE TABLE forward_call (
  id          ${id_column},
  hub_id      BIGINT NOT NULL,
  kind        TEXT COLLATE "C" NOT NULL,
  call        TEXT COLLATE "C" NOT NULL,
  dead        BOOLEAN NOT NULL DEFAULT FALSE,
  single      BOOLEAN NOT NULL DEFAULT FALSE,
  attempts    INTEGER NOT NULL DEFAULT 0,
  queued_at   BIGINT NOT NULL,
  due_at      BIGINT NOT NULL,
  last_error  TEXT COLLATE "C"
);

CREATE INDEX forward_call_due ON forward_call (hub_id, dead, due_at, id);

CREATE TABLE forward_remote_id (
  hub_id     BIGINT NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,
  local_key  TEXT COLLATE "C" NOT NULL,
  remote_id  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (hub_id, kind, local_key)
);
