package io.spoor.app;

import io.spoor.portal.NewToken;
import io.spoor.portal.Portals;
import io.spoor.http.Scope;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the default portal exists. When it is created (the first start), an all-scope
 * token is issued and printed once with the embed snippet; it is never shown again.
 */
final class FirstStart {
  private static final Logger LOG = LoggerFactory.getLogger(FirstStart.class);
  private FirstStart() {
  }

  /** Creates the default portal if needed; returns the token issued when it was created. */
  static Optional<NewToken> ensureDefaultPortal(Portals portals, Settings settings) {
    long hubId = settings.get(Settings.PORTAL_ID);
    Optional<NewToken> issued = Optional.empty();
    if (portals.list().stream().noneMatch(p -> p.hubId() == hubId)) {
      portals.create(hubId, "Default portal");
      issued = Optional.of(portals.issueToken(hubId, "default", Scope.all()));
    }
    settings.find(Settings.BOOTSTRAP_TOKEN).ifPresent(value -> {
      switch (portals.ensureBootstrapToken(hubId, value)) {
        case REVOKED -> LOG.warn("the bootstrap token ({} / {}) was revoked; the value is ignored. "
            + "Set a new value to have a bootstrap token again", Settings.BOOTSTRAP_TOKEN.flag(),
            Settings.BOOTSTRAP_TOKEN.env());
        case TAKEN -> LOG.warn("the bootstrap token ({} / {}) is already a token of another portal; "
            + "the value is ignored", Settings.BOOTSTRAP_TOKEN.flag(), Settings.BOOTSTRAP_TOKEN.env());
        case ACTIVE -> { }
      }
    });
    return issued;
  }

  /** Prints the one-time link that lets the first person create the dashboard's admin. */
  static void announceSetup(PrintStream out, String token, String publicUrl, int hours) {
    out.println();
    out.println("No one can sign in to the dashboard yet. Open this link (it works once, for " + hours
        + " hours) to create the first admin:");
    out.println();
    out.println("    " + publicUrl.replaceFirst("/+$", "") + "/setup?token=" + token);
    out.println();
  }

  static void announce(PrintStream out, NewToken token, long hubId, String publicUrl) {
    String host = publicUrl.replaceFirst("^https?:", "");
    out.println();
    out.println("Spoor created portal " + hubId + ". Its private-app token (all scopes), shown only now:");
    out.println();
    out.println("    " + token.value());
    out.println();
    out.println("Paste this on every page you want tracked:");
    out.println();
    out.println("    <script type=\"text/javascript\" id=\"hs-script-loader\" async defer src=\""
        + host + "/" + hubId + ".js\"></script>");
    out.println();
  }
}
