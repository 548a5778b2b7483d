package io.spoor.store;

/**
 * Work gathered while a transaction runs and written once at its end, so that many changes
 * to one row (a contact's counters, an event's completion count) become one statement.
 */
public interface Deferred {
  void flush();

  /** The transaction {@link #flush} wrote in committed: what a part holds in memory about the store may follow it now. */
  default void committed() {
  }
}
