package io.spoor.app;

import io.spoor.admin.OpsRoutes;
import io.spoor.dashboard.Accounts;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.dashboard.LiveUpdates;
import io.spoor.forward.Backoff;
import io.spoor.forward.ForwardMetrics;
import io.spoor.forward.ForwardWorker;
import io.spoor.forward.Forwarding;
import io.spoor.forward.Outbox;
import io.spoor.forward.SqlOutbox;
import io.spoor.forward.TargetChanges;
import io.spoor.http.AuthThrottle;
import io.spoor.http.Http;
import io.spoor.http.HttpServerSettings;
import io.spoor.http.RateLimiter;
import io.spoor.http.Routes;
import io.spoor.http.Server;
import io.spoor.ingest.AppliedFeed;
import io.spoor.ingest.BatchApplier;
import io.spoor.ingest.BatchSink;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.IngestMetrics;
import io.spoor.ingest.LogDamage;
import io.spoor.ingest.RejectionLimits;
import io.spoor.ops.Metrics;
import io.spoor.portal.NewToken;
import io.spoor.portal.PortalAuthenticator;
import io.spoor.portal.Portals;
import io.spoor.segment.WriteKeys;
import io.spoor.store.ChangeFeed;
import io.spoor.store.ChangeWatch;
import io.spoor.store.Database;
import io.spoor.store.Dialect;
import io.spoor.store.PostgresDialect;
import io.spoor.store.SqliteDialect;
import io.spoor.report.Rollups;
import io.spoor.report.SketchBackfill;
import io.spoor.transfer.Imports;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server: builds every part with constructors, in dependency order, and takes
 * them down in reverse. Shutdown first closes the ingest log, so every hit taken is written,
 * answered and applied before the HTTP server closes.
 */
