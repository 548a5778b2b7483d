package io.spoor.testkit;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a part outside the JVM (Node, Chromium, …). Under {@code CI=true} a missing
 * part fails the test; elsewhere the test is skipped with a message saying what is missing.
 */
public final class Requirements {
  private Requirements() {
  }

  public static void require(boolean present, String what) {
    if (present) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(what + " is required in CI but is missing");
    }
    Assumptions.abort("skipped: " + what + " is not installed here");
  }

  /** True when the command runs and exits 0 (e.g. {@code node --version}). */
  public static boolean commandWorks(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
