package io.spoor.app;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What one Spoor process does ({@code --role}). A collector takes hits at the tracking and
 * ingest endpoints and sends them to Kafka; it reads portals, tokens, write keys and event
 * definitions from the store to check requests, and writes nothing there but what the first
 * start makes (the default portal and its bootstrap token). A processor applies hits from Kafka
 * to the store and sends forwarded calls. An api process serves the CRM and admin API and the
 * dashboard. The all-in-one does all three. Every role answers {@code /healthz},
 * {@code /readyz} and {@code /metrics}.
 */
public enum ServerRole {
  ALL, COLLECTOR, API, PROCESS;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static List<String> wireNames() {
    return Arrays.stream(values()).map(ServerRole::wireName).toList();
  }

  static ServerRole of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }

  /** Takes hits at the tracking and ingest endpoints. */
  boolean collects() {
    return this == ALL || this == COLLECTOR;
  }

  /** Applies hits to the store (and forwards calls). */
  boolean applies() {
    return this == ALL || this == PROCESS;
  }

  /** Serves the CRM and admin API and the dashboard. */
  boolean servesApi() {
    return this == ALL || this == API;
  }
}
