package io.spoor.testkit;

import io.spoor.store.Database;
import io.spoor.store.PostgresDialect;

/**
 * Two connection pools on one fresh PostgreSQL database, as two Spoor processes sharing a store
 * have: for tests of writers that race. Closing closes both and drops the database.
 */
public final class TwoPools implements AutoCloseable {
  private final PostgresServer server = PostgresServer.shared();
  private final String url = server.newDatabase();
  private final Database first = Database.open(new PostgresDialect(url, 4));
  private final Database second = Database.open(new PostgresDialect(url, 4));

  public Database first() {
    return first;
  }

  public Database second() {
    return second;
  }

  @Override
  public void close() {
    first.close();
    second.close();
    server.drop(url);
  }
}
