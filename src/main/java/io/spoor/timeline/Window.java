package io.spoor.timeline;

/** The instants activity is read in: from {@code from} (inclusive) to {@code until} (exclusive), epoch ms. */
public record Window(long from, long until) {
  /** All of time. */
  public static final Window ALL = new Window(Long.MIN_VALUE, Long.MAX_VALUE);

  public Window {
    if (from > until) {
      throw new IllegalArgumentException("from must not be after until");
    }
  }
}
