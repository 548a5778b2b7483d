package io.spoor.store;

import io.spoor.UnavailableException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** The database could not be reached or refused a statement. Retriable by the caller (answered 503). */
public final class StoreException extends UnavailableException {
  /**
   * PostgreSQL's codes for a transaction that lost a race with another one: a unique key another
   * transaction took first (23505), a serialization failure (40001), a deadlock (40P01). Run
   * again from the start, the transaction sees the other's rows and decides again.
   */
  private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01");

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The SQL state of a lost race with a concurrent transaction, if that is why this failed; empty
   * for every other failure (and always on SQLite, whose single writer races no one).
   */
  public Optional<String> conflict() {
    for (Throwable t = getCause(); t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException e = sql; e != null; e = e.getNextException()) {
          if (e.getSQLState() != null && CONFLICTS.contains(e.getSQLState())) {
            return Optional.of(e.getSQLState());
          }
        }
      }
    }
    return Optional.empty();
  }
}
