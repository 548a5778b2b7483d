package io.spoor.crm.object;

import io.spoor.crm.Analytics;
import io.spoor.crm.Contact;
import io.spoor.crm.ContactProperties;
import io.spoor.crm.ObjectType;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** A contact in the CRM v3 shape ({@link ObjectView}), with the analytics properties filled from its analytics. */
public final class ContactView {
  private ContactView() {
  }

  public static JsonObject render(Contact contact, Collection<String> names) {
    return ObjectView.render(contact, names, ContactView::value);
  }

  public static Optional<String> value(Contact contact, String name) {
    Analytics a = contact.analytics();
    switch (name) {
      case ContactProperties.NUM_EVENT_COMPLETIONS:
        return Optional.of(Long.toString(a.numEventCompletions()));
      case ContactProperties.REVENUE:
        return Optional.of(BigDecimal.valueOf(a.revenueMicros(), 6).stripTrailingZeros().toPlainString());
      case ContactProperties.FIRST_TIMESTAMP:
        return a.firstTimestamp().map(Instant::toString);
      case ContactProperties.LAST_TIMESTAMP:
        return a.lastTimestamp().map(Instant::toString);
      case ContactProperties.NUM_PAGE_VIEWS:
        return Optional.of(Long.toString(a.numPageViews()));
      case ContactProperties.NUM_VISITS:
        return Optional.of(Long.toString(a.numVisits()));
      case ContactProperties.FIRST_URL:
        return a.firstUrl();
      case ContactProperties.FIRST_REFERRER:
        return a.firstReferrer();
      case ContactProperties.LAST_URL:
        return a.lastUrl();
      case ContactProperties.SOURCE:
        // created by the API, an import or the Events HTTP API, with no visit: HubSpot's OFFLINE
        return Optional.of(a.source().orElse("OFFLINE"));
      case ContactProperties.SOURCE_DATA_1:
        return a.sourceData1();
      case ContactProperties.SOURCE_DATA_2:
        return a.sourceData2();
      default:
        return ObjectView.value(ObjectType.CONTACT, contact, name);
    }
  }
}
