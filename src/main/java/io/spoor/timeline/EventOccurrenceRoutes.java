package io.spoor.timeline;

import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.http.Http;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * HubSpot's event occurrences of a contact, {@code GET /events/v3/events?objectType=contact&objectId=…}
 * (or {@code objectProperty.email=…} instead of the id): its page views ({@code e_visited_page}) and
 * event completions, newest first, in HubSpot's shape, paged with {@code after}.
 */
public final class EventOccurrenceRoutes implements Routes {
  private static final String PATH = "/events/v3/events";
  private static final String EMAIL = "objectProperty.email";

  private final ContactActivity activity;

  public EventOccurrenceRoutes(ContactActivity activity) {
    this.activity = activity;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get(PATH).handler(http.requires(Scope.EVENT_DETAILS_READ)).handler(ctx -> list(ctx, http));
    router.get(PATH + "/").handler(http.requires(Scope.EVENT_DETAILS_READ)).handler(ctx -> list(ctx, http));
  }

  private void list(RoutingContext ctx, Http http) {
    String type = ctx.queryParams().get("objectType");
    if (type == null || type.isBlank()) {
      throw new InvalidInputException("Must specify an eventType or objectType");
    }
    if (!type.equalsIgnoreCase("contact") && !type.equals("0-1")) {
      throw new InvalidInputException("objectType must be contact: Spoor keeps events of contacts only");
    }
    Optional<String> id = Optional.ofNullable(ctx.queryParams().get("objectId")).filter(s -> !s.isBlank());
    Optional<String> email = Optional.ofNullable(ctx.queryParams().get(EMAIL)).filter(s -> !s.isBlank());
    if (id.isEmpty() && email.isEmpty()) {
      throw new InvalidInputException("objectId (or " + EMAIL + ") is required with objectType");
    }
    Optional<String> eventType = Optional.ofNullable(ctx.queryParams().get("eventType")).filter(s -> !s.isBlank());
    Window window = new Window(instant(ctx, "occurredAfter").map(t -> t + 1).orElse(Long.MIN_VALUE),
        instant(ctx, "occurredBefore").orElse(Long.MAX_VALUE));
    String sort = ctx.queryParams().get("sort");
    if (sort != null && !sort.equals("-occurredAt") && !sort.equals("DESCENDING")) {
      throw new InvalidInputException("sort must be -occurredAt: occurrences come newest first");
    }
    int limit = Paging.number(ctx, "limit", 100, 1, 1000);
    int offset = Paging.number(ctx, "after", 0, 0, ContactActivity.MAX_DEPTH);
    long portal = Http.principal(ctx).portalId();
    http.respond(ctx, () -> {
      Optional<Long> contact;
      try {
        contact = Optional.of(activity.contact(portal, email.orElseGet(id::get),
            email.isPresent() ? Optional.of("email") : Optional.empty()).id());
      } catch (NotFoundException | InvalidInputException e) {
        contact = Optional.empty(); // HubSpot answers an unknown record with no occurrences
      }
      return contact.map(c -> activity.occurrences(portal, c, eventType, window, limit, offset))
          .orElseGet(() -> new ContactActivity.Occurrences(0, List.of(), Optional.empty()));
    }, (c, page) -> Http.json(c, 200, render(c, http, page)));
  }

  private static JsonObject render(RoutingContext ctx, Http http, ContactActivity.Occurrences page) {
    JsonArray results = new JsonArray();
    page.results().forEach(a -> results.add(OccurrenceJson.render(page.contactId(), a)));
    JsonObject body = new JsonObject().put("results", results);
    page.next().ifPresent(n -> body.put("paging", new JsonObject().put("next", new JsonObject()
        .put("after", Integer.toString(n)).put("link", Paging.link(ctx, http, Integer.toString(n))))));
    return body;
  }

  private static Optional<Long> instant(RoutingContext ctx, String name) {
    String raw = ctx.queryParams().get(name);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(raw.trim()).toEpochMilli());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " must be an ISO-8601 instant such as 2024-05-01T00:00:00Z");
    }
  }
}
