package io.spoor.forward;

import java.util.Map;
import java.util.Optional;

/**
 * One call to pass on to a portal's forwarding target, in HubSpot's terms. Property values are
 * HubSpot's wire text; an empty value clears the property, as HubSpot reads it.
 */
public sealed interface ForwardCall {

  /** Creates or updates the contact with this email. */
  record UpsertContact(String email, Map<String, String> properties) implements ForwardCall {
    public UpsertContact {
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A completion of an event by id or name through the Events HTTP API ({@code /v1/event}):
   * the contact by email, the value as {@code _m}, contact properties as other parameters.
   */
  record TrackEvent(String eventRef, String email, Optional<String> value, Map<String, String> contactProperties,
      long occurredAt) implements ForwardCall {
    public TrackEvent {
      contactProperties = Map.copyOf(contactProperties);
    }
  }

  /** A behavioural event ({@code pe<hubId>_…}) through {@code /events/v3/send}, with its idempotency key. */
  record SendBehavioralEvent(String eventName, String email, Map<String, String> properties, long occurredAt,
      String uuid) implements ForwardCall {
    public SendBehavioralEvent {
      properties = Map.copyOf(properties);
    }
  }

  /**
   * Creates or updates the company with this domain (by its Segment group id first, when it has
   * one) and associates the contact with it.
   */
  record UpsertCompany(String domain, Optional<String> groupId, Map<String, String> properties,
      Optional<String> contactEmail) implements ForwardCall {
    public UpsertCompany {
      properties = Map.copyOf(properties);
    }
  }

  /**
   * A call kept in the outbox that cannot be read back (of an unknown kind, or its text damaged):
   * never sent, it becomes a dead letter with the reason, and the calls after it go on.
   */
  record Undecodable(String kind, String text, String reason) implements ForwardCall {
  }
}
