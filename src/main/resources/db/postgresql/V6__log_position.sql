-- How far each ingest log was applied in log order, written in the transaction that applies
-- the batch. A hit the position covers needs no row in applied_hit, which now keeps only the
-- ids a client named (it may send them again) and those of hits applied out of log order.

CREATE TABLE log_position (
  log_name TEXT COLLATE "C" PRIMARY KEY,
  position BIGINT NOT NULL
);
