package io.spoor.dashboard;

import io.spoor.testkit.OnPostgres;

/** The AccountStore contract against PostgreSQL. */
@OnPostgres
class PostgresAccountStoreTest extends SqlAccountStoreTest {
}
