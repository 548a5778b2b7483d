package io.spoor.ingest;

/** One refused part of a hit (a parameter, a property, the hit itself) and why. */
public record RejectedPart(RejectReason reason, String detail) {
  /** The most a part's detail keeps; longer text is cut with an ellipsis. */
  public static final int MAX_DETAIL = 300;

  public RejectedPart {
    if (detail.length() > MAX_DETAIL) {
      detail = detail.substring(0, MAX_DETAIL - 1) + "…";
    }
  }
}
