package io.spoor.ingest;

import io.spoor.testkit.OnPostgres;

/** The {@link RejectionStore} contract against PostgreSQL. */
@OnPostgres
class PostgresRejectionStoreTest extends SqlRejectionStoreTest {
}
