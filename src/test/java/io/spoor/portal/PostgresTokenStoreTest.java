package io.spoor.portal;

import io.spoor.testkit.OnPostgres;

/** The {@link TokenStore} contract against PostgreSQL. */
@OnPostgres
class PostgresTokenStoreTest extends SqlTokenStoreTest {
}
