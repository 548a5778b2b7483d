package io.spoor.crm.property;

import io.spoor.testkit.OnPostgres;

/** The PropertyDefinitionStore contract against PostgreSQL. */
@OnPostgres
class PostgresPropertyDefinitionStoreTest extends SqlPropertyDefinitionStoreTest {
}
