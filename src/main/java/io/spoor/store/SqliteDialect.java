package io.spoor.store;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in write-ahead-log mode with {@code synchronous=FULL},
 * so a commit is on disk before it returns. One writer connection (SQLite has one writer
 * anyway; taking the write lock at BEGIN avoids upgrade deadlocks), a few readers.
 */
public record SqliteDialect(Path file) implements Dialect {
  private static final int READERS = 4;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String idColumn() {
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public HikariConfig writerPool() {
    SQLiteConfig sqlite = tuned();
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    return pool("spoor-writer", sqlite, 1);
  }

  @Override
  public HikariConfig readerPool() {
    return pool("spoor-reader", tuned(), READERS);
  }

  private static SQLiteConfig tuned() {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(10_000);
    sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
    sqlite.setCacheSize(-32_000);
    return sqlite;
  }

  private HikariConfig pool(String name, SQLiteConfig sqlite, int size) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setDataSourceProperties(sqlite.toProperties());
    config.setMaximumPoolSize(size);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(30_000);
    return config;
  }
}
