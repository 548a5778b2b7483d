package io.spoor.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.spoor.testkit.Requirements;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Runs the tracker's own test suite (src/test/js) in Node: queue order, cookies, consent, beacons. */
class TrackerScriptTest {
  @Test
  void theTrackerScriptPassesItsNodeSuite() throws Exception {
    Requirements.require(Requirements.commandWorks("node", "--version"), "Node.js (node)");
    Process node = new ProcessBuilder("node", "src/test/js/tracker.test.js").redirectErrorStream(true).start();
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, node.waitFor(), output);
    assertTrue(output.matches("(?s).*\\d+ passed, 0 failed.*"), output);
  }
}
