package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.spoor.testkit.RunningSpoor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/** Tracker-script requests are measured under their own routes, not as unmatched. */
class TrackerScriptLatencyTest {
  @Test
  void bothTrackerScriptUrlsAreCountedUnderTheirRouteInTheLatencyHistogram() {
    try (RunningSpoor spoor = RunningSpoor.start()) {
      assertEquals(200, spoor.client().raw("/1.js", Map.of()).statusCode());
      assertEquals(200, spoor.client().raw("/analytics/1700000000000/1.js", Map.of()).statusCode());

      String metrics = new FluentWait<>(spoor).withTimeout(Duration.ofSeconds(10))
          .pollingEvery(Duration.ofMillis(50)).until(s -> {
            String text = s.client().get("/metrics").body();
            return text.contains("spoor_http_request_seconds_count{route=\"/{hubId}.js\",status=\"200\"} 1")
                && text.contains("spoor_http_request_seconds_count{route=\"/analytics/{cacheBuster}/{hubId}.js\","
                    + "status=\"200\"} 1") ? text : null;
          });
      assertFalse(metrics.contains("route=\"unmatched\""), metrics);
    }
  }
}
