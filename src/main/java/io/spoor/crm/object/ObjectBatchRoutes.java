package io.spoor.crm.object;

import static io.spoor.crm.object.ObjectRoutes.portal;

import io.spoor.InvalidInputException;
import io.spoor.crm.CrmObject;
import io.spoor.crm.ObjectStore.HistoryEntry;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
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
    this.readScope = reads.type().scope(false);
    this.writeScope = reads.type().scope(true);
  }

  /** A batch read's objects with the history asked for, by object id. */
  private record Read<O extends CrmObject>(BatchResult<O> result, Map<Long, Map<String, List<HistoryEntry>>> history,
      PropertyReader<O> reader) {
  }

  /** A batch answer built on the worker, where the portal's custom definitions can be read. */
  private record Answered(int status, JsonObject body) {
  }

  @Override
  public void mount(Router router, Http http) {
    router.post(batch + "create").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      long portal = portal(ctx);
      http.respond(ctx, () -> written(portal, 201, writes.createAll(portal, inputs), false), this::send);
    });
    router.post(batch + "update").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      long portal = portal(ctx);
      http.respond(ctx, () -> written(portal, 200, writes.updateAll(portal, inputs), false), this::send);
    });
    router.post(batch + "upsert").handler(http.body()).handler(http.requires(writeScope)).handler(ctx -> {
      List<ObjectInput> inputs = ObjectJson.writeInputs(Http.jsonBody(ctx));
      long portal = portal(ctx);
      http.respond(ctx, () -> written(portal, 200, writes.upsertAll(portal, inputs), true), this::send);
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
      return new Read<>(result, history, reads.reader(portal(ctx)));
    }, (c, read) -> answer(c, 200, read.result(), object -> ObjectJson.withHistory(
        ObjectView.render(object, names, read.reader()), read.history().getOrDefault(object.id(), Map.of()))));
  }

  private Answered written(long portal, int status, BatchResult<Written<T>> result, boolean withNew) {
    PropertyReader<T> reader = reads.reader(portal);
    return new Answered(result.errors().isEmpty() ? status : 207,
        ObjectJson.batch(result, w -> ObjectJson.written(w, withNew, reads.type(), reader)));
  }

  private void send(RoutingContext ctx, Answered answered) {
    Http.json(ctx, answered.status(), answered.body());
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
