package io.spoor.store;

import io.spoor.testkit.OnPostgres;

/** {@link SettlingTest} on PostgreSQL. */
@OnPostgres
class PostgresSettlingTest extends SettlingTest {
}
