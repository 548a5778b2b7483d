package io.spoor.store;

/** Opens a store at an older schema version, for other packages' tests of what an upgrade makes of its data. */
public final class OldSchema {
  private OldSchema() {
  }

  /** The store with its schema brought up to {@code version} at most. */
  public static Database open(Dialect dialect, int version) {
    return Database.openAt(dialect, version);
  }
}
