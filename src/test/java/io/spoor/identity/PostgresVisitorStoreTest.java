package io.spoor.identity;

import io.spoor.testkit.OnPostgres;

/** The {@link VisitorStore} contract against PostgreSQL. */
@OnPostgres
class PostgresVisitorStoreTest extends SqlVisitorStoreTest {
}
