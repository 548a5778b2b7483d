package io.spoor.forward;

import io.spoor.store.Transactor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each {@link ForwardCall} in HubSpot's API. A call of several requests (a company, then its
 * association) stops at the first that fails and answers it; requests that repeat what the
 * remote already has are harmless, so a call tried again starts over.
 */
final class HubSpotCalls {
  static final String CONTACTS = "/crm/v3/objects/contacts";
  static final String COMPANIES = "/crm/v3/objects/companies";
  static final String COMPANY_ID = "company";
  /** The remote id of a company by the Segment group id it was forwarded for. */
  static final String GROUP_COMPANY_ID = "company_group";
  private final Transactor tx;
  private final ForwardStore store;

  HubSpotCalls(Transactor tx, ForwardStore store) {
    this.tx = tx;
    this.store = store;
  }

  /** One contact per email, created or updated, in one request; the input's trace id is its email. */
  RemoteAnswer upsertContacts(Exchange ex, ForwardTarget t, Map<String, Map<String, String>> byEmail) {
    JsonArray inputs = new JsonArray();
    byEmail.forEach((email, properties) -> inputs.add(new JsonObject().put("id", email).put("idProperty", "email")
        .put("objectWriteTraceId", email).put("properties", json(properties))));
    return ex.send("POST", t.baseUrl() + CONTACTS + "/batch/upsert", Optional.of(new JsonObject().put("inputs", inputs)),
        true);
  }

  RemoteAnswer send(Exchange ex, ForwardTarget t, ForwardCall call) {
    if (call instanceof ForwardCall.UpsertContact c) {
      return upsertContact(ex, t, c.email(), c.properties());
    }
    if (call instanceof ForwardCall.TrackEvent e) {
      return trackEvent(ex, t, e);
    }
    if (call instanceof ForwardCall.SendBehavioralEvent b) {
      JsonObject body = new JsonObject().put("eventName", b.eventName()).put("email", b.email())
          .put("properties", json(b.properties())).put("occurredAt", Instant.ofEpochMilli(b.occurredAt()).toString())
          .put("uuid", b.uuid());
      return ex.send("POST", t.baseUrl() + "/events/v3/send", Optional.of(body), true);
    }
    return upsertCompany(ex, t, (ForwardCall.UpsertCompany) call);
  }

  private RemoteAnswer upsertContact(Exchange ex, ForwardTarget t, String email, Map<String, String> properties) {
    JsonObject body = new JsonObject().put("properties", json(properties));
    RemoteAnswer patched = ex.send("PATCH", t.baseUrl() + CONTACTS + "/" + encode(email) + "?idProperty=email",
        Optional.of(body), true);
    if (patched.status() != 404) {
      return patched;
    }
    JsonObject created = new JsonObject().put("properties", json(properties).put("email", email));
    return ex.send("POST", t.baseUrl() + CONTACTS, Optional.of(created), true);
  }

  private static RemoteAnswer trackEvent(Exchange ex, ForwardTarget t, ForwardCall.TrackEvent e) {
    StringBuilder url = new StringBuilder(t.trackingUrl()).append("/v1/event?_a=").append(t.remoteHubId())
        .append("&_n=").append(encode(e.eventRef())).append("&email=").append(encode(e.email()));
    e.value().ifPresent(v -> url.append("&_m=").append(encode(v)));
    e.contactProperties().forEach((name, value) -> url.append('&').append(encode(name)).append('=')
        .append(encode(value)));
    return ex.send("GET", url.toString(), Optional.empty(), false);
  }

  /**
   * The company by the remote id remembered for its group id, else for its domain, else found
   * by domain, else created; then the contact's association with it. A group whose website
   * changed so reaches the company its group id was forwarded to before.
   */
  private RemoteAnswer upsertCompany(Exchange ex, ForwardTarget t, ForwardCall.UpsertCompany c) {
    JsonObject properties = json(c.properties()).put("domain", c.domain());
    Optional<String> known = tx.read(() -> c.groupId().flatMap(g -> store.remoteId(t.hubId(), GROUP_COMPANY_ID, g))
        .or(() -> store.remoteId(t.hubId(), COMPANY_ID, c.domain())));
    RemoteAnswer written;
    if (known.isPresent()) {
      written = ex.send("PATCH", t.baseUrl() + COMPANIES + "/" + encode(known.get()),
          Optional.of(new JsonObject().put("properties", properties)), true);
      if (written.status() == 404) {
        tx.inTransaction(() -> {
          store.forgetRemoteId(t.hubId(), COMPANY_ID, c.domain());
          c.groupId().ifPresent(g -> store.forgetRemoteId(t.hubId(), GROUP_COMPANY_ID, g));
          return null;
        });
        return upsertCompany(ex, t, c);
      }
    } else {
      written = findOrCreate(ex, t, c.domain(), properties);
    }
    if (!written.ok()) {
      return written;
    }
    String companyId = written.json().getString("id", known.orElse(""));
    tx.inTransaction(() -> {
      store.rememberRemoteId(t.hubId(), COMPANY_ID, c.domain(), companyId);
      c.groupId().ifPresent(g -> store.rememberRemoteId(t.hubId(), GROUP_COMPANY_ID, g, companyId));
      return null;
    });
    if (c.contactEmail().isEmpty()) {
      return written;
    }
    RemoteAnswer contact = ex.send("GET", t.baseUrl() + CONTACTS + "/" + encode(c.contactEmail().get())
        + "?idProperty=email", Optional.empty(), true);
    if (!contact.ok()) {
      return contact;
    }
    return ex.send("PUT", t.baseUrl() + "/crm/v4/objects/contacts/" + encode(contact.json().getString("id", ""))
        + "/associations/default/companies/" + encode(companyId), Optional.empty(), true);
  }

  private RemoteAnswer findOrCreate(Exchange ex, ForwardTarget t, String domain, JsonObject properties) {
    JsonObject search = new JsonObject().put("filterGroups", new JsonArray().add(new JsonObject().put("filters",
        new JsonArray().add(new JsonObject().put("propertyName", "domain").put("operator", "EQ")
            .put("value", domain))))).put("limit", 1).put("properties", new JsonArray(List.of("domain")));
    RemoteAnswer found = ex.send("POST", t.baseUrl() + COMPANIES + "/search", Optional.of(search), true);
    if (!found.ok()) {
      return found;
    }
    JsonArray results = found.json().getJsonArray("results", new JsonArray());
    JsonObject body = new JsonObject().put("properties", properties);
    if (results.isEmpty()) {
      return ex.send("POST", t.baseUrl() + COMPANIES, Optional.of(body), true);
    }
    String id = results.getJsonObject(0).getString("id");
    return ex.send("PATCH", t.baseUrl() + COMPANIES + "/" + encode(id), Optional.of(body), true);
  }

  private static JsonObject json(Map<String, String> values) {
    JsonObject json = new JsonObject();
    values.forEach(json::put);
    return json;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
