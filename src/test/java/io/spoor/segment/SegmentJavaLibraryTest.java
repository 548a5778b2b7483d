package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.ScreenMessage;
import com.segment.analytics.messages.TrackMessage;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Segment's official Java library ({@code com.segment.analytics.java:analytics}) pointed at a
 * running Spoor: it posts its batches to {@code /v1/import/} with the write key as HTTP Basic
 * user, and reads the answer's {@code success}. What it sends is taken and made durable.
 */
class SegmentJavaLibraryTest extends SegmentPerClass {

  /** Sends the messages through the library, waits for its callback on each, returns the failures. */
  private List<Throwable> send(String writeKey, List<com.segment.analytics.messages.MessageBuilder<?, ?>> messages)
      throws InterruptedException {
    CountDownLatch done = new CountDownLatch(messages.size());
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    Analytics analytics = Analytics.builder(writeKey).endpoint(client.base()).retries(1).flushQueueSize(250)
        .callback(new Callback() {
          @Override
          public void success(Message message) {
            done.countDown();
          }

          @Override
          public void failure(Message message, Throwable why) {
            failures.add(why);
            done.countDown();
          }
        }).build();
    try {
      messages.forEach(analytics::enqueue);
      analytics.flush();
      assertTrue(done.await(30, TimeUnit.SECONDS), "the library reported on every message");
    } finally {
      analytics.shutdown();
    }
    return List.copyOf(failures);
  }

  @Test
  void everyKindOfCallTheLibraryMakesIsTakenAndDurable() throws Exception {
    long before = calls.hitsTaken();
    List<Throwable> failures = send(key, List.of(
        IdentifyMessage.builder().userId("java-1").traits(Map.of("email", "java-1@example.com", "firstName", "Ada")),
        TrackMessage.builder("Order Completed").userId("java-1").properties(Map.of("revenue", 42.5)),
        PageMessage.builder("Pricing").userId("java-1").properties(Map.of("url", "https://example.com/pricing")),
        ScreenMessage.builder("Home").userId("java-1"),
        GroupMessage.builder("group-1").userId("java-1").traits(Map.of("website", "https://example.com")),
        AliasMessage.builder("anon-previous").userId("java-1")));
    assertEquals(List.of(), failures);
    assertEquals(before + 6, calls.hitsTaken());
  }

  @Test
  void aBatchOfManyIsTakenWhole() throws Exception {
    long before = calls.hitsTaken();
    List<com.segment.analytics.messages.MessageBuilder<?, ?>> many = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      many.add(TrackMessage.builder("Viewed").anonymousId("anon-" + i));
    }
    assertEquals(List.of(), send(key, many));
    assertEquals(before + 300, calls.hitsTaken());
  }

  @Test
  void anUnknownWriteKeyFailsEveryMessage() throws Exception {
    long before = calls.hitsTaken();
    List<Throwable> failures = send("not-a-write-key-000000000000000",
        List.of(TrackMessage.builder("Viewed").anonymousId("anon")));
    assertEquals(1, failures.size());
    assertEquals(before, calls.hitsTaken());
  }

  /** The contact, with these properties and its company associations, read through the CRM API. */
  private JsonObject contact(String email, String properties) {
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/" + email + "?idProperty=email&properties="
        + properties + "&associations=companies");
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  @Test
  void theLibrarysCallsMakeTheContactItsEventsPageViewAndCompany() throws Exception {
    assertEquals(List.of(), send(key, List.of(
        IdentifyMessage.builder().userId("lib-1").traits(Map.of("email", "lib-1@example.com", "firstName", "Ada",
            "address", Map.of("city", "London"))),
        TrackMessage.builder("Order Completed").userId("lib-1").properties(Map.of("revenue", 42.5)),
        PageMessage.builder("Pricing").userId("lib-1").properties(Map.of("url", "https://shop.example/pricing")),
        GroupMessage.builder("grp-lib").userId("lib-1").traits(Map.of("website", "https://www.lib.example/",
            "name", "Lib Inc", "employees", 12)),
        AliasMessage.builder("anon-lib").userId("lib-1"),
        TrackMessage.builder("Signed In").anonymousId("anon-lib"))));
    server.awaitApplied();
    JsonObject found = contact("lib-1@example.com", "firstname,city,hs_analytics_num_event_completions,"
        + "hs_analytics_revenue,hs_analytics_num_page_views");
    JsonObject p = found.getJsonObject("properties");
    assertEquals(List.of("Ada", "London", "2", "42.5", "1"), List.of(p.getString("firstname"), p.getString("city"),
        p.getString("hs_analytics_num_event_completions"), p.getString("hs_analytics_revenue"),
        p.getString("hs_analytics_num_page_views")));
    SpoorClient.Answer company = client.get("/crm/v3/objects/companies/lib.example?idProperty=domain"
        + "&properties=name,numberofemployees,segment_group_id");
    assertEquals(200, company.status(), company.body());
    JsonObject c = company.json().getJsonObject("properties");
    assertEquals(List.of("Lib Inc", "12", "grp-lib"), List.of(c.getString("name"), c.getString("numberofemployees"),
        c.getString("segment_group_id")));
    assertEquals(company.json().getString("id"), found.getJsonObject("associations").getJsonObject("companies")
        .getJsonArray("results").getJsonObject(0).getString("id"));
  }
}
