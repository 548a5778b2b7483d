package io.spoor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.spoor.UnavailableException;
import io.spoor.ingest.IngestOverloadedException;
import io.spoor.report.IndexStillReadingException;
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

  @Test
  void aReportWhoseDaysAreStillBeingReadIsToldHowManyRemainWhileOtherFailuresKeepTheirDetailsToTheLog() {
    ErrorMapper.ApiError reading = ErrorMapper.map(new IndexStillReadingException(3, 31), 500);
    ErrorMapper.ApiError store = ErrorMapper.map(new StoreException("locked", new SQLException("busy")), 500);

    assertEquals(503, reading.status());
    assertEquals("the index of visits is still reading 3 of the 31 days of this report: retry in a moment",
        reading.message());
    assertEquals("Spoor cannot take this request now; retry after a second", store.message());
  }
}
