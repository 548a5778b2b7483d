package io.spoor.store;

/**
 * Ids handed out from a named row of {@code id_sequence}, reserved in blocks inside the
 * caller's transaction: the reservation commits or rolls back with the rows that use the ids,
 * so ids are never given twice. Concurrent writers serialise on the sequence row.
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
    long next = db.handle().createQuery("UPDATE id_sequence SET next_value = next_value + :n "
            + "WHERE name = :name RETURNING next_value")
        .bind("n", count).bind("name", name).mapTo(Long.class).one();
    return next - count;
  }
}
