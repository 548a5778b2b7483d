package io.spoor.app;

import io.spoor.admin.OpsRoutes;
import io.spoor.admin.RejectionRoutes;
import io.spoor.crm.Company;
import io.spoor.crm.Contact;
import io.spoor.crm.ObjectType;
import io.spoor.crm.association.AssociationRoutes;
import io.spoor.crm.association.Associations;
import io.spoor.crm.gdpr.GdprDelete;
import io.spoor.crm.gdpr.GdprDeleteRoutes;
import io.spoor.crm.legacy.LegacyContactRoutes;
import io.spoor.crm.merge.ContactMerge;
import io.spoor.crm.merge.ContactMergeRoutes;
import io.spoor.crm.object.CompanyApiRoutes;
import io.spoor.crm.object.ContactApiRoutes;
import io.spoor.crm.object.ContactRoutes;
import io.spoor.crm.object.ContactTimeline;
import io.spoor.crm.object.ContactWrites;
import io.spoor.crm.object.Contacts;
import io.spoor.crm.object.ObjectReads;
import io.spoor.crm.object.ObjectView;
import io.spoor.crm.object.ObjectWrites;
import io.spoor.crm.property.PropertyCatalog;
import io.spoor.crm.property.PropertyRoutes;
import io.spoor.crm.search.ObjectSearch;
import io.spoor.crm.search.SearchRoutes;
import io.spoor.dashboard.Accounts;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.dashboard.DashboardRoutes;
import io.spoor.dashboard.records.RecordRoutes;
import io.spoor.dashboard.LiveRoutes;
import io.spoor.dashboard.LiveUpdates;
import io.spoor.events.BehavioralEventRoutes;
import io.spoor.events.BehavioralEvents;
import io.spoor.events.EventDefinitionRoutes;
import io.spoor.events.EventDefinitions;
import io.spoor.forward.Backoff;
import io.spoor.forward.ForwardMetrics;
import io.spoor.forward.ForwardWorker;
import io.spoor.forward.Forwarding;
import io.spoor.forward.ForwardingRoutes;
import io.spoor.forward.Outbox;
import io.spoor.forward.SqlOutbox;
import io.spoor.http.AuthThrottle;
import io.spoor.http.Http;
import io.spoor.http.HttpServerSettings;
import io.spoor.http.Mount;
import io.spoor.http.RateLimiter;
import io.spoor.http.Routes;
import io.spoor.http.Server;
import io.spoor.identity.VisitorRoutes;
import io.spoor.ingest.BatchApplier;
import io.spoor.ingest.BatchSink;
import io.spoor.ingest.FileIngestLog;
import io.spoor.ingest.HitApplier;
import io.spoor.ingest.IngestLimits;
import io.spoor.ingest.IngestLog;
import io.spoor.ingest.IngestMetrics;
import io.spoor.ingest.LogDamage;
import io.spoor.ingest.RejectReason;
import io.spoor.ingest.Ticker;
import io.spoor.ingest.RejectionLimits;
import io.spoor.kafka.KafkaAddress;
import io.spoor.kafka.KafkaClients;
import io.spoor.kafka.KafkaIngestLog;
import io.spoor.ops.Counter;
import io.spoor.ops.Metrics;
import io.spoor.portal.NewToken;
import io.spoor.portal.PortalAuthenticator;
import io.spoor.portal.PortalRoutes;
import io.spoor.portal.Portals;
import io.spoor.portal.TokenRoutes;
import io.spoor.segment.EdgeLimits;
import io.spoor.segment.EdgeRejections;
import io.spoor.segment.SegmentApplier;
import io.spoor.segment.SegmentRoutes;
import io.spoor.segment.WriteKeyRoutes;
import io.spoor.segment.WriteKeys;
import io.spoor.store.Database;
import io.spoor.store.Dialect;
import io.spoor.store.PostgresDialect;
import io.spoor.store.SqliteDialect;
import io.spoor.track.BeaconApplier;
import io.spoor.report.LegacyReports;
import io.spoor.report.ReportExportRoutes;
import io.spoor.report.ReportRoutes;
import io.spoor.report.Reports;
import io.spoor.report.Rollups;
import io.spoor.report.VisitIndex;
import io.spoor.track.BeaconRoutes;
import io.spoor.track.CreationLimits;
import io.spoor.track.EventsApiApplier;
import io.spoor.track.EventsApiRoutes;
import io.spoor.track.PerHitCap;
import io.spoor.track.SentEventApplier;
import io.spoor.track.TrackerScriptRoutes;
import io.spoor.transfer.ExportRoutes;
import io.spoor.transfer.ImportLimits;
import io.spoor.transfer.ImportRoutes;
import io.spoor.transfer.Imports;
import io.spoor.timeline.ContactActivity;
import io.spoor.timeline.EventOccurrenceRoutes;
import io.spoor.timeline.SqlActivityStore;
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

  private Spoor(Settings settings, Clock clock, UnaryOperator<BatchSink> sinks) {
    db = openDatabase(settings);
    Stores stores = Stores.sql(db, clock, settings.get(Settings.HISTORY_PER_PROPERTY));
    Metrics metrics = Metrics.withJvmAndProcess();
    portals = new Portals(db, stores.portals(), stores.tokens(), clock);
    firstStartToken = FirstStart.ensureDefaultPortal(portals, settings);
    accounts = accounts(settings, stores, clock);
    dashboardAuth = new DashboardAuth(accounts);
    setupToken = accounts.firstStartToken(settings.get(Settings.PORTAL_ID));
    role = settings.role();
    log = ingestLog(settings, clock);
    ingestMetrics = new IngestMetrics(metrics, log);
    metrics.gauges("spoor_kafka_consumer_lag", "Records of a partition of the Kafka topic not yet applied by this "
        + "process's processor", log::lagByPartition, "partition");
    Rollups rollups = new Rollups(db, settings.get(Settings.REPORT_ROLLUPS) == 1);
    outbox = new SqlOutbox(db, stores.forwarding(), clock);
    if (role.collects() || role.applies()) {
      // an api process takes no hits: its log stays unstarted and never reaches Kafka
      log.start(sinks.apply(liveUpdates.watching(new BatchApplier(db, stores.appliedHits(), stores.rejections(),
          stores.portals(), appliers(stores, metrics, settings, creationLimits(settings, stores), outbox, rollups),
          ingestMetrics, clock, new RejectionLimits(settings.get(Settings.REJECTIONS_KEPT),
          settings.get(Settings.REJECTION_BYTES_PER_BATCH))))));
    }
    ForwardMetrics forwardMetrics = new ForwardMetrics(metrics);
    forwardWorker = new ForwardWorker(db, stores.forwarding(), clock, Backoff.of(
        Duration.ofMillis(settings.get(Settings.FORWARD_FIRST_BACKOFF_MS)),
        Duration.ofSeconds(settings.get(Settings.FORWARD_MAX_BACKOFF_SECONDS)),
        Duration.ofMinutes(settings.get(Settings.FORWARD_RETRY_MINUTES))), forwardMetrics,
        settings.get(Settings.FORWARD_LANES));
    forwardMetrics.watch(metrics, db, stores.forwarding(), forwardWorker);
    vertx = Vertx.vertx();
    List<Routes> routes = new ArrayList<>();
    routes.add(opsRoutes(metrics));
    WriteKeys writeKeys = new WriteKeys(db, stores.portals(), stores.writeKeys(), clock);
    imports = imports(settings, stores, metrics, clock);
    if (role.collects()) {
      routes.addAll(trackingRoutes(settings, stores, metrics, clock));
      routes.add(segmentRoutes(settings, writeKeys, metrics, clock));
    }
    if (role.servesApi()) {
      routes.addAll(crmRoutes(stores, clock));
      routes.addAll(adminRoutes(stores, clock));
      routes.add(new WriteKeyRoutes(writeKeys));
      Forwarding forwarding = new Forwarding(db, stores.forwarding(), forwardWorker, outbox, clock);
      routes.add(new ForwardingRoutes(forwarding));
      routes.add(new DashboardRoutes(accounts, dashboardAuth, settings.get(Settings.SIGN_IN_FAILURES),
          settings.get(Settings.SIGN_IN_SLOWDOWN_MS), clock, metrics, settings.find(Settings.PUBLIC_URL)));
      Reports reports = new Reports(db, new VisitIndex(db, settings.get(Settings.REPORT_INDEX_VISITS)),
          settings.get(Settings.REPORT_CACHE_MB));
      routes.add(new ReportRoutes(reports, new LegacyReports(db, reports), dashboardAuth.signedIn(),
          DashboardAuth::portal));
      routes.add(new LiveRoutes(liveUpdates, dashboardAuth, settings.get(Settings.LIVE_STREAMS_PER_USER),
          settings.get(Settings.LIVE_STREAMS), metrics));
      routes.addAll(dashboardSettingsRoutes(stores, writeKeys, forwarding));
      Contacts contacts = new Contacts(db, stores.contacts(), stores.associations(), stores.propertyDefinitions(),
          clock);
      ObjectReads<Company> companies = new ObjectReads<>(db, stores.companies(), stores.associations(),
          ObjectType.COMPANY, ObjectView.reader(ObjectType.COMPANY), stores.propertyDefinitions(), clock);
      routes.addAll(transferRoutes(contacts, companies));
      routes.add(new ReportExportRoutes(reports));
      routes.add(new ReportExportRoutes(reports, Mount.at("/dashboard/api", dashboardAuth.guard())));
      routes.addAll(recordRoutes(stores, contacts, companies, clock));
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
    }
    // the store and the log have made their files by now: they get the owner-only mode too
    DataDirectory.protect(settings.dataDir());
    LOG.info("listening on {}:{} ({}) as {} with the {} store at {} and the {} ingest log", settings.get(Settings.HOST),
        port, tls.isPresent() ? "https" : "http", role.wireName(), db.dialect().name(),
        storePlace(settings), settings.get(Settings.LOG));
  }

  /** The rules each kind of hit is applied by. */
  private static List<HitApplier<?>> appliers(Stores stores, Metrics metrics, Settings settings,
      CreationLimits limits, Outbox outbox, Rollups rollups) {
    Counter overCap = metrics.counter("spoor_refused_by_cap_total",
        "Parameters or properties of a hit beyond the per-hit cap, refused", "kind");
    PerHitCap propertyCap = new PerHitCap(settings.get(Settings.MAX_PROPERTIES_PER_EVENT),
        RejectReason.TOO_MANY_PROPERTIES, "properties", overCap);
    EventsApiApplier events = new EventsApiApplier(stores.contacts(), stores.propertyDefinitions(),
        stores.eventDefinitions(), stores.completions(), stores.externalIds(),
        new PerHitCap(settings.get(Settings.MAX_PARAMS_PER_HIT), RejectReason.TOO_MANY_PARAMETERS, "parameters", overCap),
        limits, outbox, rollups);
    BeaconApplier beacons = new BeaconApplier(stores.contacts(), stores.propertyDefinitions(), stores.visitors(),
        stores.eventDefinitions(), stores.completions(),
        metrics.counter("spoor_bot_hits_total", "Beacons from bots, kept out of the analytics"),
        metrics.counter("spoor_untracked_hits_total",
            "Beacons counted but not tracked: cookieless (ce=false), a privacy signal honoured, or a visitor "
                + "who declined consent", "why"),
        stores.eventDetails(), propertyCap, limits, rollups);
    SentEventApplier sentEvents = new SentEventApplier(stores.contacts(), stores.propertyDefinitions(),
        stores.visitors(), stores.eventDefinitions(), stores.eventDetails(), stores.completions(), propertyCap, limits,
        rollups);
    return List.of(events, beacons, sentEvents,
        new EdgeRejections(new SegmentApplier(stores.contacts(), stores.propertyDefinitions(), stores.companies(),
            stores.associations(), stores.eventDefinitions(), stores.segmentIds(), events, sentEvents, beacons, limits,
            outbox)));
  }

  /** What hits from the unauthenticated endpoints may create per portal. */
  private static CreationLimits creationLimits(Settings settings, Stores stores) {
    return new CreationLimits(new CreationLimits.Limits(settings.get(Settings.DYNAMIC_EVENT_DEFINITIONS_MAX),
        settings.get(Settings.DYNAMIC_EVENT_DEFINITIONS_PER_MINUTE), settings.get(Settings.NEW_CONTACTS_PER_MINUTE),
        settings.get(Settings.NEW_VISITORS_PER_MINUTE)), stores.eventDefinitions());
  }

  /** The unauthenticated tracking endpoints and the behavioural events API, which feed the ingest log. */
  private List<Routes> trackingRoutes(Settings settings, Stores stores, Metrics metrics, Clock clock) {
    return List.of(
        new EventsApiRoutes(log, clock),
        new BeaconRoutes(log, clock, metrics),
        new TrackerScriptRoutes(portals, settings.find(Settings.PUBLIC_URL)),
        new BehavioralEventRoutes(new BehavioralEvents(db, stores.eventDefinitions(), stores.eventDetails(), clock),
            log, clock));
  }

  /** The HubSpot-compatible CRM API and Spoor's contact reads. */
  private List<Routes> crmRoutes(Stores stores, Clock clock) {
    Associations associations = new Associations(db, stores.associations(), clock);
    Contacts contacts = new Contacts(db, stores.contacts(), stores.associations(), stores.propertyDefinitions(), clock);
    ContactWrites contactWrites = new ContactWrites(db, stores.contacts(), stores.associations(),
        stores.propertyDefinitions(), associations, clock);
    ObjectReads<Company> companies = new ObjectReads<>(db, stores.companies(), stores.associations(),
        ObjectType.COMPANY, ObjectView.reader(ObjectType.COMPANY), stores.propertyDefinitions(), clock);
    ObjectWrites<Company> companyWrites = new ObjectWrites<>(db, stores.companies(), stores.associations(),
        stores.propertyDefinitions(), ObjectType.COMPANY, associations, clock);
    return List.of(
        new ContactRoutes(contacts, new ContactTimeline(db, contacts, stores.completions(), stores.visitors())),
        new ContactApiRoutes(contacts, contactWrites),
        new LegacyContactRoutes(contactWrites),
        new CompanyApiRoutes(companies, companyWrites),
        new AssociationRoutes(associations),
        new SearchRoutes<>(new ObjectSearch<>(db, stores.contacts(), ObjectType.CONTACT, contacts.reader(),
            ObjectSearch.CONTACTS_SEARCHABLE, stores.search(), stores.propertyDefinitions())),
        new ContactMergeRoutes(new ContactMerge(db, stores.contacts(), stores.associations(), stores.contactMerges(),
            stores.completions(), stores.visitors(), stores.externalIds(), clock)),
        new GdprDeleteRoutes(new GdprDelete(db, stores.contacts(), stores.associations(), stores.gdprDeletes(),
            stores.completions(), stores.eventDefinitions(), stores.visitors(), stores.externalIds(),
            stores.rejections(), db)),
        new PropertyRoutes(new PropertyCatalog(db, stores.propertyDefinitions())),
        new VisitorRoutes(db, stores.visitors()),
        new SearchRoutes<>(new ObjectSearch<>(db, stores.companies(), ObjectType.COMPANY,
            companies.reader(), ObjectSearch.COMPANIES_SEARCHABLE, stores.search(),
            stores.propertyDefinitions())));
  }

  /** Health, readiness (the store, and the ingest log where this role uses it) and metrics. */
  private Routes opsRoutes(Metrics metrics) {
    boolean usesLog = role.collects() || role.applies();
    return new OpsRoutes(metrics, () -> db.isReachable() && (!usesLog || log.reachable()),
        () -> !log.failure().isDone(),
        () -> Optional.of(log.damage()).filter(LogDamage::found).map(LogDamage::summary));
  }

  /** Portal settings, tokens, event definitions, rejections and the API's own document. */
  private List<Routes> adminRoutes(Stores stores, Clock clock) {
    return List.of(
        new EventDefinitionRoutes(new EventDefinitions(db, stores.eventDefinitions(), clock)),
        new RejectionRoutes(db, stores.rejections()),
        new PortalRoutes(portals),
        new TokenRoutes(portals),
        new OpenApiDocument());
  }

  /** Segment's HTTP Tracking API, which feeds the ingest log. */
  private Routes segmentRoutes(Settings settings, WriteKeys writeKeys, Metrics metrics, Clock clock) {
    EdgeLimits limits = new EdgeLimits(settings.get(Settings.SEGMENT_MAX_MESSAGE_BYTES),
        settings.get(Settings.SEGMENT_MAX_REQUEST_BYTES), settings.get(Settings.SEGMENT_MAX_BATCH_MESSAGES));
    return new SegmentRoutes(writeKeys, limits, log, clock, metrics.counter("spoor_segment_refused_total",
        "Calls of Segment's Tracking API answered with an error, by status", "status"));
  }

  /**
   * The ingest log of the settings: in local files under the data directory, or on Kafka, where
   * this process applies what it consumes only in a role that applies.
   */
  private static IngestLog ingestLog(Settings settings, Clock clock) {
    IngestLimits limits = new IngestLimits(settings.get(Settings.QUEUE_CAPACITY),
        settings.get(Settings.MAX_BATCH), settings.get(Settings.MAX_BACKLOG),
        Duration.ofMillis(settings.get(Settings.MAX_WAIT_MS)), Duration.ofMillis(settings.get(Settings.APPLY_INTERVAL_MS)),
        settings.get(Settings.MAX_BACKLOG_BYTES), settings.get(Settings.MAX_BATCH_BYTES));
    Optional<KafkaAddress> kafka = settings.kafka();
    if (kafka.isPresent()) {
      return new KafkaIngestLog(kafka.get(), new KafkaClients(kafka.get(), settings.get(Settings.KAFKA_GROUP),
          Duration.ofMillis(settings.get(Settings.KAFKA_SEND_TIMEOUT_MS)), settings.get(Settings.MAX_BATCH)),
          settings.role().applies(), limits, settings.dataDir(), clock);
    }
    return new FileIngestLog(settings.dataDir().resolve("log"), limits,
        Duration.ofMinutes(settings.get(Settings.LOG_SEGMENT_MAX_AGE_MINUTES)), clock, Ticker.SYSTEM);
  }

  /**
   * The settings pages' routes under {@code /dashboard/api/settings}: the admin API's own routes
   * behind the dashboard's session check (viewers read, admins change).
   */
  private List<Routes> dashboardSettingsRoutes(Stores stores, WriteKeys writeKeys, Forwarding forwarding) {
    Mount base = Mount.at("/dashboard/api/settings", dashboardAuth.guard());
    return List.of(
        new PortalRoutes(portals, base),
        new TokenRoutes(portals, base),
        new WriteKeyRoutes(writeKeys, base),
        new ForwardingRoutes(forwarding, base),
        new RejectionRoutes(db, stores.rejections(), base));
  }

  /** Contact imports, with the limits of the settings, run on their own thread. */
  private Imports imports(Settings settings, Stores stores, Metrics metrics, Clock clock) {
    ContactWrites writes = new ContactWrites(db, stores.contacts(), stores.associations(),
        stores.propertyDefinitions(), new Associations(db, stores.associations(), clock), clock);
    return new Imports(db, writes, settings.dataDir().resolve("imports"), new ImportLimits(
        settings.get(Settings.IMPORT_MAX_BYTES), settings.get(Settings.IMPORT_MAX_ROWS),
        settings.get(Settings.IMPORT_PROBLEMS_KEPT), settings.get(Settings.REFUSED_UPLOAD_DRAIN_BYTES)), clock,
        metrics.counter("spoor_import_refused_total", "Contact import uploads refused by a limit", "limit"));
  }

  /** CSV exports of contacts and companies and contact imports: in the API and in the dashboard. */
  private List<Routes> transferRoutes(Contacts contacts, ObjectReads<Company> companies) {
    List<ObjectReads<? extends io.spoor.crm.CrmObject>> lists = List.of(contacts, companies);
    return List.of(
        new ExportRoutes(lists),
        new ExportRoutes(lists, Mount.at("/dashboard/api", dashboardAuth.guard())),
        new ImportRoutes(imports),
        new ImportRoutes(imports, Mount.at("/dashboard/api", dashboardAuth.guard())));
  }

  /** The dashboard's contact and company records, contacts' timelines (also as HubSpot's event occurrences), event definitions. */
  private List<Routes> recordRoutes(Stores stores, Contacts contacts, ObjectReads<Company> companies, Clock clock) {
    Associations associations = new Associations(db, stores.associations(), clock);
    RecordRoutes.Side<Contact> contactSide = new RecordRoutes.Side<>(contacts, new ContactWrites(db, stores.contacts(),
        stores.associations(), stores.propertyDefinitions(), associations, clock), new ObjectSearch<>(db,
        stores.contacts(), ObjectType.CONTACT, contacts.reader(), ObjectSearch.CONTACTS_SEARCHABLE, stores.search(),
        stores.propertyDefinitions()));
    RecordRoutes.Side<Company> companySide = new RecordRoutes.Side<>(companies, new ObjectWrites<>(db,
        stores.companies(), stores.associations(), stores.propertyDefinitions(), ObjectType.COMPANY, associations,
        clock), new ObjectSearch<>(db, stores.companies(), ObjectType.COMPANY, companies.reader(),
        ObjectSearch.COMPANIES_SEARCHABLE, stores.search(), stores.propertyDefinitions()));
    SqlActivityStore activityStore = new SqlActivityStore(db);
    ContactActivity activity = new ContactActivity(db, contacts, activityStore);
    return List.of(
        new EventOccurrenceRoutes(activity),
        new RecordRoutes(dashboardAuth, db, new PropertyCatalog(db, stores.propertyDefinitions()), contactSide,
            companySide, activity, new EventDefinitions(db, stores.eventDefinitions(), clock), activityStore));
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
    log.close();
    forwardWorker.close();
    server.stop();
    imports.close();
    vertx.close().toCompletionStage().toCompletableFuture().join();
    db.close();
    LOG.info("stopped");
  }
}
