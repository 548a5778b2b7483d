package io.spoor.ingest;

/**
 * Bounds on the rejection list: how many rejections a portal keeps (the oldest give way as new
 * ones are added, also within one batch), and how many bytes of rejections one batch writes
 * (beyond it, rejections are kept without their raw parameters), so a flood of bad hits can
 * neither grow the store nor one transaction without limit.
 */
public record RejectionLimits(int keptPerPortal, int bytesPerBatch) {
  /** The default budget of one batch's rejections. */
  public static final int DEFAULT_BYTES_PER_BATCH = 8 * 1024 * 1024;

  public RejectionLimits {
    if (keptPerPortal < 1 || bytesPerBatch < 1) {
      throw new IllegalArgumentException("keptPerPortal and bytesPerBatch must be at least 1");
    }
  }
}
