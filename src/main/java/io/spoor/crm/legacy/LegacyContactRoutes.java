package io.spoor.crm.legacy;

import io.spoor.InvalidInputException;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.object.BatchResult;
import io.spoor.crm.object.InputError;
import io.spoor.crm.object.ObjectInput;
import io.spoor.crm.object.ObjectWrites;
import io.spoor.crm.object.Written;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The legacy v1 contact calls older integrations still send: create-or-update by email
 * ({@code {vid, isNew}}) and the batch form (202). Both are upserts by email with the v3 rules.
 */
public final class LegacyContactRoutes implements Routes {
  private final ObjectWrites<?> contacts;

  public LegacyContactRoutes(ObjectWrites<?> contacts) {
    this.contacts = contacts;
  }

  @Override
  public void mount(Router router, Http http) {
    router.post("/contacts/v1/contact/createOrUpdate/email/:email").handler(http.body())
        .handler(http.requires(Scope.CONTACTS_WRITE)).handler(ctx -> {
          ObjectInput input = input(ctx.pathParam("email"), Http.jsonBody(ctx).getValue("properties"));
          long portal = Http.principal(ctx).portalId();
          http.respond(ctx, () -> upsert(portal, List.of(input)), (c, result) -> {
            Written<?> written = result.results().get(0);
            Http.json(c, 200, new JsonObject().put("vid", written.object().id()).put("isNew", written.created()));
          });
        });
    router.post("/contacts/v1/contact/batch").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE))
        .handler(ctx -> batch(arrayBody(ctx), ctx, http));
    router.post("/contacts/v1/contact/batch/").handler(http.body()).handler(http.requires(Scope.CONTACTS_WRITE))
        .handler(ctx -> batch(arrayBody(ctx), ctx, http));
  }

  /** The body as a JSON array: other content types are 415, other JSON and malformed JSON 400. */
  private static JsonArray arrayBody(io.vertx.ext.web.RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).contains("json")) {
      throw new io.spoor.http.UnsupportedContentTypeException();
    }
    Object decoded = io.vertx.core.json.Json.decodeValue(ctx.body().buffer() == null ? io.vertx.core.buffer.Buffer.buffer()
        : ctx.body().buffer());
    if (!(decoded instanceof JsonArray array)) {
      throw new InvalidInputException("The body must be a JSON array of contacts");
    }
    return array;
  }

  private void batch(JsonArray body, io.vertx.ext.web.RoutingContext ctx, Http http) {
    if (body == null || body.isEmpty() || body.size() > ObjectWrites.MAX_BATCH) {
      throw new InvalidInputException("The body must be an array of 1 to " + ObjectWrites.MAX_BATCH + " contacts");
    }
    List<ObjectInput> inputs = new ArrayList<>();
    for (Object o : body) {
      if (!(o instanceof JsonObject contact) || !(contact.getValue("email") instanceof String email)) {
        throw new InvalidInputException("Each contact needs an email");
      }
      inputs.add(input(email, contact.getValue("properties")));
    }
    long portal = Http.principal(ctx).portalId();
    http.respond(ctx, () -> upsert(portal, inputs), (c, result) -> c.response().setStatusCode(202).end());
  }

  private BatchResult<? extends Written<?>> upsert(long portal, List<ObjectInput> inputs) {
    BatchResult<? extends Written<?>> result = contacts.upsertAll(portal, inputs);
    if (!result.errors().isEmpty()) {
      InputError first = result.errors().get(0);
      throw new InvalidInputException(first.message(), first.context());
    }
    return result;
  }

  /** v1 properties are {@code [{property, value}]}. */
  private static ObjectInput input(String email, Object properties) {
    Map<String, String> values = new LinkedHashMap<>();
    if (properties != null && !(properties instanceof JsonArray)) {
      throw new InvalidInputException("properties must be an array of {property, value}");
    }
    if (properties instanceof JsonArray list) {
      for (Object o : list) {
        if (!(o instanceof JsonObject p) || !(p.getValue("property") instanceof String name)) {
          throw new InvalidInputException("properties must be an array of {property, value}");
        }
        values.put(name, p.getValue("value") == null ? "" : String.valueOf(p.getValue("value")));
      }
    }
    return new ObjectInput(Optional.of(email), Optional.of(ContactProperties.EMAIL), values, Optional.empty(),
        List.of());
  }
}
