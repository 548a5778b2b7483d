package io.spoor.report;

import io.spoor.store.ChangeFeed;
import io.spoor.store.Database;
import io.spoor.store.SqliteDialect;
import io.spoor.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Reads the index of visits' rows from the store: a day's visits ({@code report_session}) and
 * completions ({@code report_visit_event}) whole, or a portal's rows changed since a time, and
 * where the store stood ({@link Marks}). At start it reads every visit of the days read ahead,
 * so a row costs as few calls into the driver as can be: plain JDBC over columns by position,
 * and on SQLite the nine text columns come as one value, their UTF-8 bytes joined by a NUL byte,
 * which the dictionaries look up in place without building a String (a row whose text holds a
 * NUL itself is read again column by column). Runs in the caller's transaction
 * ({@link Database#read}); holds no state, so any thread may read with it.
 */
final class VisitReader {
  /** The text columns after the visitor token, in the order of the codes they get. */
  private static final String TEXTS = "entry_path, exit_path, source, source_data_1, source_data_2, device, browser, "
      + "os";
  private static final int[] TEXT_COLUMNS = {VisitDay.ENTRY, VisitDay.EXIT, VisitDay.SOURCE, VisitDay.SOURCE_DATA_1,
      VisitDay.SOURCE_DATA_2, VisitDay.DEVICE, VisitDay.BROWSER, VisitDay.OS};
  /** A visit's row: the figures at 2 to 5 (the start at 2), then the texts, one by one or joined. */
  private static final String NUMBERS = "started_at, last_at, page_views, new_contacts";
  static final String EVENT_COLUMNS = "utk, started_at, event_id, hour, completions, revenue_micros";

  private static final int FETCH_ROWS = 10_000;
  private final Database db;
  private final ChangeFeed feed;
  /** SQLite: the texts joined in one value; PostgreSQL (whose text cannot hold NUL): one by one. */
  private final boolean joined;
  /** The columns of a visit's row, for {@link #visit}. */
  final String visitColumns;

  /** Where a portal's rows stood: the latest stamps of visits and completions, and the appliers' feed rows. */
  record Marks(long visits, long events, Map<String, ChangeFeed.Row> writers) {
  }

  /** A day read whole, coded with dictionaries of its own, and where the store stood before it was read. */
  record Day(VisitDay day, Dictionary[] dictionaries, Marks marks) {
  }

  /** A row read into the day of its visit. */
  interface RowReader {
    void read(VisitDay day, ResultSet rs) throws SQLException;
  }

  /** Where a row of a portal's changed rows goes: the day held for that day, or null to skip it. */
  interface DayOf {
    VisitDay day(long epochDay);
  }

  VisitReader(Database db) {
    this.db = db;
    this.feed = new ChangeFeed(db);
    this.joined = db.dialect() instanceof SqliteDialect;
    this.visitColumns = joined
        ? "utk || char(0) || " + TEXTS.replace(", ", " || char(0) || ") + ", " + NUMBERS + ", rowid"
        : "utk, " + NUMBERS + ", " + TEXTS;
  }

  Marks marks(long portalId) {
    return new Marks(latest(portalId, "report_session"), latest(portalId, "report_visit_event"),
        feed.applied(portalId));
  }

  private long latest(long portalId, String table) {
    return db.handle().createQuery("SELECT COALESCE(MAX(changed_at), 0) FROM " + table + " WHERE portal_id = :portal")
        .bind("portal", portalId).mapTo(Long.class).one();
  }

  /**
   * Day {@code d} of the portal whole: the marks first, then its visits and their completions, so
   * that whatever is committed after the marks is read again by the next catch-up.
   */
  Day day(long portalId, long d) {
    Marks marks = marks(portalId);
    VisitDay day = new VisitDay(d);
    Dictionary[] dictionaries = VisitDay.dictionaries();
    long from = d * Buckets.DAY;
    long to = (d + 1) * Buckets.DAY;
    int[] codes = new int[VisitDay.COLUMNS];
    select("SELECT " + visitColumns + " FROM report_session WHERE portal_id = ? AND started_at >= ? "
        + "AND started_at < ?", rs -> visit(rs, day, dictionaries, codes), portalId, from, to);
    select("SELECT " + EVENT_COLUMNS + " FROM report_visit_event WHERE portal_id = ? AND started_at >= ? "
        + "AND started_at < ?", day::completion, portalId, from, to);
    return new Day(day, dictionaries, marks);
  }

  /** Reads the rows of {@code table} changed after {@code since} into the days {@code held} gives. */
  void changed(long portalId, String table, String columns, long since, DayOf held, RowReader reader) {
    select("SELECT " + columns + " FROM " + table + " WHERE portal_id = ? AND changed_at > ?", rs -> {
      VisitDay day = held.day(Math.floorDiv(rs.getLong(2), Buckets.DAY));
      if (day != null) {
        reader.read(day, rs);
      }
    }, portalId, since);
  }

  /**
   * Adds or replaces in {@code day} the visit of the row {@code rs} is on (of {@link #visitColumns}),
   * its values coded in {@code dictionaries}; {@code codes}: room for a code per column.
   */
  void visit(ResultSet rs, VisitDay day, Dictionary[] dictionaries, int[] codes) throws SQLException {
    long hash;
    if (joined) {
      byte[] text = rs.getBytes(1);
      int[] ends = new int[TEXT_COLUMNS.length + 1];
      hash = text != null && split(text, ends) ? coded(text, ends, dictionaries, codes)
          : oneByOne(rs.getLong(6), dictionaries, codes);
    } else {
      hash = coded(rs, 1, 6, dictionaries, codes);
    }
    day.visit(hash, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), codes);
  }

  /** Where each of the joined texts ends; false when they are not as many as asked (a text held a NUL). */
  private static boolean split(byte[] text, int[] ends) {
    int n = 0;
    for (int i = 0; i < text.length; i++) {
      if (text[i] == 0) {
        if (n == ends.length - 1) {
          return false;
        }
        ends[n++] = i;
      }
    }
    ends[n++] = text.length;
    return n == ends.length;
  }

  /** The visitor token's hash, the texts' codes written into {@code codes}, from the joined texts. */
  private static long coded(byte[] text, int[] ends, Dictionary[] dictionaries, int[] codes) {
    for (int i = 0; i < TEXT_COLUMNS.length; i++) {
      codes[TEXT_COLUMNS[i]] = dictionaries[TEXT_COLUMNS[i]].code(text, ends[i] + 1, ends[i + 1]);
    }
    return Hll.hash(text, 0, ends[0]);
  }

  /** As {@link #coded(byte[], int[], Dictionary[], int[])}, from the token and texts one by one. */
  private static long coded(ResultSet rs, int token, int firstText, Dictionary[] dictionaries, int[] codes)
      throws SQLException {
    for (int i = 0; i < TEXT_COLUMNS.length; i++) {
      codes[TEXT_COLUMNS[i]] = dictionaries[TEXT_COLUMNS[i]].code(rs.getString(firstText + i));
    }
    return Hll.hash(rs.getString(token));
  }

  /** The token's hash and the texts' codes of the row {@code rowid}, its columns read one by one. */
  private long oneByOne(long rowid, Dictionary[] dictionaries, int[] codes) {
    long[] hash = new long[1];
    select("SELECT utk, " + TEXTS + " FROM report_session WHERE rowid = ?",
        rs -> hash[0] = coded(rs, 1, 2, dictionaries, codes), rowid);
    return hash[0];
  }

  private interface Row {
    void read(ResultSet rs) throws SQLException;
  }

  private void select(String sql, Row row, long... params) {
    try (PreparedStatement statement = db.handle().getConnection().prepareStatement(sql)) {
      statement.setFetchSize(FETCH_ROWS); // PostgreSQL: streamed in the transaction, not all held at once
      for (int i = 0; i < params.length; i++) {
        statement.setLong(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          row.read(rs);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("reading the index of visits failed", e);
    }
  }
}
