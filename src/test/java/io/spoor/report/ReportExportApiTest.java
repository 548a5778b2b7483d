package io.spoor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/exports/reports/*.csv: the reports as CSV tables, checked against the page views sent. */
class ReportExportApiTest extends SpoorPerClass {
  private static final String A = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
  private static final String B = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
  private static String range;

  @BeforeAll
  static void visits() {
    long start = System.currentTimeMillis() - 60_000;
    ReportsApiTest.pageView(A, start, start, "https://example.com/pricing", "https://www.google.com/",
        ReportsApiTest.CHROME_LINUX, "");
    ReportsApiTest.pageView(A, start, start + 20_000, "https://example.com/docs,v2",
        "https://example.com/pricing", ReportsApiTest.CHROME_LINUX, "");
    ReportsApiTest.pageView(B, start, start, "https://example.com/pricing", "", ReportsApiTest.IPHONE, "");
    server.awaitApplied();
    LocalDate day = Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).toLocalDate();
    range = "from=" + day + "&to=" + LocalDate.now(ZoneOffset.UTC);
  }

  @Test
  void thePagesReportIsOneRowPerPageWithTheViewsSent() {
    SpoorClient.Answer answer = client.get("/api/v1/exports/reports/pages.csv?" + range);
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.header("content-disposition").contains("pages.csv"));
    List<List<String>> rows = csv(answer.body());
    List<String> header = rows.get(0);
    assertEquals("table", header.get(0));
    int page = header.indexOf("page");
    int views = header.indexOf("views");
    assertEquals("2", row(rows, page, "/pricing").get(views));
    assertEquals("1", row(rows, page, "/docs,v2").get(views));
    assertEquals(3, rows.size(), "a header and two pages: " + rows);
  }

  @Test
  void theOverviewSeriesAndTheSourcesDrillDownsBecomeRowsOfTheirOwn() {
    List<List<String>> overview = csv(client.get("/api/v1/exports/reports/overview.csv?" + range).body());
    int views = overview.get(0).indexOf("pageViews");
    long sum = overview.stream().skip(1).filter(r -> r.get(0).equals("series"))
        .mapToLong(r -> Long.parseLong(r.get(views))).sum();
    assertEquals(3, sum, "the series adds up to the page views sent");
    List<List<String>> sources = csv(client.get("/api/v1/exports/reports/sources.csv?" + range).body());
    int source = sources.get(0).indexOf("source");
    int value = sources.get(0).indexOf("value");
    List<String> drill = sources.stream().filter(r -> r.get(0).equals("results.drillDowns")
        && r.get(source).equals("ORGANIC_SEARCH")).findFirst().orElseThrow(() -> new AssertionError(sources));
    assertEquals("google", drill.get(value).toLowerCase(java.util.Locale.ROOT).replace(".com", "")
        .replace("www.", ""));
  }

  @Test
  void aReportExportNeedsTheReportsScope() {
    assertEquals(403, server.scoped(Set.of(Scope.CONTACTS_READ)).get("/api/v1/exports/reports/pages.csv?" + range)
        .status());
    assertEquals(400, client.get("/api/v1/exports/reports/pages.csv?from=2026-02-30&to=2026-03-01").status());
  }

  private static List<String> row(List<List<String>> rows, int column, String value) {
    return rows.stream().filter(r -> r.get(column).equals(value)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + value + " in " + rows));
  }

  /** Reads the CSV back (quoted cells with commas and doubled quotes). */
  private static List<List<String>> csv(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    return rows;
  }
}
