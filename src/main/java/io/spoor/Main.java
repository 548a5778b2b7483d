package io.spoor;

import io.spoor.app.Cli;
import java.time.Clock;

/** {@code java -jar spoor.jar <command>}: see {@code --help}. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    int code = new Cli(System.out, System.err, System.getenv(), Clock.systemUTC()).run(args);
    System.exit(code);
  }
}
