package io.spoor.crm.object;

import io.spoor.testkit.SpoorClient;
import io.spoor.testkit.SpoorPerClass;
import org.junit.jupiter.api.BeforeAll;

/** A suite over one Spoor whose cases, run once per object type, share one client of a second portal. */
abstract class TwoPortalSuite extends SpoorPerClass {
  protected static SpoorClient otherPortal;

  @BeforeAll
  static void secondPortalOnce() {
    otherPortal = secondPortal();
  }
}
