package io.spoor.forward;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.store.Database;
import io.spoor.testkit.TempStore;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A group's company in HubSpot's API, request by request, against a scripted remote. */
@ExtendWith(TempStore.class)
class CompanyForwardingTest {
  private static final ForwardTarget TARGET = new ForwardTarget(1, "https://api.example", "pat-token-0123456789",
      "https://track.example", 42, 10, 40_000, false);
  private static final ForwardCall.UpsertCompany GROUP = new ForwardCall.UpsertCompany("example.com",
      Optional.of("g1"), Map.of("name", "Example"), Optional.of("ann@example.com"));
  private HubSpotCalls calls;
  private final List<String> requests = new ArrayList<>();
  private final Map<String, RemoteAnswer> script = new java.util.HashMap<>();

  @BeforeEach
  void calls(Database db) {
    calls = new HubSpotCalls(db, new SqlForwardStore(db));
  }

  /** Answers each request by "METHOD path" from the script; 200 with an empty object when it has none. */
  private final Exchange remote = (method, url, body, authorized) -> {
    String request = method + " " + url.replace(TARGET.baseUrl(), "");
    requests.add(request);
    return script.getOrDefault(request, answer(200, new JsonObject()));
  };

  private static RemoteAnswer answer(int status, JsonObject body) {
    return new RemoteAnswer(status, Map.of(), body.encode());
  }

  @Test
  void aCompanyNotFoundByDomainIsCreatedThenAssociatedAndItsRemoteIdRemembered() {
    script.put("POST /crm/v3/objects/companies", answer(201, new JsonObject().put("id", "900")));
    script.put("GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        answer(200, new JsonObject().put("id", "55")));

    RemoteAnswer first = calls.send(remote, TARGET, GROUP);
    RemoteAnswer second = calls.send(remote, TARGET, GROUP);

    assertEquals(200, first.status());
    assertEquals(200, second.status());
    assertEquals(List.of("POST /crm/v3/objects/companies/search", "POST /crm/v3/objects/companies",
        "GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        "PUT /crm/v4/objects/contacts/55/associations/default/companies/900",
        "PATCH /crm/v3/objects/companies/900",
        "GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        "PUT /crm/v4/objects/contacts/55/associations/default/companies/900"), requests);
  }

  @Test
  void aCompanyFoundByDomainIsUpdatedNotCreatedAgain() {
    script.put("POST /crm/v3/objects/companies/search", answer(200, new JsonObject()
        .put("results", new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "901")))));
    script.put("PATCH /crm/v3/objects/companies/901", answer(200, new JsonObject().put("id", "901")));
    script.put("GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        answer(200, new JsonObject().put("id", "56")));

    calls.send(remote, TARGET, GROUP);

    assertEquals(List.of("POST /crm/v3/objects/companies/search", "PATCH /crm/v3/objects/companies/901",
        "GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        "PUT /crm/v4/objects/contacts/56/associations/default/companies/901"), requests);
  }

  @Test
  void aGroupWhoseWebsiteChangedReachesTheCompanyItsGroupIdWasForwardedTo() {
    script.put("POST /crm/v3/objects/companies", answer(201, new JsonObject().put("id", "900")));
    script.put("GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        answer(200, new JsonObject().put("id", "55")));
    calls.send(remote, TARGET, GROUP);
    requests.clear();

    ForwardCall.UpsertCompany moved = new ForwardCall.UpsertCompany("example.org", Optional.of("g1"),
        Map.of("name", "Example"), Optional.of("ann@example.com"));
    calls.send(remote, TARGET, moved);

    assertEquals(List.of("PATCH /crm/v3/objects/companies/900",
        "GET /crm/v3/objects/contacts/ann%40example.com?idProperty=email",
        "PUT /crm/v4/objects/contacts/55/associations/default/companies/900"), requests);
  }

  @Test
  void aGroupIdNotForwardedBeforeFallsBackToTheCompanyOfItsDomain() {
    script.put("POST /crm/v3/objects/companies", answer(201, new JsonObject().put("id", "900")));
    calls.send(remote, TARGET, new ForwardCall.UpsertCompany("example.com", Optional.empty(), Map.of(),
        Optional.empty()));
    requests.clear();

    calls.send(remote, TARGET, new ForwardCall.UpsertCompany("example.com", Optional.of("g2"), Map.of(),
        Optional.empty()));

    assertEquals(List.of("PATCH /crm/v3/objects/companies/900"), requests);
  }

  @Test
  void aFailingSearchStopsTheCallWithItsAnswer() {
    script.put("POST /crm/v3/objects/companies/search", answer(503, new JsonObject()));

    assertEquals(503, calls.send(remote, TARGET, GROUP).status());
    assertEquals(List.of("POST /crm/v3/objects/companies/search"), requests);
  }
}
