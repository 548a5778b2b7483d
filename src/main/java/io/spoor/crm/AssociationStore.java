package io.spoor.crm;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Associations between CRM objects of a portal. Every call runs inside the caller's
 * transaction. An association is kept in both directions, each with its own type id, and
 * stays while either end is archived: it is only hidden, as HubSpot hides it.
 */
public interface AssociationStore {
  /** The ids among these that are live objects of the type in the portal. */
  Set<Long> live(long portalId, ObjectType type, Collection<Long> ids);

  /** Associates the two objects both ways; associating them again changes nothing. */
  void associate(long portalId, Association association, long at);

  /** Removes the association of the two objects, both ways; absent ones are ignored. */
  void dissociate(long portalId, long oneId, long otherId);

  /** For each of these objects, the live objects of {@code toType} associated with it, in id order. */
  Map<Long, List<Long>> associated(long portalId, Collection<Long> fromIds, ObjectType toType);

  /** Up to {@code limit} live objects of {@code toType} associated with the object, in id order after {@code afterId}. */
  List<Long> associated(long portalId, long fromId, ObjectType toType, long afterId, int limit);

  /** One association as seen from one end: {@code type} goes from {@code fromId} to {@code toId}. */
  record Association(long fromId, AssociationType type, long toId) {
  }
}
