package io.spoor.crm.object;

import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Contact reads: the CRM v3 object by id or email ({@link ObjectReadRoute}), and Spoor's contact timeline. */
public final class ContactRoutes implements Routes {
  private final Contacts contacts;
  private final ContactTimeline timeline;

  public ContactRoutes(Contacts contacts, ContactTimeline timeline) {
    this.contacts = contacts;
    this.timeline = timeline;
  }

  @Override
  public void mount(Router router, Http http) {
    new ObjectReadRoute<>(contacts).mount(router, http);
    router.get("/api/v1/contacts/:id/timeline").handler(http.requires(Scope.CONTACTS_READ))
        .handler(ctx -> http.respond(ctx, () -> timeline.page(Http.principal(ctx).portalId(),
            ctx.pathParam("id"), idProperty(ctx), Paging.number(ctx, "limit", 50, 1, 500),
            Paging.number(ctx, "after", 0, 0, Integer.MAX_VALUE)), ContactRoutes::renderTimeline));
  }

  private static Optional<String> idProperty(RoutingContext ctx) {
    return Optional.ofNullable(ctx.queryParams().get("idProperty"));
  }

  private static void renderTimeline(RoutingContext ctx, ContactTimeline.Page page) {
    JsonArray results = new JsonArray();
    for (ContactTimeline.Entry entry : page.entries()) {
      JsonObject json = new JsonObject().put("occurredAt", Instant.ofEpochMilli(entry.at()).toString());
      entry.event().ifPresent(e -> {
        json.put("type", "EVENT").put("eventId", String.format("%012d", e.definitionId()))
            .put("eventName", e.eventName()).put("source", e.source());
        e.valueMicros().ifPresent(v -> json.put("value", BigDecimal.valueOf(v, 6).stripTrailingZeros().toPlainString()));
        if (!e.properties().isEmpty()) {
          json.put("properties", new JsonObject(new java.util.LinkedHashMap<>(e.properties())));
        }
      });
      entry.pageView().ifPresent(p -> json.put("type", "PAGE_VIEW").put("url", p.url()).put("path", p.path())
          .put("title", p.title()).put("referrer", p.referrer()).put("contentType", p.contentType())
          .put("canonicalUrl", p.canonicalUrl()).put("pageId", p.pageId()));
      results.add(json);
    }
    JsonObject body = new JsonObject().put("contactId", Long.toString(page.contactId()))
        .put("results", results);
    page.next().ifPresent(n -> body.put("paging", new JsonObject()
        .put("next", new JsonObject().put("after", Integer.toString(n)))));
    Http.json(ctx, 200, body);
  }
}
