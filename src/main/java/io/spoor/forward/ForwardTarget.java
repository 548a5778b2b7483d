package io.spoor.forward;

/**
 * A portal's forwarding target: the remote HubSpot's API and tracking hosts, its private-app
 * token and hub id, the limits Spoor keeps to there, and whether Events HTTP API hits go too.
 */
record ForwardTarget(long hubId, String baseUrl, String accessToken, String trackingUrl, long remoteHubId,
    int secondly, long daily, boolean forwardTracking) {
  static final int DEFAULT_SECONDLY = 10;
  static final long DEFAULT_DAILY = 40_000;
  static final String DEFAULT_TRACKING_URL = "https://track.hubspot.com";

  ForwardTarget {
    if (secondly < 1 || daily < 1 || remoteHubId < 1) {
      throw new IllegalArgumentException("secondly, daily and remoteHubId must be 1 or more");
    }
    baseUrl = baseUrl.replaceFirst("/+$", "");
    trackingUrl = trackingUrl.replaceFirst("/+$", "");
  }

  /** The token as answers show it: its last four characters only. */
  String maskedToken() {
    return accessToken.length() <= 8 ? "****" : "****" + accessToken.substring(accessToken.length() - 4);
  }

  /** {@code text} with the token taken out, for anything kept or shown that came from the remote. */
  String redacted(String text) {
    return text == null ? null : text.replace(accessToken, "[redacted]");
  }

  @Override
  public String toString() {
    return "ForwardTarget[hubId=" + hubId + ", baseUrl=" + baseUrl + ", token=" + maskedToken() + "]";
  }
}
