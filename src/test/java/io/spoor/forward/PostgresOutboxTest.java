package io.spoor.forward;

import io.spoor.testkit.OnPostgres;

/** The Outbox contract against PostgreSQL. */
@OnPostgres
class PostgresOutboxTest extends SqlOutboxTest {
}
