package io.spoor.ingest;

import io.spoor.portal.Portal;

/**
 * The rules for one hit type. Called on the applier thread inside the batch's transaction,
 * once per hit id ever, only for hits of portals that exist (the batch rejects the others):
 * it applies what it can and reports the rest to {@link Batch#reject}.
 */
public interface HitApplier<H extends Hit> {
  Class<H> type();

  /** Called once per batch with all new hits of this type before any is applied (to look up in bulk). */
  default void prepare(java.util.List<H> hits, Batch batch) {
  }

  void apply(H hit, Portal portal, Batch batch);
}
