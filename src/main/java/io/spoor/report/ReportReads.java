package io.spoor.report;

import io.spoor.store.Database;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.statement.Query;

/** The rollup tables as report rows; run inside a read transaction. */
final class ReportReads {
  private final Database db;

  /** {@code period}: the row's hour divided by the grouping's hours (0 for the whole range). */
  record Row(String value, long period, Counts counts) {
  }

  ReportReads(Database db) {
    this.db = db;
  }

  /** Hourly buckets of one dimension summed per value and per {@code groupHours} (0: one period). */
  List<Row> buckets(long portalId, Dimension dim, long fromHour, long toHour, int groupHours) {
    String period = groupHours == 0 ? "0" : "hour / " + groupHours;
    return db.handle().createQuery("SELECT value, " + period + " AS p, SUM(page_views), SUM(sessions), "
            + "SUM(entrances), SUM(exits), SUM(bounces), SUM(duration_ms), SUM(new_contacts), SUM(completions), "
            + "SUM(revenue_micros) FROM report_bucket WHERE portal_id = :portal AND dim = :dim AND hour >= :from "
            + "AND hour < :to GROUP BY value, p")
        .bind("portal", portalId).bind("dim", dim.stored()).bind("from", fromHour).bind("to", toHour)
        .map((rs, ctx) -> new Row(rs.getString(1), rs.getLong(2), new Counts(-1, rs.getLong(4), rs.getLong(3),
            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
            rs.getLong(11))))
        .list();
  }

  /**
   * Visits matching the query's filter, summed per {@code group} (an expression on
   * {@code report_session}, or null for none) and per {@code groupHours} of their start (0: one
   * period); visitors counted exactly (distinct visitor tokens).
   */
  List<Row> sessions(ReportQuery q, String group, int groupHours) {
    String value = group == null ? "''" : group;
    String period = groupHours == 0 ? "0" : "started_at / " + (RollupBatch.HOUR * groupHours);
    Query query = db.handle().createQuery("SELECT " + value + " AS v, " + period + " AS p, COUNT(*), "
            + "COUNT(DISTINCT utk), SUM(page_views), SUM(CASE WHEN page_views = 1 THEN 1 ELSE 0 END), "
            + "SUM(last_at - started_at), SUM(new_contacts) FROM report_session WHERE portal_id = :portal "
            + "AND started_at >= :from AND started_at < :to" + q.filter().sql() + " GROUP BY v, p")
        .bind("portal", q.portalId()).bind("from", q.fromMs()).bind("to", q.toMs());
    q.filter().terms().forEach((k, v) -> query.bind("f_" + k, v));
    return query.map((rs, ctx) -> {
      long sessions = rs.getLong(3);
      return new Row(rs.getString(1), rs.getLong(2), new Counts(rs.getLong(4), sessions, rs.getLong(5), sessions,
          sessions, rs.getLong(6), rs.getLong(7), rs.getLong(8), 0, 0));
    }).list();
  }

  /** The names of a portal's event definitions among {@code ids}. */
  Map<Long, String> eventNames(long portalId, List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return db.handle().createQuery("SELECT id, name FROM event_definition WHERE portal_id = :portal AND id IN (<ids>)")
        .bind("portal", portalId).bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Rows by value, for rows of one period. */
  static Map<String, Counts> byValue(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(Row::value, Row::counts, Counts::plus));
  }

  static Map<Long, Counts> byPeriod(List<Row> rows) {
    return rows.stream().collect(Collectors.toMap(Row::period, Row::counts, Counts::plus));
  }

  static Optional<Counts> only(List<Row> rows) {
    return rows.stream().map(Row::counts).reduce(Counts::plus);
  }
}
