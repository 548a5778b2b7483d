package io.spoor.events;

import java.util.Locale;

/** How an event definition came to be. */
public enum Origin {
  /** Created in the app or the admin API: triggered only by its id. */
  APP,
  /** Created by the first hit naming it. */
  DYNAMIC;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
