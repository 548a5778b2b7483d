package io.spoor.testkit;

import io.spoor.store.Transactor;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The base of a port's contract test. The port's behaviour is written once, in an abstract
 * subclass of this; each implementation's test class only makes a fresh, empty store before
 * each test and hands it over with {@link #use} (for SQLite: from the {@link TempStore}
 * database), so every implementation runs the same tests.
 */
public abstract class StoreContract<S> {
  private Transactor tx;
  private S store;

  /** The store the tests run against, and the transactions its calls run in. */
  protected final void use(Transactor transactor, S fresh) {
    this.tx = transactor;
    this.store = fresh;
  }

  /** Runs {@code work} on the store in one write transaction and returns what it answered. */
  protected final <T> T in(Function<S, T> work) {
    return tx.inTransaction(() -> work.apply(store));
  }

  /** Runs {@code work} on the store in one write transaction. */
  protected final void run(Consumer<S> work) {
    tx.inTransaction(() -> work.accept(store));
  }

  /** Runs {@code work} on the store in a read-only transaction. */
  protected final <T> T read(Function<S, T> work) {
    return tx.read(() -> work.apply(store));
  }
}
