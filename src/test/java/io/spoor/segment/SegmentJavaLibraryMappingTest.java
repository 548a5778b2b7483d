package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.segment.analytics.Analytics;
import com.segment.analytics.Callback;
import com.segment.analytics.messages.AliasMessage;
import com.segment.analytics.messages.GroupMessage;
import com.segment.analytics.messages.IdentifyMessage;
import com.segment.analytics.messages.Message;
import com.segment.analytics.messages.MessageBuilder;
import com.segment.analytics.messages.PageMessage;
import com.segment.analytics.messages.TrackMessage;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Segment's official Java library against a running Spoor, read back through the CRM API: the
 * contact, its properties and analytics, the company and the association its calls map to.
 */
class SegmentJavaLibraryMappingTest extends SpoorPerClass {

  private void send(List<MessageBuilder<?, ?>> messages) throws InterruptedException {
    String key = new SegmentCalls(server, client).newWriteKey();
    CountDownLatch done = new CountDownLatch(messages.size());
    AtomicInteger failed = new AtomicInteger();
    Analytics analytics = Analytics.builder(key).endpoint(client.base()).retries(1).callback(new Callback() {
      @Override
      public void success(Message message) {
        done.countDown();
      }

      @Override
      public void failure(Message message, Throwable why) {
        failed.incrementAndGet();
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
    assertEquals(0, failed.get());
    server.awaitApplied();
  }

  private JsonObject contact(String email, String properties) {
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/" + email + "?idProperty=email&properties="
        + properties + "&associations=companies");
    assertEquals(200, answer.status(), answer.body());
    return answer.json();
  }

  @Test
  void theLibrarysCallsMakeTheContactItsEventsPageViewAndCompany() throws Exception {
    send(List.of(
        IdentifyMessage.builder().userId("lib-1").traits(Map.of("email", "lib-1@example.com", "firstName", "Ada",
            "address", Map.of("city", "London"))),
        TrackMessage.builder("Order Completed").userId("lib-1").properties(Map.of("revenue", 42.5)),
        PageMessage.builder("Pricing").userId("lib-1").properties(Map.of("url", "https://shop.example/pricing")),
        GroupMessage.builder("grp-lib").userId("lib-1").traits(Map.of("website", "https://www.lib.example/",
            "name", "Lib Inc", "employees", 12)),
        AliasMessage.builder("anon-lib").userId("lib-1"),
        TrackMessage.builder("Signed In").anonymousId("anon-lib")));
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
