package io.spoor.events;

/** What an event reference (numeric id or name) in a hit resolves to. */
public sealed interface Resolution {
  record Found(EventDefinition definition) implements Resolution {
  }

  record Refused(Refusal refusal, String detail) implements Resolution {
  }

  /** Why a reference triggers nothing. */
  enum Refusal {
    UNKNOWN_EVENT_ID, DELETED_EVENT, APP_EVENT_BY_NAME, DELETED_EVENT_NAME, INVALID_EVENT_NAME,
    /** A new name, but the portal may create no more dynamic definitions now. */
    DEFINITION_LIMIT
  }
}
