package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.portal.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One contact at a time: {@code POST}, {@code PATCH}, {@code DELETE}, and the list. */
final class ContactObjectRoutes implements Routes {
  private static final String PATH = ContactApiRoutes.PATH;

  private final Contacts contacts;
  private final ContactWrites writes;

  ContactObjectRoutes(Contacts contacts, ContactWrites writes) {
    this.contacts = contacts;
    this.writes = writes;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(PATH).handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      refuseAssociations(body);
      Map<String, String> properties = ContactJson.properties(body);
      http.respond(ctx, () -> writes.create(portal(ctx), properties),
          (c, contact) -> Http.json(c, 201, ContactJson.written(contact)));
    });
    router.patch(PATH + "/:id").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      Map<String, String> properties = ContactJson.properties(Http.jsonBody(ctx));
      Optional<String> idProperty = Optional.ofNullable(ctx.queryParams().get("idProperty"));
      http.respond(ctx, () -> writes.update(portal(ctx), ctx.pathParam("id"), idProperty, properties),
          (c, contact) -> Http.json(c, 200, ContactJson.written(contact)));
    });
    router.delete(PATH + "/:id").handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx ->
        http.respond(ctx, () -> {
          writes.archiveAll(portal(ctx), List.of(ctx.pathParam("id")));
          return true;
        }, (c, done) -> c.response().setStatusCode(204).end()));
    router.get(PATH).handler(http.requires(Scope.CONTACTS_READ)).handler(ctx -> list(ctx, http));
  }

  private void list(RoutingContext ctx, Http http) {
    int limit = ContactRoutes.intParam(ctx, "limit", 10, 1, 100);
    Optional<String> after = Optional.ofNullable(ctx.queryParams().get("after"));
    Set<String> names = ContactJson.names(ctx.queryParam("properties"), ContactProperties.DEFAULT_READ);
    http.respond(ctx, () -> contacts.list(portal(ctx), after, limit), (c, page) -> {
      JsonArray results = new JsonArray();
      page.results().forEach(contact -> results.add(ContactView.render(contact, names)));
      JsonObject body = new JsonObject().put("results", results);
      page.next().ifPresent(next -> body.put("paging", new JsonObject().put("next", new JsonObject()
          .put("after", Long.toString(next)).put("link", link(c, next)))));
      Http.json(c, 200, body);
    });
  }

  /** The same list from the next cursor on, as an absolute URL. */
  private static String link(RoutingContext ctx, long next) {
    String uri = ctx.request().absoluteURI();
    int query = uri.indexOf('?');
    StringBuilder link = new StringBuilder(query < 0 ? uri : uri.substring(0, query)).append("?after=").append(next);
    ctx.queryParams().forEach(e -> {
      if (!e.getKey().equals("after")) {
        link.append('&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      }
    });
    return link.toString();
  }

  /** Associations are made with the associations API; refusing them here drops nothing silently. */
  private static void refuseAssociations(JsonObject body) {
    Object associations = body.getValue("associations");
    if (associations instanceof JsonArray list && !list.isEmpty()) {
      throw new InvalidInputException("associations on create are not supported yet; "
          + "create the contact, then associate it with the associations API");
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long portal(RoutingContext ctx) {
    return Http.principal(ctx).portalId();
  }
}
