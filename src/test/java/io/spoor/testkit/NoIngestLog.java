package io.spoor.testkit;

import io.spoor.ingest.BatchSink;
import io.spoor.ingest.Hit;
import io.spoor.ingest.IngestLog;
import java.util.concurrent.CompletableFuture;

/** An ingest log for tests that hand hits straight to a batch applier: it takes none and holds none. */
public final class NoIngestLog implements IngestLog {
  @Override
  public CompletableFuture<Void> append(Hit hit) {
    throw new UnsupportedOperationException("hits go straight to the applier in this test");
  }

  @Override
  public void start(BatchSink sink) {
  }

  @Override
  public int depth() {
    return 0;
  }

  @Override
  public CompletableFuture<Void> awaitApplied() {
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public long deadLettered() {
    return 0;
  }

  @Override
  public void close() {
  }
}
