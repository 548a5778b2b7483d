package io.spoor.segment;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Segment's {@code userId}s and {@code anonymousId}s of a portal, one namespace (an alias joins
 * one of each): the contact an id stands for, and the HubSpot visitor token ({@code hubspotutk})
 * an id was seen with. Rows go with their contact: a GDPR delete removes them and a merge moves
 * them (both by SQL in the contact stores). Runs in the caller's transaction.
 */
public interface SegmentIds {
  /** The contact the id was last tied to; it may since have been archived. */
  Optional<Long> contactFor(long portalId, String segmentId);

  /** The visitor token the id was last seen with. */
  Optional<String> visitorFor(long portalId, String segmentId);

  /** Ties the id to the contact, replacing any contact it had. */
  void tie(long portalId, String segmentId, long contactId, long at);

  /** Keeps the visitor token with the id, replacing any it had. */
  void tieVisitor(long portalId, String segmentId, String utk, long at);

  /** What is kept of each of these ids that has a row, in one read (ids without one are left out). */
  Map<String, Kept> find(long portalId, Collection<String> segmentIds);

  /** {@link #tie} for many ids at once; at most one tie per id. */
  void tieAll(List<Tie> ties);

  /** {@link #tieVisitor} for many ids at once; at most one tie per id. */
  void tieVisitors(List<VisitorTie> ties);

  /** An id's contact and visitor token, either absent. */
  record Kept(Optional<Long> contact, Optional<String> utk) {
    static final Kept NOTHING = new Kept(Optional.empty(), Optional.empty());
  }

  record Tie(long portalId, String segmentId, long contactId, long at) {
  }

  record VisitorTie(long portalId, String segmentId, String utk, long at) {
  }
}
