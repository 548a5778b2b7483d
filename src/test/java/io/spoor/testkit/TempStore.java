package io.spoor.testkit;

import io.spoor.store.Database;
import io.spoor.store.SqliteDialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test (its {@code @BeforeEach} methods included) a {@link Database} parameter: a fresh
 * SQLite store in a directory of its own, closed and removed when the test ends; or, for a class
 * marked {@link OnPostgres} (or every class, with {@code -Dspoor.test.store=postgresql}), a fresh
 * database on the JVM's {@link PostgresServer}, closed and dropped when the test ends.
 */
public final class TempStore implements ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(TempStore.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Database.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (onPostgres(context)) {
      return context.getStore(NAMESPACE).getOrComputeIfAbsent(OnServer.class, k -> OnServer.open(), OnServer.class)
          .db();
    }
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(Opened.class, k -> Opened.open(), Opened.class).db();
  }

  /** Whether the test's stores are on PostgreSQL: its class says so, or the run does. */
  public static boolean onPostgres(ExtensionContext context) {
    return context.getRequiredTestClass().isAnnotationPresent(OnPostgres.class) || RunningSpoor.allOnPostgres();
  }

  private record OnServer(PostgresServer server, String url, Database db)
      implements ExtensionContext.Store.CloseableResource {
    static OnServer open() {
      PostgresServer server = PostgresServer.shared();
      String url = server.newDatabase();
      return new OnServer(server, url, Database.open(new io.spoor.store.PostgresDialect(url, 4)));
    }

    @Override
    public void close() {
      db.close();
      server.drop(url);
    }
  }

  private record Opened(Path dir, Database db) implements ExtensionContext.Store.CloseableResource {
    static Opened open() {
      try {
        Path dir = Files.createTempDirectory("spoor-store");
        return new Opened(dir, Database.open(new SqliteDialect(dir.resolve("spoor.db"))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      db.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
