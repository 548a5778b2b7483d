package io.spoor.segment;

import io.spoor.crm.ContactChanges;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ContactStore;
import io.spoor.store.Deferred;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contacts and visitor tokens Segment ids stand for, within one batch: an id's contact counts
 * while it is live, or when this batch found or made it by email (it is written only when the
 * batch ends). The batch's ids are read in one query ({@link #prefetch}); what the batch ties
 * is seen by its later messages at once and written when the batch ends, one statement a kind.
 */
final class SegmentContacts implements Deferred {
  private final SegmentIds ids;
  private final ContactStore contacts;
  private final ContactChanges changes;
  private final Set<Long> foundHere = new HashSet<>();
  private final Map<Long, Boolean> live = new HashMap<>();
  private final Map<Key, SegmentIds.Kept> known = new HashMap<>();
  private final Map<Key, SegmentIds.Tie> ties = new LinkedHashMap<>();
  private final Map<Key, SegmentIds.VisitorTie> visitorTies = new LinkedHashMap<>();

  SegmentContacts(SegmentIds ids, ContactStore contacts, ContactChanges changes) {
    this.ids = ids;
    this.contacts = contacts;
    this.changes = changes;
  }

  private record Key(long portalId, String segmentId) {
  }

  /** Reads what is kept of these ids of the portal in one query, so that the batch's lookups need none. */
  void prefetch(long portalId, Collection<String> segmentIds) {
    List<String> unknown = segmentIds.stream().filter(id -> !known.containsKey(new Key(portalId, id))).distinct()
        .toList();
    if (unknown.isEmpty()) {
      return;
    }
    Map<String, SegmentIds.Kept> found = ids.find(portalId, unknown);
    unknown.forEach(id -> known.put(new Key(portalId, id), found.getOrDefault(id, SegmentIds.Kept.NOTHING)));
  }

  /** The live contact the first of these ids that has one stands for. */
  Optional<Long> of(long portalId, List<String> segmentIds) {
    for (String id : segmentIds) {
      Optional<Long> contact = kept(portalId, id).contact().filter(c -> isLive(portalId, c));
      if (contact.isPresent()) {
        return contact;
      }
    }
    return Optional.empty();
  }

  /** The visitor token the id was last seen with. */
  Optional<String> visitorOf(long portalId, String segmentId) {
    return kept(portalId, segmentId).utk();
  }

  /** Records a contact the batch found or made by email. */
  void found(long contactId) {
    foundHere.add(contactId);
  }

  /** Ties each id to the contact (one the batch found) from {@code at} on. */
  void tie(long portalId, List<String> segmentIds, long contactId, long at) {
    found(contactId);
    for (String id : segmentIds) {
      Key key = new Key(portalId, id);
      known.put(key, new SegmentIds.Kept(Optional.of(contactId), kept(portalId, id).utk()));
      ties.put(key, new SegmentIds.Tie(portalId, id, contactId, at));
    }
  }

  /** Keeps the visitor token with each id from {@code at} on. */
  void tieVisitor(long portalId, List<String> segmentIds, String utk, long at) {
    for (String id : segmentIds) {
      Key key = new Key(portalId, id);
      known.put(key, new SegmentIds.Kept(kept(portalId, id).contact(), Optional.of(utk)));
      visitorTies.put(key, new SegmentIds.VisitorTie(portalId, id, utk, at));
    }
  }

  /** The contact's email as it will be after this batch. */
  Optional<String> emailOf(long contactId) {
    return changes.current(contactId, ContactProperties.EMAIL);
  }

  private SegmentIds.Kept kept(long portalId, String segmentId) {
    Key key = new Key(portalId, segmentId);
    SegmentIds.Kept kept = known.get(key);
    if (kept == null) {
      prefetch(portalId, List.of(segmentId));
      kept = known.get(key);
    }
    return kept;
  }

  private boolean isLive(long portalId, long contactId) {
    return foundHere.contains(contactId) || live.computeIfAbsent(contactId, c -> contacts.isLive(portalId, c));
  }

  @Override
  public void flush() {
    ids.tieAll(new ArrayList<>(ties.values()));
    ids.tieVisitors(new ArrayList<>(visitorTies.values()));
    ties.clear();
    visitorTies.clear();
    known.clear();
    live.clear();
    foundHere.clear();
  }
}
