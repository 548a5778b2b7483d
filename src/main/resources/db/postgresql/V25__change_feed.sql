-- What one process changed, for the others to follow: one row per writer and portal, counting
-- its changes. An applier ('applier:<id>', one per process start) adds the hits of each batch in
-- the batch's transaction; a change of a portal's forwarding target adds one under
-- 'forward_target'. first_at and last_at are the wall times (epoch ms) at which the writer's
-- first and latest change began: the rows a change stamps (report_session.changed_at) are no
-- older. Processes poll the rows; an applier's rows older than a week are dropped.

CREATE TABLE change_feed (
  source TEXT COLLATE "C" NOT NULL,
  portal_id BIGINT NOT NULL,
  changes BIGINT NOT NULL,
  first_at BIGINT NOT NULL,
  last_at BIGINT NOT NULL,
  PRIMARY KEY (source, portal_id)
);
