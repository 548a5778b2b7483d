package io.spoor.store;

import com.zaxxer.hikari.HikariConfig;
import java.nio.file.Path;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file in write-ahead-log mode with {@code synchronous=FULL},
 * so a commit is on disk before it returns. One writer connection (SQLite has one writer
 * anyway; taking the write lock at BEGIN avoids upgrade deadlocks), a few readers. Deleted
 * content is zeroed ({@code secure_delete}), and a scrub empties the write-ahead log, so that
 * erased data cannot be read back from either file.
 */
public record SqliteDialect(Path file) implements Dialect {
  private static final int READERS = 4;
  /** A safety net: only if background checkpoints fall this far behind does a commit checkpoint. */
  private static final int WAL_PAGES_BEFORE_WRITER_CHECKPOINTS = 10_000;
  /** The writer probes indexes at random (emails); 64 MB measured as fast as 128 MB at a million contacts. */
  private static final int WRITER_CACHE_KIB = 64 * 1024;
  private static final int READER_CACHE_KIB = 32 * 1024;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public String idColumn() {
    return "INTEGER PRIMARY KEY AUTOINCREMENT";
  }

  @Override
  public String assignedIdColumn() {
    return "INTEGER PRIMARY KEY";
  }

  @Override
  public String keyOnlyTableSuffix() {
    return " WITHOUT ROWID";
  }

  @Override
  public String migrations() {
    return "classpath:db/migration";
  }

  @Override
  public HikariConfig writerPool() {
    SQLiteConfig sqlite = tuned();
    sqlite.setCacheSize(-WRITER_CACHE_KIB);
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    HikariConfig config = pool("spoor-writer", sqlite, 1);
    // checkpoints run beside the writer (see SqliteCheckpointer), not inside its commits
    config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WAL_PAGES_BEFORE_WRITER_CHECKPOINTS);
    return config;
  }

  @Override
  public HikariConfig readerPool() {
    return pool("spoor-reader", tuned(), READERS);
  }

  @Override
  public Maintenance startMaintenance(Database database) {
    return new SqliteCheckpointer(database);
  }

  private static SQLiteConfig tuned() {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(10_000);
    sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
    sqlite.setCacheSize(-READER_CACHE_KIB);
    // deleted content is overwritten with zeros (in the table's pages and in freed pages), so
    // what a GDPR delete removed cannot be read back from the file
    sqlite.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
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
