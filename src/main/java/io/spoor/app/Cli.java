package io.spoor.app;

import io.spoor.Ids;
import io.spoor.SpoorException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.slf4j.LoggerFactory;

/**
 * The command line: {@code serve}, {@code portal create|list|update}, {@code token create|list|revoke},
 * {@code write-key create|list|revoke}, {@code user create|list|remove}, {@code migrate}.
 */
public final class Cli {
  static final String USAGE = String.join("\n",
      "Usage: java -jar spoor.jar <command> [options] [settings]",
      "",
      "Commands:",
      "  serve [--role all|collector|api]           run the server (all of it, by default)",
      "  process                                    apply hits from Kafka to the store (--log kafka://…)",
      "  portal create --hub-id N [--name TEXT]     add a portal",
      "  portal list                                list portals",
      "  portal update --hub-id N --custom-events on|off",
      "                                             switch custom events for a portal",
      "  token create --hub-id N --name TEXT [--scopes a,b|all]",
      "                                             issue a private-app token (shown once)",
      "  token list --hub-id N                      list a portal's tokens",
      "  token revoke --hub-id N --id ID            revoke a token",
      "  write-key create --hub-id N --name TEXT    create a Segment write key (shown once)",
      "  write-key list --hub-id N                  list a portal's write keys",
      "  write-key revoke --hub-id N --id ID        revoke a write key",
      "  user create --hub-id N --email ADDRESS --role admin|viewer [--password-stdin]",
      "                                             add a dashboard user: asks for the password at the",
      "                                             terminal, reads a line of standard input with",
      "                                             --password-stdin, or prints a one-time password",
      "                                             that must be changed at first sign-in",
      "  user list --hub-id N                       list a portal's dashboard users",
      "  user remove --hub-id N --email ADDRESS     remove a user from a portal and end their sessions",
      "                                             (a portal's last admin cannot be removed)",
      "  migrate --from DATA_DIR --to JDBC_URL [--force]",
      "                                             copy an embedded store into PostgreSQL (--force",
      "                                             replaces what the target holds)",
      "",
      "Settings (flag, environment variable, meaning):", "");

  /** The exit code of a server stopped by a fatal error (EX_SOFTWARE): a supervisor restarts it. */
  static final int FATAL_EXIT = 70;
  /** How long a failed server still answers (health checks with 503) before it exits. */
  private static final Duration FATAL_GRACE = Duration.ofSeconds(2);
  /** How long a failed server may take to close before it is halted. */
  private static final Duration FATAL_CLOSE_LIMIT = Duration.ofSeconds(20);

  private final PrintStream out;
  private final PrintStream err;
  private final Map<String, String> env;
  private final Clock clock;
  private final Function<Settings, Spoor> starter;
  private final IntConsumer halt;
  private final InputStream in;

