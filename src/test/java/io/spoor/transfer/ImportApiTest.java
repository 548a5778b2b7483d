package io.spoor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.Polling;
import io.spoor.testkit.RunningSpoor;
import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /api/v1/imports and GET /api/v1/imports/{id} over real HTTP, checked against the contacts they made. */
class ImportApiTest extends SpoorPerClass {

  @BeforeAll
  static void scoreProperty() {
    Answer created = client.send("POST", "/crm/v3/properties/contacts", new JsonObject().put("name", "score")
        .put("label", "Score").put("type", "number").put("fieldType", "number").put("groupName", "contactinformation"));
    assertEquals(201, created.status(), created.body());
  }

  @Test
  void goodRowsBecomeContactsAndBadRowsAreReportedByRowAndColumn() {
    String csv = "E-mail,Given name,Score,Notes\r\n"
        + "ann@example.com,Ann,10,ignored\r\n"
        + "not-an-email,Bob,3,\r\n"
        + "cy@example.com,\"Cy, Jr.\",12.5,\r\n"
        + "dee@example.com,Dee,lots,\r\n"
        + "short@example.com,Short\r\n"
        + "eve@example.com,,7,\r\n";
    JsonObject status = finished(start(client, csv, Map.of("E-mail", "email", "Given name", "firstname",
        "Score", "score", "Notes", "")));

    assertEquals("done", status.getString("status"));
    assertEquals(6, status.getLong("totalRows"));
    assertEquals(6, status.getLong("processedRows"));
    assertEquals(3, status.getLong("created"));
    assertEquals(0, status.getLong("updated"));
    assertEquals(3, status.getLong("failedRows"));
    JsonArray problems = status.getJsonArray("problems");
    assertEquals(3, problems.size(), problems.encodePrettily());
    assertProblem(problems.getJsonObject(0), 3, "E-mail", "not-an-email");
    assertProblem(problems.getJsonObject(1), 5, "Score", "lots");
    assertProblem(problems.getJsonObject(2), 6, "", "2 cells");

    assertEquals(Map.of("firstname", "Ann", "score", "10"), contact("ann@example.com"));
    assertEquals(Map.of("firstname", "Cy, Jr.", "score", "12.5"), contact("cy@example.com"));
    assertEquals(Map.of("score", "7"), contact("eve@example.com"));
    assertEquals(404, client.get("/crm/v3/objects/contacts/dee%40example.com?idProperty=email").status());
  }

