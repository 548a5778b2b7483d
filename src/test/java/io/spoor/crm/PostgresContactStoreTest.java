package io.spoor.crm;

import io.spoor.testkit.OnPostgres;

/** The ContactStore contract against PostgreSQL. */
@OnPostgres
class PostgresContactStoreTest extends SqlContactStoreTest {
}
