package io.spoor.app;

import static io.spoor.app.Cli.hubId;
import static io.spoor.app.Cli.printable;

import io.spoor.dashboard.Accounts;
import io.spoor.dashboard.Passwords;
import io.spoor.dashboard.Role;
import io.spoor.dashboard.User;
import io.spoor.store.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The command line's {@code user create|list|remove}: the dashboard's users, run on the store alone. */
final class UserCommands {
  private final PrintStream out;
  private final Map<String, String> env;
  private final Clock clock;
  private final InputStream in;

  UserCommands(PrintStream out, Map<String, String> env, Clock clock, InputStream in) {
    this.out = out;
    this.env = env;
    this.clock = clock;
    this.in = in;
  }

  /** Runs {@code user create}, {@code user list} or {@code user remove}. */
  int run(String command, Args args) {
    return command.equals("user create") ? createUser(args) : users(command, args);
  }

  /** {@code user create}: the password from standard input, the terminal, or made up and printed once. */
  private int createUser(Args args) {
    long hubId = hubId(args);
    String email = args.take("email");
    String roleName = args.take("role");
    Role role = Role.fromWireName(roleName).orElseThrow(() ->
        new UsageException("--role must be admin or viewer, got " + roleName));
    boolean fromStdin = Boolean.parseBoolean(args.takeOr("password-stdin", "false"));
    Settings settings = Settings.load(args.flags(), env);
    Optional<String> typed = fromStdin ? Optional.of(firstLine()) : fromTerminal();
    String password = typed.orElseGet(Passwords::generated);
    try (Database db = Spoor.openStore(settings)) {
      User user = Spoor.accounts(settings, Stores.sql(db, clock), clock).create(hubId, email, role, password,
          typed.isEmpty());
      out.println("user " + user.id() + " " + printable(user.email()) + " (" + role.wireName() + ") for portal "
          + hubId);
      if (typed.isEmpty()) {
        out.println("one-time password (shown only now; it must be changed at first sign-in):");
        out.println(password);
      }
    }
    return 0;
  }

  /** {@code user list} and {@code user remove}. */
  private int users(String command, Args args) {
    long hubId = hubId(args);
    Optional<String> email = command.equals("user remove") ? Optional.of(args.take("email")) : Optional.empty();
    Settings settings = Settings.load(args.flags(), env);
    try (Database db = Spoor.openStore(settings)) {
      Accounts accounts = Spoor.accounts(settings, Stores.sql(db, clock), clock);
      if (email.isPresent()) {
        User removed = accounts.remove(hubId, email.get());
        out.println("removed user " + removed.id() + " " + printable(removed.email()) + " from portal " + hubId);
      } else {
        accounts.users(hubId).forEach(u -> out.printf("%d\t%s\t%s%n", u.id(), printable(u.email()),
            u.role().wireName()));
      }
    }
    return 0;
  }

  private String firstLine() {
    try {
      String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
      if (line == null || line.isEmpty()) {
        throw new UsageException("--password-stdin: standard input has no password");
      }
      return line;
    } catch (IOException e) {
      throw new UsageException("--password-stdin: standard input could not be read: " + e.getMessage());
    }
  }

  /** The password typed twice at the terminal; empty with no terminal or when left blank (one is made up). */
  private Optional<String> fromTerminal() {
    Console console = System.console();
    if (console == null || in != System.in) {
      return Optional.empty();
    }
    char[] first = console.readPassword("Password (leave empty to get a one-time password): ");
    if (first == null || first.length == 0) {
      return Optional.empty();
    }
    char[] again = console.readPassword("Same password again: ");
    if (again == null || !Arrays.equals(first, again)) {
      throw new UsageException("the two passwords differ");
    }
    return Optional.of(new String(first));
  }

}
