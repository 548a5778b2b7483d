package io.spoor.report;

import io.spoor.testkit.OnPostgres;

/** The RollupStore contract against PostgreSQL. */
@OnPostgres
class PostgresRollupStoreTest extends SqlRollupStoreTest {
}
