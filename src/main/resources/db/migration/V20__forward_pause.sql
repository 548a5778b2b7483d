-- A pause a forwarding target's remote asked for (a 429, a spent rate-limit header, the daily
-- limit until the next UTC midnight), kept so that a restart does not resume sending at once:
-- epoch ms until which nothing is sent to the target; 0 for none.

ALTER TABLE forward_target ADD COLUMN paused_until BIGINT NOT NULL DEFAULT 0;
