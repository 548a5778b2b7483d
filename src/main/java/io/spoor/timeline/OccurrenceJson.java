package io.spoor.timeline;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;

/** An occurrence in HubSpot's shape: {@code objectType, objectId, eventType, occurredAt, id, properties}. */
final class OccurrenceJson {
  private OccurrenceJson() {
  }

  static JsonObject render(long contactId, Activity activity) {
    JsonObject json = new JsonObject().put("objectType", "CONTACT").put("objectId", Long.toString(contactId));
    JsonObject properties = new JsonObject();
    if (activity instanceof Activity.PageVisit p) {
      json.put("eventType", ContactActivity.PAGE_VIEW_TYPE).put("id", "pv-" + p.id());
      properties.put("hs_url", p.url()).put("hs_title", p.title()).put("hs_referrer", p.referrer())
          .put("hs_page_content_type", p.contentType())
          .put("hs_session_id", p.utk() + "." + p.sessionStart());
    } else if (activity instanceof Activity.EventDone e) {
      json.put("eventType", e.name()).put("id", "ev-" + e.id());
      e.properties().forEach(properties::put);
      e.valueMicros().ifPresent(v -> properties.put("hs_revenue", money(v)));
    }
    return json.put("occurredAt", Instant.ofEpochMilli(activity.at()).toString()).put("properties", properties);
  }

  /** Revenue micros as a decimal, without trailing zeros. */
  static String money(long micros) {
    return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
  }
}