  public Cli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock) {
    this(out, err, env, clock, settings -> Spoor.start(settings, clock), code -> Runtime.getRuntime().halt(code),
        System.in);
  }

  Cli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Function<Settings, Spoor> starter,
      IntConsumer halt) {
    this(out, err, env, clock, starter, halt, System.in);
  }

  /**
   * {@code starter} starts the server for {@code serve}; {@code halt} ends the process at once
   * when a failed server does not close in time.
   */
  Cli(PrintStream out, PrintStream err, Map<String, String> env, Clock clock, Function<Settings, Spoor> starter,
      IntConsumer halt, InputStream in) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.env = env;
    this.clock = clock;
    this.starter = starter;
    this.halt = halt;
  }

  /** Runs a command and returns the exit code; {@code serve} returns only when stopped. */
  public int run(String[] argv) {
    Args args = Args.parse(argv);
    if (args.words().isEmpty() || args.flags().containsKey("help") || args.words().get(0).equals("help")) {
      out.println(USAGE + Settings.help());
      return args.words().isEmpty() && !args.flags().containsKey("help") ? 2 : 0;
    }
    try {
      String command = String.join(" ", args.words());
      switch (command) {
        case "serve":
          return serve(Settings.load(args.flags(), env));
        case "process":
          return serve(Settings.load(processing(args.flags()), env));
        case "portal create":
        case "portal list":
        case "portal update":
        case "token create":
        case "token list":
        case "token revoke":
        case "write-key create":
        case "write-key list":
        case "write-key revoke":
          return new PortalCommands(out, env, clock).run(command, args);
        case "user create":
        case "user list":
        case "user remove":
          return new UserCommands(out, env, clock, in).run(command, args);
        case "migrate":
          return io.spoor.migrate.StoreMigration.run(java.nio.file.Path.of(args.take("from")), args.take("to"),
              Boolean.parseBoolean(args.takeOr("force", "false")), out, err);
        default:
          throw new UsageException("unknown command: " + command + " (see --help)");
      }
    } catch (SpoorException e) {
      if (e.getCause() != null) {
        LoggerFactory.getLogger(Cli.class).error("command failed", e);
      }
      err.println("spoor: " + e.getMessage());
      return 2;
    }
  }

  /**
   * Runs the server until the process is stopped (0), or until a fatal error stops its ingest
   * log: then, after a short grace in which health checks answer 503, it closes the server
   * (halting the process if that takes too long) and returns {@link #FATAL_EXIT}.
   */
  private int serve(Settings settings) {
    try (HeapCeiling ceiling = HeapCeiling.start((long) settings.get(Settings.HEAP_CEILING_MB) << 20)) {
      return serve(starter.apply(settings), settings);
    }
  }

  private int serve(Spoor spoor, Settings settings) {
    CompletableFuture<Void> stopped = new CompletableFuture<>();
    Thread hook = new Thread(() -> {
      spoor.close();
      stopped.complete(null);
    }, "spoor-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    long hubId = settings.get(Settings.PORTAL_ID);
    String publicUrl = settings.find(Settings.PUBLIC_URL).orElse(
        (settings.find(Settings.TLS_CERT).isPresent() ? "https" : "http") + "://localhost:" + spoor.port());
    spoor.firstStartToken().ifPresent(token -> FirstStart.announce(out, token, hubId, publicUrl));
    spoor.setupToken().ifPresent(token -> FirstStart.announceSetup(out, token, publicUrl,
        settings.get(Settings.SETUP_LINK_HOURS)));
    out.println("Spoor is listening on port " + spoor.port() + " (portal " + hubId + ")");
    try {
      CompletableFuture.anyOf(stopped, spoor.failure()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    return stopped.isDone() ? 0 : failed(spoor, hook, spoor.failure().join());
  }

  private int failed(Spoor spoor, Thread hook, Throwable why) {
    err.println("spoor: the ingest log failed (" + why + "); exiting with " + FATAL_EXIT
        + " so that a supervisor restarts Spoor");
    try {
      Thread.sleep(FATAL_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      return FATAL_EXIT; // the process is already stopping: the hook closes the server
    }
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(FATAL_CLOSE_LIMIT.toMillis());
        halt.accept(FATAL_EXIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "spoor-fatal-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      spoor.close();
      watchdog.interrupt();
    } catch (RuntimeException | Error e) {
      // still exit: a supervisor restarts the process, whatever closing it left undone
      LoggerFactory.getLogger(Cli.class).error("closing after the ingest log failed", e);
    }
    return FATAL_EXIT;
  }

  /** {@code process}: a server in the process role, whatever the environment says. */
  private static Map<String, String> processing(Map<String, String> flags) {
    String role = ServerRole.PROCESS.wireName();
    if (flags.containsKey(Settings.ROLE.name()) && !flags.get(Settings.ROLE.name()).equals(role)) {
      throw new UsageException("process takes no " + Settings.ROLE.flag() + " (it is the process role)");
    }
    Map<String, String> all = new java.util.HashMap<>(flags);
    all.put(Settings.ROLE.name(), role);
    return all;
  }
  static long hubId(Args args) {
    return Long.parseLong(requireDigits(args.take("hub-id"), "--hub-id"));
  }

  static String requireDigits(String raw, String flag) {
    if (Ids.parse(raw).filter(n -> n > 0).isEmpty()) {
      throw new UsageException(flag + " must be a positive whole number, got " + raw);
    }
    return raw;
  }
  /**
   * A name as it may reach a terminal: names come from API clients, and a control character
   * (an escape sequence, a tab or newline that shifts the columns) or a bidirectional override
   * is shown as {@code \\uXXXX} instead.
   */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      int type = Character.getType(c);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
          || type == Character.PARAGRAPH_SEPARATOR || c == '\\') {
        out.append(c == '\\' ? "\\\\" : String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

}
