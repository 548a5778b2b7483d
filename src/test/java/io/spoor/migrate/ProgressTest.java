package io.spoor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The copy's progress report, on a terminal and in a log. */
class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now = 5_000_000_000L;

  @Test
  void aTerminalSeesABarWithEachTablesRowsTheOverallRowsTheRateAndTheTimeLeft() {
    Progress progress = new Progress(err, true, () -> now);
    progress.start(totals());
    now += 2_000_000_000L;
    progress.copied("contact", 1_000);
    progress.finished("contact", 1_000);
    now += 2_000_000_000L;
    progress.copied("page_view", 1_000);

    String shown = text();
    assertTrue(shown.contains("\r[###-") && shown.contains("12% contact 1,000/1,000 | all 1,000/8,000 | 500 rows/s"
        + " | ETA 0:14"), shown);
    assertTrue(shown.contains("25% page_view 1,000/7,000 | all 2,000/8,000 | 500 rows/s | ETA 0:12"), shown);
    assertTrue(shown.contains("\rcontact "), "the finished table's line replaces its bar: " + shown);
  }

  @Test
  void theBarIsRedrawnAtMostTenTimesASecond() {
    Progress progress = new Progress(err, true, () -> now);
    progress.start(totals());
    for (int i = 1; i <= 50; i++) {
      now += 10_000_000L;
      progress.copied("page_view", i * 100L);
    }
    assertEquals(5, text().split("\r", -1).length - 1, text());
  }

  @Test
  void withoutATerminalEachTableIsOneLineAndNoBarIsDrawn() {
    Progress progress = new Progress(err, false, () -> now);
    progress.start(totals());
    progress.copied("contact", 1_000);
    now += 1_000_000_000L;
    progress.finished("contact", 1_000);
    now += 1_000_000_000L;
    progress.finished("page_view", 7_000);
    progress.done();

    List<String> lines = text().lines().toList();
    assertFalse(text().contains("\r"), text());
    assertEquals("copying 8,000 rows in 2 tables", lines.get(0));
    assertTrue(lines.get(1).matches("contact +1,000 rows +1\\.0 s +1,000 rows/s"), lines.get(1));
    assertTrue(lines.get(2).matches("page_view +7,000 rows +1\\.0 s +7,000 rows/s"), lines.get(2));
    assertEquals("copied 8,000 rows in 2.0 s (4,000 rows/s)", lines.get(3));
  }

  private static Map<String, Long> totals() {
    Map<String, Long> totals = new LinkedHashMap<>();
    totals.put("contact", 1_000L);
    totals.put("page_view", 7_000L);
    return totals;
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
