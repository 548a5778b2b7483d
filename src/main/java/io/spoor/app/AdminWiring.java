package io.spoor.app;

import io.spoor.admin.RejectionRoutes;
import io.spoor.dashboard.DashboardAuth;
import io.spoor.events.EventDefinitionRoutes;
import io.spoor.events.EventDefinitions;
import io.spoor.forward.Forwarding;
import io.spoor.forward.ForwardingRoutes;
import io.spoor.http.Mount;
import io.spoor.http.Routes;
import io.spoor.portal.PortalRoutes;
import io.spoor.portal.Portals;
import io.spoor.portal.TokenRoutes;
import io.spoor.segment.WriteKeyRoutes;
import io.spoor.segment.WriteKeys;
import io.spoor.store.Database;
import java.time.Clock;
import java.util.List;

/**
 * The admin API under a token (portal settings, tokens, write keys, forwarding, event
 * definitions, rejections, the API's own document), and the same routes under
 * {@code /dashboard/api/settings} behind the dashboard's session check (viewers read, admins change).
 */
final class AdminWiring {
  private AdminWiring() {}

  static List<Routes> routes(Database db, Stores stores, Portals portals, WriteKeys writeKeys, Forwarding forwarding,
      DashboardAuth dashboardAuth, Clock clock) {
    Mount settings = Mount.at("/dashboard/api/settings", dashboardAuth.guard());
    return List.of(
        new EventDefinitionRoutes(new EventDefinitions(db, stores.eventDefinitions(), clock)),
        new RejectionRoutes(db, stores.rejections()),
        new PortalRoutes(portals),
        new TokenRoutes(portals),
        new OpenApiDocument(),
        new WriteKeyRoutes(writeKeys),
        new ForwardingRoutes(forwarding),
        new PortalRoutes(portals, settings),
        new TokenRoutes(portals, settings),
        new WriteKeyRoutes(writeKeys, settings),
        new ForwardingRoutes(forwarding, settings),
        new RejectionRoutes(db, stores.rejections(), settings));
  }
}
