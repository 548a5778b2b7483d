package io.spoor.testkit;

import io.spoor.app.Settings;
import io.spoor.app.Spoor;
import io.spoor.portal.RateLimits;
import io.spoor.http.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A real Spoor on a free port over a fresh SQLite file, with a known all-scope token. With
 * {@code -Dspoor.test.store=postgresql} (or a {@code store} flag) the store is a fresh database
 * on the JVM's {@link PostgresServer} instead, dropped when the server closes: every HTTP suite
 * runs on PostgreSQL that way.
 */
public final class RunningSpoor implements AutoCloseable {
  public static final String TOKEN = "test-bootstrap-token-0123456789";
  public static final long HUB_ID = 1;

  private final Spoor spoor;
  private final Path data;
  private final SpoorClient client;
  private final java.util.Optional<String> postgres;
  private final String storeUrl;

  private RunningSpoor(Map<String, String> flags, Clock clock) {
    try {
      data = Files.createTempDirectory("spoor-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // every test client is 127.0.0.1: tests that send bad tokens by the hundred are not throttled
    // unless they ask to be
    Map<String, String> all = new HashMap<>(Map.of("port", "0", "host", "127.0.0.1",
        "data", data.toString(), "bootstrap-token", TOKEN, "auth-failures-per-minute", "0"));
    all.putAll(flags);
    postgres = allOnPostgres() && !flags.containsKey("store")
        ? java.util.Optional.of(PostgresServer.shared().newDatabase()) : java.util.Optional.empty();
    postgres.ifPresent(url -> all.put("store", url));
    storeUrl = all.getOrDefault("store", "jdbc:sqlite:" + data.resolve("spoor.db"));
    spoor = Spoor.start(Settings.load(all, Map.of()), clock);
    // tests read back what they wrote as fast as they can: no rate limit unless a test sets one
    spoor.portals().setLimits(HUB_ID, new io.spoor.portal.RateLimits(0, 0));
    client = new SpoorClient("http://127.0.0.1:" + spoor.port(), TOKEN, this::awaitApplied);
  }

  /** Whether this run puts every test's store on PostgreSQL ({@code -Dspoor.test.store=postgresql}). */
  public static boolean allOnPostgres() {
    return "postgresql".equals(System.getProperty("spoor.test.store"));
  }

  public static RunningSpoor start() {
    return new RunningSpoor(Map.of(), Clock.systemUTC());
  }

  public static RunningSpoor start(Map<String, String> flags) {
    return new RunningSpoor(flags, Clock.systemUTC());
  }

  /** A server with these settings whose every part reads time from {@code clock}. */
  public static RunningSpoor start(Map<String, String> flags, Clock clock) {
    return new RunningSpoor(flags, clock);
  }

  public Spoor spoor() {
    return spoor;
  }

  public SpoorClient client() {
    return client;
  }

  /** A new portal, without rate limits, and a client holding a token of it with the given scopes. */
  public SpoorClient newPortal(long hubId, Set<Scope> scopes) {
    spoor.portals().create(hubId, "Portal " + hubId);
    spoor.portals().setLimits(hubId, new RateLimits(0, 0));
    return client.withToken(spoor.portals().issueToken(hubId, "test", scopes).value());
  }

  /** A client of portal 1 whose token has only these scopes. */
  public SpoorClient scoped(Set<Scope> scopes) {
    return client.withToken(spoor.portals().issueToken(HUB_ID, "scoped", scopes).value());
  }

  /** Waits until every hit acknowledged so far is applied (reads see it after this). */
  public void awaitApplied() {
    spoor.awaitApplied().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
  }

  public Path data() {
    return data;
  }

  /** The JDBC URL of the server's store, to read it beside the server: the SQLite file or the PostgreSQL database. */
  public String storeUrl() {
    return storeUrl;
  }

  @Override
  public void close() {
    spoor.close();
    postgres.ifPresent(url -> PostgresServer.shared().drop(url));
  }
}
