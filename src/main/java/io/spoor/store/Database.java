package io.spoor.store;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The one place that opens connections. Store implementations ask for {@link #handle()}
 * inside a {@link #inTransaction} or {@link #read} block; the handle is bound to the calling
 * thread for the duration of the block, so several stores share one transaction.
 */
public final class Database implements Transactor, FreedSpace, AutoCloseable {
  private final Dialect dialect;
  private final HikariDataSource writerSource;
  private final HikariDataSource readerSource;
  private final Jdbi writer;
  private final Jdbi reader;
  /** Where ids are reserved apart from the writers' transactions (PostgreSQL); null to reserve them inside. */
  private final HikariDataSource idSource;
  private final Jdbi ids;
  private final ThreadLocal<Handle> bound = new ThreadLocal<>();
  private final ThreadLocal<Boolean> writing = new ThreadLocal<>();
  private final Map<String, Settling> settlings = new ConcurrentHashMap<>();
  private Maintenance maintenance = Maintenance.NONE;

  private Database(Dialect dialect) {
    this.dialect = dialect;
    this.writerSource = new HikariDataSource(dialect.writerPool());
    this.readerSource = new HikariDataSource(dialect.readerPool());
    this.writer = Jdbi.create(writerSource);
    this.reader = Jdbi.create(readerSource);
    this.idSource = dialect.reservesIdsApart() ? new HikariDataSource(dialect.idPool()) : null;
    this.ids = idSource == null ? null : Jdbi.create(idSource);
    for (Jdbi jdbi : List.of(writer, reader)) {
      jdbi.getConfig(StoredText.class).use(dialect::storableText);
      jdbi.registerArgument(new StoredText.Arguments());
    }
  }

  /** Opens the database and brings its schema up to date. */
  public static Database open(Dialect dialect) {
    return openAt(dialect, Integer.MAX_VALUE);
  }

  /** Opens the database with its schema brought up to {@code version} at most: for tests of later migrations. */
  static Database openAt(Dialect dialect, int version) {
    Database database = new Database(dialect);
    try {
      new Migrations(database.writerSource, dialect).apply(version);
      database.maintenance = dialect.startMaintenance(database);
      return database;
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The one {@link Settling} of {@code table}, shared by every store that writes its rows. */
  public Settling settling(String table) {
    return settlings.computeIfAbsent(table, t -> new Settling(this, t));
  }

  /** The handle of the transaction open on this thread. */
  public Handle handle() {
    Handle handle = bound.get();
    if (handle == null) {
      throw new IllegalStateException("no transaction is open on this thread");
    }
    return handle;
  }

  /**
   * What a SELECT appends to lock the rows it reads so that this write transaction can write
   * them back without losing a concurrent writer's change ({@link Dialect#rowLock()}); nothing
   * in a read-only transaction.
   */
  public String rowLock() {
    handle();
    return Boolean.TRUE.equals(writing.get()) ? dialect.rowLock() : "";
  }

  /**
   * Runs {@code work} where ids are reserved: on PostgreSQL in a short transaction of its own,
   * committed before this returns, so concurrent writers do not wait for each other's commit;
   * on SQLite in the transaction open on this thread.
   */
  <T> T reservingIds(Function<Handle, T> work) {
    if (ids == null) {
      return work.apply(handle());
    }
    try {
      return ids.inTransaction(work::apply);
    } catch (JdbiException e) {
      throw new StoreException("id reservation failed", e);
    }
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    return run(writer, true, work);
  }

  @Override
  public <T> T read(Supplier<T> work) {
    return run(reader, false, work);
  }

  /** True when a trivial query answers. */
  public boolean isReachable() {
    try {
      return read(() -> handle().createQuery("SELECT 1").mapTo(Integer.class).one() == 1);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private <T> T run(Jdbi jdbi, boolean writes, Supplier<T> work) {
    if (bound.get() != null) {
      return work.get();
    }
    try {
      return jdbi.inTransaction(handle -> {
        if (writes) {
          dialect.beginWrite(handle);
        }
        bound.set(handle);
        writing.set(writes);
        try {
          return work.get();
        } finally {
          bound.remove();
          writing.remove();
        }
      });
    } catch (JdbiException e) {
      throw new StoreException("database statement failed", e);
    }
  }

  @Override
  public void scrub() {
    maintenance.scrub();
  }

  /** The background upkeep, for tests that run a step of it themselves instead of waiting for it. */
  Maintenance maintenance() {
    return maintenance;
  }

  /** Runs a statement on a reader connection outside any transaction (e.g. a checkpoint); its rows. */
  List<Map<String, Object>> outsideTransaction(String sql) {
    try {
      return reader.withHandle(h -> h.createQuery(sql).mapToMap().list());
    } catch (JdbiException e) {
      throw new StoreException("maintenance statement failed", e);
    }
  }

  @Override
  public void close() {
    maintenance.close();
    writerSource.close();
    readerSource.close();
    if (idSource != null) {
      idSource.close();
    }
  }
}
