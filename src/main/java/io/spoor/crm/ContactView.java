package io.spoor.crm;

import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;

/**
 * A contact in the CRM v3 shape: every value a string (or null when unset), datetimes as
 * ISO-8601, dates as yyyy-MM-dd, computed properties filled from the record and analytics.
 */
public final class ContactView {
  private ContactView() {
  }

  public static JsonObject render(Contact contact, Collection<String> names) {
    JsonObject properties = new JsonObject();
    for (String name : names) {
      properties.put(name, value(contact, name).orElse(null));
    }
    return new JsonObject().put("id", Long.toString(contact.id())).put("properties", properties)
        .put("createdAt", contact.createdAt().toString()).put("updatedAt", contact.updatedAt().toString())
        .put("archived", contact.archived());
  }

  static Optional<String> value(Contact contact, String name) {
    Analytics a = contact.analytics();
    switch (name) {
      case ContactProperties.OBJECT_ID:
        return Optional.of(Long.toString(contact.id()));
      case ContactProperties.CREATEDATE:
        return Optional.of(contact.createdAt().toString());
      case ContactProperties.LASTMODIFIEDDATE:
        return Optional.of(contact.updatedAt().toString());
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
        return stored(contact, name);
    }
  }

  private static Optional<String> stored(Contact contact, String name) {
    return Optional.ofNullable(contact.properties().get(name)).map(raw -> display(name, raw));
  }

  /** A stored (canonical) value as the API shows it: built-in dates and datetimes in ISO form. */
  static String display(String name, String raw) {
    PropertyDefinition definition = ContactProperties.builtIn().get(name);
    if (definition == null || raw.isEmpty()) {
      return raw;
    }
    if (definition.type() == PropertyType.DATETIME) {
      return Instant.ofEpochMilli(Long.parseLong(raw)).toString();
    }
    if (definition.type() == PropertyType.DATE) {
      return LocalDate.ofInstant(Instant.ofEpochMilli(Long.parseLong(raw)), ZoneOffset.UTC).toString();
    }
    return raw;
  }
}
