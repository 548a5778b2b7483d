package io.spoor.crm;

import io.spoor.crm.Analytics.FirstVisit;
import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The analytics columns of a contact's {@code crm_object} row for {@link SqlContactStore}:
 * adding analytics by {@link Analytics#plus}'s rule (the ingest's hits and a merged contact's
 * alike), reading rows.
 */
final class SqlContactAnalytics {
  /** Counts and revenue add up; the first and last timestamps widen (each given twice; NULL: unchanged). */
  private static final String ADD = "UPDATE crm_object SET num_event_completions = num_event_completions + ?, "
      + "revenue_micros = revenue_micros + ?, num_page_views = num_page_views + ?, num_visits = num_visits + ?, "
      + "first_timestamp = CASE WHEN first_timestamp IS NULL OR ? < first_timestamp THEN ? ELSE first_timestamp END, "
      + "last_timestamp = CASE WHEN last_timestamp IS NULL OR ? > last_timestamp THEN ? ELSE last_timestamp END "
      + "WHERE id = ?";
  /** The page seen last, unless the contact was seen later (a tie: this one); runs before {@link #ADD} moves the last timestamp. */
  private static final String LAST_PAGE = "UPDATE crm_object SET last_url = ? WHERE id = ? "
      + "AND (last_timestamp IS NULL OR last_timestamp <= ?)";
  /** Where the contact first came from, when this visit is earlier than the one known (a tie: that one). */
  private static final String FIRST_VISIT = "UPDATE crm_object SET first_visit_at = ?, first_url = ?, "
      + "first_referrer = ?, source = ?, source_data_1 = ?, source_data_2 = ? WHERE id = ? "
      + "AND (first_visit_at IS NULL OR first_visit_at > ?)";

  private SqlContactAnalytics() {
  }

  /** Adds the analytics to each contact's row; a contact without a row (erased meanwhile) is left alone. */
  static void add(Handle handle, Map<Long, Analytics> added) {
    JdbcBatch lastPages = new JdbcBatch(handle, LAST_PAGE);
    JdbcBatch firstVisits = new JdbcBatch(handle, FIRST_VISIT);
    JdbcBatch counts = new JdbcBatch(handle, ADD);
    added.forEach((id, a) -> {
      Long firstAt = a.firstTimestamp().map(Instant::toEpochMilli).orElse(null);
      Long lastAt = a.lastTimestamp().map(Instant::toEpochMilli).orElse(null);
      a.lastUrl().ifPresent(url -> lastPages.add(url, id, lastAt));
      a.firstVisit().ifPresent(v -> firstVisits.add(v.at(), v.url(), v.referrer(), v.source(), v.data1(),
          v.data2(), id, v.at()));
      counts.add(a.numEventCompletions(), a.revenueMicros(), a.numPageViews(), a.numVisits(), firstAt, firstAt,
          lastAt, lastAt, id);
    });
    lastPages.execute();
    firstVisits.execute();
    counts.execute();
  }

  /** A contact without values from its row of {@code crm_object}. */
  static Contact contact(ResultSet rs, long portalId) throws SQLException {
    Optional<Instant> visitAt = instant(rs, "first_visit_at");
    Optional<FirstVisit> first = visitAt.isEmpty() ? Optional.empty() : Optional.of(new FirstVisit(
        visitAt.get().toEpochMilli(), rs.getString("first_url"), rs.getString("first_referrer"),
        rs.getString("source"), rs.getString("source_data_1"), rs.getString("source_data_2")));
    Analytics analytics = new Analytics(rs.getLong("num_event_completions"), rs.getLong("revenue_micros"),
        rs.getLong("num_page_views"), rs.getLong("num_visits"), instant(rs, "first_timestamp"),
        instant(rs, "last_timestamp"), first, text(rs, "last_url"));
    return new Contact(rs.getLong("id"), portalId, Instant.ofEpochMilli(rs.getLong("created_at")),
        Instant.ofEpochMilli(rs.getLong("updated_at")), false, Map.of(), analytics);
  }

  private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
  }

  private static Optional<String> text(ResultSet rs, String column) throws SQLException {
    return Optional.ofNullable(rs.getString(column));
  }
}
