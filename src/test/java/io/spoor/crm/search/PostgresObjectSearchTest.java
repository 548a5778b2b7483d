package io.spoor.crm.search;

import io.spoor.testkit.OnPostgres;

/** The ObjectSearchStore contract against PostgreSQL. */
@OnPostgres
class PostgresObjectSearchTest extends SqlObjectSearchTest {
}
