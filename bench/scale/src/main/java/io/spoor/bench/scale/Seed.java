package io.spoor.bench.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * Fills a store that Spoor created, while no server runs on it, with the rows the server writes
 * when Events HTTP API hits create contacts and complete events, and tracking-code page views
 * identify a few of those contacts: {@code crm_object}, {@code object_property} and
 * {@code property_history} (email, firstname, lastname; source ANALYTICS / events-http-api),
 * {@code unique_value} (the email key), {@code event_definition} (dynamic, with completion
 * counts), {@code event_completion}, {@code contact_analytics}, {@code visitor},
 * {@code page_view}, and the id sequence past the last contact. Not written: the applied-hit
 * ledger (one short row per hit), which reads never touch.
 *
 * <p>Contacts are numbered 1..N and that is their id ({@link ScaleData}); they are created over
 * half a year, then the events happen over the next half year, each to a random contact, except a
 * share that goes to the busy contacts. The indexes stay in place, so they grow as under a live
 * ingest. Large transactions with {@code synchronous=OFF}: a crash while seeding leaves a store to
 * throw away.
 *
 * <p>Usage: {@code Seed DB_FILE CONTACTS EVENTS BUSY_CONTACTS BUSY_EVENTS_EACH BUSY_PAGE_VIEWS_EACH}.
 * The last line printed is {@code SEEDED busiest=<id> ...}.
 */
public final class Seed {
  private static final int SCHEMA_VERSION = 5;
  private static final long DAY = 86_400_000L;
  private static final int DEFINITIONS = 20;
  private static final int BATCH = 5_000;
  private static final long ROWS_PER_COMMIT = 1_000_000;
  private static final int PAGE_VIEWS_PER_VISIT = 5;
  private static final String[] PAGES = {"https://www.example.com/", "https://www.example.com/pricing?plan=team",
      "https://www.example.com/blog/2024/how-we-ship-weekly", "https://www.example.com/docs/getting-started",
      "https://www.example.com/customers/acme-corporation"};

  private final Connection db;
  private final long contacts;
  private final long events;
  private final int busy;
  private final long busyEvents;
  private final int busyPageViews;
  private final long start = System.currentTimeMillis() - 365 * DAY;
  private final long half = 182 * DAY;
  private final SplittableRandom random = new SplittableRandom(42);
  private long uncommitted;
  private long hits;

  // per contact, indexed by id: what its analytics row adds up
  private final int[] completions;
  private final long[] revenue;
  private final long[] first;
  private final long[] last;

  private Seed(Connection db, long contacts, long events, int busy, long busyEvents, int busyPageViews) {
    this.db = db;
    this.contacts = contacts;
    this.events = events;
    this.busy = busy;
    this.busyEvents = busyEvents;
    this.busyPageViews = busyPageViews;
    int size = Math.toIntExact(contacts + 1);
    completions = new int[size];
    revenue = new long[size];
    first = new long[size];
    last = new long[size];
  }

