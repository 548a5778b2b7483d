package io.spoor.portal;

import io.spoor.InvalidInputException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET|PATCH /api/v1/portal}: the token's portal and its settings. The dashboard mounts the
 * same routes under its own base and guard.
 */
public final class PortalRoutes implements Routes {
  private static final Set<String> FIELDS = Set.of("customEventsEnabled", "requireConsent",
      "cookielessBeforeConsent", "bannerText", "honorGpc", "filterBots", "domains", "rateLimitSecondly",
      "rateLimitDaily");
  private final Portals portals;
  private final Mount mount;

  public PortalRoutes(Portals portals) {
    this(portals, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public PortalRoutes(Portals portals, Mount mount) {
    this.portals = portals;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.ADMIN);
    String path = mount.base() + "/portal";
    router.get(path).handler(g.reads()).handler(ctx ->
        http.respond(ctx, () -> portals.get(g.portal(ctx)),
            (c, portal) -> Http.json(c, 200, render(portal))));
    router.patch(path).handler(http.body()).handler(g.changes()).handler(ctx -> {
      JsonObject patch = checked(Http.jsonBody(ctx));
      long hubId = g.portal(ctx);
      http.respond(ctx, () -> apply(portals, hubId, patch), (c, portal) -> Http.json(c, 200, render(portal)));
    });
  }

  /** Applies a checked patch to the portal's settings, all of it in one transaction. */
  static Portal apply(Portals portals, long hubId, JsonObject patch) {
    return portals.change(hubId, portal -> patched(portal, patch));
  }

  private static Portal patched(Portal portal, JsonObject patch) {
    Privacy p = portal.privacy();
    RateLimits l = portal.limits();
    return portal.withCustomEventsEnabled(patch.getBoolean("customEventsEnabled", portal.customEventsEnabled()))
        .withLimits(new RateLimits(patch.getInteger("rateLimitSecondly", l.perSecond()),
            patch.getLong("rateLimitDaily", l.perDay())))
        .withPrivacy(new Privacy(patch.getBoolean("requireConsent", p.requireConsent()),
            patch.getBoolean("cookielessBeforeConsent", p.cookielessBeforeConsent()),
            patch.getString("bannerText", p.bannerText()), patch.getBoolean("honorGpc", p.honorGpc()),
            patch.getBoolean("filterBots", p.filterBots()),
            patch.containsKey("domains") ? strings(patch.getJsonArray("domains")) : p.domains()));
  }

  /** Refuses unknown fields and values of the wrong type, naming each. */
  private static JsonObject checked(JsonObject patch) {
    List<String> problems = new ArrayList<>();
    for (String key : patch.fieldNames()) {
      Object value = patch.getValue(key);
      boolean ok = !FIELDS.contains(key) ? false
          : key.equals("bannerText") ? value instanceof String && ((String) value).length() <= 2000
          : key.equals("domains") ? value instanceof JsonArray a && a.stream().allMatch(d ->
              d instanceof String s && s.matches("[a-z0-9.-]{1,253}"))
          : key.startsWith("rateLimit") ? value instanceof Number n && n.longValue() >= 0
              && (key.equals("rateLimitDaily") || n.longValue() <= 100_000)
          : value instanceof Boolean;
      if (!ok) {
        problems.add(key);
      }
    }
    if (!problems.isEmpty() || patch.isEmpty()) {
      throw new InvalidInputException("Unknown or invalid portal settings: " + problems + ". Known: "
          + FIELDS + " (booleans, bannerText up to 2000 characters, domains as lowercase host names, "
          + "rate limits as whole numbers, 0 for none)");
    }
    return patch;
  }

  private static List<String> strings(JsonArray array) {
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add((String) v));
    return out;
  }

  static JsonObject render(Portal portal) {
    Privacy p = portal.privacy();
    return new JsonObject().put("hubId", portal.hubId()).put("name", portal.name())
        .put("customEventsEnabled", portal.customEventsEnabled())
        .put("requireConsent", p.requireConsent()).put("cookielessBeforeConsent", p.cookielessBeforeConsent())
        .put("bannerText", p.bannerText()).put("honorGpc", p.honorGpc()).put("filterBots", p.filterBots())
        .put("domains", new JsonArray(p.domains()))
        .put("rateLimitSecondly", portal.limits().perSecond()).put("rateLimitDaily", portal.limits().perDay())
        .put("createdAt", portal.createdAt().toString());
  }
}
