package io.spoor.events;

import java.util.List;

/** Stored completions. Runs inside the caller's transaction. */
public interface CompletionStore {
  void insert(List<Completion> completions);

  /** Moves a contact's completions to another contact of the portal (a merge). */
  void reassign(long portalId, long fromContactId, long toContactId);

  /** Deletes a contact's completions; answers how many each event definition lost. */
  java.util.Map<Long, Long> deleteForContact(long portalId, long contactId);

  /** A contact's completions, newest first, with the event's name. */
  List<CompletedEvent> forContact(long portalId, long contactId, int limit, int offset);

  /** A completion as shown in a timeline. */
  record CompletedEvent(long id, long definitionId, String eventName, long occurredAt,
      java.util.OptionalLong valueMicros, String source, java.util.Map<String, String> properties) {
  }
}
