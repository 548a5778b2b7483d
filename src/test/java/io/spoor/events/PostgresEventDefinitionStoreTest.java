package io.spoor.events;

import io.spoor.testkit.OnPostgres;

/** The {@link EventDefinitionStore} contract against PostgreSQL. */
@OnPostgres
class PostgresEventDefinitionStoreTest extends SqlEventDefinitionStoreTest {
}
