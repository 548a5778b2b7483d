package io.spoor.dashboard.records;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.crm.Company;
import io.spoor.crm.Contact;
import io.spoor.crm.CrmObject;
import io.spoor.crm.object.ObjectReads;
import io.spoor.crm.object.ObjectWrites;
import io.spoor.crm.property.PropertyCatalog;
import io.spoor.crm.property.PropertyJson;
import io.spoor.crm.search.ObjectSearch;
import io.spoor.crm.search.SearchRoutes;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.events.EventDefinition;
import io.spoor.events.EventDefinitions;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.store.Transactor;
import io.spoor.timeline.Activity;
import io.spoor.timeline.ActivityStore;
import io.spoor.timeline.ContactActivity;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's records, under the session cookie, in the portal of {@code ?hubId=} (else the
 * user's first): {@code GET properties/{type}}, {@code POST search/{type}} (HubSpot's search body
 * and answer), {@code GET|PATCH records/{type}/{id}}, {@code GET contacts/{id}/timeline}, and
 * {@code GET|POST|DELETE event-definitions}; {@code type} is {@code contacts} or {@code companies}.
 * Viewers read; changes need an admin and the session's CSRF token.
 */
public final class RecordRoutes implements Routes {
  private static final String API = "/dashboard/api";

  private final DashboardAuth auth;
  private final Map<String, Side<?>> sides;
  private final Map<String, Records<?>> records;
  private final ContactActivity activity;
  private final DefinitionsPage definitions;

  /** One object type's reads, writes and search. */
  public record Side<T extends CrmObject>(ObjectReads<T> reads, ObjectWrites<T> writes, ObjectSearch<T> search) {
  }

  public RecordRoutes(DashboardAuth auth, Transactor tx, PropertyCatalog catalog, Side<Contact> contacts,
      Side<Company> companies, ContactActivity activity, EventDefinitions definitions, ActivityStore store) {
    this.auth = auth;
    this.sides = Map.of("contacts", contacts, "companies", companies);
    this.records = Map.of("contacts", new Records<>(contacts.reads(), catalog),
        "companies", new Records<>(companies.reads(), catalog));
    this.activity = activity;
    this.definitions = new DefinitionsPage(tx, definitions, store);
  }

