package io.spoor.crm;

import io.spoor.crm.AnalyticsTotals.FirstVisit;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link ContactMergeStore} in portable SQL over {@code unique_value} and the analytics columns
 * of {@code crm_object}.
 */
public final class SqlContactMergeStore implements ContactMergeStore {
  private static final String COLUMNS = "num_event_completions, revenue_micros, num_page_views, "
      + "num_visits, first_timestamp, last_timestamp, first_visit_at, first_url, first_referrer, source, "
      + "source_data_1, source_data_2, last_url";

  private final Database db;

  public SqlContactMergeStore(Database db) {
    this.db = db;
  }

  @Override
  public void moveKeys(long portalId, long fromId, long intoId) {
    db.handle().createUpdate("UPDATE unique_value SET object_id = :into WHERE portal_id = :portal "
            + "AND object_type = :type AND object_id = :from")
        .bind("into", intoId).bind("portal", portalId).bind("type", ObjectType.CONTACT.name()).bind("from", fromId)
        .execute();
    db.handle().createUpdate("UPDATE segment_id SET contact_id = :into WHERE portal_id = :portal AND contact_id = :from")
        .bind("into", intoId).bind("portal", portalId).bind("from", fromId).execute();
  }

  @Override
  public void mergeAnalytics(long fromId, long intoId) {
    Map<Long, AnalyticsTotals> rows = db.handle().createQuery("SELECT id, " + COLUMNS + " FROM crm_object "
            + "WHERE id IN (<ids>)")
        .bindList("ids", List.of(fromId, intoId))
        .map((rs, ctx) -> Map.entry(rs.getLong("id"), totals(rs)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    AnalyticsTotals from = rows.get(fromId);
    if (from == null || from.equals(AnalyticsTotals.NONE)) {
      return;
    }
    AnalyticsTotals merged = rows.containsKey(intoId) ? rows.get(intoId).plus(from) : from;
    set(intoId, merged);
    set(fromId, AnalyticsTotals.NONE);
  }

  private void set(long contactId, AnalyticsTotals totals) {
    Optional<FirstVisit> first = totals.firstVisit();
    db.handle().createUpdate("UPDATE crm_object SET num_event_completions = :events, revenue_micros = :revenue, "
            + "num_page_views = :pageViews, num_visits = :visits, first_timestamp = :firstAt, "
            + "last_timestamp = :lastAt, first_visit_at = :visitAt, first_url = :url, first_referrer = :referrer, "
            + "source = :source, source_data_1 = :data1, source_data_2 = :data2, last_url = :lastUrl WHERE id = :id")
        .bind("id", contactId).bind("events", totals.eventCompletions()).bind("revenue", totals.revenueMicros())
        .bind("pageViews", totals.pageViews()).bind("visits", totals.visits())
        .bind("firstAt", totals.firstAt().orElse(null)).bind("lastAt", totals.lastAt().orElse(null))
        .bind("visitAt", first.map(FirstVisit::at).orElse(null))
        .bind("url", first.map(FirstVisit::url).orElse(null))
        .bind("referrer", first.map(FirstVisit::referrer).orElse(null))
        .bind("source", first.map(FirstVisit::source).orElse(null))
        .bind("data1", first.map(FirstVisit::data1).orElse(null))
        .bind("data2", first.map(FirstVisit::data2).orElse(null))
        .bind("lastUrl", totals.lastUrl().orElse(null)).execute();
  }

  private static AnalyticsTotals totals(ResultSet rs) throws SQLException {
    Optional<Long> visitAt = number(rs, "first_visit_at");
    Optional<FirstVisit> first = visitAt.isEmpty() ? Optional.empty() : Optional.of(new FirstVisit(visitAt.get(),
        rs.getString("first_url"), rs.getString("first_referrer"), rs.getString("source"),
        rs.getString("source_data_1"), rs.getString("source_data_2")));
    return new AnalyticsTotals(rs.getLong("num_event_completions"), rs.getLong("revenue_micros"),
        rs.getLong("num_page_views"), rs.getLong("num_visits"), number(rs, "first_timestamp"),
        number(rs, "last_timestamp"), first, Optional.ofNullable(rs.getString("last_url")));
  }

  private static Optional<Long> number(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
