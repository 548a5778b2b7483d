package io.spoor.ingest;

import io.spoor.SpoorException;

/** The log is full or shutting down; the hit was not taken. Retriable after a pause. */
public final class IngestOverloadedException extends SpoorException {
  public IngestOverloadedException(String message) {
    super(message);
  }
}
