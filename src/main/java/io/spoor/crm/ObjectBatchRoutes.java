package io.spoor.crm;

import static io.spoor.crm.ObjectRoutes.portal;

import io.spoor.InvalidInputException;
import io.spoor.crm.ObjectStore.HistoryEntry;
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
final class ObjectBatchRoutes<T extends CrmObject> implements Routes {
  private final ObjectReads<T> reads;
  private final ObjectWrites<T> writes;
  private final String batch;
  private final Scope readScope;
  private final Scope writeScope;

  ObjectBatchRoutes(ObjectReads<T> reads, ObjectWrites<T> writes) {
    this.reads = reads;
    this.writes = writes;
    this.batch = ObjectRoutes.path(reads.type()) + "/batch/";
    this.readScope = ObjectRoutes.scope(reads.type(), false);
    this.writeScope = ObjectRoutes.scope(reads.type(), true);
  }

  /** A batch read's objects with the history asked for, by object id. */
  private record Read<O>(BatchResult<O> result, Map<Long, Map<String, List<HistoryEntry>>> history) {
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(batch + "create").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.createAll(portal(ctx), inputs),
          (c, result) -> answer(c, 201, result, w -> written(w, false)));
    });
    router.post(batch + "update").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.updateAll(portal(ctx), inputs),
          (c, result) -> answer(c, 200, result, w -> written(w, false)));
    });
    router.post(batch + "upsert").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      http.respond(ctx, () -> writes.upsertAll(portal(ctx), inputs),
          (c, result) -> answer(c, 200, result, w -> written(w, true)));
    });
    router.post(batch + "archive").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<String> ids = ids(Http.jsonBody(ctx));
      http.respond(ctx, () -> {
        writes.archiveAll(portal(ctx), ids);
        return true;
      }, (c, done) -> c.response().setStatusCode(204).end());
    });
    router.post(batch + "read").handler(http.body()).handler(http.requires(readScope))
        .handler(ctx -> read(ctx, http));
  }

  private void read(RoutingContext ctx, Http http) {
    JsonObject body = Http.jsonBody(ctx);
    List<String> ids = ids(body);
    Optional<String> idProperty = ObjectJson.text("idProperty", body.getValue("idProperty"));
    Set<String> names = ObjectJson.names(body, "properties", reads.type().defaultRead());
    Set<String> withHistory = ObjectJson.names(body, "propertiesWithHistory", List.of());
    http.respond(ctx, () -> {
      BatchResult<T> result = reads.readAll(portal(ctx), ids, idProperty);
      Map<Long, Map<String, List<HistoryEntry>>> history = new HashMap<>();
      if (!withHistory.isEmpty()) {
        result.results().forEach(object -> history.put(object.id(), reads.history(object, withHistory)));
      }
      return new Read<>(result, history);
    }, (c, read) -> answer(c, 200, read.result(), object -> ObjectJson.withHistory(
        ObjectView.render(object, names, reads.reader()), read.history().getOrDefault(object.id(), Map.of()))));
  }

  private JsonObject written(Written<T> written, boolean withNew) {
    return ObjectJson.written(written, withNew, reads.type(), reads.reader());
  }

  private static List<String> ids(JsonObject body) {
    return ObjectJson.inputs(body).stream().map(input -> ObjectJson.text("id", input.getValue("id"))
        .orElseThrow(() -> new InvalidInputException("every input needs an id"))).toList();
  }

  private static <T> void answer(RoutingContext ctx, int status, BatchResult<T> result,
      Function<T, JsonObject> render) {
    Http.json(ctx, result.errors().isEmpty() ? status : 207, ObjectJson.batch(result, render));
  }
}
