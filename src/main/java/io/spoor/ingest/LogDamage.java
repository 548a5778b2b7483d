package io.spoor.ingest;

/**
 * Damage an ingest log found in its files on start, where a crash cannot have left it:
 * {@code places} damaged spans of segment files (and a damaged applied mark), {@code
 * hitsLost} acknowledged hits not yet applied that were in them, and a line saying where and
 * what, for an operator.
 */
public record LogDamage(long places, long hitsLost, String summary) {
  public static final LogDamage NONE = new LogDamage(0, 0, "");

  public boolean found() {
    return places > 0;
  }
}
