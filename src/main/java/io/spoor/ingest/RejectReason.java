package io.spoor.ingest;

/** Why (part of) a hit was not applied. Each is counted in the metrics under its name. */
public enum RejectReason {
  UNKNOWN_PORTAL,
  CUSTOM_EVENTS_DISABLED,
  INVALID_EMAIL,
  UNKNOWN_EVENT_ID,
  DELETED_EVENT,
  APP_EVENT_BY_NAME,
  DELETED_EVENT_NAME,
  INVALID_EVENT_NAME,
  UNKNOWN_EXTERNAL_ID,
  INVALID_REVENUE,
  INVALID_PROPERTY_NAME,
  UNKNOWN_PROPERTY,
  READ_ONLY_PROPERTY,
  INVALID_PROPERTY_VALUE,
  NO_CONTACT_FOR_PROPERTIES,
  MALFORMED_PARAMETER,
  /** A tracker beacon without a visitor token (the visitor refused cookies). */
  NO_VISITOR_TOKEN,
  /** A behavioural event whose name is not a defined {@code pe<hubId>_…} event. */
  UNKNOWN_BEHAVIORAL_EVENT,
  /** A contact id (objectId) that names no contact of the portal. */
  UNKNOWN_CONTACT,
  /** Applied, but flagged: one email has collected an implausible number of visitor tokens. */
  SUSPECTED_PLACEHOLDER_EMAIL,
  /** Parameters of a {@code /v1/event} hit beyond {@code --max-params-per-hit}. */
  TOO_MANY_PARAMETERS,
  /** Properties of a behavioural event beyond {@code --max-properties-per-event}. */
  TOO_MANY_PROPERTIES,
  /** A hit's unknown event name would pass the portal's limit of dynamic event definitions. */
  EVENT_DEFINITION_LIMIT,
  /** A hit's new email would pass the portal's limit of contacts created per minute. */
  CONTACT_CREATION_LIMIT,
  /** A beacon's new visitor token would pass the portal's limit of visitors created per minute. */
  VISITOR_CREATION_LIMIT,
  /**
   * A Segment batch element the edge could not take as a message: not a JSON object, of no known
   * type, or with a {@code messageId} that is not a string of at most 100 characters.
   */
  INVALID_SEGMENT_MESSAGE,
  /** A Segment batch element over {@code --segment-max-message-bytes}. */
  SEGMENT_MESSAGE_TOO_LARGE,
  /** A Segment message that is not a JSON object, or lacks a field its type needs (groupId, previousId). */
  MALFORMED_SEGMENT_MESSAGE,
  /** A Segment message whose type is not identify, track, page, screen, group or alias. */
  UNKNOWN_SEGMENT_TYPE,
  /** A Segment message with neither userId nor anonymousId. */
  NO_SEGMENT_USER,
  /** A Segment track without an event name (a non-empty string). */
  NO_SEGMENT_EVENT,
  /** A Segment identify without an email: HubSpot's contacts are keyed by email. */
  NO_EMAIL,
  /** A Segment call whose userId and anonymousId stand for no contact yet, where one is needed. */
  UNKNOWN_SEGMENT_USER,
  /** A Segment group whose traits.website is missing or not a full URL with a domain. */
  INVALID_WEBSITE,
  /** A Segment trait whose JSON type does not fit its property (a string for a number, say). */
  INVALID_TRAIT_TYPE,
  /**
   * A Segment message whose {@code integrations} turn HubSpot off ({@code "HubSpot": false}, or
   * {@code "All": false} without {@code "HubSpot": true}): Segment would not send it to HubSpot.
   */
  HUBSPOT_INTEGRATION_OFF
}
