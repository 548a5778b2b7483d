-- A visit is found by its key and read by day: its key is ordered portal, start, visitor, which
-- serves both, and the index by start goes (one index fewer to write per new visit). The
-- index by change stays.

ALTER TABLE report_session DROP CONSTRAINT report_session_pkey;
ALTER TABLE report_session ADD PRIMARY KEY (portal_id, started_at, utk);
DROP INDEX report_session_time;
