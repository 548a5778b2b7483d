package io.spoor.segment;

import io.spoor.testkit.OnPostgres;

/** The SegmentIds contract against PostgreSQL. */
@OnPostgres
class PostgresSegmentIdsTest extends SqlSegmentIdsTest {
}
