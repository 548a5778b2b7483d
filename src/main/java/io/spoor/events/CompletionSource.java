package io.spoor.events;

/** Which endpoint an event completion came through, kept with it under this name. */
public enum CompletionSource {
  /** The tracking code's beacons ({@code /__ptq.gif}, {@code /__ptbe.gif}, {@code /__ptc.gif}). */
  TRACKING_CODE,
  /** The Events HTTP API ({@code /v1/event}). */
  EVENTS_API,
  /** The behavioural events API ({@code /events/v3/send}). */
  BEHAVIORAL_EVENTS_API
}
