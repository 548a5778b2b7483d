package io.spoor.crm;

import io.spoor.testkit.OnPostgres;

/** The CompanyStore contract against PostgreSQL. */
@OnPostgres
class PostgresCompanyStoreTest extends SqlCompanyStoreTest {
}
