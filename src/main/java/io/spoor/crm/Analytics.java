package io.spoor.crm;

import java.time.Instant;
import java.util.Optional;

/** The analytics a contact's hits have added up; shown as read-only hs_analytics_* properties. */
public record Analytics(long numEventCompletions, long revenueMicros, long numPageViews, long numVisits,
    Optional<Instant> firstTimestamp, Optional<Instant> lastTimestamp, Optional<String> firstUrl,
    Optional<String> firstReferrer, Optional<String> lastUrl, Optional<String> source,
    Optional<String> sourceData1, Optional<String> sourceData2) {
}
