package io.spoor.crm.object;

import static io.spoor.crm.ContactApi.create;
import static io.spoor.crm.ContactApi.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading contacts: what only contacts do. The reads both types share are in {@code ObjectReadApiTest}. */
class ContactReadApiTest extends SpoorPerClass {
  @Test
  void historyNamesTheTrackingSourceAndComputedValues() {
    String id = create(client, Map.of("email", "sources@example.com"));
    client.event("_a=1&_n=history_source&email=sources@example.com&jobtitle=Pilot");
    JsonObject history = get(client, id, "propertiesWithHistory=jobtitle,createdate").json()
        .getJsonObject("propertiesWithHistory");
    JsonObject jobtitle = history.getJsonArray("jobtitle").getJsonObject(0);
    assertEquals("Pilot", jobtitle.getString("value"));
    assertEquals("ANALYTICS", jobtitle.getString("sourceType"));
    assertEquals("events-http-api", jobtitle.getString("sourceId"));
    JsonObject createdate = history.getJsonArray("createdate").getJsonObject(0);
    assertEquals("CALCULATED", createdate.getString("sourceType"));
    assertTrue(createdate.getString("value").endsWith("Z"), createdate.encode());
  }
}
