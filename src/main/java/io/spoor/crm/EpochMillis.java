package io.spoor.crm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A point in time as HubSpot's date and datetime values are written: epoch milliseconds (up to
 * 15 digits, negative for before 1970), an ISO-8601 date ({@code 2024-05-01}, midnight UTC) or
 * an ISO-8601 instant ({@code 2024-05-01T10:00:00Z}). The one reading of such text for property
 * values and search filters alike.
 */
public final class EpochMillis {
  private static final Pattern DIGITS = Pattern.compile("-?\\d{1,15}");

  private EpochMillis() {
  }

  public static Optional<Long> parse(String raw) {
    try {
      if (DIGITS.matcher(raw).matches()) {
        return Optional.of(Long.parseLong(raw));
      }
      if (raw.length() == 10) {
        return Optional.of(LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
      }
      return Optional.of(Instant.parse(raw).toEpochMilli());
    } catch (DateTimeParseException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** Whether the instant is a midnight UTC, as a {@code date} property's value must be. */
  public static boolean isMidnight(long millis) {
    return Math.floorMod(millis, 86_400_000L) == 0;
  }
}
