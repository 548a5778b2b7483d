package io.spoor.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.ShiftedClock;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CRM API reads time from the clock the server is started with, never from the system's own. */
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
    assertDatedByTheServersClock(ContactApi.PATH);
  }

  @Test
  void aCompanyBatchReadIsDatedByTheServersClock() {
    assertDatedByTheServersClock(CompanyApi.PATH);
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
