package io.spoor.identity;

import io.spoor.testkit.OnPostgres;

/** The {@link ExternalIdStore} contract against PostgreSQL. */
@OnPostgres
class PostgresExternalIdStoreTest extends SqlExternalIdStoreTest {
}
