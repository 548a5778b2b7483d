package io.spoor.forward;

import io.spoor.testkit.OnPostgres;

/** The ForwardStore contract against PostgreSQL. */
@OnPostgres
class PostgresForwardStoreTest extends SqlForwardStoreTest {
}
