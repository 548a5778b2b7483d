package io.spoor.crm;

import java.time.Instant;
import java.util.Map;

/** A contact as stored: its writable property values (canonical strings) and its analytics. */
public record Contact(long id, long portalId, Instant createdAt, Instant updatedAt,
    boolean archived, Map<String, String> properties, Analytics analytics) implements CrmObject {

  public Contact {
    properties = Map.copyOf(properties);
  }
}
