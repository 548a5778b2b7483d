package io.spoor.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.PostgresServer;
import io.spoor.testkit.RunningSpoor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A million page views copy in a heap far smaller than they are: the source is read as a stream
 * and written in batches, so memory does not grow with the store. Runs {@code spoor migrate} in
 * a process of its own with a 48 MB heap; prints its report (and its peak resident memory where
 * {@code /usr/bin/time} is installed).
 */
class LargeStoreMigrationIT {
  private static final int PAGE_VIEWS = 1_000_000;
  private static final String HEAP = "-Xmx48m";

  @Test
  void aMillionPageViewsCopyIntoPostgresqlWithinA48MegabyteHeap() throws Exception {
    Assumptions.assumeFalse(RunningSpoor.allOnPostgres(), "migrates from the embedded store");
    String target = PostgresServer.shared().newDatabase();
    try {
      Path data;
      try (RunningSpoor sqlite = RunningSpoor.start()) {
        data = sqlite.data();
      }
      fill(data.resolve("spoor.db"));
      Path report = Files.createTempFile("spoor-migrate", ".log");

      Process migrate = new ProcessBuilder(command(data, target)).redirectErrorStream(true)
          .redirectOutput(report.toFile()).start();
      boolean ended = migrate.waitFor(30, TimeUnit.MINUTES);

      String printed = Files.readString(report, StandardCharsets.UTF_8);
      System.out.println(printed);
      assertTrue(ended, "still copying after 30 minutes: " + printed);
      assertEquals(0, migrate.exitValue(), printed);
      assertTrue(printed.matches("(?s).*\\npage_view +1,000,000 +1,000,000\\n.*"), printed);
    } finally {
      PostgresServer.shared().drop(target);
    }
  }

  private static List<String> command(Path data, String target) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/time"))) {
      command.addAll(List.of("/usr/bin/time", "-f", "peak resident memory %M KB, %e s"));
    }
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP, "-cp",
        System.getProperty("java.class.path"), "io.spoor.Main", "migrate", "--from", data.toString(), "--to", target));
    return command;
  }

  /** A million page views of ten thousand visitors, as the tracker writes them, straight into the file. */
  private static void fill(Path store) throws SQLException, IOException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store); Statement s = c.createStatement()) {
      s.executeUpdate("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + PAGE_VIEWS + ") "
          + "INSERT INTO page_view (portal_id, utk, contact_id, hit_id, occurred_at, session_start, url, path, title, "
          + "referrer, content_type, canonical_url, page_id) SELECT 1, printf('%032x', i % 10000), NULL, "
          + "'hit-' || i, 1780000000000 + i * 1000, 1780000000000 + (i / 10) * 10000, "
          + "'https://site.example/page/' || (i % 500), '/page/' || (i % 500), 'Page ' || (i % 500), "
          + "'https://www.google.com/', 'standard-page', 'https://site.example/page/' || (i % 500), '' FROM n");
    }
  }
}
