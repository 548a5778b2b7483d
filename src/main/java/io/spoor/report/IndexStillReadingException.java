package io.spoor.report;

import io.spoor.UnavailableException;

/**
 * A filtered report's days were not all read into the index of visits within the wait allowed
 * ({@code --report-index-wait-ms}), as after a start while it reads ahead: answered 503 with
 * {@code Retry-After}; the days read meanwhile stay, so asking again gets further.
 */
public final class IndexStillReadingException extends UnavailableException {
  public IndexStillReadingException(long unread, long days) {
    super("the index of visits is still reading " + unread + " of the " + days + " days of this report: retry in a "
        + "moment");
  }

  @Override
  public String clientMessage() {
    return getMessage();
  }
}
