package io.spoor.events;

import java.util.Collection;
import java.util.Map;

/** Details of behavioural event definitions, by definition id. Runs in the caller's transaction. */
public interface EventDetailsStore {
  void save(long definitionId, EventDetails details);

  Map<Long, EventDetails> find(Collection<Long> definitionIds);
}
