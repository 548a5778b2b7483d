package io.spoor.segment;

import io.spoor.testkit.SpoorPerClass;
import org.junit.jupiter.api.BeforeEach;

/** A running Spoor per test class, with Segment calls against it and a fresh write key per test. */
abstract class SegmentPerClass extends SpoorPerClass {
  SegmentCalls calls;
  String key;

  @BeforeEach
  void writeKey() {
    calls = new SegmentCalls(server, client);
    key = calls.newWriteKey();
  }
}
