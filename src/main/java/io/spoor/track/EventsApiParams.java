package io.spoor.track;

import java.util.Set;

/** Wire names of the Events HTTP API ({@code GET /v1/event}). */
final class EventsApiParams {
  static final String HUB_ID = "_a";
  static final String EVENT = "_n";
  static final String REVENUE = "_m";
  static final String EMAIL = "email";
  static final String EXTERNAL_ID = "id";
  /** Retired API keys: accepted and ignored. */
  static final String API_KEY = "hapikey";

  /** Parameters that are not contact properties. */
  static final Set<String> RESERVED = Set.of(HUB_ID, EVENT, REVENUE, EMAIL, EXTERNAL_ID, API_KEY);

  private EventsApiParams() {
  }
}
