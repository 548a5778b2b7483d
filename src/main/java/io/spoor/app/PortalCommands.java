package io.spoor.app;

import static io.spoor.app.Cli.hubId;
import static io.spoor.app.Cli.printable;
import static io.spoor.app.Cli.requireDigits;

import io.spoor.http.Scope;
import io.spoor.portal.NewToken;
import io.spoor.portal.Portal;
import io.spoor.portal.Portals;
import io.spoor.portal.Token;
import io.spoor.segment.NewWriteKey;
import io.spoor.segment.WriteKeys;
import io.spoor.store.Database;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The command line's {@code portal}, {@code token} and {@code write-key} commands, run on the store alone. */
final class PortalCommands {
  private final PrintStream out;
  private final Map<String, String> env;
  private final Clock clock;

  PortalCommands(PrintStream out, Map<String, String> env, Clock clock) {
    this.out = out;
    this.env = env;
    this.clock = clock;
  }

  /** Runs {@code portal create|list|update}, {@code token create|list|revoke} or {@code write-key create|list|revoke}. */
  int run(String command, Args args) {
    return command.startsWith("write-key ") ? writeKeys(command, args) : admin(command, args);
  }

  private int admin(String command, Args args) {
    Consumer<Portals> action = action(command, args);
    Settings settings = Settings.load(args.flags(), env);
    try (Database db = Spoor.openStore(settings)) {
      Stores stores = Stores.sql(db, clock);
      action.accept(new Portals(db, stores.portals(), stores.tokens(), clock));
    }
    return 0;
  }

  private int writeKeys(String command, Args args) {
    long hubId = hubId(args);
    Consumer<WriteKeys> action = switch (command) {
      case "write-key create" -> {
        String name = args.take("name");
        yield keys -> {
          NewWriteKey created = keys.create(hubId, name);
          out.println("write key " + created.writeKey().id() + " for portal " + hubId + " (shown only now):");
          out.println(created.value());
        };
      }
      case "write-key list" -> keys -> keys.list(hubId, 0, Integer.MAX_VALUE).forEach(k -> out.printf("%d\t%s\t%s\t%s%n",
          k.id(), printable(k.name()), printable(k.hint()), k.isActive() ? "active" : "revoked"));
      default -> {
        long id = Long.parseLong(requireDigits(args.take("id"), "--id"));
        yield keys -> {
          if (!keys.revoke(hubId, id)) {
            throw new UsageException("portal " + hubId + " has no active write key " + id);
          }
          out.println("revoked write key " + id);
        };
      }
    };
    Settings settings = Settings.load(args.flags(), env);
    try (Database db = Spoor.openStore(settings)) {
      Stores stores = Stores.sql(db, clock);
      action.accept(new WriteKeys(db, stores.portals(), stores.writeKeys(), clock));
    }
    return 0;
  }

  private Consumer<Portals> action(String command, Args args) {
    long hubId = command.equals("portal list") ? 0 : hubId(args);
    switch (command) {
      case "portal create":
        String name = args.takeOr("name", "Portal " + hubId);
        return portals -> print(portals.create(hubId, name));
      case "portal list":
        return portals -> portals.list().forEach(this::print);
      case "portal update":
        boolean enabled = onOff(args.take("custom-events"));
        return portals -> print(portals.setCustomEventsEnabled(hubId, enabled));
      case "token create":
        String tokenName = args.take("name");
        Set<Scope> scopes = scopes(args.takeOr("scopes", "all"));
        return portals -> printNew(portals.issueToken(hubId, tokenName, scopes));
      case "token list":
        return portals -> portals.tokens(hubId).forEach(this::print);
      default:
        long id = Long.parseLong(requireDigits(args.take("id"), "--id"));
        return portals -> {
          if (!portals.revoke(hubId, id)) {
            throw new UsageException("portal " + hubId + " has no active token " + id);
          }
          out.println("revoked token " + id);
        };
    }
  }
  private static boolean onOff(String raw) {
    if (!raw.equals("on") && !raw.equals("off")) {
      throw new UsageException("--custom-events must be on or off, got " + raw);
    }
    return raw.equals("on");
  }

  private static Set<Scope> scopes(String raw) {
    if (raw.equals("all")) {
      return Scope.all();
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : raw.split(",")) {
      scopes.add(Scope.fromWireName(name.trim()).orElseThrow(() -> new UsageException(
          "unknown scope " + name + "; known: " + Arrays.toString(Scope.values()))));
    }
    return scopes;
  }

  private void print(Portal p) {
    out.printf("%d\t%s\tcustom events %s%n", p.hubId(), printable(p.name()), p.customEventsEnabled() ? "on" : "off");
  }

  private void print(Token t) {
    out.printf("%d\t%s\t%s\t%s\t%s%n", t.id(), printable(t.name()), printable(t.hint()), t.isActive() ? "active" : "revoked",
        String.join(",", t.scopes().stream().map(Scope::wireName).sorted().toList()));
  }
  private void printNew(NewToken token) {
    out.println("token " + token.token().id() + " for portal " + token.token().portalId()
        + " (shown only now):");
    out.println(token.value());
  }
}
