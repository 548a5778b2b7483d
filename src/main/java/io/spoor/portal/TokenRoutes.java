package io.spoor.portal;

import io.spoor.Ids;
import io.spoor.InvalidInputException;
import io.spoor.NotFoundException;
import io.spoor.http.Guard;
import io.spoor.http.Http;
import io.spoor.http.Mount;
import io.spoor.http.Paging;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code /api/v1/tokens}: the portal's private-app tokens. A new token's value is in the
 * creation answer only; listings show a hint of its last characters. The dashboard mounts the
 * same routes under its own base and guard.
 */
public final class TokenRoutes implements Routes {
  private final Portals portals;
  private final Mount mount;

  public TokenRoutes(Portals portals) {
    this(portals, Mount.api());
  }

  /** The same routes under {@code mount}'s base, behind its guard. */
  public TokenRoutes(Portals portals, Mount mount) {
    this.portals = portals;
    this.mount = mount;
  }

  @Override
  public void mount(Router router, Http http) {
    Guard g = mount.guard(http, Scope.ADMIN);
    String path = mount.base() + "/tokens";
    router.post(path).handler(http.body()).handler(g.changes()).handler(ctx -> {
      JsonObject body = Http.jsonBody(ctx);
      String name = body.getValue("name") instanceof String s && !s.isBlank() && s.length() <= 200 ? s.trim() : null;
      if (name == null) {
        throw new InvalidInputException("name is required: 1 to 200 characters");
      }
      Set<Scope> scopes = scopes(body.getValue("scopes"));
      long portal = g.portal(ctx);
      http.respond(ctx, () -> portals.issueToken(portal, name, scopes),
          (c, issued) -> Http.json(c, 201, render(issued.token()).put("token", issued.value())));
    });
    router.get(path).handler(g.reads()).handler(ctx -> {
      Paging paging = Paging.of(ctx, Paging.ADMIN_DEFAULT, Paging.ADMIN_MAX);
      http.respond(ctx, () -> portals.tokens(g.portal(ctx), paging.after(), paging.fetch()),
          (c, tokens) -> Http.json(c, 200, paging.render(c, http, new JsonObject(), tokens, Token::id,
              TokenRoutes::render)));
    });
    router.delete(path + "/:id").handler(g.changes()).handler(ctx -> {
      String id = ctx.pathParam("id");
      long portal = g.portal(ctx);
      http.respond(ctx, () -> Ids.parse(id).map(n -> portals.revoke(portal, n)).orElse(false),
          (c, revoked) -> {
            if (!revoked) {
              throw new NotFoundException("No active token with id " + id, id);
            }
            c.response().setStatusCode(204).end();
          });
    });
  }

  /** Scope wire names; absent means every scope. */
  private static Set<Scope> scopes(Object raw) {
    if (raw == null) {
      return Scope.all();
    }
    if (!(raw instanceof JsonArray array) || array.isEmpty()) {
      throw new InvalidInputException("scopes must be a non-empty array of scope names");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (Object name : array) {
      scopes.add(Scope.fromWireName(String.valueOf(name)).orElseThrow(() ->
          new InvalidInputException("Unknown scope " + name)));
    }
    return scopes;
  }

  private static JsonObject render(Token t) {
    JsonArray scopes = new JsonArray();
    t.scopes().stream().map(Scope::wireName).sorted().forEach(scopes::add);
    return new JsonObject().put("id", Long.toString(t.id())).put("name", t.name()).put("hint", t.hint())
        .put("scopes", scopes).put("createdAt", t.createdAt().toString())
        .put("revokedAt", t.revokedAt().map(Object::toString).orElse(null));
  }
}
