package io.spoor.crm.gdpr;

import io.spoor.testkit.OnPostgres;

/** The GdprDeleteStore contract against PostgreSQL. */
@OnPostgres
class PostgresGdprDeleteStoreTest extends SqlGdprDeleteStoreTest {
}
