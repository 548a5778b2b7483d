package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The benchmark's seeder, through the ingest path's rollup code: the reports count what it
 * seeded, and the index of visits (filtered reports) agrees with the buckets (unfiltered ones).
 */
@ExtendWith(TempStore.class)
class RollupSeederTest {
  static final LocalDate FROM = LocalDate.of(2026, 11, 1);
  static final LocalDate TO = LocalDate.of(2026, 11, 2);

  static ReportQuery query(String filter) {
    return new ReportQuery(1, FROM, TO, ReportQuery.Interval.DAY, ReportFilter.parse(filter));
  }

  static long endMs() {
    return TO.plusDays(1).toEpochDay() * Buckets.DAY;
  }

  @Test
  void theReportsCountWhatWasSeeded(Database db) {
    assertEquals(1000, RollupSeeder.seed(db, 1, 3000, 2, endMs()));
    Reports reports = new Reports(db, new VisitIndex(db, 10_000), 64);
    JsonObject totals = reports.overview(query(null)).getJsonObject("totals");
    assertEquals(3000, totals.getLong("pageViews"));
    assertEquals(1000, totals.getLong("sessions"));
    assertEquals(501, totals.getLong("visitors"), 501 * 3 * Hll.RELATIVE_ERROR);
    assertEquals(20, totals.getLong("newContacts"));
    assertEquals(100, totals.getLong("completions"));
    JsonObject organic = reports.overview(query("source:ORGANIC_SEARCH")).getJsonObject("totals");
    assertEquals(250, organic.getLong("sessions"));
    assertEquals(25, organic.getLong("completions"), "visits 0, 40, 80, …");
  }

  @Test
  void filteredFromTheIndexAgreesWithTheBucketsOfTheSameValue(Database db) {
    RollupSeeder.seed(db, 1, 3000, 2, endMs());
    Reports reports = new Reports(db, new VisitIndex(db, 10_000), 64);
    JsonArray sources = reports.sources(query(null)).getJsonArray("results");
    for (Object o : sources) {
      JsonObject source = (JsonObject) o;
      JsonObject filtered = reports.overview(query("source:" + source.getString("source"))).getJsonObject("totals");
      assertEquals(source.getLong("sessions"), filtered.getLong("sessions"), source.encode());
      assertEquals(source.getLong("pageViews"), filtered.getLong("pageViews"), source.encode());
      assertEquals(source.getLong("visitors"), filtered.getLong("visitors"), source.encode());
      assertEquals(source.getLong("newContacts"), filtered.getLong("newContacts"), source.encode());
    }
    JsonArray devices = reports.devices(query(null)).getJsonArray("browsers");
    for (Object o : devices) {
      JsonObject browser = (JsonObject) o;
      JsonObject filtered = reports.overview(query("browser:" + browser.getString("name"))).getJsonObject("totals");
      assertEquals(browser.getLong("sessions"), filtered.getLong("sessions"), browser.encode());
      assertEquals(browser.getDouble("bounceRate"), filtered.getDouble("bounceRate"), 1e-9, browser.encode());
    }
    assertEquals(0, reports.events(query("source:OFFLINE")).getJsonArray("results").size());
  }
}
