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
   * Runs first in every write transaction. Writes are serialised, whatever the pool: SQLite has
   * one writer connection; PostgreSQL takes a lock here.
   */
  default void beginWrite(Handle handle) {
  }

  /** What the database keeps of a text value written to it (see {@link StoredText}). */
  default String storableText(String text) {
    return text;
  }

  /** Pool settings for the connections that write (transactions are serialised on them). */
  HikariConfig writerPool();

  /** Pool settings for read-only snapshots. */
  HikariConfig readerPool();

  /**
   * Starts the database's background upkeep, if it needs any (closing it stops it), which
   * also scrubs what deletes freed ({@link FreedSpace}).
   */
  Maintenance startMaintenance(Database database);
}
