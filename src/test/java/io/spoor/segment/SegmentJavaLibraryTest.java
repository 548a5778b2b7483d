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
import io.spoor.testkit.SpoorPerClass;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Segment's official Java library ({@code com.segment.analytics.java:analytics}) pointed at a
 * running Spoor: it posts its batches to {@code /v1/import/} with the write key as HTTP Basic
 * user, and reads the answer's {@code success}. What it sends is taken and made durable.
 */
class SegmentJavaLibraryTest extends SpoorPerClass {
  private SegmentCalls calls;
  private String key;

  @BeforeEach
  void writeKey() {
    calls = new SegmentCalls(server, client);
    key = calls.newWriteKey();
  }

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
}
