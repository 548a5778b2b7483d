package io.spoor.crm;

import io.spoor.crm.AnalyticsTotals.FirstVisit;
import io.spoor.store.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@link ContactMergeStore} in portable SQL over {@code unique_value} and {@code contact_analytics}. */
public final class SqlContactMergeStore implements ContactMergeStore {
  private static final String COLUMNS = "contact_id, num_event_completions, revenue_micros, num_page_views, "
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
  }

  @Override
  public void mergeAnalytics(long fromId, long intoId) {
    Map<Long, AnalyticsTotals> rows = db.handle().createQuery("SELECT " + COLUMNS + " FROM contact_analytics "
            + "WHERE contact_id IN (<ids>)")
        .bindList("ids", List.of(fromId, intoId))
        .map((rs, ctx) -> Map.entry(rs.getLong("contact_id"), totals(rs)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    AnalyticsTotals from = rows.get(fromId);
    if (from == null) {
      return;
    }
    AnalyticsTotals merged = rows.containsKey(intoId) ? rows.get(intoId).plus(from) : from;
    db.handle().createUpdate("DELETE FROM contact_analytics WHERE contact_id IN (<ids>)")
        .bindList("ids", List.of(fromId, intoId)).execute();
    Optional<FirstVisit> first = merged.firstVisit();
    db.handle().createUpdate("INSERT INTO contact_analytics (" + COLUMNS + ") VALUES (:id, :events, :revenue, "
            + ":pageViews, :visits, :firstAt, :lastAt, :visitAt, :url, :referrer, :source, :data1, :data2, :lastUrl)")
        .bind("id", intoId).bind("events", merged.eventCompletions()).bind("revenue", merged.revenueMicros())
        .bind("pageViews", merged.pageViews()).bind("visits", merged.visits())
        .bind("firstAt", merged.firstAt().orElse(null)).bind("lastAt", merged.lastAt().orElse(null))
        .bind("visitAt", first.map(FirstVisit::at).orElse(null))
        .bind("url", first.map(FirstVisit::url).orElse(null))
        .bind("referrer", first.map(FirstVisit::referrer).orElse(null))
        .bind("source", first.map(FirstVisit::source).orElse(null))
        .bind("data1", first.map(FirstVisit::data1).orElse(null))
        .bind("data2", first.map(FirstVisit::data2).orElse(null))
        .bind("lastUrl", merged.lastUrl().orElse(null)).execute();
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
