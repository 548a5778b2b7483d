package io.spoor.app;

import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;
import java.util.Locale;

/**
 * The OpenAPI document of everything Spoor serves, at {@code /api/openapi.json}. Every mounted
 * route must be listed here (a test compares the two), with the scope it needs.
 */
final class OpenApiDocument implements Routes {
  /** One documented operation. {@code scope} is null for unauthenticated endpoints. */
  record Operation(String method, String path, String tag, String summary, String scope) {
  }

  static final List<Operation> OPERATIONS = List.of(
      op("GET", "/v1/event", "Events HTTP API", "Record an event for a contact (answers a GIF)", null),
      op("GET", "/v1/event/", "Events HTTP API", "Same as /v1/event", null),
      op("GET", "/{hubId}.js", "Tracking code", "The tracker script (embed snippet URL)", null),
      op("GET", "/analytics/{cacheBuster}/{hubId}.js", "Tracking code", "The tracker script (analytics URL)", null),
      op("GET", "/__ptq.gif", "Tracking code", "Page view (k=1), event (k=3) or consent (k=28..30) beacon", null),
      op("GET", "/__ptbe.gif", "Tracking code", "Custom behavioural event beacon", null),
      op("GET", "/__ptc.gif", "Tracking code", "Click beacon", null),
      op("GET", "/__pto.gif", "Tracking code", "Tracker error report (counted)", null),
      op("GET", "/crm/v3/objects/contacts", "Contacts", "List contacts", "crm.objects.contacts.read"),
      op("POST", "/crm/v3/objects/contacts", "Contacts", "Create a contact", "crm.objects.contacts.write"),
      op("GET", "/crm/v3/objects/contacts/{id}", "Contacts", "Read a contact by id or idProperty",
          "crm.objects.contacts.read"),
      op("PATCH", "/crm/v3/objects/contacts/{id}", "Contacts", "Update a contact", "crm.objects.contacts.write"),
      op("DELETE", "/crm/v3/objects/contacts/{id}", "Contacts", "Archive a contact", "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/batch/create", "Contacts", "Create contacts", "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/batch/read", "Contacts", "Read contacts", "crm.objects.contacts.read"),
      op("POST", "/crm/v3/objects/contacts/batch/update", "Contacts", "Update contacts", "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/batch/upsert", "Contacts", "Create or update contacts by a unique "
          + "property", "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/batch/archive", "Contacts", "Archive contacts",
          "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/search", "Contacts", "Search contacts: filter groups, sorts, a text "
          + "query, paging", "crm.objects.contacts.read"),
      op("POST", "/crm/v3/objects/contacts/merge", "Contacts", "Merge a contact into another",
          "crm.objects.contacts.write"),
      op("POST", "/crm/v3/objects/contacts/gdpr-delete", "Contacts", "Erase a contact and its activity for good",
          "crm.objects.contacts.write"),
      op("GET", "/crm/v3/properties/{objectType}", "Properties", "List properties (built-in and custom)",
          "crm.schemas.contacts.read"),
      op("POST", "/crm/v3/properties/{objectType}", "Properties", "Create a custom property",
          "crm.schemas.contacts.write"),
      op("GET", "/crm/v3/properties/{objectType}/{name}", "Properties", "Read a property", "crm.schemas.contacts.read"),
      op("PATCH", "/crm/v3/properties/{objectType}/{name}", "Properties", "Change a custom property",
          "crm.schemas.contacts.write"),
      op("DELETE", "/crm/v3/properties/{objectType}/{name}", "Properties", "Archive a custom property",
          "crm.schemas.contacts.write"),
      op("GET", "/properties/v1/contacts/properties", "Properties", "Contact properties, legacy v1 shape",
          "crm.schemas.contacts.read"),
      op("PUT", "/crm/v3/objects/contacts/{id}/associations/{toType}/{toId}/{associationType}", "Associations",
          "Associate a contact with a company (v3; answers the contact)", "crm.objects.contacts.write"),
      op("GET", "/crm/v3/objects/companies", "Companies", "List companies", "crm.objects.companies.read"),
      op("POST", "/crm/v3/objects/companies", "Companies", "Create a company", "crm.objects.companies.write"),
      op("GET", "/crm/v3/objects/companies/{id}", "Companies", "Read a company by id or idProperty",
          "crm.objects.companies.read"),
      op("PATCH", "/crm/v3/objects/companies/{id}", "Companies", "Update a company", "crm.objects.companies.write"),
      op("DELETE", "/crm/v3/objects/companies/{id}", "Companies", "Archive a company",
          "crm.objects.companies.write"),
      op("POST", "/crm/v3/objects/companies/batch/create", "Companies", "Create companies",
          "crm.objects.companies.write"),
      op("POST", "/crm/v3/objects/companies/batch/read", "Companies", "Read companies", "crm.objects.companies.read"),
      op("POST", "/crm/v3/objects/companies/batch/update", "Companies", "Update companies",
          "crm.objects.companies.write"),
      op("POST", "/crm/v3/objects/companies/batch/upsert", "Companies", "Create or update companies by domain",
          "crm.objects.companies.write"),
      op("POST", "/crm/v3/objects/companies/batch/archive", "Companies", "Archive companies",
          "crm.objects.companies.write"),
      op("PUT", "/crm/v3/objects/companies/{id}/associations/{toType}/{toId}/{associationType}", "Associations",
          "Associate a company with a contact (v3, Segment's call; answers the company)",
          "crm.objects.companies.write"),
      op("PUT", "/crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}", "Associations",
          "Associate two objects with the default type (needs the from type's write scope)",
          "crm.objects.contacts.write"),
      op("GET", "/crm/v4/objects/{fromType}/{fromId}/associations/{toType}", "Associations",
          "List an object's associations of one type (needs the from type's read scope)",
          "crm.objects.contacts.read"),
      op("DELETE", "/crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}", "Associations",
          "Remove the association of two objects (needs the from type's write scope)",
          "crm.objects.contacts.write"),
      op("POST", "/contacts/v1/contact/createOrUpdate/email/{email}", "Contacts (legacy v1)",
          "Create or update a contact by email: {vid, isNew}", "crm.objects.contacts.write"),
      op("POST", "/contacts/v1/contact/batch", "Contacts (legacy v1)", "Create or update contacts by email (202)",
          "crm.objects.contacts.write"),
      op("POST", "/contacts/v1/contact/batch/", "Contacts (legacy v1)", "Same as /contacts/v1/contact/batch",
          "crm.objects.contacts.write"),
      op("GET", "/api/v1/contacts/{id}/timeline", "Contacts", "A contact's events and page views, newest first",
          "crm.objects.contacts.read"),
      op("GET", "/api/v1/visitors/{utk}", "Visitors", "A visitor by its token", "crm.objects.contacts.read"),
      op("POST", "/crm/v3/objects/companies/search", "Companies", "Search companies: filter groups, sorts, a text "
          + "query, paging", "crm.objects.companies.read"),
      op("POST", "/events/v3/event-definitions", "Behavioural events", "Define an event",
          "behavioral_events.event_definitions.read_write"),
      op("GET", "/events/v3/event-definitions", "Behavioural events", "List definitions",
          "behavioral_events.event_definitions.read_write"),
      op("GET", "/events/v3/event-definitions/{name}", "Behavioural events", "Read a definition",
          "behavioral_events.event_definitions.read_write"),
      op("PATCH", "/events/v3/event-definitions/{name}", "Behavioural events", "Change a definition",
          "behavioral_events.event_definitions.read_write"),
      op("DELETE", "/events/v3/event-definitions/{name}", "Behavioural events", "Delete a definition",
          "behavioral_events.event_definitions.read_write"),
      op("POST", "/events/v3/send", "Behavioural events", "Send an event", "analytics.behavioral_events.send"),
      op("POST", "/events/v3/send/batch", "Behavioural events", "Send events", "analytics.behavioral_events.send"),
      op("POST", "/api/v1/event-definitions", "Events", "Create an app event", "behavioral_events.event_definitions.read_write"),
      op("GET", "/api/v1/event-definitions", "Events", "List events with completion counts",
          "behavioral_events.event_definitions.read_write"),
      op("DELETE", "/api/v1/event-definitions/{id}", "Events", "Delete an event",
          "behavioral_events.event_definitions.read_write"),
      op("GET", "/api/v1/portal", "Portal", "The token's portal and its settings", "spoor.admin"),
      op("PATCH", "/api/v1/portal", "Portal", "Change portal settings", "spoor.admin"),
      op("GET", "/api/v1/rejections", "Portal", "Hits, or parts, not applied, with reasons", "spoor.admin"),
      op("POST", "/api/v1/tokens", "Portal", "Issue a private-app token", "spoor.admin"),
      op("GET", "/api/v1/tokens", "Portal", "List tokens", "spoor.admin"),
      op("DELETE", "/api/v1/tokens/{id}", "Portal", "Revoke a token", "spoor.admin"),
      op("GET", "/healthz", "Operations", "The process answers", null),
      op("GET", "/readyz", "Operations", "The store answers", null),
      op("GET", "/metrics", "Operations", "Prometheus metrics", null),
      op("GET", "/api/openapi.json", "Operations", "This document", null),
      op("POST", "/v1/identify", "Segment", "Segment Tracking API: one identify message (write key as Basic user)", null),
      op("POST", "/v1/identify/", "Segment", "Same as /v1/identify", null),
      op("POST", "/v1/track", "Segment", "Segment Tracking API: one track message (write key as Basic user)", null),
      op("POST", "/v1/track/", "Segment", "Same as /v1/track", null),
      op("POST", "/v1/page", "Segment", "Segment Tracking API: one page message (write key as Basic user)", null),
      op("POST", "/v1/page/", "Segment", "Same as /v1/page", null),
      op("POST", "/v1/screen", "Segment", "Segment Tracking API: one screen message (write key as Basic user)", null),
      op("POST", "/v1/screen/", "Segment", "Same as /v1/screen", null),
      op("POST", "/v1/group", "Segment", "Segment Tracking API: one group message (write key as Basic user)", null),
      op("POST", "/v1/group/", "Segment", "Same as /v1/group", null),
      op("POST", "/v1/alias", "Segment", "Segment Tracking API: one alias message (write key as Basic user)", null),
      op("POST", "/v1/alias/", "Segment", "Same as /v1/alias", null),
      op("POST", "/v1/batch", "Segment", "Segment Tracking API: a batch of messages", null),
      op("POST", "/v1/batch/", "Segment", "Same as /v1/batch", null),
      op("POST", "/v1/import", "Segment", "Same as /v1/batch (analytics-java posts here)", null),
      op("POST", "/v1/import/", "Segment", "Same as /v1/batch", null),
      op("POST", "/api/v1/write-keys", "Segment", "Create a Segment write key (shown once)", "spoor.admin"),
      op("GET", "/api/v1/write-keys", "Segment", "List write keys", "spoor.admin"),
      op("DELETE", "/api/v1/write-keys/{id}", "Segment", "Revoke a write key", "spoor.admin"));

