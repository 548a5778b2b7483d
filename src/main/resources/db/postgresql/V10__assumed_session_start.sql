-- A visitor's current session may have begun with a hit that carried no session cookie (sent
-- before the tracker wrote its cookies); its start is then the hit's time, assumed until the
-- cookie arrives with the start the browser recorded.

ALTER TABLE visitor ADD COLUMN session_assumed BOOLEAN NOT NULL DEFAULT FALSE;
