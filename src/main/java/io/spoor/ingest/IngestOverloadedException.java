package io.spoor.ingest;

import io.spoor.UnavailableException;

/** The log is full or shutting down; the hit was not taken. Retriable after a pause. */
public final class IngestOverloadedException extends UnavailableException {
  public IngestOverloadedException(String message) {
    super(message);
  }
}
