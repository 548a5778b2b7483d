package io.spoor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.ShiftedClock;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The parts of the server read time from the clock it is started with, never from the system's own. */
class ServerClockTest {
  private static final Duration BACK = Duration.ofDays(-3_650);

  private final ShiftedClock clock = ShiftedClock.atStartOfAMinute();
  private RunningSpoor server;
  private SpoorClient client;

  @BeforeEach
  void start() {
    clock.advance(BACK);
    server = RunningSpoor.start(Map.of(), clock);
    client = server.client();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aContactBatchReadIsDatedByTheServersClock() {
    assertDatedByTheServersClock("/crm/v3/objects/contacts");
  }

  @Test
  void aCompanyBatchReadIsDatedByTheServersClock() {
    assertDatedByTheServersClock("/crm/v3/objects/companies");
  }

  @Test
  void theIngestLogStartsANewSegmentOnceTheServersClockPassesTheSegmentsMaxAge() throws IOException {
    client.event("_a=1&_n=first&email=ada@example.com");
    Set<String> before = segments();
    clock.advance(Duration.ofMinutes(61));
    client.event("_a=1&_n=second&email=ada@example.com");
    Set<String> after = segments();
    after.removeAll(before);
    assertEquals(1, after.size(), before + " then " + segments());
  }

  private Set<String> segments() throws IOException {
    try (Stream<Path> files = Files.list(server.data().resolve("log"))) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("[0-9]+\\.log"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private void assertDatedByTheServersClock(String path) {
    Answer answer = client.send("POST", path + "/batch/read", new JsonObject()
        .put("inputs", new JsonArray().add(new JsonObject().put("id", "999999"))));
    assertEquals(207, answer.status(), answer.body());
    Instant yearsAgo = Instant.now().plus(BACK.dividedBy(2));
    for (String field : new String[] {"startedAt", "completedAt"}) {
      assertTrue(Instant.parse(answer.json().getString(field)).isBefore(yearsAgo), answer.body());
    }
  }
}
