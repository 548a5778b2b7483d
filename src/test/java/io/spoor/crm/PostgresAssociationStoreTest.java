package io.spoor.crm;

import io.spoor.testkit.OnPostgres;

/** The AssociationStore contract against PostgreSQL. */
@OnPostgres
class PostgresAssociationStoreTest extends SqlAssociationStoreTest {
}
