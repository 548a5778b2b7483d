package io.spoor.transfer;

/**
 * What one import may hold: the file's size in bytes, its data rows, and the problems kept for its
 * report (more are only counted); and how much of a refused upload's unread body is read and
 * dropped before its connection is closed.
 */
public record ImportLimits(long maxBytes, int maxRows, int problemsKept, long refusedDrainBytes) {
  /** The default bound on a refused upload's drain: 1 MiB. */
  public static final long DRAIN_BYTES = 1024 * 1024;

  public ImportLimits {
    if (maxBytes < 1 || maxRows < 1 || problemsKept < 0 || refusedDrainBytes < 0) {
      throw new IllegalArgumentException("maxBytes and maxRows are positive, problemsKept and refusedDrainBytes "
          + "not negative");
    }
  }

  public ImportLimits(long maxBytes, int maxRows, int problemsKept) {
    this(maxBytes, maxRows, problemsKept, DRAIN_BYTES);
  }
}
