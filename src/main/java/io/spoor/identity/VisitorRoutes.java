package io.spoor.identity;

import io.spoor.NotFoundException;
import io.spoor.http.Http;
import io.spoor.http.Routes;
import io.spoor.http.Scope;
import io.spoor.store.Transactor;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** {@code GET /api/v1/visitors/{utk}}: what Spoor knows of one browser of the token's portal. */
public final class VisitorRoutes implements Routes {
  private final Transactor tx;
  private final VisitorStore store;

  public VisitorRoutes(Transactor tx, VisitorStore store) {
    this.tx = tx;
    this.store = store;
  }

  @Override
  public void mount(Router router, Http http) {
    router.get("/api/v1/visitors/:utk").handler(http.requires(Scope.CONTACTS_READ)).handler(ctx -> {
      String utk = ctx.pathParam("utk").toLowerCase(Locale.ROOT);
      long portal = Http.principal(ctx).portalId();
      http.respond(ctx, () -> tx.read(() -> store.find(portal, List.of(utk))).get(utk), (c, visitor) -> {
        if (visitor == null) {
          throw new NotFoundException("No visitor with token " + utk, utk);
        }
        Http.json(c, 200, render(visitor));
      });
    });
  }

  private static JsonObject render(Visitor v) {
    return new JsonObject().put("utk", v.utk())
        .put("contactId", v.contactId().map(String::valueOf).orElse(null))
        .put("firstSeen", Instant.ofEpochMilli(v.firstSeen()).toString())
        .put("lastSeen", Instant.ofEpochMilli(v.lastSeen()).toString())
        .put("numPageViews", v.numPageViews()).put("numVisits", v.numVisits())
        .put("firstUrl", v.firstUrl()).put("firstReferrer", v.firstReferrer()).put("lastUrl", v.lastUrl())
        .put("source", v.source().type().name()).put("sourceData1", v.source().data1())
        .put("sourceData2", v.source().data2()).put("consent", v.consent());
  }
}
