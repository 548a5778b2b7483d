package io.spoor.app;

import java.time.Clock;

/** {@code io.spoor.Main} with a sink that throws {@link OutOfMemoryError}: for a process test. */
public final class FailingIngestMain {
  private FailingIngestMain() {
  }

  public static void main(String[] args) {
    Clock clock = Clock.systemUTC();
    int code = new Cli(System.out, System.err, System.getenv(), clock,
        settings -> Spoor.start(settings, clock, FailingSink::new), Runtime.getRuntime()::halt).run(args);
    System.exit(code);
  }
}
