package io.spoor.migrate;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The copy's progress on standard error: a line per table when it is done (rows, time, rate),
 * and, on a terminal, a bar redrawn in place between them, at most ten times a second: the
 * table's rows copied of its total, the same over every table, the rate and the time left at
 * that rate.
 */
final class Progress {
  private static final long REDRAW_NANOS = Duration.ofMillis(100).toNanos();
  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private final boolean live;
  private final LongSupplier nanos;
  private final Map<String, Long> totals = new LinkedHashMap<>();
  private long overallTotal;
  private long doneBefore;
  private long startedAt;
  private long tableStartedAt;
  private long lastDrawn;
  private boolean drawn;

  /** {@code live}: redraw a bar (a terminal); {@code nanos}: the time, as {@link System#nanoTime}. */
  Progress(PrintStream err, boolean live, LongSupplier nanos) {
    this.err = err;
    this.live = live;
    this.nanos = nanos;
  }

  /** The rows each table holds, in the order they are copied. */
  void start(Map<String, Long> rows) {
    totals.putAll(rows);
    overallTotal = rows.values().stream().mapToLong(Long::longValue).sum();
    startedAt = nanos.getAsLong();
    tableStartedAt = startedAt;
    lastDrawn = startedAt - REDRAW_NANOS;
    err.printf("copying %,d rows in %d tables%n", overallTotal, rows.size());
  }

  /** {@code rows} of {@code table} are copied so far. */
  void copied(String table, long rows) {
    long now = nanos.getAsLong();
    if (live && now - lastDrawn >= REDRAW_NANOS) {
      lastDrawn = now;
      drawn = true;
      err.print("\r" + bar(table, rows, now) + "\u001b[K");
      err.flush();
    }
  }

  /** {@code table} is copied, all its {@code rows}. */
  void finished(String table, long rows) {
    long now = nanos.getAsLong();
    doneBefore += rows;
    double seconds = (now - tableStartedAt) / 1e9;
    String line = String.format("%-32s %,13d rows %8.1f s %,10d rows/s", table, rows, seconds,
        seconds > 0 ? Math.round(rows / seconds) : rows);
    err.println(live && drawn ? "\r" + line + "\u001b[K" : line);
    drawn = false;
    tableStartedAt = now;
  }

  /** Every table is copied. */
  void done() {
    double seconds = (nanos.getAsLong() - startedAt) / 1e9;
    err.printf("copied %,d rows in %.1f s (%,d rows/s)%n", doneBefore, seconds,
        seconds > 0 ? Math.round(doneBefore / seconds) : doneBefore);
  }

  /** The bar: this table, every table, the rate so far and the time left at that rate. */
  String bar(String table, long rows, long now) {
    long total = Math.max(totals.getOrDefault(table, rows), rows);
    long overall = doneBefore + rows;
    double seconds = Math.max(now - startedAt, 1) / 1e9;
    double rate = overall / seconds;
    long left = rate > 0 ? Math.round((overallTotal - overall) / rate) : 0;
    int filled = overallTotal == 0 ? BAR_WIDTH : (int) (BAR_WIDTH * overall / overallTotal);
    return String.format("[%s%s] %3d%% %s %,d/%,d | all %,d/%,d | %,d rows/s | ETA %d:%02d",
        "#".repeat(filled), "-".repeat(BAR_WIDTH - filled),
        overallTotal == 0 ? 100 : 100 * overall / overallTotal, table, rows, total, overall, overallTotal,
        Math.round(rate), left / 60, left % 60);
  }
}
