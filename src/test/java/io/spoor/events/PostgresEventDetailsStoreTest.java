package io.spoor.events;

import io.spoor.testkit.OnPostgres;

/** The {@link EventDetailsStore} contract against PostgreSQL. */
@OnPostgres
class PostgresEventDetailsStoreTest extends SqlEventDetailsStoreTest {
}
