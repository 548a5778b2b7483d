-- Which process delivers a portal's forwarding target now: a lease that the holder renews with
-- every call it settles and that another process may take once claimed_until (epoch ms) has
-- passed (the holder died or stalled). Only the holder sends the target's calls, so the outbox
-- reaches the remote once, in order, at the target's pace.

ALTER TABLE forward_target ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE forward_target ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0;
