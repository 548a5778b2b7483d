package io.spoor.report;

import io.spoor.store.Database;
import io.spoor.store.SqliteDialect;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reports' own cost for the benchmark, free of the host's load: each report run in this
 * process over a store {@link RollupSeeder} filled, its thread's CPU time and the bytes it
 * allocated measured per run:
 * {@code java -cp spoor.jar io.spoor.report.ReportTimer <spoor.db> <from> <to> <filter> <runs> <index visits>
 * [partial sums MB]} (64 unless given; 0: filtered reports count every matching visit every time).
 * Prints the index's read-ahead (CPU and wall time) and, per report, p50 and p99 CPU ms and the
 * mean allocation, unfiltered and filtered (a filter of {@code -}: unfiltered only, without the
 * read-ahead), as markdown rows; then HubSpot's legacy reports, unfiltered; then, with a filter,
 * how long the first filtered request waits while a fresh index reads ahead beside it, as after
 * a start. Filtered rows also give the CPU ms of the first run, which counts the matching visits of
 * the days a filter has not been asked for yet and queues their sums (summed on their own thread,
 * not counted here; the runs after it add up the days' partial sums); last, how often the partial
 * sums were used.
 */
public final class ReportTimer {
  /** The legacy reports timed, unfiltered only (they take no filter): breakdown and period. */
  private static final String[][] LEGACY = {{"totals", "daily"}, {"sources", "daily"}, {"sources", "total"},
      {"pages", "daily"}, {"pages", "weekly"}, {"pages", "total"}};

  private ReportTimer() {
  }

  private static long heapUsed() {
    System.gc();
    return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
  }

  /**
   * Prints how long a filtered overview asked for just after a start waits, on a fresh index
   * reading ahead on its own thread meanwhile (as a server does), and what the index then held.
   */
  private static void firstFilteredRequest(Database db, long visits, ReportQuery q) {
    VisitIndex fresh = new VisitIndex(db, visits, 3_600_000, 0);
    Reports reports = new Reports(db, fresh, 64);
    long wall = System.nanoTime();
    fresh.warm(Clock.fixed(Instant.ofEpochMilli((q.to().toEpochDay() + 1) * Buckets.DAY - 1), ZoneOffset.UTC),
        VisitIndex.WARM_DAYS);
    reports.overview(q);
    System.out.printf("first filtered request while reading ahead: %.1f s wall, the index then holding %d visits%n",
        (System.nanoTime() - wall) / 1e9, fresh.held());
  }

  public static void main(String[] args) {
    if (args.length != 6 && args.length != 7) {
      System.err.println("usage: ReportTimer <spoor.db> <from> <to> <filter> <runs> <index visits> [partial sums MB]");
      System.exit(2);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LocalDate from = LocalDate.parse(args[1]);
    LocalDate to = LocalDate.parse(args[2]);
    int runs = Integer.parseInt(args[4]);
    try (Database db = Database.open(new SqliteDialect(Path.of(args[0])))) {
      long partialSumsMb = args.length == 7 ? Long.parseLong(args[6]) : 64;
      VisitIndex index = new VisitIndex(db, Long.parseLong(args[5]), VisitIndex.WAIT_MS, partialSumsMb * 1024 * 1024);
      long heap = heapUsed();
      long cpu = threads.getCurrentThreadCpuTime();
      long wall = System.nanoTime();
      boolean filtered = !args[3].equals("-");
      if (filtered) {
        index.warm((to.toEpochDay() + 1) * Buckets.DAY - 1, VisitIndex.WARM_DAYS);
      }
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
      double wallSeconds = (System.nanoTime() - wall) / 1e9;
      System.out.printf("read ahead: %d visits in %.1f s CPU, %.1f s wall, holding %d MB of heap%n", index.held(),
          cpuSeconds, wallSeconds, (heapUsed() - heap) / (1024 * 1024));
      Reports reports = new Reports(db, index, 64);
      Map<String, Function<ReportQuery, JsonObject>> named = new LinkedHashMap<>(ReportRoutes.named(reports));
      System.out.println("| report | CPU ms p50 | CPU ms p99 | KB allocated | CPU ms first, filtered "
          + "| CPU ms p50, filtered | CPU ms p99, filtered | KB allocated, filtered |");
      System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
      for (Map.Entry<String, Function<ReportQuery, JsonObject>> report : named.entrySet()) {
        for (ReportQuery.Interval interval : report.getKey().equals("overview")
            ? ReportQuery.Interval.values() : new ReportQuery.Interval[] {ReportQuery.Interval.DAY}) {
          StringBuilder row = new StringBuilder("| " + report.getKey()
              + (interval == ReportQuery.Interval.HOUR ? ", hourly" : ""));
          for (String filter : filtered ? new String[] {"", args[3]} : new String[] {""}) {
            ReportQuery q = new ReportQuery(1, from, to, interval, ReportFilter.parse(filter));
            row.append(time(threads, runs, !filter.isEmpty(), () -> report.getValue().apply(q), index::awaitSummed));
          }
          row.append(filtered ? "" : " | - | - | - | -");
          System.out.println(row.append(" |"));
        }
      }
      LegacyReports legacy = new LegacyReports(db, reports);
      for (String[] report : LEGACY) {
        LegacyQuery q = LegacyQuery.parse(1, report[0], report[1], from, to, null, null, null, null, List.of(),
            List.of(), null);
        System.out.println("| legacy " + report[0] + "/" + report[1] + time(threads, runs, false, () -> legacy.report(q), () -> { })
            + " | - | - | - | - |");
      }
      if (!args[3].equals("-")) {
        firstFilteredRequest(db, Long.parseLong(args[5]), new ReportQuery(1, from, to, ReportQuery.Interval.DAY,
            ReportFilter.parse(args[3])));
      }
      PartialSums.Stats partials = index.partialSums();
      System.out.printf("%npartial sums (%d MB at most): %d used, %d summed, %d kept in %d KB%n", partialSumsMb,
          partials.hits(), partials.misses(), partials.kept(), partials.bytes() / 1024);
    }
  }

  /**
   * Runs {@code report} ten times to warm up, then {@code runs} times: " | p50 | p99 | KB
   * allocated", after " | the first run's CPU ms" when {@code first}; {@code afterFirst} runs once
   * the first run is timed (the partial sums it queued are summed then, on their own thread).
   */
  private static String time(com.sun.management.ThreadMXBean threads, int runs, boolean first, Runnable report,
      Runnable afterFirst) {
    double[] cpuMs = new double[runs];
    long allocated = 0;
    String firstMs = "";
    for (int i = -10; i < runs; i++) {
      long c = threads.getCurrentThreadCpuTime();
      long a = threads.getCurrentThreadAllocatedBytes();
      report.run();
      if (i == -10 && first) {
        firstMs = String.format(" | %.1f", (threads.getCurrentThreadCpuTime() - c) / 1e6);
        afterFirst.run();
      }
      if (i >= 0) {
        cpuMs[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
        allocated += threads.getCurrentThreadAllocatedBytes() - a;
      }
    }
    Arrays.sort(cpuMs);
    return firstMs + String.format(" | %.1f | %.1f | %d", cpuMs[runs / 2], cpuMs[Math.min(runs - 1, runs * 99 / 100)],
        allocated / runs / 1024);
  }
}
