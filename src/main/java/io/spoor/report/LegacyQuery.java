package io.spoor.report;

import io.spoor.InvalidInputException;
import io.spoor.TooLargeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/**
 * A request for one of HubSpot's legacy analytics reports: what it breaks down by, into which
 * periods, over which days, and HubSpot's query parameters Spoor honours: a page of breakdowns
 * ({@code limit}, {@code offset}) in an order ({@code sort}, {@code sortDir}), only some
 * breakdowns ({@code f}) or all but some ({@code exclude}), and a source's drill-downs
 * ({@code d1}). Null {@code sort} is the breakdown's own order (page views for pages, visits
 * otherwise), null {@code drillDown} none.
 */
record LegacyQuery(long portalId, Breakdown breakdown, Period period, LocalDate start, LocalDate end, int limit,
    int offset, String sort, boolean ascending, Set<String> only, Set<String> exclude, String drillDown) {
  /** HubSpot's default page of breakdowns. */
  static final int DEFAULT_LIMIT = 100;
  /** The largest page of breakdowns one request may ask for. */
  static final int MAX_LIMIT = 1_000;
  /** HubSpot's bound on the periods of a daily, weekly or monthly report. */
  static final int MAX_PERIODS = 500;

  enum Breakdown {
    TOTALS(Dimension.ALL), SOURCES(Dimension.SOURCE), PAGES(Dimension.PAGE);

    final Dimension dim;

    Breakdown(Dimension dim) {
      this.dim = dim;
    }

    static Breakdown of(String name) {
      return switch (name) {
        case "totals" -> TOTALS;
        case "sources" -> SOURCES;
        case "pages" -> PAGES;
        default -> throw new InvalidInputException("breakdown_by is totals, sources or pages");
      };
    }
  }

  enum Period {
    TOTAL, DAILY, WEEKLY, MONTHLY;

    /** The epoch day a period starting the week or month of {@code day} is keyed by; 0 for the whole range. */
    long key(long day) {
      return switch (this) {
        case TOTAL -> 0;
        case DAILY -> day;
        case WEEKLY -> LocalDate.ofEpochDay(day).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay();
        case MONTHLY -> LocalDate.ofEpochDay(day).withDayOfMonth(1).toEpochDay();
      };
    }

    /** How many periods the days {@code start} to {@code end} fall in. */
    long count(LocalDate start, LocalDate end) {
      return switch (this) {
        case TOTAL -> 1;
        case DAILY -> ChronoUnit.DAYS.between(start, end) + 1;
        case WEEKLY -> (key(end.toEpochDay()) - key(start.toEpochDay())) / 7 + 1;
        case MONTHLY -> ChronoUnit.MONTHS.between(start.withDayOfMonth(1), end.withDayOfMonth(1)) + 1;
      };
    }

    static Period of(String name) {
      return switch (name) {
        case "total" -> TOTAL;
        case "daily" -> DAILY;
        case "weekly" -> WEEKLY;
        case "monthly" -> MONTHLY;
        default -> throw new InvalidInputException("time_period is total, daily, weekly or monthly");
      };
    }
  }

  LegacyQuery {
    if (end.isBefore(start)) {
      throw new InvalidInputException("end is before start");
    }
    long periods = period.count(start, end);
    if (periods > MAX_PERIODS) {
      throw new TooLargeException("RESULT_POINT_LIMIT_EXCEEDED: a report has at most " + MAX_PERIODS
          + " periods (" + periods + " asked for); narrow start and end, or ask for longer periods");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new InvalidInputException("limit is from 1 to " + MAX_LIMIT + " (" + limit + ")");
    }
    if (offset < 0) {
      throw new InvalidInputException("offset is 0 or more (" + offset + ")");
    }
    if (sort != null && !LegacyFields.of(breakdown.dim).names().contains(sort)) {
      throw new InvalidInputException("sort is one of " + String.join(", ", LegacyFields.of(breakdown.dim).names())
          + " for " + breakdown.name().toLowerCase(java.util.Locale.ROOT));
    }
    if (drillDown != null && breakdown != Breakdown.SOURCES) {
      throw new InvalidInputException("d1 drills down into a source: it is for breakdown_by sources only");
    }
    only = Set.copyOf(only);
    exclude = Set.copyOf(exclude);
  }

  /** Parses the path's names and the query parameters' text; {@code null} where a parameter is absent. */
  static LegacyQuery parse(long portalId, String breakdown, String period, LocalDate start, LocalDate end,
      String limit, String offset, String sort, String sortDir, List<String> only, List<String> exclude,
      String drillDown) {
    boolean ascending = switch (sortDir == null ? "desc" : sortDir.toLowerCase(java.util.Locale.ROOT)) {
      case "asc" -> true;
      case "desc" -> false;
      default -> throw new InvalidInputException("sortDir is asc or desc (" + sortDir + ")");
    };
    return new LegacyQuery(portalId, Breakdown.of(breakdown), Period.of(period), start, end,
        number("limit", limit, DEFAULT_LIMIT), number("offset", offset, 0), sort, ascending, Set.copyOf(only),
        Set.copyOf(exclude), drillDown == null || drillDown.isEmpty() ? null : drillDown);
  }

  private static int number(String name, String value, int absent) {
    if (value == null || value.isEmpty()) {
      return absent;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name + " is not a whole number (" + value + ")");
    }
  }

  /** The dimension whose buckets the report reads: a source's drill-downs with {@code d1}. */
  Dimension dimension() {
    return drillDown == null ? breakdown.dim : Dimension.SOURCE_DATA_1;
  }

  /** The breakdown a bucket value is shown as, or null when the request leaves it out. */
  String shown(String value) {
    String name = value;
    if (breakdown == Breakdown.TOTALS) {
      name = "totals";
    } else if (drillDown != null) {
      String prefix = Dimension.drillDown(drillDown, "");
      if (!value.startsWith(prefix) || value.length() == prefix.length()) {
        return null;
      }
      name = value.substring(prefix.length());
    }
    return (only.isEmpty() || only.contains(name)) && !exclude.contains(name) ? name : null;
  }
}
