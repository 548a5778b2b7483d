package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.UnavailableException;
import io.spoor.ingest.IngestOverloadedException;
import io.spoor.store.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  @Test
  void everyRetriableUnavailableFailureIsAnswered503ServiceUnavailable() {
    UnavailableException anyNewOne = new UnavailableException("the queue is away") {
    };
    for (Throwable failure : new Throwable[] {anyNewOne, new StoreException("locked", new SQLException("busy")),
        new IngestOverloadedException("the log is full")}) {
      ErrorMapper.ApiError error = ErrorMapper.map(failure, 500);
      assertEquals(503, error.status(), failure.toString());
      assertEquals("SERVICE_UNAVAILABLE", error.category(), failure.toString());
    }
  }
}
