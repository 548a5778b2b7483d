package io.spoor.store;

/** A database's background upkeep, stopped by closing it. */
public interface Maintenance extends AutoCloseable {
  Maintenance NONE = new Maintenance() {
    @Override
    public void scrub() {
    }

    @Override
    public void close() {
    }
  };

  /** See {@link FreedSpace#scrub()}. */
  void scrub();

  @Override
  void close();
}
