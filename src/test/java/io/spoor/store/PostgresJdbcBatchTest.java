package io.spoor.store;

import io.spoor.testkit.OnPostgres;

/** {@link JdbcBatchTest} on PostgreSQL. */
@OnPostgres
class PostgresJdbcBatchTest extends JdbcBatchTest {
}
