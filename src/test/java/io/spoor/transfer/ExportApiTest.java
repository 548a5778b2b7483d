package io.spoor.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.http.Scope;
import io.spoor.testkit.SpoorClient.Answer;
import io.spoor.testkit.SpoorPerClass;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /api/v1/exports/*.csv over real HTTP: every contact sent comes back once, as it was sent. */
class ExportApiTest extends SpoorPerClass {
  /** More than two of the export's pages, so paging is crossed. */
  private static final int CONTACTS = 2 * ObjectExport.PAGE + 37;

  @BeforeAll
  static void contacts() {
    for (int start = 0; start < CONTACTS; start += 100) {
      JsonArray inputs = new JsonArray();
      for (int i = start; i < Math.min(CONTACTS, start + 100); i++) {
        inputs.add(new JsonObject().put("properties", new JsonObject().put("email", "c" + i + "@example.com")
            .put("firstname", "First " + i).put("lastname", "Last, \"" + i + "\"")));
      }
      Answer created = client.send("POST", "/crm/v3/objects/contacts/batch/create", new JsonObject()
          .put("inputs", inputs));
      assertEquals(201, created.status(), created.body());
    }
    Answer formula = client.send("POST", "/crm/v3/objects/contacts", new JsonObject().put("properties",
        new JsonObject().put("email", "formula@example.com").put("firstname", "=HYPERLINK(\"http://evil\",\"x\")")
            .put("lastname", "two\nlines")));
    assertEquals(201, formula.status(), formula.body());
    client.send("POST", "/crm/v3/objects/companies", new JsonObject().put("properties",
        new JsonObject().put("domain", "acme.example").put("name", "Acme, Inc.")));
  }

  @Test
  void everyContactIsExportedOnceWithTheValuesItWasSentWith() throws IOException {
    Answer answer = client.get("/api/v1/exports/contacts.csv?properties=email,firstname,lastname");
    assertEquals(200, answer.status(), answer.body());
    assertTrue(answer.header("content-type").startsWith("text/csv"), answer.header("content-type"));
    assertTrue(answer.header("content-disposition").contains("filename=\"contacts.csv\""));
    List<List<String>> rows = read(answer.body());
    assertEquals(List.of("email", "firstname", "lastname"), rows.get(0));
    assertEquals(CONTACTS + 1, rows.size() - 1);
    assertEquals(Integer.toString(CONTACTS + 1), answer.header("x-total-count"));
    Map<String, List<String>> byEmail = new HashMap<>();
    rows.subList(1, rows.size()).forEach(r -> byEmail.put(r.get(0), r));
    assertEquals(CONTACTS + 1, byEmail.size());
    for (int i = 0; i < CONTACTS; i++) {
      assertEquals(List.of("c" + i + "@example.com", "First " + i, "Last, \"" + i + "\""),
          byEmail.get("c" + i + "@example.com"));
    }
  }

  @Test
  void aValueThatASpreadsheetWouldRunAsAFormulaIsExportedAsText() throws IOException {
    List<List<String>> rows = read(client.get("/api/v1/exports/contacts.csv?properties=email,firstname,lastname")
        .body());
    List<String> row = rows.stream().filter(r -> r.get(0).equals("formula@example.com")).findFirst().orElseThrow();
    assertEquals("'=HYPERLINK(\"http://evil\",\"x\")", row.get(1));
    assertEquals("two\nlines", row.get(2));
  }

  @Test
  void withoutPropertiesTheDefaultColumnsAreExportedAndCompaniesToo() throws IOException {
    List<String> header = read(client.get("/api/v1/exports/contacts.csv").body()).get(0);
    assertEquals("hs_object_id", header.get(0));
    assertTrue(header.containsAll(List.of("hs_object_id", "email", "firstname", "lastname", "createdate")), header
        .toString());
    List<List<String>> companies = read(client.get("/api/v1/exports/companies.csv?properties=domain,name").body());
    assertEquals(List.of(List.of("domain", "name"), List.of("acme.example", "Acme, Inc.")), companies);
  }

  @Test
  void anExportNeedsTheReadScopeOfItsType() {
    var companiesOnly = server.scoped(Set.of(Scope.COMPANIES_READ));
    assertEquals(403, companiesOnly.get("/api/v1/exports/contacts.csv").status());
    assertEquals(200, companiesOnly.get("/api/v1/exports/companies.csv").status());
    assertEquals(401, client.withToken("nope").get("/api/v1/exports/contacts.csv").status());
  }

  @Test
  void badPropertyNamesAreRefusedBeforeAnyRowIsSent() {
    Answer answer = client.get("/api/v1/exports/contacts.csv?properties=email,%3Cscript%3E");
    assertEquals(400, answer.status());
    assertTrue(answer.json().getString("message").contains("properties"), answer.body());
  }

  @Test
  void anotherPortalsExportHasNoneOfTheseContacts() throws IOException {
    List<List<String>> rows = read(secondPortal().get("/api/v1/exports/contacts.csv").body());
    assertEquals(1, rows.size());
  }

  static List<List<String>> read(String csv) throws IOException {
    Csv.Records records = new Csv.Records(new StringReader(csv));
    List<List<String>> rows = new ArrayList<>();
    Optional<List<String>> next;
    while ((next = records.next()).isPresent()) {
      rows.add(next.get());
    }
    return rows;
  }
}