  @Override
  public void mount(Router router, Http http) {
    router.get(API + "/properties/:type").handler(auth.signedIn()).handler(ctx -> {
      Records<?> of = records(ctx);
      long portal = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> of.definitions(portal), (c, list) -> {
        JsonArray results = new JsonArray();
        list.forEach(d -> results.add(PropertyJson.render(d).put("readOnly", d.readOnly())));
        Http.json(c, 200, new JsonObject().put("results", results));
      });
    });
    for (Map.Entry<String, Side<?>> side : sides.entrySet()) {
      router.post(API + "/search/" + side.getKey()).handler(http.body()).handler(auth.signedIn())
          .handler(SearchRoutes.handler(side.getValue().search(), http, DashboardAuth::portal));
    }
    router.get(API + "/records/:type/:id").handler(auth.signedIn()).handler(ctx -> read(ctx, http));
    router.patch(API + "/records/:type/:id").handler(http.body()).handler(auth.admin()).handler(ctx -> {
      Side<?> side = side(ctx);
      Map<String, String> properties = properties(Http.jsonBody(ctx));
      long portal = DashboardAuth.portal(ctx);
      String id = ctx.pathParam("id");
      http.respond(ctx, () -> side.writes().update(portal, id, Optional.empty(), properties),
          (c, written) -> read(c, http));
    });
    router.get(API + "/contacts/:id/timeline").handler(auth.signedIn()).handler(ctx -> {
      Set<Activity.Kind> kinds = kinds(ctx.queryParams().get("kinds"));
      int limit = Paging.number(ctx, "limit", 200, 1, ContactActivity.MAX_DEPTH);
      long portal = DashboardAuth.portal(ctx);
      String id = ctx.pathParam("id");
      http.respond(ctx, () -> activity.timeline(portal, activity.contact(portal, id,
          Optional.empty()).id(), kinds, limit), (c, timeline) -> Http.json(c, 200,
          RecordJson.timeline(timeline)));
    });
    mountDefinitions(router, http);
  }

  private void mountDefinitions(Router router, Http http) {
    String path = API + "/event-definitions";
    router.get(path).handler(auth.signedIn()).handler(ctx -> {
      long portal = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> definitions.list(portal), (c, list) -> {
        JsonArray results = new JsonArray();
        list.forEach(l -> results.add(definition(l.definition())
            .put("lastSeen", l.lastSeen().map(t -> Instant.ofEpochMilli(t).toString()).orElse(null))));
        Http.json(c, 200, new JsonObject().put("results", results));
      });
    });
    router.post(path).handler(http.body()).handler(auth.admin()).handler(ctx -> {
      String name = Http.jsonBody(ctx).getValue("name") instanceof String s ? s : "";
      long portal = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> definitions.create(portal, name), (c, d) -> Http.json(c, 201, definition(d)));
    });
    router.delete(path + "/:id").handler(auth.admin()).handler(ctx -> {
      String id = ctx.pathParam("id");
      long portal = DashboardAuth.portal(ctx);
      http.respond(ctx, () -> Ids.parse(id).map(n -> definitions.delete(portal, n)).orElse(false), (c, deleted) -> {
        if (!deleted) {
          throw new NotFoundException("No event definition with id " + id, id);
        }
        c.response().setStatusCode(204).end();
      });
    });
  }

  private void read(RoutingContext ctx, Http http) {
    String type = ctx.pathParam("type");
    Records<?> of = records(ctx);
    Records<?> linked = records.get(type.equals("contacts") ? "companies" : "contacts");
    long portal = DashboardAuth.portal(ctx);
    String id = ctx.pathParam("id");
    http.respond(ctx, () -> RecordJson.record(of.read(portal, id, linked), linked.type()),
        (c, json) -> Http.json(c, 200, json));
  }

  private static JsonObject definition(EventDefinition d) {
    return new JsonObject().put("id", d.displayId()).put("numericId", Long.toString(d.id())).put("name", d.name())
        .put("origin", d.origin().wireName()).put("completions", d.completions())
        .put("createdAt", d.createdAt().toString());
  }

  private Records<?> records(RoutingContext ctx) {
    Records<?> of = records.get(ctx.pathParam("type"));
    if (of == null) {
      throw new NotFoundException("No record type " + ctx.pathParam("type") + ": contacts or companies",
          ctx.pathParam("type"));
    }
    return of;
  }

  private Side<?> side(RoutingContext ctx) {
    records(ctx);
    return sides.get(ctx.pathParam("type"));
  }

  /** {@code {properties: {name: "value", …}}}: every value a string, "" to clear. */
  private static Map<String, String> properties(JsonObject body) {
    if (!(body.getValue("properties") instanceof JsonObject properties) || properties.isEmpty()) {
      throw new InvalidInputException("properties must be an object of property names and string values");
    }
    Map<String, String> values = new LinkedHashMap<>();
    properties.forEach(e -> {
      if (!(e.getValue() instanceof String value)) {
        throw new InvalidInputException("the value of " + e.getKey() + " must be a string");
      }
      values.put(e.getKey(), value);
    });
    return values;
  }

  /** {@code kinds=PAGE_VIEW,EVENT,IDENTIFY}: absent or empty for all. */
  private static Set<Activity.Kind> kinds(String raw) {
    Set<Activity.Kind> kinds = EnumSet.noneOf(Activity.Kind.class);
    if (raw == null || raw.isBlank()) {
      return kinds;
    }
    for (String name : raw.split(",")) {
      try {
        kinds.add(Activity.Kind.valueOf(name.trim()));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("kinds takes PAGE_VIEW, EVENT and IDENTIFY, comma-separated; not " + name);
      }
    }
    return kinds;
  }
}
