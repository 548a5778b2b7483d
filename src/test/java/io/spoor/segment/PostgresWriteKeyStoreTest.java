package io.spoor.segment;

import io.spoor.testkit.OnPostgres;

/** The WriteKeyStore contract against PostgreSQL. */
@OnPostgres
class PostgresWriteKeyStoreTest extends SqlWriteKeyStoreTest {
}
