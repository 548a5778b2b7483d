package io.spoor.ingest;

import io.spoor.portal.PortalStore;
import java.lang.reflect.Proxy;

/**
 * Batches for benchmarks of hit appliers' pure parts. In this package because a {@link Batch}
 * is made only by the batch applier; its portal store answers nothing, so a benchmark that
 * asks for a portal fails instead of measuring a lookup.
 */
public final class JmhBatches {
  private JmhBatches() {
  }

  /** An empty batch applied at {@code now}. */
  public static Batch empty(long now) {
    PortalStore none = (PortalStore) Proxy.newProxyInstance(PortalStore.class.getClassLoader(),
        new Class<?>[] {PortalStore.class}, (proxy, method, args) -> {
          throw new UnsupportedOperationException("no portal store in a benchmark: " + method.getName());
        });
    return new Batch(now, none);
  }

  /** How many rejections the batch holds; a benchmark of valid input expects none. */
  public static int rejections(Batch batch) {
    return batch.rejections().size();
  }
}
