-- One rejection per hit: the parts it refused, named up to a bound, and how many more there were.
ALTER TABLE rejection ADD COLUMN parts TEXT COLLATE "C" NOT NULL DEFAULT '[]';
ALTER TABLE rejection ADD COLUMN more_parts INTEGER NOT NULL DEFAULT 0;
