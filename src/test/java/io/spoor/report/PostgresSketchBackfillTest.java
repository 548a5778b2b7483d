package io.spoor.report;

import io.spoor.testkit.OnPostgres;

/** The visitor sketch backfill on a PostgreSQL store written before sketches were kept. */
@OnPostgres
class PostgresSketchBackfillTest extends SketchBackfillTest {
}
