package io.spoor.store;

import java.util.function.Supplier;

/**
 * The transaction boundary. Store implementations called inside {@code work} share one
 * transaction on the calling thread; nested calls join the outer transaction. A write
 * transaction either commits durably before returning or throws {@link StoreException}
 * having rolled back.
 */
public interface Transactor {
  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(() -> {
      work.run();
      return null;
    });
  }

  /** Read-only work on a consistent snapshot; may run concurrently with a write. */
  <T> T read(Supplier<T> work);
}
