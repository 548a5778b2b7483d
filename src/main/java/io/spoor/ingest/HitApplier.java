package io.spoor.ingest;

/**
 * The rules for one hit type. Called on the applier thread inside the batch's transaction,
 * once per hit id ever: it applies what it can and reports the rest to {@link Batch#reject}.
 */
public interface HitApplier<H extends Hit> {
  Class<H> type();

  void apply(H hit, Batch batch);
}
