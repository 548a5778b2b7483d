package io.spoor.portal;

import io.spoor.testkit.OnPostgres;

/** The {@link PortalStore} contract against PostgreSQL. */
@OnPostgres
class PostgresPortalStoreTest extends SqlPortalStoreTest {
}
