package io.spoor.crm;

import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The analytics columns of a contact's {@code crm_object} row for {@link SqlContactStore}:
 * adding deltas, reading rows.
 */
final class SqlContactAnalytics {
  /** Counts and revenue add up; the first and last timestamps widen (each given twice). */
  private static final String ADD = "UPDATE crm_object SET num_event_completions = num_event_completions + ?, "
      + "revenue_micros = revenue_micros + ?, num_page_views = num_page_views + ?, num_visits = num_visits + ?, "
      + "first_timestamp = CASE WHEN first_timestamp IS NULL OR ? < first_timestamp THEN ? ELSE first_timestamp END, "
      + "last_timestamp = CASE WHEN last_timestamp IS NULL OR ? > last_timestamp THEN ? ELSE last_timestamp END "
      + "WHERE id = ?";
  /** The page seen last, unless the contact was seen later; runs before {@link #ADD} moves the last timestamp. */
  private static final String LAST_PAGE = "UPDATE crm_object SET last_url = ? WHERE id = ? "
      + "AND (last_timestamp IS NULL OR last_timestamp <= ?)";
  /** Where the contact first came from, when this visit is earlier than the one known. */
  private static final String FIRST_VISIT = "UPDATE crm_object SET first_visit_at = ?, first_url = ?, "
      + "first_referrer = ?, source = ?, source_data_1 = ?, source_data_2 = ? WHERE id = ? "
      + "AND (first_visit_at IS NULL OR first_visit_at > ?)";

  private SqlContactAnalytics() {
  }

  /** Adds each contact's deltas to its row; a contact without a row (erased meanwhile) is left alone. */
  static void add(Handle handle, Map<Long, AnalyticsDelta> deltas) {
    JdbcBatch lastPages = new JdbcBatch(handle, LAST_PAGE);
    JdbcBatch firstVisits = new JdbcBatch(handle, FIRST_VISIT);
    JdbcBatch counts = new JdbcBatch(handle, ADD);
    deltas.forEach((id, d) -> {
      d.lastPage().ifPresent(page -> lastPages.add(page.url(), id, d.lastAt()));
      d.firstVisit().ifPresent(v -> firstVisits.add(v.at(), v.url(), v.referrer(), v.source(), v.data1(),
          v.data2(), id, v.at()));
      counts.add(d.eventCompletions(), d.revenueMicros(), d.pageViews(), d.visits(), d.firstAt(), d.firstAt(),
          d.lastAt(), d.lastAt(), id);
    });
    lastPages.execute();
    firstVisits.execute();
    counts.execute();
  }

  /** A contact without values from its row of {@code crm_object}. */
  static Contact contact(ResultSet rs, long portalId) throws SQLException {
    Analytics analytics = new Analytics(rs.getLong("num_event_completions"), rs.getLong("revenue_micros"),
        rs.getLong("num_page_views"), rs.getLong("num_visits"), instant(rs, "first_timestamp"),
        instant(rs, "last_timestamp"), text(rs, "first_url"), text(rs, "first_referrer"),
        text(rs, "last_url"), text(rs, "source"), text(rs, "source_data_1"), text(rs, "source_data_2"));
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
