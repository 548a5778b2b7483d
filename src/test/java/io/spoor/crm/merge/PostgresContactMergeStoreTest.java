package io.spoor.crm.merge;

import io.spoor.testkit.OnPostgres;

/** The ContactMergeStore contract against PostgreSQL. */
@OnPostgres
class PostgresContactMergeStoreTest extends SqlContactMergeStoreTest {
}