public final class Spoor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Spoor.class);
  private static final int MAX_BODY_BYTES = 1024 * 1024;
  private static final int MAX_URL_BYTES = 16 * 1024;

  private final Database db;
  /** This server's share of the data directory's lock: {@code spoor migrate} waits for it to go. */
  private final io.spoor.store.DirectoryLock dataLock;
  private final ServerRole role;
  private final Vertx vertx;
  private final IngestLog log;
  private final Server server;
  private final Portals portals;
  private final IngestMetrics ingestMetrics;
  private final int port;
  private final Optional<NewToken> firstStartToken;
  private final SqlOutbox outbox;
  private final ForwardWorker forwardWorker;
  private final Optional<String> setupToken;
  private final Accounts accounts;
  /** The session check of every dashboard endpoint: hand it to the routes of a dashboard section. */
  private final DashboardAuth dashboardAuth;
  /** Tells the dashboard's live streams of each batch applied. */
  private final LiveUpdates liveUpdates = new LiveUpdates();
  private final Imports imports;
  /** What other processes on the store changed: forwarding targets, hits applied (for live views). */
  private final ChangeWatch changes;
  /** Fills the visitor sketches of days written before they were kept (in a process that applies). */
  private final Optional<SketchBackfill> sketchBackfill;

  private Spoor(Settings settings, Clock clock, UnaryOperator<BatchSink> sinks) {
    DataDirectory.create(settings.dataDir());
    dataLock = io.spoor.store.DirectoryLock.shared(settings.dataDir());
    db = openDatabase(settings);
    Stores stores = Stores.sql(db, clock, settings.get(Settings.HISTORY_PER_PROPERTY));
    Metrics metrics = Metrics.withJvmAndProcess();
    portals = new Portals(db, stores.portals(), stores.tokens(), clock);
    firstStartToken = FirstStart.ensureDefaultPortal(portals, settings);
    accounts = accounts(settings, stores, clock);
    dashboardAuth = new DashboardAuth(accounts);
    setupToken = accounts.firstStartToken(settings.get(Settings.PORTAL_ID));
    role = settings.role();
    log = EdgeWiring.log(settings, clock);
    ingestMetrics = new IngestMetrics(metrics, log);
    metrics.gauges("spoor_kafka_consumer_lag", "Records of a partition of the Kafka topic not yet applied by this "
        + "process's processor", log::lagByPartition, "partition");
    Rollups rollups = new Rollups(db, settings.get(Settings.REPORT_ROLLUPS) == 1,
        settings.get(Settings.REPORT_RECENT_VISITS), metrics);
    outbox = new SqlOutbox(db, stores.forwarding(), clock);
    AppliedFeed appliedFeed = new AppliedFeed(new ChangeFeed(db));
    if (role.collects() || role.applies()) {
      // an api process takes no hits: its log stays unstarted and never reaches Kafka
      log.start(sinks.apply(liveUpdates.watching(new BatchApplier(db, stores.appliedHits(), stores.rejections(),
          stores.portals(), EdgeWiring.appliers(stores, metrics, settings, outbox, rollups), ingestMetrics, clock,
          new RejectionLimits(settings.get(Settings.REJECTIONS_KEPT), settings.get(Settings.REJECTION_BYTES_PER_BATCH)),
          settings.get(Settings.STORE_CONFLICT_RETRIES), Optional.of(appliedFeed)))));
    }
    ForwardMetrics forwardMetrics = new ForwardMetrics(metrics);
    forwardWorker = new ForwardWorker(db, stores.forwarding(), clock, Backoff.of(
        Duration.ofMillis(settings.get(Settings.FORWARD_FIRST_BACKOFF_MS)),
        Duration.ofSeconds(settings.get(Settings.FORWARD_MAX_BACKOFF_SECONDS)),
        Duration.ofMinutes(settings.get(Settings.FORWARD_RETRY_MINUTES))), forwardMetrics,
        settings.get(Settings.FORWARD_LANES));
    forwardMetrics.watch(metrics, db, stores.forwarding(), forwardWorker);
    changes = new ChangeWatch(db, new ChangeFeed(db), Duration.ofMillis(settings.get(Settings.LIVE_POLL_MS)),
        Duration.ofMillis(settings.get(Settings.CHANGE_POLL_MS)));
    vertx = Vertx.vertx();
    List<Routes> routes = new ArrayList<>();
    routes.add(opsRoutes(metrics));
    WriteKeys writeKeys = new WriteKeys(db, stores.portals(), stores.writeKeys(), clock);
    CrmWiring crm = new CrmWiring(db, stores, clock);
    imports = crm.imports(settings, metrics);
    if (role.collects()) {
      routes.addAll(EdgeWiring.routes(settings, db, stores, portals, log, writeKeys, metrics, clock));
    }
    if (role.servesApi()) {
      routes.addAll(crm.apiRoutes());
      routes.addAll(AdminWiring.routes(db, stores, portals, writeKeys,
          new Forwarding(db, stores.forwarding(), forwardWorker, outbox, clock), dashboardAuth, clock));
      routes.addAll(DashboardWiring.routes(settings, db, accounts, dashboardAuth, liveUpdates, metrics, clock));
      routes.addAll(crm.transferRoutes(imports, dashboardAuth));
      routes.addAll(crm.recordRoutes(dashboardAuth));
    }
    Optional<HttpServerSettings.Tls> tls = settings.find(Settings.TLS_CERT)
        .map(cert -> new HttpServerSettings.Tls(cert, settings.get(Settings.TLS_KEY)));
    server = new Server(vertx, new HttpServerSettings(settings.get(Settings.HOST), settings.get(Settings.PORT),
        MAX_URL_BYTES, HttpServerSettings.DEFAULT_REQUEST_TIMEOUT, tls), routes,
        new Http(new PortalAuthenticator(portals), MAX_BODY_BYTES, new RateLimiter(clock),
            Optional.of(new AuthThrottle(settings.get(Settings.AUTH_FAILURES_PER_MINUTE), clock, metrics)),
            settings.find(Settings.PUBLIC_URL)),
        metrics);
    port = server.start();
    if (role.applies()) {
      forwardWorker.start();
      changes.listen(new TargetChanges(outbox, forwardWorker), () -> false);
    }
    if (role.servesApi()) {
      changes.listen(liveUpdates.elsewhere(appliedFeed.source()), liveUpdates::listening);
    }
    changes.start();
    sketchBackfill = EdgeWiring.sketchBackfill(settings, db, metrics);
    // the store and the log have made their files by now: they get the owner-only mode too
    DataDirectory.protect(settings.dataDir());
    LOG.info("listening on {}:{} ({}) as {} with the {} store at {} and the {} ingest log", settings.get(Settings.HOST),
        port, tls.isPresent() ? "https" : "http", role.wireName(), db.dialect().name(),
        storePlace(settings), settings.get(Settings.LOG));
  }

  /** Health, readiness (the store, and the ingest log where this role uses it) and metrics. */
  private Routes opsRoutes(Metrics metrics) {
    boolean usesLog = role.collects() || role.applies();
    return new OpsRoutes(metrics, () -> db.isReachable() && (!usesLog || log.reachable()),
        () -> !log.failure().isDone(),
        () -> Optional.of(log.damage()).filter(LogDamage::found).map(LogDamage::summary));
  }

  /** The dashboard's accounts, with the session and setup link lifetimes of the settings. */
  static Accounts accounts(Settings settings, Stores stores, Clock clock) {
    return new Accounts(stores.db(), stores.accounts(), stores.portals(), clock,
        Duration.ofHours(settings.get(Settings.SESSION_HOURS)), Duration.ofHours(settings.get(Settings.SETUP_LINK_HOURS)));
  }

  /** Opens the store, starts every part and listens. */
  public static Spoor start(Settings settings, Clock clock) {
    return new Spoor(settings, clock, UnaryOperator.identity());
  }

  /** Starts with the applier's sink wrapped by {@code sinks}: tests inject failures this way. */
  static Spoor start(Settings settings, Clock clock, UnaryOperator<BatchSink> sinks) {
    return new Spoor(settings, clock, sinks);
  }

  /** Opens only the store, for the command line's portal and token commands. */
  static Database openStore(Settings settings) {
    Database db = openDatabase(settings);
    DataDirectory.protect(settings.dataDir());
    return db;
  }

  /**
   * Opens the store: the PostgreSQL database the store setting names, else the embedded one in the
   * data directory. The data directory is made first if it is missing (the ingest log is there
   * either way); protecting it is left to the caller.
   */
  private static Database openDatabase(Settings settings) {
    DataDirectory.create(settings.dataDir());
    return Database.open(dialect(settings));
  }

  private static Dialect dialect(Settings settings) {
    return settings.find(Settings.STORE)
        .<Dialect>map(url -> new PostgresDialect(url, settings.get(Settings.STORE_POOL_SIZE)))
        .orElseGet(() -> new SqliteDialect(settings.dataDir().resolve("spoor.db")));
  }

  /** Where the store is, for the log: the file, or the PostgreSQL URL without its query. */
  private static String storePlace(Settings settings) {
    return settings.find(Settings.STORE).map(PostgresDialect::redacted)
        .orElseGet(() -> settings.dataDir().resolve("spoor.db").toAbsolutePath().toString());
  }

  public int port() {
    return port;
  }

  /** Every mounted endpoint as {@code "METHOD /path"}. */
  public List<String> endpoints() {
    return server.endpoints();
  }

  public Portals portals() {
    return portals;
  }

  /** The all-scope token issued when this start created the default portal. */
  public Optional<NewToken> firstStartToken() {
    return firstStartToken;
  }

  /** Where appliers queue calls for the portals' forwarding targets; opens its own transaction outside one. */
  public Outbox outbox() {
    return outbox;
  }

  /** The dashboard's accounts. */
  public Accounts accounts() {
    return accounts;
  }

  /** The one-time token of the dashboard's setup link, made when this start found no dashboard user. */
  public Optional<String> setupToken() {
    return setupToken;
  }

  public IngestMetrics ingestMetrics() {
    return ingestMetrics;
  }

  /**
   * Completes with the fatal error that stopped the ingest log (running out of memory, say):
   * from then on every hit is refused and the process must be restarted.
   */
  public CompletableFuture<Throwable> failure() {
    return log.failure();
  }

  /** The ingest log the edge appends hits to (tests put hits of endpoints not yet routed here). */
  public IngestLog ingestLog() {
    return log;
  }

  /** Completes once every hit acknowledged so far has been applied to the store. */
  public CompletableFuture<Void> awaitApplied() {
    return log.awaitApplied();
  }

  @Override
  public void close() {
    LOG.info("shutting down: draining {} queued hits", log.depth());
    changes.close();
    sketchBackfill.ifPresent(SketchBackfill::close);
    log.close();
    forwardWorker.close();
    server.stop();
    imports.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    db.close();
    dataLock.close();
    LOG.info("stopped");
  }
}
