package io.spoor.bench.scale;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * Fills a store that Spoor created, while no server runs on it, with the rows the server writes
 * when Events HTTP API hits create contacts and complete events, and tracking-code page views
 * identify a few of those contacts: {@code crm_object}, {@code object_property} and
 * {@code property_history} (email, firstname, lastname; source ANALYTICS / events-http-api),
 * {@code unique_value} (the email key), {@code event_definition} (dynamic, with completion
 * counts), {@code event_completion}, the analytics columns of {@code crm_object}, {@code visitor} and
 * {@code page_view} ({@link Visits}), and the id sequence past the last contact. Not written: the
 * applied-hit ledger, which reads never touch.
 *
 * <p>Contacts are numbered 1..N and that is their id ({@link ScaleData}); they are created over
 * half a year, then the events happen over the next half year, each to a random contact, except a
 * share that goes to the busy contacts. The indexes stay in place, so they grow as under a live
 * ingest. Large transactions with {@code synchronous=OFF}: a crash while seeding leaves a store to
 * throw away.
 *
 * <p>Usage: {@code Seed DB_FILE CONTACTS EVENTS BUSY_CONTACTS BUSY_EVENTS_EACH BUSY_PAGE_VIEWS_EACH}.
 * Prints {@code SIZE <table or index> <bytes>} lines, then {@code SEEDED busiest=<id> ...}.
 */
public final class Seed {
  private static final int SCHEMA_VERSION = 5;
  private static final long DAY = 86_400_000L;
  private static final int DEFINITIONS = 20;

  private final Connection db;
  private final long contacts;
  private final long events;
  private final int busy;
  private final long busyEvents;
  private final long start = System.currentTimeMillis() - 365 * DAY;
  private final long half = 182 * DAY;
  private final SplittableRandom random = new SplittableRandom(42);
  private final HitIds hitIds = new HitIds();
  private final Visits visits;
  private final Activity activity;

  private Seed(Connection db, long contacts, long events, int busy, long busyEvents, int busyPageViews) {
    this.db = db;
    this.contacts = contacts;
    this.events = events;
    this.busy = busy;
    this.busyEvents = busyEvents;
    this.visits = new Visits(contacts, busy, busyPageViews, start + half, half);
    this.activity = new Activity(contacts, visits);
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
    if (contacts <= busy || busy < 1 || busy * busyEvents > events) {
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
    visits.write(db, activity, hitIds);
    activity.writeAnalytics(db);
    writeDefinitionsAndSequence();
    db.commit();
    db.setAutoCommit(true);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    log("page views, analytics, definitions", began);
    long seconds = (System.nanoTime() - began) / 1_000_000_000L;
    long busiest = ScaleData.busyContact(0, contacts, busy);
    for (int k = 1; k < busy; k++) {
      long id = ScaleData.busyContact(k, contacts, busy);
      busiest = activity.completions(id) > activity.completions(busiest) ? id : busiest;
    }
    printSizes();
    System.out.printf("SEEDED busiest=%d busiest_events=%d busiest_page_views=%d hits=%d seconds=%d%n", busiest,
        activity.completions(busiest), visits.pageViews(), hitIds.made(), seconds);
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
    try (Batches batches = new Batches(db)) {
      PreparedStatement object = batches.prepare("INSERT INTO crm_object (id, portal_id, object_type, created_at, "
          + "updated_at, archived) VALUES (?, ?, 'CONTACT', ?, ?, FALSE)");
      PreparedStatement property = batches.prepare("INSERT INTO object_property (object_id, name, value, updated_at) "
          + "VALUES (?, ?, ?, ?)");
      PreparedStatement history = batches.prepare("INSERT INTO property_history (object_id, name, value, changed_at, "
          + "source_type, source_id) VALUES (?, ?, ?, ?, 'ANALYTICS', 'events-http-api')");
      PreparedStatement key = batches.prepare("INSERT INTO unique_value (portal_id, object_type, name, value, "
          + "object_id) VALUES (?, 'CONTACT', 'email', ?, ?)");
      for (long id = 1; id <= contacts; id++) {
        long at = start + (id - 1) * half / contacts;
        String email = ScaleData.email(id);
        batches.add(object, id, ScaleData.PORTAL, at, at);
        for (String[] value : new String[][] {{"email", email}, {"firstname", ScaleData.firstname(id)},
            {"lastname", ScaleData.lastname(id)}}) {
          batches.add(property, id, value[0], value[1], at);
          batches.add(history, id, value[0], value[1], at);
        }
        batches.add(key, ScaleData.PORTAL, email, id);
      }
    }
  }

  /** Completions one after another over the second half year, a tenth of them with a value. */
  private void writeCompletions() throws SQLException {
    long busyTotal = busy * busyEvents;
    try (Batches batches = new Batches(db)) {
      PreparedStatement insert = batches.prepare("INSERT INTO event_completion (portal_id, definition_id, contact_id, "
          + "hit_id, occurred_at, value_micros, source, properties) VALUES (?, ?, ?, ?, ?, ?, 'EVENTS_API', '{}')");
      for (long n = 0; n < events; n++) {
        long at = start + half + n * half / events;
        long pick = random.nextLong(events);
        long contact = pick < busyTotal ? ScaleData.busyContact((int) (pick % busy), contacts, busy)
            : 1 + random.nextLong(contacts);
        Long value = random.nextInt(10) == 0 ? (1 + random.nextInt(1000)) * 1_000_000L : null;
        batches.add(insert, ScaleData.PORTAL, 1 + random.nextInt(DEFINITIONS), contact, hitIds.next(at), at, value);
        activity.completed(contact, at, value == null ? 0 : value);
      }
    }
  }

  private void writeDefinitionsAndSequence() throws SQLException {
    long[] counts = new long[DEFINITIONS + 1];
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT definition_id, COUNT(*) FROM event_completion GROUP BY definition_id")) {
      while (rs.next()) {
        counts[rs.getInt(1)] = rs.getLong(2);
      }
    }
    try (Batches batches = new Batches(db)) {
      PreparedStatement insert = batches.prepare("INSERT INTO event_definition (id, portal_id, name, origin, "
          + "completions, created_at, deleted_at) VALUES (?, ?, ?, 'DYNAMIC', ?, ?, NULL)");
      for (int d = 1; d <= DEFINITIONS; d++) {
        batches.add(insert, d, ScaleData.PORTAL, "scale_event_" + d, counts[d], start + half);
      }
    }
    try (PreparedStatement next = db.prepareStatement("UPDATE id_sequence SET next_value = ? WHERE name = 'crm_object'")) {
      next.setLong(1, contacts + 1);
      if (next.executeUpdate() != 1) {
        throw new IllegalStateException("no crm_object row in id_sequence");
      }
    }
  }

  /** Bytes of each table and index, largest first, when this SQLite has dbstat. */
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
