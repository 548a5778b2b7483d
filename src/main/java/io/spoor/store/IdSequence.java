package io.spoor.store;

/**
 * Ids handed out from a named row of {@code id_sequence}, reserved in blocks, never given twice.
 * On SQLite the reservation is part of the caller's transaction (its one writer serialises
 * everything anyway). On PostgreSQL it commits at once in a short transaction of its own, so
 * writers in other transactions and processes wait for the row only while it is updated, not
 * until the caller commits; ids of a caller that rolls back stay unused.
 */
public final class IdSequence {
  private final Database db;
  private final String name;

  public IdSequence(Database db, String name) {
    this.db = db;
    this.name = name;
  }

  /** Reserves {@code count} consecutive ids and returns the first. */
  public long reserve(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    long next = db.reservingIds(h -> h.createQuery("UPDATE id_sequence SET next_value = next_value + :n "
            + "WHERE name = :name RETURNING next_value")
        .bind("n", count).bind("name", name).mapTo(Long.class).one());
    return next - count;
  }
}
