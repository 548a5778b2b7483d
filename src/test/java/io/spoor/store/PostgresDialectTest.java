package io.spoor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** What the PostgreSQL dialect accepts and what of its URL it lets a log show. */
class PostgresDialectTest {
  @Test
  void theUrlIsLoggedWithoutItsQueryWhereAPasswordMayBe() {
    assertEquals("jdbc:postgresql://db:5432/spoor?…",
        PostgresDialect.redacted("jdbc:postgresql://db:5432/spoor?user=spoor&password=hunter2"));
    assertEquals("jdbc:postgresql://db/spoor", PostgresDialect.redacted("jdbc:postgresql://db/spoor"));
  }

  @Test
  void onlyAPostgresUrlAndAPoolOfAtLeastTwoAreAccepted() {
    assertThrows(IllegalArgumentException.class, () -> new PostgresDialect("jdbc:sqlite:spoor.db", 10));
    assertThrows(IllegalArgumentException.class, () -> new PostgresDialect("jdbc:postgresql://db/spoor", 1));
    assertEquals(10, new PostgresDialect("jdbc:postgresql://db/spoor", 10).writerPool().getMaximumPoolSize());
  }
}
