package io.spoor.store;

/**
 * The two indexes of a table that is written in arrival order but read by owner (completions
 * and property history, by contact). New rows are written {@code settled = FALSE} and go into a
 * small index that a batch rewrites densely; once {@value #UNSETTLED_ROWS} of them have gathered,
 * they all move into the large index in one statement, in key order, so each of its pages is
 * written once for many rows instead of once for nearly every row. Queries by owner name both
 * indexes through {@link #either}.
 */
public final class Settling {
  static final int UNSETTLED_ROWS = 100_000;

  private final Database db;
  private final String table;
  private final int limit;
  private long unsettled = -1;

  /** Use {@link Database#settling}: a table's count must be one for all its writers. */
  Settling(Database db, String table) {
    this(db, table, UNSETTLED_ROWS);
  }

  Settling(Database db, String table, int limit) {
    this.db = db;
    this.table = table;
    this.limit = limit;
  }

  /**
   * The condition, on the rows of both indexes: {@code ((c AND settled) OR (c AND NOT settled))},
   * which lets the database use each partial index for its half.
   */
  public static String either(String condition) {
    return "((" + settled(condition) + ") OR (" + unsettled(condition) + "))";
  }

  /** The condition on the rows of the large index only. */
  public static String settled(String condition) {
    return condition + " AND settled";
  }

  /** The condition on the rows of the small index only. */
  public static String unsettled(String condition) {
    return condition + " AND NOT settled";
  }

  /**
   * Notes {@code rows} new unsettled rows, written in the caller's transaction, and settles every
   * unsettled row of the table once enough have gathered.
   */
  public void added(int rows) {
    added(rows, () -> { });
  }

  /**
   * As {@link #added(int)}; when the rows are settled, {@code beforeSettling} runs first, in the
   * same transaction, while the rows that gathered are still the unsettled ones (to trim by them).
   */
  public synchronized void added(int rows, Runnable beforeSettling) {
    if (unsettled < 0) {
      unsettled = db.handle().createQuery("SELECT COUNT(*) FROM " + table + " WHERE NOT settled")
          .mapTo(Long.class).one();
    } else {
      unsettled += rows;
    }
    if (unsettled >= limit) {
      beforeSettling.run();
      db.handle().createUpdate("UPDATE " + table + " SET settled = TRUE WHERE NOT settled").execute();
      unsettled = 0;
    }
  }
}
