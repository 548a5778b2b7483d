package io.spoor.ingest;

import io.spoor.testkit.OnPostgres;

/** The {@link AppliedHits} contract against PostgreSQL. */
@OnPostgres
class PostgresAppliedHitsTest extends SqlAppliedHitsTest {
}
