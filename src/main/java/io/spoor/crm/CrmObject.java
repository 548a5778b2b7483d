package io.spoor.crm;

import java.time.Instant;
import java.util.Map;

/** What every CRM object has: an id unique across types, its portal, its dates and its stored values. */
public interface CrmObject {
  long id();

  long portalId();

  Instant createdAt();

  Instant updatedAt();

  boolean archived();

  /** Writable property values in canonical form; unset ones are absent. */
  Map<String, String> properties();
}
