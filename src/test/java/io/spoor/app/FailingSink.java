package io.spoor.app;

import io.spoor.ingest.BatchSink;
import io.spoor.ingest.Hit;
import io.spoor.ingest.LogPlace;
import java.util.List;

/** Wraps the applier's sink so that applying any hit throws an {@link OutOfMemoryError}. */
record FailingSink(BatchSink sink) implements BatchSink {
  @Override
  public void apply(List<Hit> hits, LogPlace place) {
    throw new OutOfMemoryError("injected: Java heap space");
  }

  @Override
  public long appliedThrough(String log) {
    return sink.appliedThrough(log);
  }

  @Override
  public long nextOffset(String topic, int partition) {
    return sink.nextOffset(topic, partition);
  }
}