  public static void main(String[] args) throws SQLException {
    if (args.length != 6) {
      System.err.println("usage: Seed DB_FILE CONTACTS EVENTS BUSY_CONTACTS BUSY_EVENTS_EACH BUSY_PAGE_VIEWS_EACH");
      System.exit(2);
    }
    long contacts = Long.parseLong(args[1]);
    long events = Long.parseLong(args[2]);
    int busy = Integer.parseInt(args[3]);
    long busyEvents = Long.parseLong(args[4]);
    if (contacts < busy + 1 || busy < 1 || busy * busyEvents > events) {
      throw new IllegalArgumentException("need CONTACTS > BUSY_CONTACTS >= 1 and BUSY_CONTACTS * BUSY_EVENTS_EACH <= EVENTS");
    }
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + args[0])) {
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA synchronous = OFF");
        s.execute("PRAGMA cache_size = -1000000");
        s.execute("PRAGMA temp_store = MEMORY");
      }
      new Seed(db, contacts, events, busy, busyEvents, Integer.parseInt(args[5])).run();
    }
  }

  private void run() throws SQLException {
    checkFresh();
    db.setAutoCommit(false);
    long began = System.nanoTime();
    writeContacts();
    log("contacts", began);
    writeCompletions();
    log("event completions", began);
    writePageViews();
    writeAnalytics();
    writeDefinitionsAndSequence();
    db.commit();
    db.setAutoCommit(true);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    log("page views, analytics, definitions", began);
    long busiest = ScaleData.busyContact(0, contacts, busy);
    for (int k = 1; k < busy; k++) {
      long id = ScaleData.busyContact(k, contacts, busy);
      if (completions[(int) id] > completions[(int) busiest]) {
        busiest = id;
      }
    }
    long seconds = (System.nanoTime() - began) / 1_000_000_000L;
    printSizes();
    System.out.printf("SEEDED busiest=%d busiest_events=%d busiest_page_views=%d hits=%d seconds=%d%n", busiest,
        completions[(int) busiest], busyPageViews, hits, seconds);
  }

  /** Bytes of each table and index, largest first ({@code SIZE name bytes}), when SQLite has dbstat. */
  private void printSizes() {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")) {
      while (rs.next()) {
        System.out.printf("SIZE %s %d%n", rs.getString(1), rs.getLong(2));
      }
    } catch (SQLException e) {
      System.err.println("[seed] no sizes by table: " + e.getMessage());
    }
  }

  /** The server made the schema this seeder writes, its default portal, and nothing else yet. */
  private void checkFresh() throws SQLException {
    try (Statement s = db.createStatement()) {
      long version = one(s, "SELECT MAX(version) FROM schema_version");
      if (version != SCHEMA_VERSION) {
        throw new IllegalStateException("the store is at schema version " + version + "; this seeder writes the rows "
            + "of version " + SCHEMA_VERSION + ": compare the new migrations with it before seeding");
      }
      if (one(s, "SELECT COUNT(*) FROM portal WHERE hub_id = " + ScaleData.PORTAL) != 1
          || one(s, "SELECT COUNT(*) FROM crm_object") != 0 || one(s, "SELECT COUNT(*) FROM event_completion") != 0) {
        throw new IllegalStateException("seed a store the server has just created: portal 1 and no contacts or events");
      }
    }
  }

  private void writeContacts() throws SQLException {
    try (PreparedStatement object = db.prepareStatement("INSERT INTO crm_object (id, portal_id, object_type, "
            + "created_at, updated_at, archived) VALUES (?, ?, 'CONTACT', ?, ?, FALSE)");
        PreparedStatement property = db.prepareStatement("INSERT INTO object_property (object_id, name, value, "
            + "updated_at) VALUES (?, ?, ?, ?)");
        PreparedStatement history = db.prepareStatement("INSERT INTO property_history (object_id, name, value, "
            + "changed_at, source_type, source_id) VALUES (?, ?, ?, ?, 'ANALYTICS', 'events-http-api')");
        PreparedStatement key = db.prepareStatement("INSERT INTO unique_value (portal_id, object_type, name, value, "
            + "object_id) VALUES (?, 'CONTACT', 'email', ?, ?)")) {
      for (long id = 1; id <= contacts; id++) {
        long at = created(id);
        object.setLong(1, id);
        object.setLong(2, ScaleData.PORTAL);
        object.setLong(3, at);
        object.setLong(4, at);
        object.addBatch();
        String email = ScaleData.email(id);
        for (String[] value : new String[][] {{"email", email}, {"firstname", ScaleData.firstname(id)},
            {"lastname", ScaleData.lastname(id)}}) {
          property.setLong(1, id);
          property.setString(2, value[0]);
          property.setString(3, value[1]);
          property.setLong(4, at);
          property.addBatch();
          history.setLong(1, id);
          history.setString(2, value[0]);
          history.setString(3, value[1]);
          history.setLong(4, at);
          history.addBatch();
        }
        key.setLong(1, ScaleData.PORTAL);
        key.setString(2, email);
        key.setLong(3, id);
        key.addBatch();
        if (id % BATCH == 0 || id == contacts) {
          object.executeBatch();
          property.executeBatch();
          history.executeBatch();
          key.executeBatch();
          wrote(BATCH * 8L);
        }
      }
    }
  }

  /** Contacts are created one after another over the first half year. */
  private long created(long id) {
    return start + (id - 1) * half / contacts;
  }

  private void writeCompletions() throws SQLException {
    long busyTotal = busy * busyEvents;
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO event_completion (portal_id, definition_id, "
        + "contact_id, hit_id, occurred_at, value_micros, source, properties) "
        + "VALUES (?, ?, ?, ?, ?, ?, 'EVENTS_API', '{}')")) {
      for (long n = 0; n < events; n++) {
        long at = start + half + n * half / events;
        long pick = random.nextLong(events);
        long contact = pick < busyTotal ? ScaleData.busyContact((int) (pick % busy), contacts, busy)
            : 1 + random.nextLong(contacts);
        long value = random.nextInt(10) == 0 ? (1 + random.nextInt(1000)) * 1_000_000L : -1;
        insert.setLong(1, ScaleData.PORTAL);
        insert.setLong(2, 1 + random.nextInt(DEFINITIONS));
        insert.setLong(3, contact);
        insert.setString(4, hitId(at));
        insert.setLong(5, at);
        if (value < 0) {
          insert.setNull(6, Types.BIGINT);
        } else {
          insert.setLong(6, value);
          revenue[(int) contact] += value;
        }
        insert.addBatch();
        touch(contact, at);
        completions[(int) contact]++;
        if ((n + 1) % BATCH == 0 || n + 1 == events) {
          insert.executeBatch();
          wrote(BATCH);
        }
      }
    }
  }

  /** Each busy contact browsed from one visitor: page views five to a visit, minutes apart. */
  private void writePageViews() throws SQLException {
    if (busyPageViews == 0) {
      return;
    }
    try (PreparedStatement view = db.prepareStatement("INSERT INTO page_view (portal_id, utk, contact_id, hit_id, "
            + "occurred_at, session_start, url, path, title, referrer, content_type, canonical_url, page_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', '')");
        PreparedStatement visitor = db.prepareStatement("INSERT INTO visitor (portal_id, utk, contact_id, "
            + "first_seen, last_seen, num_page_views, num_visits, last_session_start, first_url, first_referrer, "
            + "last_url, source, source_data_1, source_data_2, consent) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 'DIRECT_TRAFFIC', NULL, NULL, 'unknown')")) {
      for (int k = 0; k < busy; k++) {
        long contact = ScaleData.busyContact(k, contacts, busy);
        String utk = String.format("%016x%016x", ScaleData.mix(contact), ScaleData.mix(-contact));
        long sessionStart = 0;
        long at = 0;
        String url = PAGES[0];
        for (int p = 0; p < busyPageViews; p++) {
          at = start + half + (long) p * half / busyPageViews + 7;
          if (p % PAGE_VIEWS_PER_VISIT == 0) {
            sessionStart = at;
          }
          url = PAGES[p % PAGES.length];
          view.setLong(1, ScaleData.PORTAL);
          view.setString(2, utk);
          view.setLong(3, contact);
          view.setString(4, hitId(at));
          view.setLong(5, at);
          view.setLong(6, sessionStart);
          view.setString(7, url);
          view.setString(8, url.replaceFirst("https://[^/]+", "").replaceFirst("\\?.*", ""));
          view.setString(9, "Page " + (p % PAGES.length));
          view.addBatch();
          touch(contact, at);
          if ((p + 1) % BATCH == 0 || p + 1 == busyPageViews) {
            view.executeBatch();
            wrote(BATCH);
          }
        }
        long firstSeen = start + half + 7;
        visitor.setLong(1, ScaleData.PORTAL);
        visitor.setString(2, utk);
        visitor.setLong(3, contact);
        visitor.setLong(4, firstSeen);
        visitor.setLong(5, at);
        visitor.setLong(6, busyPageViews);
        visitor.setLong(7, visits());
        visitor.setLong(8, sessionStart);
        visitor.setString(9, PAGES[0]);
        visitor.setString(10, url);
        visitor.executeUpdate();
      }
    }
  }

  private long visits() {
    return (busyPageViews + PAGE_VIEWS_PER_VISIT - 1) / PAGE_VIEWS_PER_VISIT;
  }

  /** One row per contact that did anything, as the ingest keeps it; the busy ones with their visits. */
  private void writeAnalytics() throws SQLException {
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO contact_analytics (contact_id, "
        + "num_event_completions, revenue_micros, first_timestamp, last_timestamp, num_page_views, num_visits, "
        + "first_url, first_referrer, last_url, source, source_data_1, source_data_2, first_visit_at) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)")) {
      int pending = 0;
      for (int id = 1; id <= contacts; id++) {
        if (first[id] == 0) {
          continue;
        }
        boolean visited = busyPageViews > 0 && isBusy(id);
        insert.setLong(1, id);
        insert.setLong(2, completions[id]);
        insert.setLong(3, revenue[id]);
        insert.setLong(4, first[id]);
        insert.setLong(5, last[id]);
        insert.setLong(6, visited ? busyPageViews : 0);
        insert.setLong(7, visited ? visits() : 0);
        insert.setString(8, visited ? PAGES[0] : null);
        insert.setString(9, visited ? "" : null);
        insert.setString(10, visited ? PAGES[(busyPageViews - 1) % PAGES.length] : null);
        insert.setString(11, visited ? "DIRECT_TRAFFIC" : null);
        if (visited) {
          insert.setLong(12, start + half + 7);
        } else {
          insert.setNull(12, Types.BIGINT);
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          wrote(pending);
          pending = 0;
        }
      }
      insert.executeBatch();
    }
  }

  private boolean isBusy(long id) {
    for (int k = 0; k < busy; k++) {
      if (ScaleData.busyContact(k, contacts, busy) == id) {
        return true;
      }
    }
    return false;
  }

  private void writeDefinitionsAndSequence() throws SQLException {
    long[] counts = new long[DEFINITIONS + 1];
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT definition_id, COUNT(*) FROM event_completion GROUP BY definition_id")) {
      while (rs.next()) {
        counts[rs.getInt(1)] = rs.getLong(2);
      }
    }
    try (PreparedStatement insert = db.prepareStatement("INSERT INTO event_definition (id, portal_id, name, origin, "
        + "completions, created_at, deleted_at) VALUES (?, ?, ?, 'DYNAMIC', ?, ?, NULL)")) {
      for (int d = 1; d <= DEFINITIONS; d++) {
        insert.setLong(1, d);
        insert.setLong(2, ScaleData.PORTAL);
        insert.setString(3, "scale_event_" + d);
        insert.setLong(4, counts[d]);
        insert.setLong(5, start + half);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (PreparedStatement next = db.prepareStatement("UPDATE id_sequence SET next_value = ? WHERE name = 'crm_object'")) {
      next.setLong(1, contacts + 1);
      if (next.executeUpdate() != 1) {
        throw new IllegalStateException("no crm_object row in id_sequence");
      }
    }
  }

  private void touch(long contact, long at) {
    int i = (int) contact;
    if (first[i] == 0 || at < first[i]) {
      first[i] = at;
    }
    last[i] = Math.max(last[i], at);
  }

  /** A hit id as the edge makes them: 32 hex digits starting with the time, so later ids sort later. */
  private String hitId(long at) {
    hits++;
    return String.format("%012x%020x", at, hits);
  }

  private void wrote(long rows) throws SQLException {
    uncommitted += rows;
    if (uncommitted >= ROWS_PER_COMMIT) {
      db.commit();
      uncommitted = 0;
    }
  }

  private static long one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void log(String what, long began) {
    System.err.printf("[seed] %s written, %d s%n", what, (System.nanoTime() - began) / 1_000_000_000L);
  }
}
