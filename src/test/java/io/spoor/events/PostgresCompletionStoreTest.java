package io.spoor.events;

import io.spoor.testkit.OnPostgres;

/** The {@link CompletionStore} contract against PostgreSQL. */
@OnPostgres
class PostgresCompletionStoreTest extends SqlCompletionStoreTest {
}
