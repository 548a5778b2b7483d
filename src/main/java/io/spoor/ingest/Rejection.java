package io.spoor.ingest;

import java.util.List;

/**
 * One hit that was not applied, or not wholly: its first (most severe) reason and a summary in
 * {@code detail}, the refused parts named one by one up to a bound ({@code moreParts} counts the
 * others), and the raw parameters (empty when the batch's rejection budget was spent).
 */
public record Rejection(long id, long portalId, String hitId, RejectReason reason, Outcome outcome,
    String detail, List<RejectedPart> parts, int moreParts, String params, long receivedAt) {

  public Rejection {
    parts = List.copyOf(parts);
  }

  /** The same rejection, stored without its raw parameters and with only its first part named. */
  Rejection compact(String note) {
    List<RejectedPart> first = parts.isEmpty() ? parts : parts.subList(0, 1);
    return new Rejection(id, portalId, hitId, reason, outcome, detail, first, moreParts + parts.size() - first.size(),
        note, receivedAt);
  }

  /** Roughly the bytes this rejection takes in the store. */
  int bytes() {
    int size = 64 + hitId.length() + detail.length() + params.length();
    for (RejectedPart part : parts) {
      size += 32 + part.detail().length();
    }
    return size;
  }
}
