package io.spoor.store;

import com.zaxxer.hikari.HikariConfig;
import org.jdbi.v3.core.Handle;

/**
 * Everything that differs between the databases Spoor runs on (SQLite, PostgreSQL). Feature
 * SQL is standard (ON CONFLICT upserts, RETURNING, TRUE and FALSE, LOWER on ASCII text); only
 * pool set-up, tuning, where the migrations are, DDL fragments and how a write begins live here.
 */
public interface Dialect {
  String name();

  /** DDL for an auto-assigned primary key that is never reused after a delete. */
  String idColumn();

  /**
   * DDL for a primary key whose values the application assigns (from {@code id_sequence}) and
   * rows are found by: SQLite stores such rows in the order of the key, with no separate index.
   */
  String assignedIdColumn();

  /** DDL after a table whose primary key is all it is looked up by (SQLite: WITHOUT ROWID). */
  String keyOnlyTableSuffix();

  /**
   * Where this database's numbered migrations are (a Flyway location). Each database has its own
   * files with the same numbers: version n is the same schema change on both.
   */
  String migrations();

  /**
   * Runs first in every write transaction. SQLite's writes are serialised by its one writer
   * connection; PostgreSQL's run side by side, kept correct by unique keys, row locks
   * ({@link #rowLock()}) and the callers' retry of a transaction that lost a race
   * ({@link StoreException#conflict()}).
   */
  default void beginWrite(Handle handle) {
  }

  /**
   * What a write transaction appends to a SELECT whose rows it reads to write back (a visitor's
   * counts, the two contacts of a merge), so a concurrent writer of the same rows waits for it:
   * nothing on SQLite, whose one writer races no one; {@code FOR UPDATE} on PostgreSQL.
   */
  default String rowLock() {
    return "";
  }

  /**
   * Whether ids are reserved from {@code id_sequence} in a short transaction of their own (on a
   * connection of their own) rather than in the caller's: PostgreSQL, where holding the
   * sequence's row until the caller commits would make every writer that creates objects wait
   * for every other. Ids reserved by a transaction that then rolls back are left unused.
   */
  default boolean reservesIdsApart() {
    return false;
  }

  /** What the database keeps of a text value written to it (see {@link StoredText}). */
  default String storableText(String text) {
    return text;
  }

  /** Pool settings for the connections that write (transactions are serialised on them). */
  HikariConfig writerPool();

  /** Pool settings for read-only snapshots. */
  HikariConfig readerPool();

  /** Pool settings for the connections that reserve ids apart, when {@link #reservesIdsApart()}. */
  default HikariConfig idPool() {
    throw new UnsupportedOperationException(name() + " reserves ids in the caller's transaction");
  }

  /**
   * Starts the database's background upkeep, if it needs any (closing it stops it), which
   * also scrubs what deletes freed ({@link FreedSpace}).
   */
  Maintenance startMaintenance(Database database);
}
