package io.spoor.crm;

import io.spoor.store.JdbcBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The {@code contact_analytics} table for {@link SqlContactStore}: adding deltas, reading rows. */
final class SqlContactAnalytics {
  private static final String EARLIER_VISIT = "excluded.first_visit_at IS NOT NULL AND "
      + "(a.first_visit_at IS NULL OR excluded.first_visit_at < a.first_visit_at)";
  private static final String UPSERT = "INSERT INTO contact_analytics AS a (contact_id, "
      + "num_event_completions, revenue_micros, num_page_views, num_visits, first_timestamp, "
      + "last_timestamp, first_visit_at, first_url, first_referrer, source, source_data_1, "
      + "source_data_2, last_url) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      + "ON CONFLICT (contact_id) DO UPDATE SET "
      + "num_event_completions = a.num_event_completions + excluded.num_event_completions, "
      + "revenue_micros = a.revenue_micros + excluded.revenue_micros, "
      + "num_page_views = a.num_page_views + excluded.num_page_views, "
      + "num_visits = a.num_visits + excluded.num_visits, "
      + "first_timestamp = CASE WHEN a.first_timestamp IS NULL OR excluded.first_timestamp < a.first_timestamp "
      + "THEN excluded.first_timestamp ELSE a.first_timestamp END, "
      + "last_url = CASE WHEN excluded.last_url IS NOT NULL AND (a.last_timestamp IS NULL "
      + "OR excluded.last_timestamp >= a.last_timestamp) THEN excluded.last_url ELSE a.last_url END, "
      + "last_timestamp = CASE WHEN a.last_timestamp IS NULL OR excluded.last_timestamp > a.last_timestamp "
      + "THEN excluded.last_timestamp ELSE a.last_timestamp END, "
      + "first_url = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_url ELSE a.first_url END, "
      + "first_referrer = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_referrer ELSE a.first_referrer END, "
      + "source = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source ELSE a.source END, "
      + "source_data_1 = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source_data_1 ELSE a.source_data_1 END, "
      + "source_data_2 = CASE WHEN " + EARLIER_VISIT + " THEN excluded.source_data_2 ELSE a.source_data_2 END, "
      + "first_visit_at = CASE WHEN " + EARLIER_VISIT + " THEN excluded.first_visit_at ELSE a.first_visit_at END";

  private SqlContactAnalytics() {
  }

  static void add(Handle handle, Map<Long, AnalyticsDelta> deltas) {
    JdbcBatch batch = new JdbcBatch(handle, UPSERT);
    deltas.forEach((id, d) -> {
      var first = d.firstVisit();
      batch.add(id, d.eventCompletions(), d.revenueMicros(), d.pageViews(), d.visits(), d.firstAt(),
          d.lastAt(), first.map(f -> f.at()).orElse(null), first.map(f -> f.url()).orElse(null),
          first.map(f -> f.referrer()).orElse(null), first.map(f -> f.source()).orElse(null),
          first.map(f -> f.data1()).orElse(null), first.map(f -> f.data2()).orElse(null),
          d.lastPage().map(p -> p.url()).orElse(null));
    });
    batch.execute();
  }

  /** A contact without values from a row of {@code crm_object} left-joined with its analytics. */
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
