package io.spoor.testkit;

import io.spoor.http.Scope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A base for API test classes that share one real Spoor: started before the class's first
 * test, closed after its last, with a client of portal 1 holding the all-scope token.
 * Test classes run one after another (the build configures no parallel execution), so the
 * static fields belong to the class running now.
 */
public abstract class SpoorPerClass {
  protected static RunningSpoor server;
  protected static SpoorClient client;

  @BeforeAll
  static void startSpoor() {
    server = RunningSpoor.start();
    client = server.client();
  }

  @AfterAll
  static void stopSpoor() {
    if (server != null) {
      server.close();
      server = null;
      client = null;
    }
  }

  /** A client of a second portal (hub id 2, no rate limits) with every scope. */
  protected static SpoorClient secondPortal() {
    return server.newPortal(2, Scope.all());
  }
}
