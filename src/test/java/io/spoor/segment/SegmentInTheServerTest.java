package io.spoor.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The server applies Segment messages from its ingest log: the applier is wired in. */
class SegmentInTheServerTest extends SpoorPerClass {

  @Test
  void anIdentifyInTheServersLogMakesItsContact() {
    server.spoor().ingestLog().append(SegmentFixture.hit("{\"type\":\"identify\",\"userId\":\"u1\","
        + "\"traits\":{\"email\":\"wired@example.com\",\"first_name\":\"Wire\"}}")).join();
    server.awaitApplied();
    SpoorClient.Answer answer = client.get("/crm/v3/objects/contacts/wired@example.com?idProperty=email"
        + "&properties=firstname");
    assertEquals(200, answer.status(), answer.body());
    JsonObject properties = answer.json().getJsonObject("properties");
    assertEquals("Wire", properties.getString("firstname"));
  }
}