  private static Operation op(String method, String path, String tag, String summary, String scope) {
    return new Operation(method, path, tag, summary, scope);
  }

  @Override
  public void mount(Router router, Http http) {
    JsonObject document = document();
    router.get("/api/openapi.json").handler(ctx -> Http.json(ctx, 200, document));
  }

  static JsonObject document() {
    JsonObject paths = new JsonObject();
    for (Operation op : OPERATIONS) {
      JsonObject operation = new JsonObject().put("tags", new JsonArray().add(op.tag()))
          .put("summary", op.summary()).put("responses", new JsonObject()
              .put("default", new JsonObject().put("description", "HubSpot's shapes; errors in HubSpot's model")));
      if (op.scope() != null) {
        operation.put("security", new JsonArray().add(new JsonObject().put("privateAppToken", new JsonArray())))
            .put("x-required-scopes", new JsonArray().add(op.scope()));
      }
      JsonObject path = paths.getJsonObject(op.path(), new JsonObject());
      paths.put(op.path(), path.put(op.method().toLowerCase(Locale.ROOT), operation));
    }
    return new JsonObject().put("openapi", "3.0.3")
        .put("info", new JsonObject().put("title", "Spoor").put("version", "0.1.0").put("description",
            "Self-hosted, HubSpot-compatible visitor and event tracking"))
        .put("paths", paths)
        .put("components", new JsonObject().put("securitySchemes", new JsonObject().put("privateAppToken",
            new JsonObject().put("type", "http").put("scheme", "bearer"))));
  }
}
