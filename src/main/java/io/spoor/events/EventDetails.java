package io.spoor.events;

import java.util.List;

/** What a behavioural event definition says beyond its name: label, description, typed properties. */
public record EventDetails(String label, String description, List<EventProperty> properties) {
  public EventDetails {
    properties = List.copyOf(properties);
  }

  /** A property an event may carry, with HubSpot's type name (string, number, bool, datetime, enumeration). */
  public record EventProperty(String name, String label, String type) {
  }
}
