package io.spoor.crm;

import java.time.Instant;
import java.util.Map;

/** A company as stored: its writable property values (canonical strings). */
public record Company(long id, long portalId, Instant createdAt, Instant updatedAt, boolean archived,
    Map<String, String> properties) implements CrmObject {

  public Company {
    properties = Map.copyOf(properties);
  }
}
