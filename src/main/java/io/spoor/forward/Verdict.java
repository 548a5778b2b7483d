package io.spoor.forward;

import java.util.Locale;

/**
 * What an answer means for the call: delivered; tried again later (429, 408, 5xx but 501,
 * timeouts and connection errors); held back by the remote's limits (a 429 whose policy is the
 * rolling or daily limit: the target pauses and the try does not count against the call); or
 * failed for good (any other 4xx, 501), which sends the call to the dead letters.
 */
enum Verdict {
  DELIVERED,
  RETRY,
  HELD_BACK,
  FAILED;

  static Verdict of(RemoteAnswer answer) {
    int s = answer.status();
    if (answer.ok()) {
      return DELIVERED;
    }
    if (s == RemoteAnswer.HELD_BACK || s == 429) {
      return HELD_BACK;
    }
    if (s == RemoteAnswer.NO_ANSWER || s == 408 || (s >= 500 && s != 501)) {
      return RETRY;
    }
    return FAILED;
  }

  /** A 429 for the daily limit: HubSpot's policy {@code DAILY}, or its daily message. */
  static boolean daily(RemoteAnswer answer) {
    String policy = answer.json().getString("policyName", "");
    String message = answer.json().getString("message", "").toLowerCase(Locale.ROOT);
    return policy.equalsIgnoreCase("DAILY") || message.contains("daily limit");
  }
}
