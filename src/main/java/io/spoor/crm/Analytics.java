package io.spoor.crm;

import java.time.Instant;
import java.util.Optional;

/** The analytics a contact's hits have added up; shown as read-only hs_analytics_* properties. */
public record Analytics(long numEventCompletions, long revenueMicros,
    Optional<Instant> firstTimestamp, Optional<Instant> lastTimestamp) {

  public static final Analytics NONE = new Analytics(0, 0, Optional.empty(), Optional.empty());
}
