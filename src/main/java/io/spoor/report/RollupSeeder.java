package io.spoor.report;

import io.spoor.identity.Source;
import io.spoor.identity.SourceType;
import io.spoor.ops.Metrics;
import io.spoor.store.Database;
import io.spoor.store.SqliteDialect;
import java.nio.file.Path;

/**
 * Fills a store's report rollups for the benchmark through the code ingest runs
 * ({@link RollupBatch}: the same page views, contacts and completions the appliers pass it,
 * written in batches of visits), without the raw hits reports never read:
 * {@code java -cp spoor.jar io.spoor.report.RollupSeeder <spoor.db> <page views> <days> <end epoch ms>}.
 * Visits average three pages; half are by returning visitors; 2000 pages, eight sources with
 * drill-downs, seven real user agents; one visit in ten completes one of five events, one in
 * fifty makes a contact. Visit {@code i} starts {@code i} steps back from {@code end}.
 */
public final class RollupSeeder {
  static final String[] AGENTS = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
        + "Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
        + "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile "
        + "Safari/537.36",
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
        + "Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 "
        + "Edg/126.0.0.0"};
  static final SourceType[] SOURCES = {SourceType.ORGANIC_SEARCH, SourceType.ORGANIC_SEARCH, SourceType.DIRECT_TRAFFIC,
      SourceType.REFERRALS, SourceType.SOCIAL_MEDIA, SourceType.PAID_SEARCH, SourceType.EMAIL_MARKETING,
      SourceType.OTHER_CAMPAIGNS};
  static final int VISITS_PER_BATCH = 5_000;

  private RollupSeeder() {
  }

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: RollupSeeder <spoor.db> <page views> <days> <end epoch ms>");
      System.exit(2);
    }
    try (Database db = Database.open(new SqliteDialect(Path.of(args[0])))) {
      long visits = seed(db, 1, Long.parseLong(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]));
      System.out.println(visits);
    }
  }

  /** Seeds about {@code pageViews} page views of portal {@code portalId}; returns the visits made. */
  static long seed(Database db, long portalId, long pageViews, int days, long endMs) {
    Rollups rollups = new Rollups(db, true, 100_000, new Metrics());
    long visits = pageViews / 3;
    long span = days * 86_400_000L;
    long returning = visits / 2 + 1;
    for (long first = 0; first < visits; first += VISITS_PER_BATCH) {
      long from = first;
      long to = Math.min(visits, first + VISITS_PER_BATCH);
      RollupBatch batch = rollups.batch();
      db.inTransaction(() -> {
        for (long i = from; i < to; i++) {
          visit(batch, portalId, i, endMs - 1 - i * span / visits, returning);
        }
        batch.flush();
        return null;
      });
      batch.committed();
    }
    return visits;
  }

  private static void visit(RollupBatch batch, long portalId, long i, long start, long returning) {
    String utk = String.format("%032x", i % returning);
    int pages = 1 + (int) (i % 5);
    SourceType type = SOURCES[(int) (i % 8)];
    Source source = new Source(type, type == SourceType.DIRECT_TRAFFIC ? null : "d" + (i % 37), null);
    String agent = AGENTS[(int) (i % AGENTS.length)];
    for (int k = 0; k < pages; k++) {
      batch.pageView(portalId, utk, start, start + k * 10_000L, "/p" + ((i * 7919 + k * 104_729) % 2000),
          () -> source, agent);
    }
    if (i % 10 == 0) {
      batch.completion(portalId, 1 + (i / 10) % 5, start, (i % 3) * 1_000_000, utk, start);
    }
    if (i % 50 == 0) {
      batch.newContact(portalId, utk, start, start);
    }
  }
}
