package io.spoor.report;

import io.spoor.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** What a report covers: whole UTC days {@code from} to {@code to}, both included. */
record ReportQuery(long portalId, LocalDate from, LocalDate to, Interval interval, ReportFilter filter) {
  static final int MAX_DAYS = 732;

  enum Interval {
    HOUR(1), DAY(24);

    final int hours;

    Interval(int hours) {
      this.hours = hours;
    }
  }

  ReportQuery {
    if (to.isBefore(from)) {
      throw new InvalidInputException("to is before from");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new InvalidInputException("a report covers at most " + MAX_DAYS + " days");
    }
  }

  static LocalDate date(String name, String value, java.time.format.DateTimeFormatter format) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name + " is required");
    }
    try {
      return LocalDate.parse(value, format);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " is not a date (" + value + ")");
    }
  }

  static Interval interval(String value) {
    if (value == null || value.isBlank()) {
      return Interval.DAY;
    }
    return switch (value) {
      case "hour" -> Interval.HOUR;
      case "day" -> Interval.DAY;
      default -> throw new InvalidInputException("interval is hour or day");
    };
  }

  long fromMs() {
    return from.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  long toMs() {
    return to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  long fromHour() {
    return fromMs() / RollupBatch.HOUR;
  }

  long toHour() {
    return toMs() / RollupBatch.HOUR;
  }

  /** The same span of days just before this one, for the comparison. */
  ReportQuery previous() {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    return new ReportQuery(portalId, from.minusDays(days), from.minusDays(1), interval, filter);
  }
}