  @Test
  void aRowWhoseEmailIsTakenUpdatesThatContactAndABlankCellLeavesAValueAlone() {
    client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "kept@example.com").put("firstname", "Kept").put("score", "1")));
    JsonObject status = finished(start(client, "email,firstname,score\nKEPT@example.com,,5\nkept@example.com,Again,\n",
        null));

    assertEquals(0, status.getLong("created"), status.encodePrettily());
    assertEquals(2, status.getLong("updated"));
    assertEquals(Map.of("firstname", "Again", "score", "5"), contact("kept@example.com"));
  }

  @Test
  void withoutAMappingEachHeaderNamesItsPropertyAndRowsWithoutEmailCreateContacts() {
    JsonObject status = finished(start(client, "First Name,Last Name\nNo,Email\n", null));
    assertEquals(1, status.getLong("created"), status.encodePrettily());
    assertEquals(new JsonObject().put("First Name", "firstname").put("Last Name", "lastname"),
        status.getJsonObject("mapping"));
  }

  @Test
  void aMappingNamingAColumnTheFileLacksIsRefusedAndNothingIsQueued() {
    Answer answer = client.sendRaw("POST", "/api/v1/imports?mapping=" + encode("{\"Mail\":\"email\"}"),
        "text/csv", "email\na@example.com\n");
    assertEquals(400, answer.status(), answer.body());
    assertTrue(answer.json().getString("message").contains("\"Mail\""), answer.body());
    assertEquals(400, client.sendRaw("POST", "/api/v1/imports", "text/csv", "").status());
    assertEquals(400, client.sendRaw("POST", "/api/v1/imports", "application/json", "{}").status());
  }

  @Test
  void importsNeedTheContactsWriteScopeAndArePrivateToTheirPortal() {
    SpoorClient reader = server.scoped(Set.of(Scope.CONTACTS_READ));
    assertEquals(403, reader.sendRaw("POST", "/api/v1/imports", "text/csv", "email\nx@example.com\n").status());
    String id = start(client, "email\nmine@example.com\n", null).getString("id");
    assertEquals(404, secondPortal().get("/api/v1/imports/" + id).status());
    assertEquals(404, client.get("/api/v1/imports/999999").status());
  }

  @Test
  void aFileOverTheByteLimitOrTheRowLimitIsRefusedWith413AndNothingIsImported() {
    try (RunningSpoor small = RunningSpoor.start(Map.of("import-max-bytes", "60", "import-max-rows", "2"))) {
      SpoorClient c = small.client();
      Answer big = c.sendRaw("POST", "/api/v1/imports", "text/csv", "email\n" + "x".repeat(100) + "@example.com\n");
      assertEquals(413, big.status(), big.body());
      Answer rows = c.sendRaw("POST", "/api/v1/imports", "text/csv", "email\na@example.com\nb@example.com\n"
          + "c@example.com\n");
      assertEquals(413, rows.status(), rows.body());
      assertTrue(rows.json().getString("message").contains("--import-max-rows"), rows.body());
      assertEquals(0, c.get("/crm/v3/objects/contacts").json().getJsonArray("results").size());
      String metrics = c.get("/metrics").body();
      assertTrue(metrics.contains("spoor_import_refused_total{limit=\"bytes\"} 1"), metrics);
      assertTrue(metrics.contains("spoor_import_refused_total{limit=\"rows\"} 1"), metrics);
    }
  }

  @Test
  void aThousandRowsAreAllImportedAndCountedAsSent() {
    StringBuilder csv = new StringBuilder("email,score\n");
    for (int i = 0; i < 1_000; i++) {
      csv.append("bulk").append(i).append("@example.com,").append(i).append('\n');
    }
    JsonObject status = finished(start(client, csv.toString(), null));
    assertEquals(1_000, status.getLong("created"), status.encodePrettily());
    assertEquals(0, status.getLong("failedRows"));
    assertEquals(Map.of("score", "999"), contact("bulk999@example.com"));
  }

  private static void assertProblem(JsonObject problem, long row, String column, String reasonContains) {
    assertEquals(row, problem.getLong("row"), problem.encode());
    assertEquals(column, problem.getString("column"), problem.encode());
    assertTrue(problem.getString("reason").contains(reasonContains), problem.encode());
  }

  static JsonObject start(SpoorClient c, String csv, Map<String, String> mapping) {
    String query = mapping == null ? "" : "?mapping=" + encode(new JsonObject(Map.copyOf(mapping)).encode());
    Answer answer = c.sendRaw("POST", "/api/v1/imports" + query, "text/csv", csv);
    assertEquals(202, answer.status(), answer.body());
    return answer.json();
  }

  private static JsonObject finished(JsonObject started) {
    String id = started.getString("id");
    return Polling.until("import " + id + " finished", Duration.ofSeconds(30),
        () -> client.get("/api/v1/imports/" + id).json(),
        s -> s.getString("status").equals("done") || s.getString("status").equals("failed"));
  }

  /** The contact's firstname and score, as the API reads them (unset ones absent). */
  private static Map<String, String> contact(String email) {
    Answer answer = client.get("/crm/v3/objects/contacts/" + encode(email) + "?idProperty=email"
        + "&properties=firstname,score");
    assertEquals(200, answer.status(), answer.body());
    JsonObject p = answer.json().getJsonObject("properties");
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (String name : List.of("firstname", "score")) {
      if (p.getString(name) != null) {
        out.put(name, p.getString(name));
      }
    }
    return out;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
