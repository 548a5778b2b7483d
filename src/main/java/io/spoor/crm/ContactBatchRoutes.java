package io.spoor.crm;

import io.spoor.InvalidInputException;
import io.spoor.crm.ContactStore.HistoryEntry;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.portal.Scope;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The batch calls: {@code create} (201), {@code read}, {@code update}, {@code upsert} (200),
 * 207 when some inputs failed; {@code archive} answers 204 with no body, as HubSpot's does.
 */
final class ContactBatchRoutes implements Routes {
  private static final String BATCH = ContactApiRoutes.PATH + "/batch/";

  private final Contacts contacts;
  private final ContactWrites writes;

  ContactBatchRoutes(Contacts contacts, ContactWrites writes) {
    this.contacts = contacts;
    this.writes = writes;
  }

  /** A batch read's contacts with the history asked for, by contact id. */
  private record Read(BatchResult<Contact> result, Map<Long, Map<String, List<HistoryEntry>>> history) {
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(BATCH + "create").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      List<ContactInput> inputs = ContactJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.createAll(portal(ctx), inputs),
          (c, result) -> answer(c, 201, result, w -> ContactJson.written(w, false)));
    });
    router.post(BATCH + "update").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      List<ContactInput> inputs = ContactJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.updateAll(portal(ctx), inputs),
          (c, result) -> answer(c, 200, result, w -> ContactJson.written(w, false)));
    });
    router.post(BATCH + "upsert").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      List<ContactInput> inputs = ContactJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.upsertAll(portal(ctx), inputs),
          (c, result) -> answer(c, 200, result, w -> ContactJson.written(w, true)));
    });
    router.post(BATCH + "archive").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
      List<String> ids = ids(Http.jsonBody(ctx));
      http.respond(ctx, () -> {
        writes.archiveAll(portal(ctx), ids);
        return true;
      }, (c, done) -> c.response().setStatusCode(204).end());
    });
    router.post(BATCH + "read").handler(http.body()).handler(http.requires(Scope.CONTACTS_READ))
        .handler(ctx -> read(ctx, http));
  }

  private void read(RoutingContext ctx, Http http) {
    JsonObject body = Http.jsonBody(ctx);
    List<String> ids = ids(body);
    Optional<String> idProperty = ContactJson.text("idProperty", body.getValue("idProperty"));
    Set<String> names = ContactJson.names(body, "properties", ContactProperties.DEFAULT_READ);
    Set<String> withHistory = ContactJson.names(body, "propertiesWithHistory", List.of());
    http.respond(ctx, () -> {
      BatchResult<Contact> result = contacts.readAll(portal(ctx), ids, idProperty);
      Map<Long, Map<String, List<HistoryEntry>>> history = new HashMap<>();
      if (!withHistory.isEmpty()) {
        result.results().forEach(contact -> history.put(contact.id(), contacts.history(contact, withHistory)));
      }
      return new Read(result, history);
    }, (c, read) -> answer(c, 200, read.result(), contact -> ContactJson.withHistory(
        ContactView.render(contact, names), read.history().getOrDefault(contact.id(), Map.of()))));
  }

  private static List<String> ids(JsonObject body) {
    return ContactJson.inputs(body).stream().map(input -> ContactJson.text("id", input.getValue("id"))
        .orElseThrow(() -> new InvalidInputException("every input needs an id"))).toList();
  }

  private static <T> void answer(RoutingContext ctx, int status, BatchResult<T> result,
      Function<T, JsonObject> render) {
    Http.json(ctx, result.errors().isEmpty() ? status : 207, ContactJson.batch(result, render));
  }

  private static long portal(RoutingContext ctx) {
    return Http.principal(ctx).portalId();
  }
}
