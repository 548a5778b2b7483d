package io.spoor.http;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The scopes a private-app token can carry, by their HubSpot wire names. */
public enum Scope {
  CONTACTS_READ("crm.objects.contacts.read"),
  CONTACTS_WRITE("crm.objects.contacts.write"),
  COMPANIES_READ("crm.objects.companies.read"),
  COMPANIES_WRITE("crm.objects.companies.write"),
  CONTACT_SCHEMAS_READ("crm.schemas.contacts.read"),
  CONTACT_SCHEMAS_WRITE("crm.schemas.contacts.write"),
  COMPANY_SCHEMAS_READ("crm.schemas.companies.read"),
  COMPANY_SCHEMAS_WRITE("crm.schemas.companies.write"),
  BEHAVIORAL_EVENTS_SEND("analytics.behavioral_events.send"),
  EVENT_DEFINITIONS("behavioral_events.event_definitions.read_write"),
  /** Spoor's own: portal settings, tokens and the rejection list. */
  ADMIN("spoor.admin"),
  /** The reports: /api/v1/reports and HubSpot's /analytics/v2/reports. */
  BUSINESS_INTELLIGENCE("business-intelligence"),
  /** HubSpot's event occurrences, {@code GET /events/v3/events}: a contact's page views and events. */
  EVENT_DETAILS_READ("event-detail-read");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Scope> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
  }

  public static Set<Scope> all() {
    return EnumSet.allOf(Scope.class);
  }
}
