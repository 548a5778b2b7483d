package io.spoor.store;

import com.zaxxer.hikari.HikariConfig;

/**
 * Everything that differs between the databases Spoor runs on. Feature SQL is standard
 * (ON CONFLICT upserts, RETURNING); only pool set-up, tuning and DDL fragments live here.
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
