package io.spoor.bench.scale;

/** Hit ids as the edge makes them: 32 hex digits starting with the time, so later ids sort later. */
final class HitIds {
  private long made;

  String next(long at) {
    made++;
    return String.format("%012x%020x", at, made);
  }

  long made() {
    return made;
  }
}
