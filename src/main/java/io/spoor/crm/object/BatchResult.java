package io.spoor.crm.object;

import java.time.Instant;
import java.util.List;

/** What a batch call did: the objects written or read, the inputs that failed, and when it ran. */
public record BatchResult<T>(List<T> results, List<InputError> errors, Instant startedAt, Instant completedAt) {

  public BatchResult {
    results = List.copyOf(results);
    errors = List.copyOf(errors);
  }
}
