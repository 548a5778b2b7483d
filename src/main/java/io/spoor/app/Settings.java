package io.spoor.app;

import io.spoor.ingest.FileIngestLog;
import io.spoor.ingest.IngestLimits;
import io.spoor.ingest.RejectionLimits;
import io.spoor.kafka.KafkaAddress;
import io.spoor.segment.EdgeLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting Spoor reads, declared once. Values come from flags, then the environment,
 * then the default; {@link #load} names every bad key at once.
 */
public final class Settings {
  /** The value of {@link #LOG} for the ingest log in local files. */
  public static final String LOCAL_LOG = "local";
  public static final Setting<Integer> PORT =
      Setting.integer("port", 8080, 0, 65535, "HTTP port to listen on (0 picks a free one)");
  public static final Setting<String> HOST =
      Setting.text("host", "0.0.0.0", "Address to listen on");
  public static final Setting<String> DATA =
      Setting.text("data", "./spoor-data", "Directory of the embedded store");
  public static final Setting<Long> PORTAL_ID =
      Setting.positiveLong("portal-id", 1, "Hub id of the default portal, created on first start");
  public static final Setting<String> PUBLIC_URL = Setting.url("public-url",
      "URL pages reach this server at: the snippet's, the tracker's beacons' and paging links' base "
          + "(default: http://localhost:<port> in the snippet, the request's Host elsewhere)");
  public static final Setting<String> BOOTSTRAP_TOKEN = Setting.secret("bootstrap-token",
      "A value that is also an all-scope token of the default portal (for automation)");
  public static final Setting<Integer> QUEUE_CAPACITY = Setting.integer("queue-capacity", 20_000, 1,
      10_000_000, "Hits the ingest queue holds before answering 503");
  public static final Setting<Integer> MAX_BATCH = Setting.integer("max-batch", 20_000, 1, 100_000,
      "Most hits applied in one transaction");
  public static final Setting<Integer> MAX_BACKLOG = Setting.integer("max-backlog", 50_000, 1, 10_000_000,
      "Hits acknowledged but not yet applied before new ones wait for room");
  public static final Setting<Integer> MAX_WAIT_MS = Setting.integer("max-wait-ms", 1_000, 0, 60_000,
      "Milliseconds a hit waits for room when the backlog is full before it gets 503");
  public static final Setting<Integer> APPLY_INTERVAL_MS = Setting.integer("apply-interval-ms", 500, 0, 10_000,
      "While busy, the applier starts a batch at most this often, so batches grow and cost less per hit");
  public static final Setting<Integer> REJECTIONS_KEPT = Setting.integer("rejections-kept", 10_000, 10,
      10_000_000, "Rejections kept per portal; older ones are trimmed");
  public static final Setting<Integer> LOG_SEGMENT_MAX_AGE_MINUTES = Setting.integer("log-segment-max-age-minutes",
      Math.toIntExact(FileIngestLog.SEGMENT_MAX_AGE.toMinutes()), 1, 10_080, "Minutes an ingest log segment is written to; once its hits are applied it is deleted");
  public static final Setting<Integer> REJECTION_BYTES_PER_BATCH = Setting.integer("rejection-bytes-per-batch",
      RejectionLimits.DEFAULT_BYTES_PER_BATCH, 1024, 1024 * 1024 * 1024,
      "Bytes of rejections one batch writes; beyond them rejections are kept without their raw parameters");
  public static final Setting<Integer> MAX_PARAMS_PER_HIT = Setting.integer("max-params-per-hit", 100, 1, 10_000,
      "Contact properties one /v1/event hit may set; the parameters beyond are refused (TOO_MANY_PARAMETERS)");
  public static final Setting<Integer> MAX_PROPERTIES_PER_EVENT = Setting.integer("max-properties-per-event", 50, 1,
      10_000, "Properties one behavioural event may carry; those beyond are refused (TOO_MANY_PROPERTIES)");
  public static final Setting<Integer> DYNAMIC_EVENT_DEFINITIONS_MAX = Setting.integer(
      "dynamic-event-definitions-max", 1_000, 0, 1_000_000_000,
      "Live dynamic event definitions (created by hits naming an unknown event) a portal may have (0: no limit)");
  public static final Setting<Integer> DYNAMIC_EVENT_DEFINITIONS_PER_MINUTE = Setting.integer(
      "dynamic-event-definitions-per-minute", 100, 0, 1_000_000_000,
      "Dynamic event definitions hits may create per portal per minute (0: no limit)");
  public static final Setting<Integer> NEW_CONTACTS_PER_MINUTE = Setting.integer("new-contacts-per-minute", 10_000,
      0, 1_000_000_000, "Contacts the tracking code and Events HTTP API may create per portal per minute (0: no limit)");
  public static final Setting<Integer> NEW_VISITORS_PER_MINUTE = Setting.integer("new-visitors-per-minute", 30_000,
      0, 1_000_000_000, "Visitors (new visitor tokens) beacons may create per portal per minute (0: no limit)");
  public static final Setting<Integer> HISTORY_PER_PROPERTY = Setting.integer("history-per-property", 20, 1, 100_000,
      "History entries (propertiesWithHistory) each property of a contact or company keeps; older ones are trimmed");
  public static final Setting<Integer> AUTH_FAILURES_PER_MINUTE = Setting.integer("auth-failures-per-minute", 60,
      0, 1_000_000, "Failed bearer tokens an address may send in a minute before it gets 429 (0: no limit)");
  public static final Setting<java.nio.file.Path> TLS_CERT = Setting.readableFile("tls-cert",
      "PEM certificate chain: with --tls-key, serve https (HTTP/1.1 and HTTP/2) instead of http");
  public static final Setting<java.nio.file.Path> TLS_KEY = Setting.readableFile("tls-key",
      "PEM private key (PKCS#8 or PKCS#1) of --tls-cert");
  public static final Setting<Integer> MAX_BACKLOG_BYTES = Setting.integer("max-backlog-bytes",
      Math.toIntExact(IngestLimits.DEFAULT_BACKLOG_BYTES), 1 << 20,
      Integer.MAX_VALUE, "Estimated memory of the hits acknowledged but not yet applied before new ones wait for room");
  public static final Setting<Integer> MAX_BATCH_BYTES = Setting.integer("max-batch-bytes",
      Math.toIntExact(IngestLimits.DEFAULT_BATCH_BYTES), 64 << 10,
      Integer.MAX_VALUE, "Estimated memory of the hits written or applied in one batch");
  public static final Setting<Integer> HEAP_CEILING_MB = Setting.integer("heap-ceiling-mb", 256, 0, 1_000_000,
      "Without -Xmx, a full GC shrinks the heap whenever it grows past this many MB (0: never)");
  public static final Setting<Integer> SEGMENT_MAX_MESSAGE_BYTES = Setting.integer("segment-max-message-bytes",
      EdgeLimits.SEGMENT.maxMessageBytes(), 1024, 16 << 20,
      "Bytes of one Segment message; a bigger single call gets 413, a bigger batch element is rejected");
  public static final Setting<Integer> SEGMENT_MAX_REQUEST_BYTES = Setting.integer("segment-max-request-bytes",
      EdgeLimits.SEGMENT.maxRequestBytes(), 1024, 64 << 20,
      "Bytes of one Segment API request, as sent and once a gzip body is inflated; a bigger one gets 413");
  public static final Setting<Integer> SEGMENT_MAX_BATCH_MESSAGES = Setting.integer("segment-max-batch-messages",
      EdgeLimits.SEGMENT.maxBatchMessages(), 1, 100_000,
      "Messages in one Segment batch (/v1/batch, /v1/import); a longer batch gets 413");
  public static final Setting<Integer> FORWARD_RETRY_MINUTES = Setting.integer("forward-retry-minutes", 240, 0,
      100_000, "Minutes a forwarded call that keeps failing (429, 5xx, no answer) is tried before it is a dead letter");
  public static final Setting<Integer> FORWARD_FIRST_BACKOFF_MS = Setting.integer("forward-first-backoff-ms", 1_000,
      1, 3_600_000, "Milliseconds before a failed forwarded call's first retry; each further retry waits up to twice as long");
  public static final Setting<Integer> FORWARD_MAX_BACKOFF_SECONDS = Setting.integer("forward-max-backoff-seconds",
      300, 1, 86_400, "Longest wait, in seconds, between two tries of a forwarded call");
  public static final Setting<Integer> SESSION_HOURS = Setting.integer("session-hours", 168, 1, 8_760,
      "Hours a dashboard sign-in lasts; then the person signs in again");
  public static final Setting<Integer> SIGN_IN_FAILURES = Setting.integer("sign-in-failures", 10, 0, 1_000_000,
      "Failed dashboard sign-ins an address, or an email from one address, may make in 15 minutes before more get 429 (0: no limit)");
  public static final Setting<Integer> SETUP_LINK_HOURS = Setting.integer("setup-link-hours", 24, 1, 8_760,
      "Hours the one-time setup link printed at a start with no dashboard user works");
  public static final Setting<Integer> REPORT_ROLLUPS = Setting.integer("report-rollups", 1, 0, 1,
      "1: keep the reports' rollups up to date at ingest; 0: do not (the reports then miss new hits; for measuring)");
  public static final Setting<Integer> REPORT_INDEX_VISITS = Setting.integer("report-index-visits", 1_000_000, 1,
      Integer.MAX_VALUE, "Visits held in memory for filtered reports (about 150 bytes each); a filtered report over "
          + "days holding more is refused");
  public static final Setting<Integer> REPORT_CACHE_MB = Setting.integer("report-cache-mb", 64, 1, 1_000_000,
      "Megabytes of daily report buckets kept in memory between reports (a day is read again once it changed)");
  public static final Setting<Integer> LIVE_STREAMS_PER_USER = Setting.integer("live-streams-per-user", 8, 1, 1_000,
      "Dashboard live views (server-sent event streams) one person may have open at once; more get 429");
  public static final Setting<Integer> LIVE_STREAMS = Setting.integer("live-streams", 500, 1, 100_000,
      "Dashboard live views (server-sent event streams) open at once on this server; more get 429");
  public static final Setting<Integer> FORWARD_LANES = Setting.integer("forward-lanes", 4, 1, 64,
      "Forwarding targets delivered to at once, each in a lane of its own, so a slow remote holds back only its own calls");
  public static final Setting<String> STORE = Setting.postgresUrl("store",
      "PostgreSQL database to keep everything in, as jdbc:postgresql://host:5432/spoor?user=… "
          + "(default: the embedded SQLite file under --data)");
  public static final Setting<Integer> STORE_POOL_SIZE = Setting.integer("store-pool-size", 10, 2, 1_000,
      "Connections to the PostgreSQL store: this many for writes and as many for reads");
  public static final Setting<Integer> IMPORT_MAX_BYTES = Setting.integer("import-max-bytes", 100 * 1024 * 1024, 1,
      Integer.MAX_VALUE, "Largest CSV file a contact import takes, in bytes; a larger upload is refused with 413");
  public static final Setting<Integer> IMPORT_MAX_ROWS = Setting.integer("import-max-rows", 1_000_000, 1,
      100_000_000, "Most data rows a contact import takes; a file with more is refused with 413 before any is written");
  public static final Setting<Integer> IMPORT_PROBLEMS_KEPT = Setting.integer("import-problems-kept", 1_000, 0,
      1_000_000, "Bad-row problems an import keeps for its report; more are only counted");
  public static final Setting<Integer> SIGN_IN_SLOWDOWN_MS = Setting.integer("sign-in-slowdown-ms", 1_000, 0, 10_000,
      "Milliseconds each sign-in to an email waits once it had sign-in-failures failures from any addresses in 15 minutes");
  public static final Setting<String> LOG = Setting.ingestLog("log",
      "Where hits wait to be applied: local (files under --data) or kafka://host:port[,host:port]/topic");
  public static final Setting<String> ROLE = Setting.choice("role", ServerRole.ALL.wireName(), ServerRole.wireNames(),
      "What this process does: all (everything), collector (tracking and ingest endpoints), api (CRM and admin "
          + "API, dashboard) or process (applies hits from Kafka); all but all need --log kafka://");
  public static final Setting<String> KAFKA_GROUP = Setting.text("kafka-group", "spoor-processors",
      "Consumer group of the processors of one store: each partition of the topic is applied by one of them");
  public static final Setting<Integer> KAFKA_SEND_TIMEOUT_MS = Setting.integer("kafka-send-timeout-ms", 10_000,
      1_000, 300_000, "Milliseconds the edge waits for Kafka to acknowledge a hit before it answers 503");

  public static final Setting<Integer> CHANGE_POLL_MS = Setting.integer("change-poll-ms", 2_000, 50, 600_000,
      "How often a process reads what other processes on the store changed: forwarding targets set elsewhere");
  public static final Setting<Integer> LIVE_POLL_MS = Setting.integer("live-poll-ms", 200, 20, 10_000,
      "How often, while a dashboard live view is open, a process reads which hits other processes applied");
  public static final Setting<Integer> STORE_CONFLICT_RETRIES = Setting.integer("store-conflict-retries", 8, 0, 100,
      "Times a batch whose PostgreSQL transaction lost a race with another processor's (same new key, deadlock) "
          + "is run again at once before it is retried hit by hit");
  public static final Setting<Integer> REFUSED_UPLOAD_DRAIN_BYTES = Setting.integer("refused-upload-drain-bytes",
      1024 * 1024, 0, Integer.MAX_VALUE, "Bytes of a refused upload's unread body read and dropped so its answer "
          + "reaches the client; past them the connection is closed");
  public static final Setting<Integer> REPORT_PARTIAL_SUMS_MB = Setting.integer("report-partial-sums-mb", 64, 0,
      1_000_000, "Megabytes of filtered reports' per-day partial sums kept for days done changing (0: none)");

  public static final Setting<Integer> REPORT_INDEX_WAIT_MS = Setting.integer("report-index-wait-ms", 5_000, 0,
      600_000, "Milliseconds a filtered report waits for its days to be read into the index of visits (after a start) "
          + "before it is answered 503 with Retry-After");
  public static final Setting<Integer> REPORT_RECENT_VISITS = Setting.integer("report-recent-visits", 50_000, 0,
      10_000_000, "Visits the applier holds in memory after writing them, so that the next page of a visit and a new "
          + "visit are written without reading the visits back (0: read every time)");
  public static final List<Setting<?>> ALL = List.of(PORT, HOST, DATA, PORTAL_ID, PUBLIC_URL,
      BOOTSTRAP_TOKEN, QUEUE_CAPACITY, MAX_BATCH, MAX_BACKLOG, MAX_WAIT_MS, APPLY_INTERVAL_MS,
      REJECTIONS_KEPT, DYNAMIC_EVENT_DEFINITIONS_MAX, DYNAMIC_EVENT_DEFINITIONS_PER_MINUTE, NEW_CONTACTS_PER_MINUTE,
      NEW_VISITORS_PER_MINUTE, HISTORY_PER_PROPERTY, LOG_SEGMENT_MAX_AGE_MINUTES, REJECTION_BYTES_PER_BATCH,
      MAX_PARAMS_PER_HIT, MAX_PROPERTIES_PER_EVENT, AUTH_FAILURES_PER_MINUTE, TLS_CERT, TLS_KEY,
      MAX_BACKLOG_BYTES, MAX_BATCH_BYTES, HEAP_CEILING_MB, SEGMENT_MAX_MESSAGE_BYTES, SEGMENT_MAX_REQUEST_BYTES,
      SEGMENT_MAX_BATCH_MESSAGES,
      FORWARD_RETRY_MINUTES, FORWARD_FIRST_BACKOFF_MS, FORWARD_MAX_BACKOFF_SECONDS,
      SESSION_HOURS, SIGN_IN_FAILURES, SETUP_LINK_HOURS, REPORT_ROLLUPS,
      LIVE_STREAMS_PER_USER, LIVE_STREAMS,
      FORWARD_LANES, STORE, STORE_POOL_SIZE, REPORT_INDEX_VISITS, REPORT_CACHE_MB,
      IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, IMPORT_PROBLEMS_KEPT, SIGN_IN_SLOWDOWN_MS,
      LOG, ROLE, KAFKA_GROUP, KAFKA_SEND_TIMEOUT_MS,
      CHANGE_POLL_MS, LIVE_POLL_MS, STORE_CONFLICT_RETRIES, REFUSED_UPLOAD_DRAIN_BYTES,
      REPORT_INDEX_WAIT_MS, REPORT_PARTIAL_SUMS_MB, REPORT_RECENT_VISITS);

  private final Map<Setting<?>, Object> values;

  private Settings(Map<Setting<?>, Object> values) {
    this.values = values;
  }

  /** Reads every setting from {@code flags} (by name), then {@code env}; throws naming all bad keys. */
  public static Settings load(Map<String, String> flags, Map<String, String> env) {
    Map<Setting<?>, Object> values = new HashMap<>();
    List<String> problems = new ArrayList<>();
    for (String flag : flags.keySet()) {
      if (ALL.stream().noneMatch(s -> s.name().equals(flag))) {
        problems.add("--" + flag + ": no such setting");
      }
    }
    for (Setting<?> setting : ALL) {
      String raw = flags.containsKey(setting.name()) ? flags.get(setting.name()) : env.get(setting.env());
      String key = flags.containsKey(setting.name()) ? setting.flag() : setting.env();
      if (raw == null) {
        setting.fallback().ifPresent(v -> values.put(setting, v));
      } else {
        Optional<?> parsed = setting.parser().apply(raw);
        parsed.ifPresentOrElse(v -> values.put(setting, v), () -> problems.add(key + ": expected "
            + setting.expected() + (setting.secret() ? "" : ", got \"" + raw + "\"")));
      }
    }
    if (values.containsKey(TLS_CERT) != values.containsKey(TLS_KEY)) {
      problems.add(TLS_CERT.flag() + " and " + TLS_KEY.flag() + ": set both or neither");
    }
    if (!ServerRole.ALL.wireName().equals(values.get(ROLE)) && LOCAL_LOG.equals(values.get(LOG))) {
      problems.add(ROLE.flag() + " " + values.get(ROLE) + " needs " + LOG.flag() + " kafka://…: a local log is "
          + "applied only by the process that writes it");
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return new Settings(values);
  }

  public <T> T get(Setting<T> setting) {
    return find(setting).orElseThrow(() -> new IllegalStateException(setting.name() + " has no value"));
  }

  @SuppressWarnings("unchecked")
  public <T> Optional<T> find(Setting<T> setting) {
    return Optional.ofNullable((T) values.get(setting));
  }

  /** What this process does ({@link #ROLE}). */
  public ServerRole role() {
    return ServerRole.of(get(ROLE));
  }

  /** The Kafka log's address ({@link #LOG}), or empty for the local log. */
  public Optional<KafkaAddress> kafka() {
    return KafkaAddress.parse(get(LOG));
  }

  public Path dataDir() {
    return Path.of(get(DATA));
  }

  /** The documentation of every setting, for {@code --help}: flags, variables and docs each in a column. */
  public static String help() {
    String placeholder = " <v>";
    int flags = ALL.stream().mapToInt(s -> s.flag().length() + placeholder.length()).max().orElse(0);
    int envs = ALL.stream().mapToInt(s -> s.env().length()).max().orElse(0);
    String row = "  %-" + flags + "s  %-" + envs + "s  %s%s%n";
    StringBuilder out = new StringBuilder();
    for (Setting<?> s : ALL) {
      out.append(String.format(row, s.flag() + placeholder, s.env(), s.doc(),
          s.fallback().map(v -> " (default " + v + ")").orElse("")));
    }
    return out.toString();
  }
}
