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

  /** Pool settings for the connections that write (transactions are serialised on them). */
  HikariConfig writerPool();

  /** Pool settings for read-only snapshots. */
  HikariConfig readerPool();
}
